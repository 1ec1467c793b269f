import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentKind } from '../../../common/files';
import type { DocumentKind, Finding, ProjectFacts } from '../core/types';
import { parse } from '../engine/lint';
import type { DeploymentPromise } from '../formats/policy/model';
import { parsePolicy } from '../formats/policy/parse';
import { checkedAgainst } from '../rules/utils/promises';
import { skipReason } from '../engine/limits';
import { lintComposeProject, lintParsed } from '../rules';
import type { LintResult } from '../engine/lint';
import { resolvePath } from '../core/paths';
import { diskSource, loadComposeProject, projectTree, type TextSource } from '../project/compose-project';
import { withPromiseSources } from '../project/deployment';
import { readText } from '../project/read';
import { basename, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lintComposeWhole, lintServiceEdit, type ComposeSnapshot } from './compose-incremental';
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
  /** The findings came from linting one service of the file, and carry no fixes (see compose-incremental). */
  partial?: boolean;
}

/** The kind of an open document, from its path (or its URI when it has none). */
export function kindOf(document: TextDocument): DocumentKind | undefined {
  return documentKind(filePath(document.uri) ?? document.uri);
}

/**
 * Runs `work` after one full turn of the event loop. Messages the connection reads meanwhile are
 * queued and applied one per turn (vscode-jsonrpc dispatches with setImmediate): by then the first
 * one read has been applied, so a change that arrived while a lint waited or ran supersedes it.
 */
function afterInputTurn(work: () => void): void {
  setImmediate(() => setImmediate(work));
}

/**
 * The open documents' findings, linted once per version (code actions, hover and fix-all reuse
 * them), and the timers that lint a document a moment after it changes.
 */
export class LintedDocuments {
  private readonly linted = new Map<string, Linted>();
  /** For each open Compose document, the paths of the files its project was built from. */
  private readonly projects = new Map<string, Set<string>>();
  /**
   * For each open policy, the Compose files its promises were checked against; for each open
   * Compose document, the policy that speaks for it: a change to one lints the other again.
   */
  private readonly promiseSources = new Map<string, Set<string>>();
  /** For each open Compose document that is a project of its own, what its next keystroke needs. */
  private readonly composeSnapshots = new Map<string, ComposeSnapshot>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The latest lint asked for, per document: an older one still on its way is dropped. */
  private readonly tickets = new Map<string, number>();
  private lastTicket = 0;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly context: LintContext,
  ) {}

  /**
   * The findings of the document's current version, linting it first when needed. When their
   * fixes are wanted (`withFixes`), findings of a keystroke linted within one service are replaced
   * by a whole lint's.
   */
  lint(document: TextDocument, withFixes = false): Linted | undefined {
    const kind = kindOf(document);
    if (!kind) return undefined;
    let entry = this.linted.get(document.uri);
    if (!entry || entry.version !== document.version) {
      entry = { version: document.version, kind, skipped: skipReason(kind, document.getText()) };
      this.linted.set(document.uri, entry);
    }
    if (withFixes && entry.partial) entry.findings = undefined;
    if (!entry.findings && !entry.skipped) {
      const path = filePath(document.uri);
      entry.partial = false;
      const result =
        kind === 'compose' && path
          ? this.lintInProject(document, path, document.getText(), withFixes ? 'whole' : 'incremental', entry)
          : lintParsed(parse(kind, document.getText()), {
              config: this.context.configFor(document.uri),
              facts: this.factsOf(document, kind),
            });
      for (const failure of result.failures) {
        this.connection.console.error(`rule ${failure.ruleId} failed on ${document.uri}: ${String(failure.error)}`);
      }
      entry.findings = result.findings;
    }
    return entry;
  }

  /**
   * Lints a Compose document as part of its project: the override, included and extended files
   * and env files, read from open documents first and from disk otherwise. Which files the
   * project holds is kept, so that a change to one of them lints this document again.
   */
  private lintInProject(
    document: TextDocument,
    path: string,
    text: string,
    mode: 'once' | 'whole' | 'incremental' = 'once',
    entry?: Linted,
  ): LintResult {
    const self = resolvePath(dirname(path), basename(path));
    const openText = (file: string) =>
      file === self ? text : this.documents.get(pathToFileURL(file).toString())?.getText();
    // A file that an open Compose file includes or extends is linted as part of that project,
    // where its services run as Compose merges them.
    const root = this.includingDocument(document.uri, self) ?? path;
    const project = loadComposeProject(root, diskSource(projectTree(root), openText));
    const dotenvPath = resolvePath(project.directory, '.env');
    this.projects.set(
      document.uri,
      new Set([...project.files.map((file) => file.path), ...project.references.keys(), dotenvPath]),
    );
    const onDisk = this.context.factsIn(project.directory);
    // The project .env open in an editor counts as it reads there, saved or not.
    const openDotenv = onDisk.dotenv && openText(onDisk.dotenv.path);
    const facts = this.withPromises(
      document.uri,
      'compose',
      project.files[0]?.path ?? self,
      onDisk.dotenv && openDotenv !== undefined
        ? { ...onDisk, dotenv: { ...onDisk.dotenv, text: openDotenv, exists: true } }
        : onDisk,
    );
    const optionsFor = (file: string) => ({ config: this.context.configFor(pathToFileURL(file).toString()), facts });
    const alone = project.files.length === 1 && project.references.size === 0 && project.files[0].path === self;
    if (mode === 'once' || !alone) {
      if (mode !== 'once') this.composeSnapshots.delete(document.uri);
      return lintComposeProject(project, optionsFor).get(self) ?? { findings: [], failures: [] };
    }
    // A file that is a project of its own: a keystroke inside one service is linted with that service alone.
    const previous = mode === 'incremental' ? this.composeSnapshots.get(document.uri) : undefined;
    const edited = previous && lintServiceEdit(previous, self, text, optionsFor(self));
    const linted = edited ?? lintComposeWhole(self, text, optionsFor(self));
    if (linted.snapshot) this.composeSnapshots.set(document.uri, linted.snapshot);
    else this.composeSnapshots.delete(document.uri);
    if (entry) entry.partial = edited !== undefined;
    return linted.result;
  }

  /**
   * Lints `text` as the content of `document` (a fix-all pass): Compose files with their project,
   * other kinds alone. Nothing is kept.
   */
  lintText(document: TextDocument, text: string): LintResult {
    const kind = kindOf(document);
    const path = filePath(document.uri);
    if (!kind) return { findings: [], failures: [] };
    if (kind === 'compose' && path) return this.lintInProject(document, path, text);
    return lintParsed(parse(kind, text), {
      config: this.context.configFor(document.uri),
      facts: this.factsOf(document, kind),
    });
  }

  /** The facts of a document that is not linted with a Compose project: a policy's with its deployment. */
  factsOf(document: TextDocument, kind: DocumentKind): ProjectFacts {
    const facts = this.context.factsFor(document.uri);
    const path = filePath(document.uri);
    return kind === 'policy' && path ? this.withPromises(document.uri, 'policy', path, facts) : facts;
  }

  /**
   * The facts with the other side of the promises added (see withPromiseSources), read from open
   * documents first; the files read are kept, so that a change to one of them lints `uri` again.
   */
  private withPromises(uri: string, kind: 'policy' | 'compose', path: string, facts: ProjectFacts): ProjectFacts {
    const read = diskSource(projectTree(path), (file) => this.documents.get(pathToFileURL(file).toString())?.getText());
    const sources = new Set<string>();
    this.promiseSources.set(uri, sources);
    const recorded: TextSource = (file) => {
      sources.add(file);
      return read(file);
    };
    return withPromiseSources(facts, kind, path, this.context.boundary(dirname(path)), recorded, (directory) =>
      this.context.factsIn(directory),
    );
  }

  /** The deployment promise of an open policy at `offset`, and what it is checked against. */
  promiseAt(
    document: TextDocument,
    offset: number,
  ): { promise: DeploymentPromise; checked: ReturnType<typeof checkedAgainst> } | undefined {
    const text = document.getText();
    if (kindOf(document) !== 'policy' || skipReason('policy', text)) return undefined;
    const promise = parsePolicy(text).promises.find(
      (candidate) => candidate.start <= offset && offset <= candidate.end,
    );
    if (!promise) return undefined;
    return { promise, checked: checkedAgainst(promise, this.factsOf(document, 'policy').deployment?.() ?? []) };
  }

  /** A file's text: the open document's when it is open, else what is on disk. */
  textOf(path: string): string | undefined {
    return this.documents.get(pathToFileURL(path).toString())?.getText() ?? readText(path);
  }

  /** The path of an open Compose document whose project holds `path` as one of its files, if any. */
  private includingDocument(uri: string, path: string): string | undefined {
    for (const [other, files] of this.projects) {
      const otherPath = filePath(other);
      if (other !== uri && otherPath && files.has(path) && !this.projects.get(uri)?.has(otherPath)) return otherPath;
    }
    return undefined;
  }

  /** The open documents whose project holds the file at `uri` (an override, an env file…), but not itself. */
  dependents(uri: string): TextDocument[] {
    const path = filePath(uri);
    if (!path) return [];
    const key = resolvePath(dirname(path), basename(path));
    return this.documents
      .all()
      .filter(
        (document) =>
          document.uri !== uri &&
          (this.projects.get(document.uri)?.has(key) || this.promiseSources.get(document.uri)?.has(key)),
      );
  }

  /** Lints the documents that depend on `uri` again, a moment from now. */
  scheduleDependents(uri: string, delay: number): void {
    for (const dependent of this.dependents(uri)) {
      const entry = this.linted.get(dependent.uri);
      if (entry) entry.findings = undefined;
      this.composeSnapshots.delete(dependent.uri);
      this.schedule(dependent, delay);
    }
  }

  /** The document's diagnostics for its current version, linting it first when needed. */
  private diagnosticsOf(document: TextDocument): Diagnostic[] {
    if (!this.context.settings.enable) return [];
    try {
      const entry = this.lint(document);
      return entry?.skipped
        ? [skippedDiagnostic(entry.skipped)]
        : (entry?.findings?.map((finding) => toDiagnostic(document, finding, (path) => this.textOf(path))) ?? []);
    } catch (error) {
      this.connection.console.error(`secpolicy could not lint ${document.uri}: ${String(error)}`);
      return [];
    }
  }

  /**
   * Lints and publishes the document `delay` milliseconds from now. A later call for the same
   * document supersedes this one: if it comes before the lint, the lint never runs; if it comes
   * while the lint runs, its result is not published. So a burst of changes is linted and published
   * once, for the version it settles on.
   */
  schedule(document: TextDocument, delay: number): void {
    const uri = document.uri;
    const ticket = ++this.lastTicket;
    this.tickets.set(uri, ticket);
    const superseded = () => this.tickets.get(uri) !== ticket;
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        afterInputTurn(() => {
          // A newer version may have arrived, or the document closed: lint what is open now.
          const current = this.documents.get(uri);
          if (superseded() || !current) return;
          const version = current.version;
          const diagnostics = this.diagnosticsOf(current);
          afterInputTurn(() => {
            if (!superseded()) void this.connection.sendDiagnostics({ uri, version, diagnostics });
          });
        });
      }, delay),
    );
  }

  /** Lints every open document again (settings or project files changed). */
  relintAll(): void {
    for (const entry of this.linted.values()) entry.findings = undefined;
    this.composeSnapshots.clear();
    for (const document of this.documents.all()) this.schedule(document, 0);
  }

  /** A closed document: its pending lint is dropped, its findings go and its diagnostics are cleared. */
  close(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.tickets.delete(uri);
    this.linted.delete(uri);
    this.projects.delete(uri);
    this.promiseSources.delete(uri);
    this.composeSnapshots.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
