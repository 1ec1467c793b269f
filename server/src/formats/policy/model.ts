import type { Root } from 'mdast';
import type { MarkerStyle, SectionMeaning, SupportMarker } from '../../../../common/policy-words';

/**
 * The policy model: every fact the SECURITY.md rules read, computed once per parse so that the
 * rules themselves stay cheap (they run on every keystroke). Offsets are indices into `text`.
 *
 * Regular expressions here are written to be linear: bounded repetition, no nested quantifiers,
 * no two adjacent quantified parts that can match the same characters. Where a pattern could not be
 * (email addresses, links in table cells), the text is scanned by hand instead.
 */
export interface Section {
  title: string;
  depth: number;
  meaning?: SectionMeaning;
  headingStart: number;
  headingEnd: number;
  /** Where the next heading of the same or a higher level starts, or the document ends. */
  end: number;
  /** End of the last node inside the section, subsections included; `headingEnd` when it is empty. */
  contentEnd: number;
  /** End of the last node before the first subsection; `headingEnd` when there is none. */
  bodyEnd: number;
  /** The nearest enclosing section (a lower heading depth), if any. */
  parent?: Section;
  /** Whether anything a reader sees (not an HTML comment) sits between the heading and the next heading. */
  hasBody: boolean;
  /** Whether a deeper heading follows before the section ends. */
  hasSubsections: boolean;
  /** Whether the title is about its meaning and little else ("How to Report", not "Reporting a bug in a plugin"). */
  primary: boolean;
}

/** A sentence of a text block, in plain words (markup removed, whitespace collapsed). */
export interface Sentence {
  start: number;
  end: number;
  plain: string;
  block: TextBlock;
  /** Index of the sentence's first character in `block.plain`. */
  plainStart: number;
}

/** A run of prose: a paragraph, a heading or a table cell, with its Markdown source. */
export interface TextBlock {
  type: 'paragraph' | 'heading' | 'tableCell';
  start: number;
  end: number;
  source: string;
  section?: Section;
  /** The words a reader sees: emphasis, link targets and HTML tags dropped, whitespace collapsed. */
  plain: string;
  /** For each character of `plain` (and one past its end), its offset in the document less `start`. */
  offsets: number[];
  sentences: Sentence[];
  /** A paragraph directly under the document root (not in a list, quote or table). */
  topLevel: boolean;
}

export type ContactKind = 'email' | 'private-advisory' | 'bug-bounty' | 'web-form';

export interface Contact {
  kind: ContactKind;
  value: string;
  start: number;
  end: number;
  /** A template's stand-in (security@example.com, github.com/OWNER/REPO) rather than a real address. */
  placeholder: boolean;
}

export interface Hedge {
  text: string;
  start: number;
  end: number;
}

export interface Duration {
  text: string;
  start: number;
  end: number;
  /** The (upper) amount in hours; a business day counts as a day. */
  hours: number;
  block: TextBlock;
  sentence?: Sentence;
  /** Words that take the promise back ("strive", "best effort", "do not expect …"). */
  hedges: Hedge[];
}

export interface TableCell {
  text: string;
  start: number;
  end: number;
}

export type VersionKind = 'range' | 'latest' | 'other' | 'tag' | 'empty' | 'invalid';

export interface VersionCell extends TableCell {
  kind: VersionKind;
  /** A `semver` range when the cell names versions (`1.x.x`, `>= 2.3`, `< 1.0`, `5.1.x`). */
  range?: string;
}

export interface SupportCell extends TableCell {
  marker?: SupportMarker;
  style?: MarkerStyle;
}

export interface VersionRow {
  /** Start and end of the row's line. */
  start: number;
  end: number;
  cells: TableCell[];
  version?: VersionCell;
  support?: SupportCell;
}

export interface VersionsTable {
  start: number;
  end: number;
  /** End of the delimiter row (`| --- | --- |`), where body rows begin. */
  headerEnd: number;
  header: TableCell[];
  /** Index of the column naming versions, if one was found. */
  versionColumn?: number;
  /** Index of the column saying whether a version is supported, if one was found. */
  supportColumn?: number;
  /** Whether the version column holds branch or tag names rather than version numbers. */
  tagColumn: boolean;
  rows: VersionRow[];
  section?: Section;
}

export interface SeverityEntry {
  level: string;
  /** How severe: 4 critical, 3 high, 2 medium, 1 low, 0 informational. */
  rank: number;
  levelStart: number;
  levelEnd: number;
  duration?: Duration;
  /** A bare number where a deadline was expected ("Critical: 7"). */
  unitless?: TableCell;
}

/** The entries of one severity list, or of one deadline column of a severity table. */
export interface SeverityGroup {
  entries: SeverityEntry[];
}

export type PlaceholderKind = 'contact' | 'template' | 'boilerplate' | 'example-rows';

export interface Placeholder {
  kind: PlaceholderKind;
  text: string;
  start: number;
  end: number;
}

/** A sentence that sends reporters to a public issue, discussion or pull request. */
export interface PublicReportInstruction {
  start: number;
  end: number;
  /** The words that do it ("open a GitHub issue", or a link to `…/issues`). */
  text: string;
  sentence: Sentence;
}

/**
 * A fenced code block that holds the policy, or most of it: GitHub shows its Markdown as raw text.
 * The model reads its content as Markdown; these are the fence lines around it.
 */
export interface PolicyFence {
  /** From the opening fence marker to the end of its line. */
  opening: { start: number; end: number };
  /** The closing fence marker and the rest of its line; none when the block runs to the end of the file. */
  closing?: { start: number; end: number };
}

/** What a policy can promise about its deployment, each checked against the Compose files. */
export type PromiseKind =
  | 'non-root'
  | 'read-only-root'
  | 'no-privileged'
  | 'capabilities-dropped'
  | 'no-new-privileges'
  | 'no-socket'
  | 'socket-read-only'
  | 'socket-proxy'
  | 'only-publishes'
  | 'internal-not-published'
  | 'no-default-credentials'
  | 'production-certificates'
  | 'pinned-images';

/** A sentence or list item of the policy that states a property of the deployment. */
export interface DeploymentPromise {
  kind: PromiseKind;
  /** The services it names, lower case ("backend", "nginx"); none: every service. */
  services: string[];
  /** "where possible", "by default": a broken promise is then worth less than a warning. */
  hedged: boolean;
  start: number;
  end: number;
  /** The sentence, as a reader sees it. */
  text: string;
}

export interface PolicyModel {
  kind: 'policy';
  text: string;
  root: Root;
  sections: Section[];
  blocks: TextBlock[];
  sentences: Sentence[];
  contacts: Contact[];
  durations: Duration[];
  versionsTables: VersionsTable[];
  /** Blocks that settle which versions get fixes in words ("only the latest release is supported"). */
  supportStatements: TextBlock[];
  severityGroups: SeverityGroup[];
  placeholders: Placeholder[];
  publicReportInstructions: PublicReportInstruction[];
  /** Offsets of `http://` in visible text and link targets, with the host it points at. */
  insecureLinks: { start: number; end: number; host: string }[];
  /** Ranges of inline code spans, where words are examples rather than prose. */
  codeSpans: { start: number; end: number }[];
  /** Heading depth for a new top-level section (`##` under a `#` title). */
  sectionDepth: number;
  /** What the policy promises about the deployment. */
  promises: DeploymentPromise[];
  /** The code fence the policy was written inside, if any; `root` and everything else read its content as Markdown. */
  policyFence?: PolicyFence;
}

// Sections
