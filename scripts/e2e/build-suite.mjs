// Bundles the real-editor suite (test/e2e/suite) for the extension host: index.js with mocha
// inside (mocha 12 is ESM-only and needs Node >= 20.19; Electron's Node may be older), and
// one *.test.js per test file. `vscode` stays external: the extension host provides it.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';

const SUITE = 'test/e2e/suite';
const OUT = 'dist/test/e2e/suite';

const entryPoints = readdirSync(SUITE)
  .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
  .map((name) => `${SUITE}/${name}`);

rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints,
  outdir: OUT,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode'],
  logLevel: 'warning',
  // Only mocha's parallel mode (worker files) needs those; the suite runs serially.
  logOverride: { 'require-resolve-not-external': 'silent' },
});
