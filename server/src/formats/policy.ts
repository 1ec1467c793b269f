import type { Heading, Nodes, Root, Table } from 'mdast';
import { satisfies, validRange } from 'semver';
import { nodeRange, parseMarkdown } from './markdown';

/**
 * The policy model: every fact the SECURITY.md rules read, computed once per parse so that the
 * rules themselves stay cheap (they run on every keystroke). Offsets are indices into `text`.
 *
 * Regular expressions here are written to be linear: bounded repetition, no nested quantifiers,
 * no two adjacent quantified parts that can match the same characters. Where a pattern could not be
 * (email addresses, links in table cells), the text is scanned by hand instead.
 */

/** What a section is for, recognised from its heading's words. */
export type SectionMeaning =
  | 'reporting'
  | 'supported-versions'
  | 'response'
  | 'disclosure'
  | 'scope'
  | 'safe-harbor'
  | 'encryption'
  | 'bounty'
  | 'credits';

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
  /** For each character of `plain` (and one past its end), its offset in the document. */
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

export type SupportMarker = 'supported' | 'unsupported' | 'limited';
export type MarkerStyle = 'emoji' | 'shortcode' | 'word';

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
}

// ---------------------------------------------------------------------------------------------
// Sections

const MEANINGS: [SectionMeaning, RegExp][] = [
  [
    'supported-versions',
    /\bsupported\b|\bversions?\b|security updates|\bmaintained\b|\bsupport (?:policy|period|lifecycle)\b|\bend[- ]of[- ]life\b/i,
  ],
  [
    'reporting',
    /\breport(?:ing)?\b|\b(?:vulnerability|security|bug) reports?\b|how to (?:report|tell|reach|notify|contact)|\bcontact(?:ing|s)?\b|\bsubmit(?:ting)? (?:a |an )?(?:report|vulnerabilit|security|bug|issue)|\bdisclos(?:e|ing) (?:a |an )?(?:security|vulnerabilit)/i,
  ],
  [
    'disclosure',
    /\bdisclos|\badvisor|\bembargo|\bpublication\b|\bcoordinated\b|\bannounce|security (?:notifications?|bulletins?|mailing lists?)/i,
  ],
  [
    'response',
    /\brespon(?:d|se)|what to expect|\btimelines?\b|\btriage|(?<!\b(?:release|build|development) )\bprocess\b|\bhandling\b|\bsla\b/i,
  ],
  ['scope', /\bscope\b|\bexclusions?\b|\bqualif(?:y|ies|ying)\b|\bnot (?:a |considered )?vulnerabilit/i],
  ['safe-harbor', /safe harbou?r|\blegal\b/i],
  ['encryption', /\bpgp\b|\bgpg\b|\bencrypt/i],
  ['bounty', /\bbount(?:y|ies)\b|\brewards?\b/i],
  ['credits', /^(?:security )?(?:acknowledge?ments|credits?|thanks|thank you)\b|hall of fame/i],
];

/** Headings that ask a question around reporting ("When to report", "What makes a good report") are not the channel. */
const NOT_THE_CHANNEL = /^(?:when|what|why|before|after|once)\b/i;

export function sectionMeaning(title: string): SectionMeaning | undefined {
  for (const [meaning, pattern] of MEANINGS) {
    if (meaning === 'reporting' && NOT_THE_CHANNEL.test(title)) continue;
    if (pattern.test(title)) return meaning;
  }
  return undefined;
}

const GLOBAL_MEANINGS = MEANINGS.map(([meaning, pattern]) => [meaning, new RegExp(pattern.source, 'gi')] as const);

/** Words that say nothing about which part of a policy a heading names. */
const NEUTRAL_WORDS = new Set(
  'a an the to of for and or in on with by how our your my we you this that its security vulnerability vulnerabilities issue issues bug bugs policy policies information info guidelines details procedure procedures problem problems concern concerns'.split(
    ' ',
  ),
);

/** A title is primary when, once the words of its meaning and neutral words are gone, at most one word is left. */
function isPrimaryTitle(title: string, meaning: SectionMeaning | undefined): boolean {
  const pattern = GLOBAL_MEANINGS.find(([each]) => each === meaning)?.[1];
  if (!pattern) return false;
  const covered = new Array<boolean>(title.length).fill(false);
  for (const match of title.matchAll(pattern)) {
    let from = match.index;
    let to = match.index + match[0].length;
    while (from > 0 && !/\s/.test(title[from - 1])) from--;
    while (to < title.length && !/\s/.test(title[to])) to++;
    covered.fill(true, from, to);
  }
  const rest = title.replace(/./g, (char, index: number) => (covered[index] ? ' ' : char));
  const words = rest
    .toLowerCase()
    .split(/[^a-z0-9.'’-]+/)
    .filter((word) => word !== '' && !NEUTRAL_WORDS.has(word));
  return words.length <= 1;
}

/** A heading's words: without its opening hashes, an optional closing run of hashes, and emphasis marks. */
function headingText(node: Heading, text: string): string {
  const { start, end } = nodeRange(node);
  const lines = text.slice(start, end).split('\n');
  // A setext heading ends with its underline of = or -.
  if (lines.length > 1 && /^ {0,3}(?:=+|-+)[ \t]*\r?$/.test(lines[lines.length - 1])) lines.pop();
  let title = lines
    .join(' ')
    .replace(/^#{1,6}[ \t]*/, '')
    .trimEnd();
  let hashes = title.length;
  while (hashes > 0 && title[hashes - 1] === '#') hashes--;
  if (hashes < title.length && (hashes === 0 || /[ \t]/.test(title[hashes - 1]))) title = title.slice(0, hashes);
  return title.replace(/[*_`]/g, '').trim();
}

function isComment(node: Nodes): boolean {
  return node.type === 'html' && /^\s*<!--/.test(node.value) && /-->\s*$/.test(node.value);
}

function buildSections(root: Root, text: string): Section[] {
  const sections: Section[] = [];
  const open: Section[] = [];
  for (const node of root.children) {
    const { start, end } = nodeRange(node);
    if (node.type === 'heading') {
      while (open.length > 0 && open[open.length - 1].depth >= node.depth) open.pop()!.end = start;
      if (open.length > 0) open[open.length - 1].hasSubsections = true;
      const title = headingText(node, text);
      const meaning = sectionMeaning(title);
      const section: Section = {
        title,
        depth: node.depth,
        meaning,
        headingStart: start,
        headingEnd: end,
        end: text.length,
        contentEnd: end,
        bodyEnd: end,
        parent: open[open.length - 1],
        hasBody: false,
        hasSubsections: false,
        primary: isPrimaryTitle(title, meaning),
      };
      sections.push(section);
      open.push(section);
    } else {
      for (const section of open) section.contentEnd = end;
      if (open.length > 0) {
        const innermost = open[open.length - 1];
        innermost.bodyEnd = end;
        if (!isComment(node) && node.type !== 'definition') innermost.hasBody = true;
      }
    }
  }
  for (const section of open) section.end = text.length;
  return sections;
}

/** The innermost section holding `offset`. */
export function sectionAt(sections: Section[], offset: number): Section | undefined {
  let found: Section | undefined;
  for (const section of sections) {
    if (section.headingStart <= offset && offset < section.end) found = section;
  }
  return found;
}

function sectionDepthOf(sections: Section[]): number {
  const [first, ...rest] = sections;
  if (!first) return 2;
  const candidates = first.depth === 1 ? rest : sections;
  const depths = candidates.map((section) => section.depth);
  return depths.length > 0 ? Math.min(...depths) : Math.min(first.depth + 1, 6);
}

// ---------------------------------------------------------------------------------------------
// Text blocks, plain words and sentences

interface PlainBuilder {
  chars: string[];
  offsets: number[];
}

function pushPlain(builder: PlainBuilder, value: string, start: number, end: number): void {
  // Escapes and entities make a value shorter than its source: offsets are then approximate.
  const exact = end - start === value.length;
  for (let i = 0; i < value.length; i++) {
    let char = value[i];
    if (/\s/.test(char)) char = ' ';
    const last = builder.chars[builder.chars.length - 1];
    if (char === ' ' && (last === ' ' || last === undefined)) continue;
    builder.chars.push(char);
    builder.offsets.push(exact ? start + i : Math.min(start + i, Math.max(start, end - 1)));
  }
}

function collectPlain(node: Nodes, builder: PlainBuilder): void {
  const { start, end } = nodeRange(node);
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      pushPlain(builder, node.value, node.type === 'inlineCode' ? start + 1 : start, end);
      return;
    case 'image':
      pushPlain(builder, node.alt ?? '', start, end);
      return;
    case 'html':
    case 'break':
      pushPlain(builder, ' ', start, start + 1);
      return;
    default:
      if ('children' in node) for (const child of node.children) collectPlain(child as Nodes, builder);
  }
}

const ABBREVIATIONS = /(?:^|\s)(?:e\.g|i\.e|etc|vs|approx|incl|cf|no|fig|ca)$/i;

function splitSentences(block: TextBlock): Sentence[] {
  const sentences: Sentence[] = [];
  const { plain, offsets } = block;
  let from = 0;
  const push = (to: number) => {
    let first = from;
    while (first < to && plain[first] === ' ') first++;
    let last = to;
    while (last > first && plain[last - 1] === ' ') last--;
    if (last > first) {
      // Nodes the parser made up (without a position) can put offsets out of order: keep start <= end.
      sentences.push({
        start: offsets[first],
        end: Math.max(offsets[first], offsets[last - 1] + 1),
        plain: plain.slice(first, last),
        block,
        plainStart: first,
      });
    }
  };
  for (const match of plain.matchAll(/[.!?]{1,3}["'”’)]{0,2}(?= |$)/g)) {
    const before = plain.slice(Math.max(0, match.index - 8), match.index);
    if (match[0] === '.' && ABBREVIATIONS.test(before)) continue;
    push(match.index + match[0].length);
    from = match.index + match[0].length;
  }
  push(plain.length);
  return sentences;
}

function collectBlocks(root: Root, text: string, sections: Section[]): TextBlock[] {
  const blocks: TextBlock[] = [];
  const visit = (node: Nodes, parentType: string) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const { start, end } = nodeRange(node);
      const builder: PlainBuilder = { chars: [], offsets: [] };
      collectPlain(node, builder);
      while (builder.chars[builder.chars.length - 1] === ' ') {
        builder.chars.pop();
        builder.offsets.pop();
      }
      const plain = builder.chars.join('');
      builder.offsets.push(builder.offsets.length > 0 ? builder.offsets[builder.offsets.length - 1] + 1 : start);
      const block: TextBlock = {
        type: node.type,
        start,
        end,
        source: text.slice(start, end),
        section: sectionAt(sections, start),
        plain,
        offsets: builder.offsets,
        sentences: [],
        topLevel: parentType === 'root' && node.type === 'paragraph',
      };
      block.sentences = splitSentences(block);
      blocks.push(block);
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes, node.type);
  };
  visit(root, '');
  return blocks;
}

/** Document offsets of a range of a block's plain text. */
export function plainRange(block: TextBlock, from: number, to: number): { start: number; end: number } {
  const start = block.offsets[from];
  const end = to > from ? block.offsets[to - 1] + 1 : start;
  return { start, end };
}

function collectCodeSpans(root: Root): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'inlineCode') spans.push(nodeRange(node));
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(root);
  return spans;
}

function inSpans(spans: { start: number; end: number }[], offset: number): boolean {
  return spans.some((span) => span.start <= offset && offset < span.end);
}

// ---------------------------------------------------------------------------------------------
// Contacts

/** Mailbox names that make "<name> at <domain>" an address even without "[at]" or "dot". */
const MAILBOX_NAMES =
  /^(?:security|secure|sec|info|contact|support|admin|abuse|psirt|cert|csirt|sirt|report|reports|vuln|vulns|vulnerability|vulnerabilities|disclosure|bugs|bugbounty|privacy|webmaster|postmaster|maintainers?)$/i;
const BOUNTY_HOSTS =
  /(?:^|\.)(?:hackerone\.com|bugcrowd\.com|intigriti\.com|yeswehack\.com|huntr\.(?:dev|com)|immunefi\.com|zerodayinitiative\.com|openbugbounty\.org)$/i;
const PRIVATE_REPORTING_PHRASE =
  /private(?:ly)? vulnerability report(?:ing)?|["“]report a vulnerability["”]|security advisor(?:y|ies) (?:tab|page|form)|\bsecurity tab\b|draft (?:a )?(?:new )?security advisory/gi;

const PLACEHOLDER_TLD = /^(?:example|test|invalid|localhost|tld)$/i;
const PLACEHOLDER_LABEL =
  /^(?:example|your[-_]?(?:domain|company|project|org|organi[sz]ation|site|website|app|product|host|server|team)?|my[-_]?(?:domain|company|project|org|site)|domain|company|project|organi[sz]ation|(?:company|project|org)[-_]?name)$/i;
const PLACEHOLDER_MAILBOX =
  /^(?:you|your[-_.]?(?:name|email|e-?mail|address|handle|user(?:name)?|alias)?|user(?:name)?|someone|somebody|name|first[-_.]?name[-_.]?last[-_.]?name|firstname|(?:john|jane)[-_.]?doe|foo|foobar|nobody|email|e-?mail[-_.]?address)$/i;
/** Path segments of a forge URL that a template leaves for the owner to fill in. */
const PLACEHOLDER_SEGMENT =
  /^(?:your[-_]?(?:org(?:anization)?|user(?:name)?|name|account|project|repo(?:sitory)?|company|team)|my[-_]?(?:org|project|repo|user)|owner|username|<[^>]{1,40}>|\{[^}]{1,40}\}|%7B[^/]{1,40}%7D|%3C[^/]{1,40}%3E|:[a-z]{1,20})$/i;
/** Capitals mark a stand-in ("OWNER/REPO"); in lower case these are plausible real names. */
const PLACEHOLDER_CAPITALS = /^(?:OWNER|REPO(?:SITORY)?|ORG(?:ANIZATION)?|USER(?:NAME)?|PROJECT|NAME)$/;
const GENERIC_SEGMENT = /^(?:org|user|repo|project|name)$/;

export function isPlaceholderHost(host: string): boolean {
  const labels = host.toLowerCase().split('.');
  if (labels.length > 1 && PLACEHOLDER_TLD.test(labels[labels.length - 1])) return true;
  return labels.slice(0, -1).some((label) => PLACEHOLDER_LABEL.test(label)) || host.toLowerCase() === 'localhost';
}

function isPlaceholderEmail(address: string): boolean {
  const at = address.lastIndexOf('@');
  return PLACEHOLDER_MAILBOX.test(address.slice(0, at)) || isPlaceholderHost(address.slice(at + 1));
}

function isPlaceholderUrl(url: URL): boolean {
  if (isPlaceholderHost(url.hostname)) return true;
  if (!/(?:^|\.)(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org)$/i.test(url.hostname)) return false;
  const [owner = '', repo = ''] = url.pathname.split('/').filter(Boolean);
  if ([owner, repo].some((segment) => PLACEHOLDER_SEGMENT.test(segment) || PLACEHOLDER_CAPITALS.test(segment))) {
    return true;
  }
  return GENERIC_SEGMENT.test(owner) && GENERIC_SEGMENT.test(repo);
}

function classifyUrl(url: string, context: string): { kind: ContactKind; placeholder: boolean } | undefined {
  if (/^mailto:/i.test(url)) {
    const address = url.replace(/^mailto:/i, '').split('?')[0];
    return { kind: 'email', placeholder: isPlaceholderEmail(address) };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const placeholder = isPlaceholderUrl(parsed);
  if (/\/security\/advisories(?:\/new)?\/?$/i.test(parsed.pathname)) return { kind: 'private-advisory', placeholder };
  // GitHub's help pages: the one on private reporting says which channel to use; the rest are no channel.
  if (/^(?:docs|help)\.github\.com$/i.test(parsed.hostname)) {
    return /privately-reporting/i.test(parsed.pathname) ? { kind: 'private-advisory', placeholder } : undefined;
  }
  if (BOUNTY_HOSTS.test(parsed.hostname)) return { kind: 'bug-bounty', placeholder };
  // A confidential GitLab issue is private; any other issue, discussion or pull request is public.
  if (/confidential(?:%5D|\])?=true/i.test(parsed.search)) return { kind: 'web-form', placeholder };
  if (/\/(?:issues|discussions|pulls?)(?:\/|$)/i.test(parsed.pathname)) return undefined;
  // Mailing-list sign-ups and feeds are where advisories go out, not where reports come in.
  if (/sign-?up|subscribe|announce|newsletter|\bfeeds?\b|\brss/i.test(parsed.pathname + parsed.search))
    return undefined;
  if (/secur|vulnerab|disclos|report|bounty/i.test(parsed.pathname + parsed.hostname)) {
    return { kind: 'web-form', placeholder };
  }
  // A Bugzilla instance with a security product hides security bugs from the public.
  if (/bugzilla/i.test(parsed.hostname + parsed.pathname) && /\bsecurity\b/i.test(context)) {
    return { kind: 'web-form', placeholder };
  }
  return undefined;
}

function collectContacts(root: Root, text: string, blocks: TextBlock[]): Contact[] {
  const contacts: Contact[] = [];
  // The same address found twice (a link and the words inside it) is one contact.
  const add = (contact: Contact) => {
    if (
      contacts.some((other) => other.start <= contact.start && contact.start < Math.max(other.end, other.start + 1))
    ) {
      return;
    }
    contacts.push(contact);
  };
  const blockText = (offset: number) =>
    blocks.find((block) => block.start <= offset && offset < block.end)?.plain ?? '';
  const visit = (node: Nodes) => {
    if (node.type === 'link' || node.type === 'definition') {
      const { start, end } = nodeRange(node);
      const found = classifyUrl(node.url, blockText(start));
      if (found) add({ ...found, value: node.url.replace(/^mailto:/i, ''), start, end });
    }
    // An address shown as a picture, against spam ("send an ![email](contact.png)").
    if (node.type === 'image' && /e-?mail|contact/i.test(`${node.alt ?? ''} ${node.url}`)) {
      const { start, end } = nodeRange(node);
      add({ kind: 'email', value: node.alt || node.url, start, end, placeholder: false });
    }
    // A one-line code block that holds an address ("    info at servercow.de").
    if (node.type === 'code' && !node.lang && !node.value.includes('\n') && node.value.length <= 120) {
      const { start } = nodeRange(node);
      const offset = text.indexOf(node.value, start);
      if (offset !== -1) findEmails(node.value, offset, add);
    }
    if (node.type === 'code' || node.type === 'inlineCode') return;
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(root);
  for (const block of blocks) {
    findEmails(block.source, block.start, add);
    for (const match of block.source.matchAll(PRIVATE_REPORTING_PHRASE)) {
      const start = block.start + match.index;
      add({ kind: 'private-advisory', value: match[0], start, end: start + match[0].length, placeholder: false });
    }
  }
  return contacts.sort((a, b) => a.start - b.start);
}

const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/;
const LABEL = /^[A-Za-z0-9-]{1,63}$/;
const WORD_CHAR = /[A-Za-z0-9_]/;
const LETTER = /[A-Za-z]/;
/** "security at python dot org", "security [at] example [dot] com", "info at servercow.de". */
const AT_WORD = / (?:at|AT) |\[(?:at|AT)\]|\((?:at|AT)\)|\{(?:at|AT)\}/g;
const DOT_WORDS = [' dot ', ' DOT ', '[dot]', '(dot)', '{dot}', '[DOT]', '(DOT)', '{DOT}'];

/** The start of the mailbox that ends just before `at`: up to 64 address characters, none before `floor`. */
function mailboxStart(source: string, at: number, floor: number): number {
  let start = at;
  while (start > floor && at - start < 64 && LOCAL_CHAR.test(source[start - 1])) start--;
  return start;
}

/**
 * The end of a domain starting at `from` (`label(.label){0,8}.tld`, the top-level domain two to 24 letters
 * followed by a word boundary), longest first as a greedy pattern would match it; -1 when there is none.
 * Scanned by hand so the search stays linear.
 */
function domainEnd(source: string, from: number): number {
  let run = from;
  while (run < source.length && run - from < 320 && DOMAIN_CHAR.test(source[run])) run++;
  for (let dot = run - 1; dot > from; dot--) {
    if (source[dot] !== '.') continue;
    let letters = dot + 1;
    while (letters < source.length && LETTER.test(source[letters])) letters++;
    const length = letters - dot - 1;
    if (length < 2 || length > 24 || WORD_CHAR.test(source[letters] ?? '')) continue;
    const labels = source.slice(from, dot).split('.');
    if (labels.length <= 9 && labels.every((label) => LABEL.test(label))) return letters;
  }
  return -1;
}

/** Reads a spelled-out domain ("python dot org", "example [dot] com", "servercow.de") from `from`. */
function spelledDomain(source: string, from: number): { end: number; domain: string; spelled: boolean } | undefined {
  const labels: string[] = [];
  let spelled = false;
  let i = from;
  while (labels.length < 8) {
    let j = i;
    while (j < source.length && j - i < 63 && /[A-Za-z0-9-]/.test(source[j])) j++;
    if (j === i) break;
    labels.push(source.slice(i, j));
    i = j;
    if (source[i] === '.' && /[A-Za-z0-9]/.test(source[i + 1] ?? '')) {
      i++;
      continue;
    }
    const at = source[i] === ' ' && source[i + 1] === '[' ? i + 1 : i;
    const word = DOT_WORDS.find((each) => source.startsWith(each, at));
    if (!word) break;
    spelled = true;
    i = at + word.length;
    if (source[i] === ' ' && word.startsWith('[')) i++;
  }
  if (labels.length < 2 || WORD_CHAR.test(source[i] ?? '') || !/^[A-Za-z]{2,24}$/.test(labels[labels.length - 1])) {
    return undefined;
  }
  return { end: i, domain: labels.join('.'), spelled };
}

function findEmails(source: string, offset: number, add: (contact: Contact) => void): void {
  let floor = 0;
  for (let at = source.indexOf('@'); at !== -1; at = source.indexOf('@', at + 1)) {
    if (at < floor) continue;
    const start = mailboxStart(source, at, floor);
    const end = start < at ? domainEnd(source, at + 1) : -1;
    if (end === -1) continue;
    const value = source.slice(start, end);
    add({ kind: 'email', value, start: offset + start, end: offset + end, placeholder: isPlaceholderEmail(value) });
    floor = end;
  }
  for (const match of source.matchAll(AT_WORD)) {
    const bracketed = match[0].trim() === match[0];
    const before = bracketed && source[match.index - 1] === ' ' ? match.index - 1 : match.index;
    const start = mailboxStart(source, before, 0);
    if (start === before) continue;
    let after = match.index + match[0].length;
    if (bracketed && source[after] === ' ') after++;
    const found = spelledDomain(source, after);
    if (!found) continue;
    const mailbox = source.slice(start, before);
    // "look at github.com" is no address: it needs a bracketed or capital AT, a spelled-out dot, or a mailbox name.
    if (match[0] === ' at ' && !found.spelled && !MAILBOX_NAMES.test(mailbox)) continue;
    const value = `${mailbox}@${found.domain}`;
    add({
      kind: 'email',
      value,
      start: offset + start,
      end: offset + found.end,
      placeholder: isPlaceholderEmail(value),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Durations and the words that hedge them

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  sixty: 60,
  ninety: 90,
};
const NUMBER = `(\\d{1,4}(?:\\.\\d{1,2})?|${Object.keys(NUMBER_WORDS).join('|')})`;
const UNIT_HOURS: [RegExp, number][] = [
  [/^(?:h|hrs?|hours?)$/i, 1],
  [/^days?$/i, 24],
  [/^weeks?$/i, 24 * 7],
  [/^months?$/i, 24 * 30],
];
/** "48 hours", "24-48 hours", "2 business days", "one week", "72h", "7-day". */
const DURATION = new RegExp(
  `\\b${NUMBER}(?:\\s?(?:-|–|—|to|or)\\s?${NUMBER})?[ \\u00a0-]?(?:(?:business|working|calendar)[ \\u00a0-])?(hours?|hrs?|h|days?|weeks?|months?)\\b`,
  'gi',
);

function amount(word: string): number {
  return NUMBER_WORDS[word.toLowerCase()] ?? Number(word);
}

/** Words that soften the promise that follows them in the same sentence. */
const HEDGE_BEFORE =
  /\b(?:strive|strives|striving|try|tries|trying|attempt|attempts|endeavou?rs?|hope|hopes|do (?:our|my) best|make (?:every|an|our best) effort|can(?:not|['’]t) (?:promise|commit|guarantee))\b/gi;
/** Disclaimers that take back every promise in their sentence, wherever they stand. */
const DISCLAIMER =
  /\b(?:best[- ]effort|as time permits|time permitting|(?:when|where|if) (?:at all )?possible|no guarantees?|not (?:be )?guaranteed|without (?:any )?guarantees?|can(?:not|['’]t) (?:really )?(?:leave|make|give|offer|provide)? ?(?:any )?guarantees?|(?:do not|don['’]t|should not|shouldn['’]t|cannot|can['’]t) (?:expect|count on|rely on)|can(?:not|['’]t) (?:promise|commit to)|no (?:fixed |specific |firm )?(?:sla|deadline|timeline|time ?frame)s?\b)/gi;
const NEGATED_HEDGE = /\bnot (?:a |an |just |merely |only )?$/i;
const ADDRESSED_TO_REPORTER = /\b(?:please|you|your)\b/i;
/** A following sentence that qualifies the previous one ("However, there are no guarantees."). */
const QUALIFIER_OPENING =
  /^(?:but|however|that said|note that|please note|keep in mind|bear in mind|this is|these are)\b/i;

/** The clause (between commas, semicolons and colons) of `plain` that holds `index`. */
function clauseBefore(plain: string, index: number): string {
  const before = plain.slice(0, index);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'));
  return before.slice(cut + 1);
}

function hedgesIn(sentence: Sentence, durationPlainIndex: number | undefined): Hedge[] {
  const hedges: Hedge[] = [];
  const { block, plain } = sentence;
  const add = (index: number, length: number) => {
    const from = sentence.plainStart + index;
    const range = plainRange(block, from, from + length);
    hedges.push({ text: plain.slice(index, index + length), ...range });
  };
  for (const match of plain.matchAll(HEDGE_BEFORE)) {
    // "Please try to include …" asks the reporter; "not just try" is no hedge.
    const clause = clauseBefore(plain, match.index);
    if (ADDRESSED_TO_REPORTER.test(clause) || NEGATED_HEDGE.test(plain.slice(0, match.index))) continue;
    if (durationPlainIndex !== undefined && match.index > durationPlainIndex) continue;
    add(match.index, match[0].length);
  }
  for (const match of plain.matchAll(DISCLAIMER)) {
    if (NEGATED_HEDGE.test(plain.slice(0, match.index))) continue;
    if (/^(?:when|where|if)/i.test(match[0]) && ADDRESSED_TO_REPORTER.test(clauseBefore(plain, match.index))) continue;
    add(match.index, match[0].length);
  }
  return hedges;
}

function collectDurations(blocks: TextBlock[]): Duration[] {
  const durations: Duration[] = [];
  for (const block of blocks) {
    for (const match of block.source.matchAll(DURATION)) {
      const [whole, first, second, unit] = match;
      const factor = UNIT_HOURS.find(([pattern]) => pattern.test(unit))?.[1] ?? 1;
      const start = block.start + match.index;
      const index = block.sentences.findIndex((each) => each.start <= start && start < each.end);
      const sentence = block.sentences[index];
      let hedges: Hedge[] = [];
      if (sentence) {
        const at = block.offsets.findIndex((offset) => offset >= start);
        hedges = hedgesIn(sentence, at === -1 ? undefined : at - sentence.plainStart);
        // "We reply within 2 days. However, there are no guarantees." takes the promise back too.
        const next = block.sentences[index + 1];
        if (next && QUALIFIER_OPENING.test(next.plain)) hedges.push(...hedgesIn(next, -1));
      }
      durations.push({
        text: whole,
        start,
        end: start + whole.length,
        hours: amount(second ?? first) * factor,
        block,
        sentence,
        hedges,
      });
    }
  }
  return durations;
}

// ---------------------------------------------------------------------------------------------
// Severity levels and their deadlines

const LEVELS: [RegExp, number][] = [
  [/^(?:critical|urgent|blocker)$/i, 4],
  [/^(?:high|important|major|severe)$/i, 3],
  [/^(?:medium|moderate)$/i, 2],
  [/^(?:low|minor)$/i, 1],
  [/^(?:informational|info|none|negligible|trivial)$/i, 0],
];
const LEVEL_WORD =
  /^(critical|urgent|blocker|high|important|major|severe|medium|moderate|low|minor|informational|info|none|negligible|trivial|p[0-4]|sev(?:erity)?[ -]?[0-5]|s[0-4])(?![\w-])/i;
/** After a level in a list item: an optional noun, an optional parenthesis, then a separator. */
const LEVEL_TAIL =
  /^(?: (?:severity|priority|risk|issues?|vulnerabilit(?:y|ies)|bugs?|findings?))?(?: ?\([^)]{0,60}\))? ?(?:[:\-–—|=]|→)/i;
const UNIT_IN_HEADER = /\b(?:hours?|hrs|days?|weeks?|months?)\b/i;
const DEADLINE_HEADER =
  /time|deadline|within|\bsla\b|target|\bfix|patch|respon|resolution|acknowledg|timeline|timeframe|\beta\b|turnaround|remediat|release|\bdays?\b|\bhours?\b|\bweeks?\b/i;

function levelRank(word: string): number {
  const found = LEVELS.find(([pattern]) => pattern.test(word));
  if (found) return found[1];
  const digit = Number(/\d/.exec(word)?.[0] ?? '4');
  if (/^p/i.test(word)) return 4 - digit;
  return digit === 0 ? 5 : 5 - digit;
}

/** A deadline cell or item tail that is only a number ("7", "within 30"), with no unit. */
const BARE_NUMBER = /^ ?(?:within |in |under |up to |< ?|≤ ?)?(\d{1,4})(?: ?(?:-|–|to) ?(\d{1,4}))? ?$/i;

function unitHours(unit: string): number {
  return UNIT_HOURS.find(([pattern]) => pattern.test(unit))?.[1] ?? 24;
}

function levelOf(block: TextBlock): Pick<SeverityEntry, 'level' | 'rank' | 'levelStart' | 'levelEnd'> | undefined {
  const level = LEVEL_WORD.exec(block.plain);
  if (!level) return undefined;
  const range = plainRange(block, 0, level[0].length);
  return { level: level[0], rank: levelRank(level[1]), levelStart: range.start, levelEnd: range.end };
}

/** Reads `words` (at `from` in the block's plain text) as a bare number; with a unit from a header it becomes a duration. */
function bareDeadline(block: TextBlock, from: number, words: string, unit: string | undefined): Partial<SeverityEntry> {
  const bare = BARE_NUMBER.exec(words.replace(/[.,;)]$/, ''));
  if (!bare) return {};
  const index = from + words.indexOf(bare[1]);
  const range = plainRange(block, index, index + bare[1].length);
  if (!unit) return { unitless: { text: bare[1], ...range } };
  const upper = Number(bare[2] ?? bare[1]);
  const end = plainRange(block, from, block.plain.length).end;
  return {
    duration: { text: words.trim(), start: range.start, end, hours: upper * unitHours(unit), block, hedges: [] },
  };
}

function collectSeverityGroups(root: Root, blocks: TextBlock[], durations: Duration[]): SeverityGroup[] {
  const groups: SeverityGroup[] = [];
  const blockAt = (start: number) => blocks.find((block) => block.start === start);
  const firstDuration = (start: number, end: number) =>
    durations.find((duration) => duration.start >= start && duration.end <= end);
  const visit = (node: Nodes, context: string) => {
    if (node.type === 'table') {
      groups.push(...tableSeverityGroups(node, blockAt, firstDuration));
      return;
    }
    if (node.type === 'list') {
      const entries: SeverityEntry[] = [];
      for (const item of node.children) {
        const paragraph = item.children.find((child) => child.type === 'paragraph');
        const block = paragraph && blockAt(nodeRange(paragraph).start);
        const level = block && levelOf(block);
        if (!block || !level) continue;
        const tail = LEVEL_TAIL.exec(block.plain.slice(level.level.length));
        if (!tail) continue;
        const from = level.level.length + tail[0].length;
        const duration = firstDuration(plainRange(block, from, block.plain.length).start, block.end);
        entries.push({
          ...level,
          ...(duration ? { duration } : bareDeadline(block, from, block.plain.slice(from), undefined)),
        });
      }
      // A list of levels is about deadlines when one of them has a duration, or the words before it say so.
      const timed =
        entries.some((entry) => entry.duration) || (DEADLINE_HEADER.test(context) && !/cvss|score/i.test(context));
      if (entries.length >= 2 && timed) groups.push({ entries });
    }
    if (!('children' in node)) return;
    let previous = context;
    for (const child of node.children as Nodes[]) {
      visit(child, previous);
      if (child.type === 'paragraph' || child.type === 'heading')
        previous = blockAt(nodeRange(child).start)?.plain ?? '';
    }
  };
  visit(root, '');
  return groups;
}

function tableSeverityGroups(
  table: Table,
  blockAt: (start: number) => TextBlock | undefined,
  firstDuration: (start: number, end: number) => Duration | undefined,
): SeverityGroup[] {
  const [header, ...rows] = table.children;
  if (!header) return [];
  const cellBlock = (row: Table['children'][number], column: number) => {
    const cell = row.children[column];
    return cell ? blockAt(nodeRange(cell).start) : undefined;
  };
  const width = header.children.length;
  let levelColumn = -1;
  for (let column = 0; column < width && levelColumn === -1; column++) {
    if (rows.filter((row) => LEVEL_WORD.test(cellBlock(row, column)?.plain ?? '')).length >= 2) levelColumn = column;
  }
  if (levelColumn === -1) return [];
  const groups: SeverityGroup[] = [];
  for (let column = 0; column < width; column++) {
    if (column === levelColumn) continue;
    const headerText = cellBlock(header, column)?.plain ?? '';
    const unit = UNIT_IN_HEADER.exec(headerText)?.[0];
    const entries: SeverityEntry[] = [];
    for (const row of rows) {
      const levelBlock = cellBlock(row, levelColumn);
      const level = levelBlock && levelOf(levelBlock);
      const block = cellBlock(row, column);
      if (!level || !block) continue;
      const duration = firstDuration(block.start, block.end);
      entries.push({ ...level, ...(duration ? { duration } : bareDeadline(block, 0, block.plain, unit)) });
    }
    const timed = DEADLINE_HEADER.test(headerText) || entries.some((entry) => entry.duration);
    if (timed && entries.filter((entry) => entry.duration || entry.unitless).length >= 2) groups.push({ entries });
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Supported-versions tables

function cellOf(node: Table['children'][number]['children'][number], text: string): TableCell {
  const { start, end } = nodeRange(node);
  let from = start;
  let to = end;
  while (from < to && /[\s|]/.test(text[from])) from++;
  while (to > from && /[\s|]/.test(text[to - 1])) to--;
  return { text: text.slice(from, to), start: from, end: to };
}

const VERSION_HEADER = /\bversions?\b|\breleases?\b|\bbranch(?:es)?\b|\btags?\b|\bseries\b|\blines?\b/i;
const TAG_HEADER = /branch|\btags?\b/i;
const SUPPORT_HEADER = /support|maintain|status|security|\beol\b|end of life|patch|fix/i;

/** The words of a cell: links reduced to their text, emphasis and code marks dropped. */
export function cellWords(cell: string): string {
  return cell
    .replace(/!?\[([^[\]]{0,200})\]\([^()]{0,500}\)/g, '$1')
    .replace(/[*`]/g, '')
    .replace(/(^|\s)_{1,2}|_{1,2}(?=\s|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const SUPPORTED_PHRASE =
  /^(?:supported|active|lts|current|maintained|security (?:fixes|updates|patches) only|security only|critical (?:fixes|security fixes) only|yes|y|true|(?:until|through|till) .{1,40})$/i;
const UNSUPPORTED_PHRASE =
  /^(?:no|n|false|unsupported|not supported|no longer supported|eol|end of life|end-of-life|deprecated|archived|unmaintained|retired|discontinued|obsolete)$/i;
const MARKER_TOKENS: [RegExp, SupportMarker, MarkerStyle][] = [
  [/^(?:✅|✔️?|☑️?|✓|🟢|🟩|👍)/u, 'supported', 'emoji'],
  [/^(?:❌|✖️?|✗|✘|⛔|🔴|🚫|🟥|👎|❎)/u, 'unsupported', 'emoji'],
  [/^(?:⚠️?|🟡|🟠|🟨)/u, 'limited', 'emoji'],
  [
    /^:(?:white_check_mark|heavy_check_mark|ballot_box_with_check|green_circle|check|\+1|thumbsup):/i,
    'supported',
    'shortcode',
  ],
  [
    /^:(?:x|no_entry|no_entry_sign|red_circle|heavy_multiplication_x|negative_squared_cross_mark|-1|thumbsdown|no_good):/i,
    'unsupported',
    'shortcode',
  ],
  [/^:(?:warning|yellow_circle|orange_circle|large_orange_diamond):/i, 'limited', 'shortcode'],
  [/^(?:yes|supported|active|maintained|lts|current)\b/i, 'supported', 'word'],
  [
    /^(?:no|unsupported|eol|deprecated|end[- ]of[- ]life|not supported|unmaintained|retired|archived)\b/i,
    'unsupported',
    'word',
  ],
  [/^(?:partial(?:ly)?|limited)\b/i, 'limited', 'word'],
];

/** Reads a supported-versions cell: ✅, :x:, yes, no and their relatives, with the style it is written in. */
export function readMarker(cell: string): { marker: SupportMarker; style: MarkerStyle } | undefined {
  const words = cellWords(cell);
  if (words === '') return undefined;
  if (SUPPORTED_PHRASE.test(words)) return { marker: 'supported', style: 'word' };
  if (UNSUPPORTED_PHRASE.test(words)) return { marker: 'unsupported', style: 'word' };
  for (const [pattern, marker, style] of MARKER_TOKENS) if (pattern.test(words)) return { marker, style };
  return undefined;
}

/** Reads a supported-versions cell: ✅, :x:, yes, no and their relatives. */
export function supportMarker(cell: string): SupportMarker | undefined {
  return readMarker(cell)?.marker;
}

const LATEST_WORDS =
  /^(?:the )?(?:latest|current|newest|most recent|stable|main|master|develop|dev|trunk|head|edge|next|nightly|canary|mainline|rolling|unreleased|lts)\b/i;
const OTHER_WORDS =
  /^(?:all |any |every )?(?:other|older|old|previous|prior|earlier|legacy|remaining|everything else|all|others|below|lower)\b/i;
const VERSION_LIKE = /^[<>=~^≥≤ ]{0,4}v?\d/i;

/** Turns the ways people write version ranges in tables into `semver` syntax. */
function semverRange(words: string): string | undefined {
  // A version cell is short; anything longer is prose, and semver's own patterns stay on short input.
  if (words.length > 80) return undefined;
  let value = words
    .replace(/\([^()]{0,80}\)/g, ' ')
    .replace(/≥|=>/g, '>=')
    .replace(/≤|=</g, '<=')
    .replace(/(\d)\.latest\b/gi, '$1.x')
    .replace(/\bv(?=\d)/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  value = value
    .replace(/^(?:before|prior to|older than|below|under|lower than) /i, '< ')
    .replace(/^(?:after|newer than|above|later than) /i, '> ')
    .replace(/^(.{1,40}?) (?:and|or) (?:above|newer|later|up|higher|greater)$/i, '>= $1')
    .replace(/^(.{1,40}?) (?:and|or) (?:below|older|earlier|lower|prior)$/i, '<= $1')
    .replace(/^([\d.x*]{1,40})\+$/i, '>= $1')
    // "24.04" (calendar versions) has no leading zeros for semver; ">= 2.3, < 3" is one range, "1.x, 2.x" two.
    .replace(/(^|[.\s<>=~^-])0+(?=\d)/g, '$1')
    .replace(/ ?, ?(?=[<>=])/g, ' ')
    .replace(/ ?, ?/g, ' || ')
    .replace(/ (?:and|&|or) (?=[<>=~^]{0,2} ?\d)/gi, ' || ')
    .replace(/ (?:to|through|thru) (?=\d)/gi, ' - ');
  const range = validRange(value);
  if (range) return range;
  // "1.2.x LTS", "2.0.x (security fixes only)": a version followed by a short note.
  const lead = /^[<>=~^ ]{0,4}[\d.x*]{1,30}(?: ?- ?[\d.x*]{1,30})?/i.exec(value);
  const rest = lead ? value.slice(lead[0].length).trim() : '';
  if (lead && rest.length <= 30 && !/\d/.test(rest)) return validRange(lead[0]) ?? undefined;
  return undefined;
}

function readVersion(cell: TableCell, tagColumn: boolean): VersionCell {
  const words = cellWords(cell.text);
  if (words === '') return { ...cell, kind: 'empty' };
  const range = VERSION_LIKE.test(words) ? semverRange(words) : undefined;
  if (range) return { ...cell, kind: 'range', range };
  if (LATEST_WORDS.test(words) || /^(?:all|any|every)(?: (?:supported )?(?:versions?|releases?))?$/i.test(words)) {
    return { ...cell, kind: 'latest' };
  }
  if (OTHER_WORDS.test(words)) return { ...cell, kind: 'other' };
  if (tagColumn && /^[\w./+-]{1,60}$/.test(words)) return { ...cell, kind: 'tag' };
  return { ...cell, kind: 'invalid' };
}

function collectVersionsTables(root: Root, text: string, sections: Section[]): VersionsTable[] {
  const tables: VersionsTable[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'table') {
      const table = versionsTable(node, text, sections);
      if (table) tables.push(table);
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(root);
  return tables;
}

function versionsTable(node: Table, text: string, sections: Section[]): VersionsTable | undefined {
  const [headerRow, ...bodyRows] = node.children;
  const header = headerRow?.children.map((cell) => cellOf(cell, text)) ?? [];
  const rows = bodyRows.map((row) => row.children.map((cell) => cellOf(cell, text)));
  const { start, end } = nodeRange(node);
  const section = sectionAt(sections, start);
  const inVersionsSection = section?.meaning === 'supported-versions';
  const columnShare = (column: number, test: (cell: string) => boolean) => {
    const cells = rows.map((row) => row[column]?.text ?? '').filter((cell) => cell.trim() !== '');
    return cells.length > 0 ? cells.filter(test).length / cells.length : 0;
  };

  let versionColumn: number | undefined = header.findIndex((cell) => VERSION_HEADER.test(cell.text));
  if (versionColumn === -1) versionColumn = undefined;
  let supportColumn: number | undefined = header.findIndex(
    (cell, index) => index !== versionColumn && SUPPORT_HEADER.test(cell.text),
  );
  if (supportColumn === -1) supportColumn = undefined;
  const supportByHeader = supportColumn !== undefined;
  // Columns found by what they hold when the header does not say.
  if (supportColumn === undefined) {
    const found = header.findIndex(
      (_, index) => index !== versionColumn && columnShare(index, (cell) => readMarker(cell) !== undefined) >= 0.5,
    );
    if (found !== -1) supportColumn = found;
  }
  if (versionColumn === undefined) {
    const found = header.findIndex(
      (_, index) =>
        index !== supportColumn &&
        columnShare(index, (cell) => {
          const words = cellWords(cell);
          return (VERSION_LIKE.test(words) && semverRange(words) !== undefined) || LATEST_WORDS.test(words);
        }) >= 0.5,
    );
    if (found !== -1) versionColumn = found;
  }
  const supportMarkersPresent =
    supportColumn !== undefined && columnShare(supportColumn, (cell) => readMarker(cell) !== undefined) > 0;
  // A column of severity levels makes a table of deadlines, whatever its other headers say.
  const severityTable = header.some(
    (_, index) => rows.filter((row) => LEVEL_WORD.test(cellWords(row[index]?.text ?? ''))).length >= 2,
  );
  const isVersionsTable =
    !severityTable &&
    ((versionColumn !== undefined &&
      (supportColumn !== undefined || VERSION_HEADER.test(header[versionColumn]?.text ?? ''))) ||
      (inVersionsSection && header.length >= 2) ||
      (supportByHeader && supportMarkersPresent));
  if (!isVersionsTable) return undefined;

  const tagColumn =
    versionColumn !== undefined &&
    TAG_HEADER.test(header[versionColumn]?.text ?? '') &&
    !/version|release/i.test(header[versionColumn]?.text ?? '');
  const headerEnd = bodyRows[0] ? lineStartOf(text, nodeRange(bodyRows[0]).start) : end;
  return {
    start,
    end,
    headerEnd,
    header,
    versionColumn,
    supportColumn,
    tagColumn,
    section,
    rows: bodyRows.map((row, index) => {
      const range = nodeRange(row);
      const cells = rows[index];
      const result: VersionRow = { start: range.start, end: range.end, cells };
      if (versionColumn !== undefined) {
        const cell = cells[versionColumn] ?? { text: '', start: range.end, end: range.end };
        result.version = readVersion(cell, tagColumn);
      }
      if (supportColumn !== undefined) {
        const cell = cells[supportColumn] ?? { text: '', start: range.end, end: range.end };
        const read = readMarker(cell.text);
        result.support = { ...cell, ...(read ?? {}) };
      }
      return result;
    }),
  };
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Whether a versions row covers `version` (a row of "latest", a branch name or "all other" covers anything). */
export function rowCovers(row: VersionRow, version: string): boolean {
  const cell = row.version;
  if (!cell) return false;
  if (cell.kind === 'range' && cell.range) return satisfies(version, cell.range, { includePrerelease: true });
  return cell.kind === 'latest';
}

/** Sentences that settle which versions get fixes without a table. */
const SUPPORT_STATEMENT =
  /\bonly (?:the )?(?:latest|most recent|current|newest)\b|\b(?:latest|most recent|current|newest) (?:stable |major |minor )?(?:release|version)s? (?:is|are) supported|\bwe (?:only )?support (?:the )?(?:latest|current|most recent)|security (?:fixes|updates|patches) (?:are|will be) (?:only )?(?:released|provided|applied|backported|published) (?:for|to) (?:the )?(?:latest|current|most recent)|\b(?:latest|most recent|current|newest) (?:stable |major |minor )?(?:release|version)s? only\b|\ball versions are supported\b/i;

// ---------------------------------------------------------------------------------------------
// Placeholders left from templates

const GITHUB_TEMPLATE_PROSE =
  /use this section to (?:tell|let|inform|know)|tell them where to go, how often they can expect|which versions of your project are currently being supported/i;
/** GitHub's example rows: 5.1.x supported, 5.0.x not, 4.0.x supported, below 4.0 not. */
const TEMPLATE_VERSIONS = ['5.1.x', '5.0.x', '4.0.x', '< 4.0'];
const TODO_WORD = /\b(?:TODO|TBD|FIXME|XXX)\b/g;
const BRACKETED = /\[([^[\]\n]{1,80})\]/g;
const BRACKET_START = /^(?:insert|add|enter|replace|fill in|your|project name|company name|version)\b/i;
const ANGLE_PLACEHOLDER =
  /<(?:your[ _-]?)?(?:security[ _-]?)?(?:e-?mail|contact|project|product|company|organi[sz]ation|org|repo(?:sitory)?|team|version|domain|url|link|name|owner)(?:[ _-]?(?:name|address|e-?mail|info|url))?>/gi;
const MUSTACHE = /\{\{([^{}\n]{1,80})\}\}/g;
const DOLLAR_VARIABLE = /\$\{?([A-Za-z][A-Za-z0-9_]{2,40})\}?/g;
const YOUR_DOMAIN = /\byour[-_]?domain(?:\.[a-z]{2,24})?\b/gi;
const CONTACT_WORDS = /e-?mail|contact|alias|address/i;

function collectPlaceholders(
  model: Pick<PolicyModel, 'text' | 'blocks' | 'contacts' | 'versionsTables' | 'codeSpans'>,
): Placeholder[] {
  const found: Placeholder[] = [];
  const add = (placeholder: Placeholder) => {
    if (found.some((other) => other.start < placeholder.end && placeholder.start < other.end)) return;
    found.push(placeholder);
  };
  for (const contact of model.contacts) {
    if (contact.placeholder) add({ kind: 'contact', text: contact.value, start: contact.start, end: contact.end });
  }
  // GitHub's template prose, a paragraph at a time; paragraphs with only blank lines between are one finding.
  let run: Placeholder | undefined;
  for (const block of model.blocks) {
    if (block.type !== 'paragraph' || !GITHUB_TEMPLATE_PROSE.test(block.plain)) continue;
    if (run && block.topLevel && model.text.slice(run.end, block.start).trim() === '') {
      run.end = block.end;
      run.text += ` ${block.plain}`;
      continue;
    }
    if (run) add(run);
    run = { kind: 'boilerplate', text: block.plain, start: block.start, end: block.end };
  }
  if (run) add(run);
  for (const table of model.versionsTables) {
    const rows = table.rows.filter((row) =>
      TEMPLATE_VERSIONS.includes(cellWords(row.version?.text ?? '').replace(/\s+/g, ' ')),
    );
    if (rows.length >= 3) {
      const first = rows[0];
      const last = rows[rows.length - 1];
      add({
        kind: 'example-rows',
        text: rows.map((row) => row.version!.text).join(', '),
        start: first.start,
        end: last.end,
      });
    }
  }
  for (const block of model.blocks) {
    const scan = (pattern: RegExp, kindOf: (match: RegExpMatchArray) => PlaceholderKind | undefined) => {
      for (const match of block.source.matchAll(pattern)) {
        const start = block.start + match.index!;
        if (inSpans(model.codeSpans, start)) continue;
        const kind = kindOf(match);
        if (kind) add({ kind, text: match[0], start, end: start + match[0].length });
      }
    };
    scan(YOUR_DOMAIN, () => 'contact');
    scan(ANGLE_PLACEHOLDER, (match) => (CONTACT_WORDS.test(match[0]) ? 'contact' : 'template'));
    scan(MUSTACHE, (match) => (CONTACT_WORDS.test(match[1]) ? 'contact' : 'template'));
    scan(DOLLAR_VARIABLE, (match) =>
      /alias|e-?mail|contact/i.test(match[1]) ? 'contact' : /^[A-Z][A-Z0-9_]+$/.test(match[1]) ? 'template' : undefined,
    );
    scan(BRACKETED, (match) => {
      // "[insert …]" always; "[your …]" and the like only when they are not the text of a link.
      const link = block.source[match.index! + match[0].length] === '(';
      if (!BRACKET_START.test(match[1]) || (link && !/^(?:insert|fill in|replace)\b/i.test(match[1]))) return undefined;
      return CONTACT_WORDS.test(match[1]) ? 'contact' : 'template';
    });
    scan(TODO_WORD, () => 'template');
  }
  return found.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------
// Instructions to report in public

const VENUE =
  /\b(?:open|file|create|raise|log|post|submit|start|use|via|through|as|on|in|go to|head to)(?: (?:a|an|our|new|public|regular|normal|standard|ordinary|github|gitlab|github's|empty|separate|plain)){0,4} (?:issues?|bug reports?|discussions?|pull requests?|tickets?)\b|\b(?:use|via|through|on|in|go to|head to|open|to)(?: (?:the|our|public|github|gitlab|github's|project's)){0,3} (?:(?:issue|bug) trackers?|issues? (?:tabs?|pages?|section))\b/gi;
const REPORTING_VERB =
  /\b(?:report|disclose|submit|send|post|share|raise|file|open|tell|notify|let us know|create|log|use|go|visit|head)\b|\bbe reported\b/i;
const IMPERATIVE_VERB = /\b(?:go|visit|open|file|report|use|submit|create|raise|post|head|check|see)\b/i;
const NEGATION = /\b(?:not|never|no|instead of|rather than|without|avoid|refrain|nor)\b|n['’]t\b/i;
/** Sentences that send only harmless things (non-security bugs, upstream issues) to the public tracker. */
const NOT_FOR_VULNERABILITIES =
  /\bnon[- ]?(?:security|critical|sensitive)\b|\bnot (?:a |an )?security\b|\bno (?:security )?impact\b|\bnot security[- ]related|\b(?:regular|general|normal|ordinary|other) (?:bugs?|issues|questions|inquiries|problems)\b|\bfeature requests?\b|\bsupport (?:questions|requests)\b|\bquestions?\b|do not (?:directly )?(?:lead to|have|pose) (?:a |any )?(?:vulnerab|security)|\bupstream\b|\bdependenc(?:y|ies)\b|\blow[- ](?:severity|risk|impact)\b|\b(?:after|once) (?:the |a )?(?:fix|patch|release|advisory|disclosure)|\bpublicly (?:known|disclosed)\b|\balready (?:public|known|disclosed)\b|\bto (?:alert|notify|ping) (?:me|us)\b|\bsuggest|\bimprove|\bfeedback\b|\bthis (?:policy|document|file)\b/i;
const PUBLIC_TRACKER_PATH = /\/(?:issues|discussions|pulls?)(?:\/new)?\/?$/i;

function isNegated(plain: string, index: number): boolean {
  return NEGATION.test(clauseBefore(plain, index));
}

function collectPublicInstructions(
  root: Root,
  sentences: Sentence[],
  codeSpans: { start: number; end: number }[],
): PublicReportInstruction[] {
  const instructions: PublicReportInstruction[] = [];
  const publicLinks: { start: number; end: number }[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'link' && !/confidential/i.test(node.url)) {
      let parsed: URL | undefined;
      try {
        parsed = new URL(node.url);
      } catch {
        parsed = undefined;
      }
      if (parsed && PUBLIC_TRACKER_PATH.test(parsed.pathname)) {
        publicLinks.push(nodeRange(node));
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(root);
  let previous: Sentence | undefined;
  for (const sentence of sentences) {
    const { plain } = sentence;
    const before = previous?.block === sentence.block ? previous : undefined;
    previous = sentence;
    if (NOT_FOR_VULNERABILITIES.test(plain)) continue;
    // "Do not report non-security bugs here. Use GitHub issues instead."
    if (/\binstead\b/i.test(plain) && before && NOT_FOR_VULNERABILITIES.test(before.plain)) continue;
    let found: PublicReportInstruction | undefined;
    for (const match of plain.matchAll(VENUE)) {
      // "report it via GitHub issues" needs a verb of reporting; "open an issue" is one.
      if (/^(?:via|through|as|on|in)\b/i.test(match[0]) && !REPORTING_VERB.test(plain)) continue;
      if (isNegated(plain, match.index)) continue;
      const from = sentence.plainStart + match.index;
      const range = plainRange(sentence.block, from, from + match[0].length);
      if (inSpans(codeSpans, range.start)) continue;
      found = { ...range, text: match[0], sentence };
      break;
    }
    if (found) {
      instructions.push(found);
      continue;
    }
    const link = publicLinks.find((each) => each.start >= sentence.start && each.start < sentence.end);
    if (link && IMPERATIVE_VERB.test(plain)) {
      const index = sentence.block.offsets.findIndex((offset) => offset >= link.start) - sentence.plainStart;
      if (index >= 0 && isNegated(plain, index)) continue;
      const text = sentence.block.source.slice(link.start - sentence.block.start, link.end - sentence.block.start);
      instructions.push({ start: link.start, end: link.end, text, sentence });
    }
  }
  return instructions;
}

// ---------------------------------------------------------------------------------------------
// Links over plain HTTP

const HTTP_URL = /\bhttp:\/\/([^\s/?#)>\]"'`*]{1,255})/gi;
const LOCAL_HOST =
  /^(?:localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|0\.0\.0\.0|\[::1?\]|[^:]{1,200}\.(?:localhost|local|test|example|invalid|internal|lan|home\.arpa))(?::\d{1,5})?$/i;

function collectInsecureLinks(
  root: Root,
  text: string,
  blocks: TextBlock[],
  codeSpans: { start: number; end: number }[],
): { start: number; end: number; host: string }[] {
  const links: { start: number; end: number; host: string }[] = [];
  const seen = new Set<number>();
  const scan = (source: string, offset: number) => {
    for (const match of source.matchAll(HTTP_URL)) {
      const start = offset + match.index;
      const host = match[1].replace(/^[^@]{0,100}@/, '').toLowerCase();
      if (seen.has(start) || inSpans(codeSpans, start) || LOCAL_HOST.test(host)) continue;
      seen.add(start);
      links.push({ start, end: start + match[0].length, host });
    }
  };
  for (const block of blocks) scan(block.source, block.start);
  for (const node of root.children) {
    if (node.type === 'definition') {
      const { start, end } = nodeRange(node);
      scan(text.slice(start, end), start);
    }
  }
  return links.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------

export function parsePolicy(text: string): PolicyModel {
  const root = parseMarkdown(text);
  const sections = buildSections(root, text);
  const blocks = collectBlocks(root, text, sections);
  const sentences = blocks.flatMap((block) => block.sentences);
  const codeSpans = collectCodeSpans(root);
  const contacts = collectContacts(root, text, blocks);
  const durations = collectDurations(blocks);
  const versionsTables = collectVersionsTables(root, text, sections);
  const placeholders = collectPlaceholders({ text, blocks, contacts, versionsTables, codeSpans });
  return {
    kind: 'policy',
    text,
    root,
    sections,
    blocks,
    sentences,
    contacts,
    durations,
    versionsTables,
    supportStatements: blocks.filter((block) => SUPPORT_STATEMENT.test(block.source)),
    severityGroups: collectSeverityGroups(root, blocks, durations),
    placeholders,
    publicReportInstructions: collectPublicInstructions(root, sentences, codeSpans),
    insecureLinks: collectInsecureLinks(root, text, blocks, codeSpans),
    codeSpans,
    sectionDepth: sectionDepthOf(sections),
  };
}
