// The one bundle behind both commands: dist/cli.js and dist/server.js are two-line launchers that
// call into it, so the engine ships once in the package. Each command loads only its own half: the
// CLI never evaluates the protocol libraries, the server never the CLI's reporters.
/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see above */
import type * as Cli from './cli';
import type * as Server from './server';

export function cli(): ReturnType<typeof Cli.runCliProcess> {
  return (require('./cli') as typeof Cli).runCliProcess();
}

export function server(): void {
  (require('./server') as typeof Server).runServerProcess();
}
