import * as path from 'node:path';
import {
  CodeActionKind,
  commands,
  ProgressLocation,
  StatusBarAlignment,
  Uri,
  window,
  workspace,
  type CodeAction,
  type ExtensionContext,
  type LogOutputChannel,
  type StatusBarItem,
} from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

import {
  COMPOSE_GLOB,
  DOTENV_GLOB,
  FACT_FILES_GLOB,
  isPolicyPath,
  LINTED_FILES_GLOB,
  POLICY_GLOB,
  POLICY_NAME_GLOB,
  SECURITY_TXT_GLOB,
} from '../../common/files';
import {
  FIX_ALL_KIND,
  LINT_FILES_REQUEST,
  SERVER_EXEC_ARGV,
  SHOWS_RULE_DOCS_OPTION,
  type LintFilesParams,
  type LintFilesResult,
} from '../../common/protocol';
import { createSecurityTxt } from './createSecurityTxt';
import { findPolicies, insertSecurityPolicy } from './insertPolicy';
import { isWorkspacePolicy } from './policyFolders';

let client: LanguageClient | undefined;

const FIX_ALL = CodeActionKind.Empty.append(FIX_ALL_KIND);

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
      pattern: POLICY_GLOB,
    },
  }));
  const others = [
    { scheme: 'file', pattern: COMPOSE_GLOB },
    { scheme: 'file', pattern: DOTENV_GLOB },
    { scheme: 'file', pattern: SECURITY_TXT_GLOB },
  ];
  if (folders.length === 0) return [{ scheme: 'file', pattern: `**/${POLICY_NAME_GLOB}` }, ...others];
  return [...policyFilters, ...others];
}

export async function activate(context: ExtensionContext): Promise<void> {
  const output: LogOutputChannel = window.createOutputChannel('Security Policy', { log: true });
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6010'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: output,
    traceOutputChannel: output,
    synchronize: {
      fileEvents: workspace.createFileSystemWatcher(FACT_FILES_GLOB),
    },
    initializationOptions: { [SHOWS_RULE_DOCS_OPTION]: true },
  };
  client = new LanguageClient('secpolicy', 'Security Policy', serverOptions, clientOptions);
  const status = window.createStatusBarItem('secpolicy.noPolicy', StatusBarAlignment.Left, 10);
  status.name = 'Security Policy';
  status.text = '$(shield) No security policy';
  status.tooltip =
    'This workspace has no SECURITY.md: researchers cannot tell how to report a vulnerability. Click to insert one.';
  status.command = 'secpolicy.insertPolicy';
  const policyWatcher = workspace.createFileSystemWatcher(`**/${POLICY_NAME_GLOB}`);
  const refreshStatus = () => void updatePolicyStatus(status);
  context.subscriptions.push(
    output,
    status,
    policyWatcher,
    policyWatcher.onDidCreate(refreshStatus),
    policyWatcher.onDidDelete(refreshStatus),
    commands.registerCommand('secpolicy.insertPolicy', insertSecurityPolicy),
    commands.registerCommand('secpolicy.createSecurityTxt', createSecurityTxt),
    commands.registerCommand('secpolicy.fixAll', fixAllInActiveEditor),
    commands.registerCommand('secpolicy.lintWorkspace', () => lintWorkspace(output)),
    commands.registerCommand('secpolicy.showRuleDocs', (ruleId?: string) => showRuleDocs(context, ruleId)),
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
  refreshStatus();
  await client.start();
}

async function updatePolicyStatus(status: StatusBarItem): Promise<void> {
  if (!workspace.workspaceFolders?.length || (await findPolicies()).length > 0) status.hide();
  else status.show();
}

/** "Fix all problems in this file": the same edit as the source.fixAll.secpolicy code action. */
async function fixAllInActiveEditor(): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor) return;
  const document = editor.document;
  const end = document.lineAt(document.lineCount - 1).range.end;
  const actions = await commands.executeCommand<CodeAction[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    document.validateRange(document.lineAt(0).range.with(undefined, end)),
    FIX_ALL.value,
  );
  const fixAll = actions?.find((action) => action.kind?.value === FIX_ALL.value && action.edit);
  if (!fixAll?.edit) {
    void window.showInformationMessage('secpolicy has nothing to fix automatically in this file.');
    return;
  }
  await workspace.applyEdit(fixAll.edit);
}

/**
 * "Lint workspace": every policy (where the CLI finds policies), Compose, `.env` and security.txt
 * file, linted by the server from disk, with cancellable progress.
 */
async function lintWorkspace(output: LogOutputChannel): Promise<void> {
  if (!client) return;
  const running = client;
  await window.withProgress(
    { location: ProgressLocation.Notification, title: 'Security Policy: linting the workspace', cancellable: true },
    async (progress, token) => {
      // An undefined exclude applies files.exclude; node_modules is skipped here as well.
      const found = await workspace.findFiles(LINTED_FILES_GLOB, undefined, 10_000, token);
      const uris: string[] = [];
      for (const uri of found) {
        if (uri.path.includes('/node_modules/')) continue;
        // A security.md in documentation (docs/guide/) is a page about security, not a policy.
        if (isPolicyPath(uri.path) && !(await isWorkspacePolicy(uri))) continue;
        uris.push(uri.toString());
      }
      let linted = 0;
      const batch = 20;
      for (let start = 0; start < uris.length && !token.isCancellationRequested; start += batch) {
        const slice = uris.slice(start, start + batch);
        const params: LintFilesParams = { uris: slice };
        const result = await running.sendRequest<LintFilesResult>(LINT_FILES_REQUEST, params, token);
        linted += slice.length;
        for (const skipped of result.skipped) output.warn(`Could not read ${skipped}`);
        progress.report({
          increment: (100 * slice.length) / uris.length,
          message: `${linted} of ${uris.length} files`,
        });
      }
      if (!token.isCancellationRequested) {
        void window.showInformationMessage(`secpolicy linted ${uris.length} files; see the Problems panel.`);
      }
    },
  );
}

/** Opens a rule's page from the docs bundled with the extension, asking which rule when none is given. */
async function showRuleDocs(context: ExtensionContext, ruleId?: string): Promise<void> {
  let id = ruleId;
  if (!id) {
    const docs = Uri.joinPath(context.extensionUri, 'docs', 'rules');
    const ids: string[] = [];
    for (const [kind] of await workspace.fs.readDirectory(docs)) {
      for (const [name] of await workspace.fs.readDirectory(Uri.joinPath(docs, kind))) {
        if (name.endsWith('.md')) ids.push(`${kind}/${name.slice(0, -3)}`);
      }
    }
    id = await window.showQuickPick(ids.sort(), { title: 'Show rule documentation', placeHolder: 'Rule id' });
    if (!id) return;
  }
  await commands.executeCommand(
    'markdown.showPreview',
    Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
