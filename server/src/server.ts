import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/start-server';
import { unsupportedNode } from './node-version';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket=', '--pipe=', '--clientProcessId'];
const usage = `Usage: secpolicy-language-server --stdio

The secpolicy language server: diagnostics and quick fixes for SECURITY.md and Docker Compose files.
Transports: --stdio, --node-ipc, --socket=<port>, --pipe=<name>.`;

/** The `secpolicy-language-server` command: starts the server on the transport its arguments name. */
export function runServerProcess(): void {
  const args = process.argv.slice(2);
  const tooOld = unsupportedNode('secpolicy-language-server');
  if (tooOld) {
    process.stderr.write(`${tooOld}\n`);
    process.exitCode = 2;
  } else if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${usage}\n`);
  } else if (args.includes('--version')) {
    process.stdout.write(`${process.env.SECPOLICY_VERSION ?? 'unknown'}\n`);
  } else if (!process.send && !args.some((arg) => TRANSPORTS.some((transport) => arg.startsWith(transport)))) {
    process.stderr.write(`secpolicy-language-server: no transport given.\n${usage}\n`);
    process.exitCode = 2;
  } else {
    startServer(createConnection(ProposedFeatures.all));
  }
}
