import type { DocumentKind } from '../../../common/files';

/** Types shared by the engine, the formats, the rules and the adapters. Offsets are string indices into the document text. */

export type { DocumentKind };

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
  /**
   * The file the edit targets when it is not the linted document: the project `.env`
   * (`ProjectFacts.dotenv.path`). Offsets are then into that file's text as given in the facts;
   * a fix with such an edit is never applied unattended.
   */
  path?: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The one fix that is clearly right: editors apply it from "auto fix". */
  preferred?: boolean;
  /**
   * The fix writes text a person must check or complete (a placeholder address, a promise about
   * response times): editors offer it, `secpolicy --fix` leaves it alone.
   */
  needsReview?: boolean;
}

/** The values a message template's `{{name}}` placeholders are filled with. */
export type MessageData = Record<string, string | number>;

/** Another place a finding is about: a line of the project `.env`, another file of the project, a policy's promise. */
export interface RelatedLocation {
  /** The file, when it is not the linted document. */
  path?: string;
  start: number;
  end: number;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** The message as shown: the rule's template for `messageId`, filled with `data`. */
  message: string;
  messageId: string;
  data?: MessageData;
  start: number;
  end: number;
  fixes?: Fix[];
  related?: RelatedLocation[];
  /** From a rule that reports text that cannot be read (RuleMeta.reportsUnreadable). */
  unreadable?: true;
}

/** A finding an inline directive turned off, with the reason written after ` -- `, if any. */
export interface SuppressedFinding extends Finding {
  justification?: string;
}

/** Facts about the project around a file, gathered by the caller (the engine reads no files). */
export interface ProjectFacts {
  /** `version` from the nearest package.json. */
  packageVersion?: string;
  /** `owner/name` of a GitHub remote, when the repository has one. */
  githubRepository?: string;
  /**
   * The project `.env` beside the file, which Compose reads for interpolation: its path, and its
   * text (empty when the file does not exist, `exists` false; a fix then creates it).
   */
  dotenv?: { path: string; text: string; exists?: boolean };
  /**
   * The current time as an ISO 8601 date-time, for rules that compare dates (security.txt `Expires`).
   * The caller reads the clock, so the engine stays deterministic; without it those comparisons are skipped.
   */
  now?: string;
  /**
   * Project files that were there but not read, and why (a `.env` linking out of the repository, a
   * FIFO named like a setting): the adapters tell the user; rules never see their contents.
   */
  unread?: { path: string; reason: string }[];
  /**
   * The policy that speaks for a Compose file (the nearest SECURITY.md up to the repository root),
   * read when a rule asks: its promises are checked against the file.
   */
  policy?: () => PolicySource | undefined;
  /** The Compose projects a policy speaks for (those in its repository), read when a rule asks. */
  deployment?: () => readonly DeploymentSources[];
}

/** A file's text, or why it could not be read. */
export type SourceText = { text: string } | { unread: string };

/** A policy file's path and text. */
export interface PolicySource {
  path: string;
  text: string;
}

/** What a Compose project is built from: its files in merge order, and the files they name. */
export interface ComposeSources {
  /** The project's own Compose files in merge order: the main file, then its overrides. */
  files: { path: string; text: string }[];
  /**
   * Files the project names (by `include:`, `extends.file` and `env_file:`), by their path as
   * resolvePath gives it: their text, or why they could not be read.
   */
  references: ReadonlyMap<string, SourceText>;
}

/** A Compose project a policy speaks for, with the facts of its folder (its `.env`). */
export interface DeploymentSources extends ComposeSources {
  facts: ProjectFacts;
}

/** A set of rules to start from: `recommended` (the rule defaults) or `strict` (every rule on). */
export type PresetName = 'recommended' | 'strict';

export interface Config {
  /** The preset the `rules` adjust; `recommended` when absent. */
  preset?: PresetName;
  /** Severity overrides by rule id; they win over the preset. */
  rules: Record<string, SeveritySetting>;
}

export interface RuleMeta {
  /** `<kind>/<name>`, matching the file name and the docs page. */
  id: string;
  /** The document kind the rule reads. */
  kind: DocumentKind;
  defaultSeverity: SeveritySetting;
  /** One sentence, shown in the rules list and SARIF. */
  description: string;
  /** The rule's messages by id, as templates with `{{name}}` placeholders filled from a report's data. */
  messages: Record<string, string>;
  /**
   * Whether the rule offers fixes: `unattended` when some can be applied with nobody looking
   * (`secpolicy --fix`, fix-all on save), `review` when every fix waits for a person.
   */
  fixable?: 'unattended' | 'review';
  /**
   * The rule reports text that cannot be read (a YAML, `.env` or security.txt syntax error): fix-all never keeps a
   * pass that adds such findings.
   */
  reportsUnreadable?: true;
}

export interface Report {
  /** A key of the rule's `meta.messages`. */
  messageId: string;
  data?: MessageData;
  start: number;
  end: number;
  related?: RelatedLocation[];
  fixes?: Fix[];
  /** Overrides the rule's default severity for this finding (before user overrides). */
  severity?: Severity;
}

export interface RuleContext {
  report(report: Report): void;
  facts: ProjectFacts;
  /** Random bytes for the secrets a fix generates: rules read no randomness of their own. */
  randomBytes(count: number): Uint8Array;
  /**
   * The findings the rules named give on a document, at their default severity and before
   * directives, whatever the configuration says: how a rule reads another rule's verdict without
   * importing it (a policy's promises are broken where the Compose rules find a breach).
   */
  findingsOf(document: ParsedModel, ruleIds: readonly string[], facts: ProjectFacts): Finding[];
}

/** A parsed document, as far as the engine needs to know it. */
export interface ParsedModel {
  kind: DocumentKind;
  text: string;
}

export interface Rule<Model> {
  meta: RuleMeta;
  check(model: Model, context: RuleContext): void;
}
