// The one bundle behind both commands: dist/cli.js and dist/server.js are two-line launchers that
// call into it, so the engine ships once in the package.
export { runCliProcess as cli } from './cli';
export { runServerProcess as server } from './server';
