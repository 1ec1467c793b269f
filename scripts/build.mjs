// Bundles the extension client, the language server and the CLI with esbuild. The ESM-only
// remark/unified packages end up inside the CommonJS bundles the extension host and Node load.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const shared = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: production ? 'none' : 'inline',
  define: { 'process.env.SECPOLICY_VERSION': JSON.stringify(version) },
  logLevel: 'warning',
};

await Promise.all([
  build({ ...shared, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  build({
    ...shared,
    entryPoints: { server: 'server/src/server.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  }),
  build({
    ...shared,
    entryPoints: { cli: 'server/src/cli.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
