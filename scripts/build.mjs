// Bundles the extension client and the engine (the language server and the CLI) with esbuild. The ESM-only
// remark/unified packages end up inside the CommonJS bundles the extension host and Node load.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const { version, engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * yaml reads its debugging switches (LOG_TOKENS, LOG_STREAM) from the environment on every token and
 * document: a call into the process's environment each time, about 4% of a Compose lint. They are
 * read as off here. The build fails if yaml stops reading them so, rather than drop the change unseen.
 */
const yamlDebugSwitchesOff = {
  name: 'yaml-debug-switches-off',
  setup(plugin) {
    plugin.onLoad({ filter: /[\\/]yaml[\\/]dist[\\/](?:parse[\\/]parser|compose[\\/]composer)\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const switched = source.replace(/node_process\.env\.LOG_(?:TOKENS|STREAM)\b/g, 'false');
      if (switched === source)
        throw new Error(`${args.path} no longer reads LOG_TOKENS or LOG_STREAM: see scripts/build.mjs`);
      return { contents: switched, loader: 'js' };
    });
  },
};

const shared = {
  bundle: true,
  plugins: [yamlDebugSwitchesOff],
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: production ? 'none' : 'inline',
  define: {
    'process.env.SECPOLICY_VERSION': JSON.stringify(version),
    'process.env.SECPOLICY_NODE_RANGE': JSON.stringify(engines.node),
  },
  logLevel: 'warning',
};

await Promise.all([
  build({ ...shared, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  // The engine once, for both commands; dist/cli.js and dist/server.js launch it.
  build({ ...shared, entryPoints: { secpolicy: 'server/src/bin.ts' }, outdir: 'dist' }),
]);

const LAUNCHERS = { 'cli.js': 'cli', 'server.js': 'server' };
for (const [file, command] of Object.entries(LAUNCHERS)) {
  writeFileSync(
    new URL(`../dist/${file}`, import.meta.url),
    `#!/usr/bin/env node\n'use strict';\nrequire('./secpolicy.js').${command}();\n`,
    { mode: 0o755 },
  );
}
