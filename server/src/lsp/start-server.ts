import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FACT_FILES_GLOB } from '../../../common/files';
import {
  FIX_ALL_KIND,
  LINT_FILES_REQUEST,
  SHOWS_RULE_DOCS_OPTION,
  type LintFilesParams,
} from '../../../common/protocol';
import { codeActions } from './code-actions';
import { completions } from './completion';
import { kindOf, LintedDocuments } from './documents';
import { hover, promiseNote } from './hover';
import { lintFiles } from './lint-files';
import { filePath, LintContext } from './settings';

export interface InitializationOptions {
  /** Milliseconds to wait after a change before linting; tests set 0. */
  diagnosticDelay?: number;
  /** Settings for clients that do not answer `workspace/configuration`. */
  settings?: unknown;
  /** The client runs SHOW_RULE_DOCS_COMMAND (the VS Code extension does). */
  [SHOWS_RULE_DOCS_OPTION]?: boolean;
}

const DEFAULT_DIAGNOSTIC_DELAY = 30;

/** Wires the secpolicy engine to an LSP connection and starts listening. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const reportedProblems = new Set<string>();
  const warnOnce = (text: string) => {
    if (reportedProblems.has(text)) return;
    reportedProblems.add(text);
    connection.console.warn(text);
    void connection.window.showWarningMessage(text);
  };
  const context = new LintContext(warnOnce, (text) => connection.console.info(text));
  const linted = new LintedDocuments(connection, documents, context);
  let diagnosticDelay = DEFAULT_DIAGNOSTIC_DELAY;
  let pullsConfiguration = false;
  let watchesFilesDynamically = false;
  let showsRuleDocs = false;

  const refreshSettings = async () => {
    if (!pullsConfiguration) return;
    try {
      context.apply(await connection.workspace.getConfiguration('secpolicy'));
    } catch (error) {
      connection.console.error(`could not read the secpolicy settings: ${String(error)}`);
    }
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof options.diagnosticDelay === 'number' && options.diagnosticDelay >= 0) {
      diagnosticDelay = options.diagnosticDelay;
    }
    if (options.settings !== undefined) context.apply(options.settings);
    showsRuleDocs = options[SHOWS_RULE_DOCS_OPTION] === true;
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    context.folders = folders.map(filePath).filter((path): path is string => path !== undefined);
    pullsConfiguration = params.capabilities.workspace?.configuration === true;
    watchesFilesDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        completionProvider: { triggerCharacters: ['#', '|', ' ', ':', '='] },
        hoverProvider: true,
      },
      serverInfo: { name: 'secpolicy-language-server' },
    };
  });

  connection.onInitialized(async () => {
    if (pullsConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'secpolicy' });
    }
    if (watchesFilesDynamically) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: FACT_FILES_GLOB }],
      });
    }
    await refreshSettings();
    linted.relintAll();
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (pullsConfiguration) await refreshSettings();
    else context.apply((change.settings as Record<string, unknown> | null)?.secpolicy);
    linted.relintAll();
  });

  connection.onDidChangeWatchedFiles(() => {
    context.forget();
    reportedProblems.clear();
    linted.relintAll();
  });

  connection.onRequest(LINT_FILES_REQUEST, (params: LintFilesParams, token) =>
    lintFiles(params, token, connection, documents, context),
  );

  connection.onCompletion((params) => {
    const document = documents.get(params.textDocument.uri);
    const kind = document && context.settings.enable ? kindOf(document) : undefined;
    // A position past the end is clamped, so every edit offered lies inside the document.
    if (!document || !kind) return [];
    return completions(
      kind,
      document,
      document.positionAt(document.offsetAt(params.position)),
      new Date().toISOString(),
    );
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    const kind = document && context.settings.enable ? kindOf(document) : undefined;
    if (!document || !kind) return null;
    const position = document.positionAt(document.offsetAt(params.position));
    const promise = linted.promiseAt(document, document.offsetAt(position));
    return hover(kind, document, position, promise ? [promiseNote(promise.promise, promise.checked)] : []);
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return codeActions(document, params, {
      documents: linted,
      context,
      openText: (uri) => documents.get(uri)?.getText(),
      showsRuleDocs,
    });
  });

  documents.onDidOpen((event) => linted.schedule(event.document, 0));
  documents.onDidChangeContent((event) => {
    linted.schedule(event.document, diagnosticDelay);
    // An override, an included file or an env file changed: the files of its project see it too.
    linted.scheduleDependents(event.document.uri, diagnosticDelay);
  });
  documents.onDidClose((event) => {
    linted.close(event.document.uri);
    // What the closed editor held is read from disk again.
    linted.scheduleDependents(event.document.uri, 0);
  });

  documents.listen(connection);
  connection.listen();
}
