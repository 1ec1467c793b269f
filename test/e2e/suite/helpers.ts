import * as vscode from 'vscode';

export const EXTENSION_ID = 'secpolicy.secpolicy';

/** How long to wait for the editor or the server; a wait that runs out fails with what it saw. */
export const WAIT_MS = 20_000;

/** What the workspace's compose fixtures trip: proof that the server linted one. */
export const COMPOSE_CODES = ['compose/default-password', 'compose/docker-socket'];

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** The rule id of a diagnostic: LSP diagnostics with a codeDescription arrive as { value, target }. */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'secpolicy');
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map(
      (d) => `${codeOf(d)} ${vscode.DiagnosticSeverity[d.severity]} ${d.range.start.line}:${d.range.start.character}`,
    )
    .join(', ');
}

/**
 * Resolves with our diagnostics for `uri` once `accept` holds for them: checked now and on every
 * diagnostics change, never by polling or sleeping.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = ours(uri);
      if (!accept(diagnostics)) return false;
      subscription.dispose();
      clearTimeout(timer);
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(
        new Error(
          `timed out after ${WAIT_MS} ms waiting for ${what} on ${vscode.workspace.asRelativePath(uri)}; ` +
            `secpolicy diagnostics: ${describeDiagnostics(ours(uri))}`,
        ),
      );
    }, WAIT_MS);
    check();
  });
}

/**
 * Resolves once `condition` holds: checked now and whenever one of `events` fires, never by
 * polling or sleeping. `what` describes the wait, and the state it saw, when it times out.
 */
export function waitUntil(
  events: readonly vscode.Event<unknown>[],
  condition: () => boolean,
  what: () => string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!condition()) return;
      for (const subscription of subscriptions) subscription.dispose();
      clearTimeout(timer);
      resolve();
    };
    const subscriptions = events.map((event) => event(check));
    const timer = setTimeout(() => {
      for (const subscription of subscriptions) subscription.dispose();
      reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${what()}`));
    }, WAIT_MS);
    check();
  });
}

/** Whether the extension host holds a document for `uri`. */
export function isOpen(uri: vscode.Uri): boolean {
  return vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());
}

/**
 * Waits until our diagnostics for `uri` include every code in `present` and none in `absent`.
 * The rules' own tests pin exact findings; these tests pin the editor integration, so a new
 * rule that also fires on a fixture does not break them.
 */
export function waitForCodes(
  uri: vscode.Uri,
  { present = [], absent = [] }: { present?: readonly string[]; absent?: readonly string[] },
): Promise<vscode.Diagnostic[]> {
  const what = [
    present.length > 0 ? `diagnostics ${present.join(', ')}` : '',
    absent.length > 0 ? `no ${absent.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return waitForDiagnostics(
    uri,
    (diagnostics) => {
      const codes = new Set(diagnostics.map(codeOf));
      return present.every((code) => codes.has(code)) && absent.every((code) => !codes.has(code));
    },
    what,
  );
}

/** The one diagnostic of `diagnostics` with this code. */
export function withCode(diagnostics: readonly vscode.Diagnostic[], code: string): vscode.Diagnostic {
  const found = diagnostics.filter((diagnostic) => codeOf(diagnostic) === code);
  if (found.length !== 1) throw new Error(`expected one ${code}, got ${describeDiagnostics(diagnostics)}`);
  return found[0];
}

export async function open(relative: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relative));
  await vscode.window.showTextDocument(document);
  return document;
}

/** Reverts every edited document and closes all editors, so no test leaves a dirty buffer. */
export async function revertAndCloseAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty || document.uri.scheme !== 'file') continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Applies a code action's workspace edit and fails if the editor refuses it. */
export async function applyAction(action: vscode.CodeAction): Promise<void> {
  if (!action.edit) throw new Error(`code action "${action.title}" has no edit`);
  const applied = await vscode.workspace.applyEdit(action.edit);
  if (!applied) throw new Error(`the editor did not apply "${action.title}"`);
}

export function codeActions(uri: vscode.Uri, range: vscode.Range, kind: string): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind);
}

export function wholeDocument(document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end);
}
