import { readFileSync, statSync } from 'node:fs';
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
import { differenceEdit, fixAllEdits, fixAllText, withUnattendedFixes } from '../engine/fixes';
import { documentKind } from '../engine/kinds';
import { skipReason } from '../engine/limits';
import { lintParsed, parse } from '../engine/lint';
import type { Config, DocumentKind, Finding, ProjectFacts } from '../engine/types';
import { findConfig, projectFacts, readDotenv } from '../node/project';
import { ruleIds } from '../rules';
import {
  skippedDiagnostic,
  textFingerprint,
  toDiagnostic,
  toDiagnosticFix,
  toLspEdit,
  toWorkspaceEdit,
  type DiagnosticData,
  type DiagnosticFix,
} from './convert';
import { completions } from './completion';
import { hover } from './hover';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.secpolicy`;
/** The request behind "Lint workspace": `{ uris }` in, `{ linted, skipped }` out. */
export const LINT_FILES_REQUEST = 'secpolicy/lintFiles';

/** A file's text, or undefined when it cannot be read or is too large to be a policy or Compose file. */
function readWorkspaceFile(path: string): string | undefined {
  try {
    if (statSync(path).size > 8 * 1024 * 1024) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

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

/**
 * What is kept per open document and version. The parsed model is dropped once the findings are
 * made: it is many times the size of the text, and later requests need only the findings.
 */
interface Linted {
  version: number;
  kind: DocumentKind;
  /** Why the document is not linted (too large, binary, pathologically nested). */
  skipped?: string;
  /** Undefined until linted, and again after a settings change. */
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

  /** Lints once per document version: code actions, hover and fix-all reuse the findings. */
  const lintDocument = (document: TextDocument): Linted | undefined => {
    const kind = documentKind(filePath(document.uri) ?? document.uri);
    if (!kind) return undefined;
    let entry = linted.get(document.uri);
    if (!entry || entry.version !== document.version) {
      entry = { version: document.version, kind, skipped: skipReason(kind, document.getText()) };
      linted.set(document.uri, entry);
    }
    if (!entry.findings && !entry.skipped) {
      const parsed = parse(kind, document.getText());
      const result = lintParsed(parsed, { config: configFor(document.uri), facts: factsFor(document.uri) });
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
        const documentFacts = factsFor(document.uri);
        diagnostics = entry?.skipped
          ? [skippedDiagnostic(entry.skipped)]
          : (entry?.findings?.map((finding) => toDiagnostic(document, finding, documentFacts)) ?? []);
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
        watchers: [
          { globPattern: '**/.secpolicy.json' },
          { globPattern: '**/package.json' },
          { globPattern: '**/.git/config' },
          { globPattern: '**/.env' },
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

  /**
   * "Lint workspace": lints files from disk that are not open and publishes their diagnostics, so
   * the Problems panel lists them without opening an editor. Open documents are linted already.
   */
  connection.onRequest(
    LINT_FILES_REQUEST,
    (params: { uris: string[] }, token): { linted: number; skipped: string[] } => {
      let linted = 0;
      const skipped: string[] = [];
      for (const uri of params.uris) {
        if (token.isCancellationRequested) break;
        if (documents.get(uri)) continue;
        const path = filePath(uri);
        const kind = path ? documentKind(path) : undefined;
        if (!path || !kind) continue;
        const text = readWorkspaceFile(path);
        if (text === undefined) {
          skipped.push(uri);
          continue;
        }
        const document = TextDocument.create(uri, kind === 'policy' ? 'markdown' : 'yaml', 0, text);
        const reason = skipReason(kind, text);
        const findings = reason
          ? []
          : lintParsed(parse(kind, text), { config: configFor(uri), facts: factsFor(uri) }).findings;
        const diagnostics = reason
          ? [skippedDiagnostic(reason)]
          : findings.map((finding) => toDiagnostic(document, finding, factsFor(uri)));
        void connection.sendDiagnostics({ uri, diagnostics });
        linted++;
      }
      return { linted, skipped };
    },
  );

  connection.onCompletion((params) => {
    const document = documents.get(params.textDocument.uri);
    const kind = document && settings.enable ? documentKind(filePath(document.uri) ?? document.uri) : undefined;
    // A position past the end is clamped, so every edit offered lies inside the document.
    return document && kind ? completions(kind, document, document.positionAt(document.offsetAt(params.position))) : [];
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    const kind = document && settings.enable ? documentKind(filePath(document.uri) ?? document.uri) : undefined;
    if (!document || !kind) return null;
    const position = document.positionAt(document.offsetAt(params.position));
    return hover(kind, document, position, lintDocument(document)?.findings ?? []);
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

    // A fix that also edits the project .env was placed against the .env text the lint read: when
    // that file has changed since, the fix is dropped and the document linted again with the new text.
    let staleDotenv = false;
    const isFresh = (fix: DiagnosticFix): boolean =>
      (fix.files ?? []).every((file) => {
        const path = filePath(file.uri);
        const open = documents.get(file.uri)?.getText();
        const text = open ?? (path ? (readDotenv(dirname(path))?.text ?? '') : undefined);
        const fresh = text !== undefined && textFingerprint(text) === file.basis;
        if (!fresh) staleDotenv = true;
        return fresh;
      });

    /** A fix that travelled without its edits, computed again from this version's findings. */
    const deferredFix = (diagnostic: Diagnostic, title: string): DiagnosticFix | undefined => {
      const start = document.offsetAt(diagnostic.range.start);
      const end = document.offsetAt(diagnostic.range.end);
      const finding = lintDocument(document)?.findings?.find(
        (each) => each.ruleId === diagnostic.code && each.start === start && each.end === end,
      );
      const fix = finding?.fixes?.find((each) => each.title === title);
      return fix ? toDiagnosticFix(document, fix, factsFor(document.uri)) : undefined;
    };

    if (wants(CodeActionKind.QuickFix)) {
      const text = document.getText();
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== 'secpolicy' || typeof diagnostic.code !== 'string') continue;
        const ruleId = diagnostic.code;
        const data = diagnostic.data as DiagnosticData | undefined;
        if (data && data.version === document.version) {
          for (const listed of data.fixes) {
            const fix = listed.deferred ? deferredFix(diagnostic, listed.title) : listed;
            if (!fix || !isFresh(fix)) continue;
            actions.push({
              title: fix.title,
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagnostic],
              isPreferred: fix.preferred,
              edit: toWorkspaceEdit(uri, document.version, fix),
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
      // Fix-all runs unattended (on save, say): fixes that need review or write to another file are
      // left to the quick fixes.
      if (entry?.findings && fixAllEdits(entry.findings.map(withUnattendedFixes)).length > 0) {
        const options = { config: configFor(uri), facts: factsFor(uri) };
        const text = document.getText();
        const fixed = fixAllText(text, (current) =>
          lintParsed(parse(kind, current), options).findings.map(withUnattendedFixes),
        );
        actions.push({
          title: 'Fix all secpolicy problems in this file',
          kind: FIX_ALL_KIND,
          edit: { changes: { [uri]: [toLspEdit(document, differenceEdit(text, fixed.text))] } },
        });
      }
    }
    if (staleDotenv) {
      const path = filePath(uri);
      if (path) facts.delete(dirname(path));
      relintAll();
    }
    return actions;
  });

  documents.listen(connection);
  connection.listen();
}
