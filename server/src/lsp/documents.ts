import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentKind } from '../../../common/files';
import type { DocumentKind, Finding } from '../core/types';
import { parse } from '../engine/lint';
import { skipReason } from '../engine/limits';
import { lintParsed } from '../rules';
import { skippedDiagnostic, toDiagnostic } from './diagnostics';
import { filePath, type LintContext } from './settings';

/**
 * What is kept per open document and version. The parsed model is dropped once the findings are
 * made: it is many times the size of the text, and later requests need only the findings.
 */
export interface Linted {
  version: number;
  kind: DocumentKind;
  /** Why the document is not linted (too large, binary, pathologically nested). */
  skipped?: string;
  /** Undefined until linted, and again after a settings change. */
  findings?: Finding[];
}

/** The kind of an open document, from its path (or its URI when it has none). */
export function kindOf(document: TextDocument): DocumentKind | undefined {
  return documentKind(filePath(document.uri) ?? document.uri);
}

/**
 * The open documents' findings, linted once per version (code actions, hover and fix-all reuse
 * them), and the timers that lint a document a moment after it changes.
 */
export class LintedDocuments {
  private readonly linted = new Map<string, Linted>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly context: LintContext,
  ) {}

  /** The findings of the document's current version, linting it first when needed. */
  lint(document: TextDocument): Linted | undefined {
    const kind = kindOf(document);
    if (!kind) return undefined;
    let entry = this.linted.get(document.uri);
    if (!entry || entry.version !== document.version) {
      entry = { version: document.version, kind, skipped: skipReason(kind, document.getText()) };
      this.linted.set(document.uri, entry);
    }
    if (!entry.findings && !entry.skipped) {
      const result = lintParsed(parse(kind, document.getText()), {
        config: this.context.configFor(document.uri),
        facts: this.context.factsFor(document.uri),
      });
      for (const failure of result.failures) {
        this.connection.console.error(`rule ${failure.ruleId} failed on ${document.uri}: ${String(failure.error)}`);
      }
      entry.findings = result.findings;
    }
    return entry;
  }

  publish(document: TextDocument): void {
    let diagnostics: Diagnostic[] = [];
    if (this.context.settings.enable) {
      try {
        const entry = this.lint(document);
        diagnostics = entry?.skipped
          ? [skippedDiagnostic(entry.skipped)]
          : (entry?.findings?.map((finding) => toDiagnostic(document, finding)) ?? []);
      } catch (error) {
        this.connection.console.error(`secpolicy could not lint ${document.uri}: ${String(error)}`);
      }
    }
    void this.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  }

  /** Lints and publishes the document `delay` milliseconds from now, unless it changes again before. */
  schedule(document: TextDocument, delay: number): void {
    clearTimeout(this.timers.get(document.uri));
    this.timers.set(
      document.uri,
      setTimeout(() => {
        this.timers.delete(document.uri);
        // A newer version may have arrived, or the document closed: lint what is open now.
        const current = this.documents.get(document.uri);
        if (current) this.publish(current);
      }, delay),
    );
  }

  /** Lints every open document again (settings or project files changed). */
  relintAll(): void {
    for (const entry of this.linted.values()) entry.findings = undefined;
    for (const document of this.documents.all()) this.schedule(document, 0);
  }

  /** A closed document: its timer stops, its findings go and its diagnostics are cleared. */
  close(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.linted.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
