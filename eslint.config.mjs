import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The engine and everything it reads are pure: no editor, no LSP runtime, no I/O. */
const PURE = {
  paths: [{ name: 'vscode', message: 'The engine is editor-independent.' }],
  patterns: [
    {
      group: ['vscode-languageserver*', 'node:*', 'fs', 'path', 'http', 'https', 'net', 'child_process'],
      message: 'The engine is pure: no LSP runtime, no I/O.',
    },
  ],
};

export default tseslint.config(
  // server/no-vscode.ts is the compile-time wall's stub: it exists to fail when compiled.
  { ignores: ['dist/', 'node_modules/', '.test-artifacts/', 'test/fixtures/', '.cache/', 'server/no-vscode.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: 'error',
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only client/ may import vscode.' }] }],
    },
  },
  {
    // The client crosses into the rest of the repository only through common/.
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./\\.\\./(?!common/)',
              message: 'client/ may import vscode, packages, ./ and ../../common/ only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // common/ is imported by both sides of the wall: it imports nothing but itself.
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...PURE,
          patterns: [...PURE.patterns, { regex: '^\\.\\./\\.\\./', message: 'common/ imports only common/.' }],
        },
      ],
    },
  },
  {
    files: [
      'server/src/core/**/*.ts',
      'server/src/engine/**/*.ts',
      'server/src/formats/**/*.ts',
      'server/src/rules/**/*.ts',
      'server/src/secrets/**/*.ts',
    ],
    rules: { 'no-restricted-imports': ['error', PURE] },
  },
);
