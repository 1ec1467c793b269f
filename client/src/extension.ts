import * as path from 'node:path';
import { commands, window, workspace, type ExtensionContext, type LogOutputChannel } from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** SECURITY.md in any letter case. */
const POLICY_NAME = '[Ss][Ee][Cc][Uu][Rr][Ii][Tt][Yy].[Mm][Dd]';
/** compose.y(a)ml, docker-compose.y(a)ml and every *compose*.y(a)ml override. */
const COMPOSE_GLOB = '**/*compose*.{yml,yaml}';

/**
 * Only policy and Compose files, never every Markdown or YAML file: policies at the root,
 * in .github/ or in docs/ of each workspace folder (anywhere for files outside a folder).
 */
export function documentSelector(): DocumentSelector {
  const folders = workspace.workspaceFolders ?? [];
  const policyFilters = folders.map((folder) => ({
    scheme: 'file',
    pattern: {
      baseUri: folder.uri.toString(),
      pattern: `{${POLICY_NAME},.github/${POLICY_NAME},docs/${POLICY_NAME}}`,
    },
  }));
  if (folders.length === 0)
    return [
      { scheme: 'file', pattern: `**/${POLICY_NAME}` },
      { scheme: 'file', pattern: COMPOSE_GLOB },
    ];
  return [...policyFilters, { scheme: 'file', pattern: COMPOSE_GLOB }];
}

export async function activate(context: ExtensionContext): Promise<void> {
  const output: LogOutputChannel = window.createOutputChannel('Security Policy', { log: true });
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: output,
    traceOutputChannel: output,
    synchronize: {
      fileEvents: workspace.createFileSystemWatcher('**/{.secpolicy.json,package.json,.git/config}'),
    },
  };
  client = new LanguageClient('secpolicy', 'Security Policy', serverOptions, clientOptions);
  context.subscriptions.push(
    output,
    commands.registerCommand('secpolicy.restartServer', async () => {
      output.appendLine('Restarting the secpolicy language server.');
      await client?.restart();
    }),
    commands.registerCommand('secpolicy.showOutput', () => output.show(true)),
    workspace.onDidChangeWorkspaceFolders(async () => {
      // The policy selector is built per workspace folder.
      if (!client) return;
      client.clientOptions.documentSelector = documentSelector();
      await client.restart();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
