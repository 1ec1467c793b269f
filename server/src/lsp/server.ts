import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { emptyConfig, mergeConfigs, readConfig } from '../engine/config';
import { disableFileEdit, disableLineEdit } from '../engine/directives';
import { differenceEdit, fixAllEdits, fixAllText } from '../engine/fixes';
import { documentKind } from '../engine/kinds';
import { lintParsed, parse, type ParsedDocument } from '../engine/lint';
import type { Config, DocumentKind, Finding, ProjectFacts } from '../engine/types';
import { findConfig, projectFacts } from '../node/project';
import { ruleIds } from '../rules';
import { toDiagnostic, toLspEdit, type DiagnosticData } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.secpolicy`;

export interface InitializationOptions {
  /** Milliseconds to wait after a change before linting; tests set 0. */
  diagnosticDelay?: number;
  /** Settings for clients that do not answer `workspace/configuration`. */
  settings?: unknown;
}

interface Settings {
  enable: boolean;
  config: Config;
}

interface Linted {
  version: number;
  kind: DocumentKind;
  parsed: ParsedDocument;
  findings?: Finding[];
}

const DEFAULT_DIAGNOSTIC_DELAY = 30;

function readSettings(value: unknown): { settings: Settings; problems: string[] } {
  const section = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const { config, problems } = readConfig({ rules: section.rules ?? {} }, ruleIds);
  return { settings: { enable: section.enable !== false, config }, problems };
}

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Wires the secpolicy engine to an LSP connection and starts listening. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const linted = new Map<string, Linted>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const configs = new Map<string, Config>();
  const facts = new Map<string, ProjectFacts>();
  const reportedProblems = new Set<string>();
  let settings: Settings = { enable: true, config: emptyConfig() };
  let diagnosticDelay = DEFAULT_DIAGNOSTIC_DELAY;
  let pullsConfiguration = false;
  let watchesFilesDynamically = false;

  const warnOnce = (text: string) => {
    if (reportedProblems.has(text)) return;
    reportedProblems.add(text);
    connection.console.warn(text);
    void connection.window.showWarningMessage(text);
  };

  const applySettings = (value: unknown) => {
    const read = readSettings(value);
    settings = read.settings;
    for (const problem of read.problems) warnOnce(`secpolicy settings: ${problem}`);
  };

  const configFor = (uri: string): Config => {
    const path = filePath(uri);
    if (!path) return settings.config;
    const directory = dirname(path);
    let fileConfig = configs.get(directory);
    if (!fileConfig) {
      const found = findConfig(directory);
      for (const problem of found?.problems ?? []) warnOnce(`${found!.path}: ${problem}`);
      fileConfig = found?.config ?? emptyConfig();
      configs.set(directory, fileConfig);
    }
    return mergeConfigs(settings.config, fileConfig);
  };

  const factsFor = (uri: string): ProjectFacts => {
    const path = filePath(uri);
    if (!path) return {};
    const directory = dirname(path);
    let found = facts.get(directory);
    if (!found) {
      found = projectFacts(directory);
      facts.set(directory, found);
    }
    return found;
  };

  /** Parses once per document version; settings changes re-lint the cached parse. */
  const lintDocument = (document: TextDocument): Linted | undefined => {
    const kind = documentKind(filePath(document.uri) ?? document.uri);
    if (!kind) return undefined;
    let entry = linted.get(document.uri);
    if (!entry || entry.version !== document.version) {
      entry = { version: document.version, kind, parsed: parse(kind, document.getText()) };
      linted.set(document.uri, entry);
    }
    if (!entry.findings) {
      const result = lintParsed(entry.parsed, { config: configFor(document.uri), facts: factsFor(document.uri) });
      for (const failure of result.failures) {
        connection.console.error(`rule ${failure.ruleId} failed on ${document.uri}: ${String(failure.error)}`);
      }
      entry.findings = result.findings;
    }
    return entry;
  };

  const publish = (document: TextDocument) => {
    let diagnostics: Diagnostic[] = [];
    if (settings.enable) {
      try {
        const entry = lintDocument(document);
        diagnostics = entry?.findings?.map((finding) => toDiagnostic(document, finding)) ?? [];
      } catch (error) {
        connection.console.error(`secpolicy could not lint ${document.uri}: ${String(error)}`);
      }
    }
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  };

  const schedule = (document: TextDocument, delay: number) => {
    clearTimeout(timers.get(document.uri));
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri);
        // A newer version may have arrived, or the document closed: lint what is open now.
        const current = documents.get(document.uri);
        if (current) publish(current);
      }, delay),
    );
  };

  const relintAll = () => {
    for (const entry of linted.values()) entry.findings = undefined;
    for (const document of documents.all()) schedule(document, 0);
  };

  const refreshSettings = async () => {
    if (!pullsConfiguration) return;
    try {
      applySettings(await connection.workspace.getConfiguration('secpolicy'));
    } catch (error) {
      connection.console.error(`could not read the secpolicy settings: ${String(error)}`);
    }
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof options.diagnosticDelay === 'number' && options.diagnosticDelay >= 0) {
      diagnosticDelay = options.diagnosticDelay;
    }
    if (options.settings !== undefined) applySettings(options.settings);
    pullsConfiguration = params.capabilities.workspace?.configuration === true;
    watchesFilesDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
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
        watchers: [
          { globPattern: '**/.secpolicy.json' },
          { globPattern: '**/package.json' },
          { globPattern: '**/.git/config' },
        ],
      });
    }
    await refreshSettings();
    relintAll();
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (pullsConfiguration) await refreshSettings();
    else applySettings((change.settings as Record<string, unknown> | null)?.secpolicy);
    relintAll();
  });

  connection.onDidChangeWatchedFiles(() => {
    configs.clear();
    facts.clear();
    reportedProblems.clear();
    relintAll();
  });

  documents.onDidOpen((event) => schedule(event.document, 0));
  documents.onDidChangeContent((event) => schedule(event.document, diagnosticDelay));
  documents.onDidClose((event) => {
    clearTimeout(timers.get(event.document.uri));
    timers.delete(event.document.uri);
    linted.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params: CodeActionParams): CodeAction[] => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !settings.enable) return [];
    const kind = documentKind(filePath(document.uri) ?? document.uri);
    if (!kind) return [];
    const only = params.context.only;
    const wants = (wanted: string) =>
      !only || only.some((kindAsked) => wanted === kindAsked || wanted.startsWith(`${kindAsked}.`));
    const actions: CodeAction[] = [];
    const uri = document.uri;

    if (wants(CodeActionKind.QuickFix)) {
      const text = document.getText();
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== 'secpolicy' || typeof diagnostic.code !== 'string') continue;
        const ruleId = diagnostic.code;
        const data = diagnostic.data as DiagnosticData | undefined;
        if (data && data.version === document.version) {
          for (const fix of data.fixes) {
            actions.push({
              title: fix.title,
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagnostic],
              isPreferred: fix.preferred,
              edit: { changes: { [uri]: fix.edits } },
            });
          }
        }
        const offset = document.offsetAt(diagnostic.range.start);
        const lineEdit = disableLineEdit(text, kind, offset, ruleId);
        if (lineEdit) {
          actions.push({
            title: `Disable ${ruleId} for this line`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: { changes: { [uri]: [toLspEdit(document, lineEdit)] } },
          });
        }
        actions.push({
          title: `Disable ${ruleId} for this file`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [uri]: [toLspEdit(document, disableFileEdit(text, kind, ruleId))] } },
        });
      }
    }

    if (wants(FIX_ALL_KIND)) {
      const entry = lintDocument(document);
      if (entry?.findings && fixAllEdits(entry.findings).length > 0) {
        const options = { config: configFor(uri), facts: factsFor(uri) };
        const text = document.getText();
        const fixed = fixAllText(text, (current) => lintParsed(parse(kind, current), options).findings);
        actions.push({
          title: 'Fix all secpolicy problems in this file',
          kind: FIX_ALL_KIND,
          edit: { changes: { [uri]: [toLspEdit(document, differenceEdit(text, fixed.text))] } },
        });
      }
    }
    return actions;
  });

  documents.listen(connection);
  connection.listen();
}
