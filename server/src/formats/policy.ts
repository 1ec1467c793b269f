import type { Heading, Nodes, Root, Table } from 'mdast';
import { nodeRange, parseMarkdown } from './markdown';

/** What a section is for, recognised from its heading's words. */
export type SectionMeaning =
  'reporting' | 'supported-versions' | 'response' | 'disclosure' | 'scope' | 'safe-harbor' | 'encryption' | 'bounty';

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
}

/** A run of prose: a paragraph, a heading or a table cell, with its Markdown source. */
export interface TextBlock {
  type: 'paragraph' | 'heading' | 'tableCell';
  start: number;
  end: number;
  source: string;
  section?: Section;
}

export type ContactKind = 'email' | 'private-advisory' | 'bug-bounty' | 'web-form';

export interface Contact {
  kind: ContactKind;
  value: string;
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
}

export type SupportMarker = 'supported' | 'unsupported';

export interface TableCell {
  text: string;
  start: number;
  end: number;
}

export interface VersionsTable {
  start: number;
  end: number;
  header: TableCell[];
  /** Index of the column naming versions, if one was found. */
  versionColumn?: number;
  /** Index of the column saying whether a version is supported, if one was found. */
  supportColumn?: number;
  rows: TableCell[][];
}

export interface PolicyModel {
  kind: 'policy';
  text: string;
  root: Root;
  sections: Section[];
  blocks: TextBlock[];
  contacts: Contact[];
  durations: Duration[];
  versionsTables: VersionsTable[];
  /** Heading depth for a new top-level section (`##` under a `#` title). */
  sectionDepth: number;
}

const MEANINGS: [SectionMeaning, RegExp][] = [
  ['supported-versions', /\bsupported\b|\bversions?\b|security updates|\bmaintained\b/i],
  ['reporting', /\breport|\bcontact|\bsubmit|how to (?:tell|reach|notify)/i],
  ['disclosure', /\bdisclos|\badvisor|\bembargo|\bpublication\b|\bcoordinated\b/i],
  [
    'response',
    /\brespon(?:d|se)|what to expect|\btimelines?\b|\btriage|(?<!\b(?:release|build|development) )\bprocess\b|\bhandling\b|\bsla\b/i,
  ],
  ['scope', /\bscope\b/i],
  ['safe-harbor', /safe harbou?r|\blegal\b/i],
  ['encryption', /\bpgp\b|\bgpg\b|\bencrypt/i],
  ['bounty', /\bbount(?:y|ies)\b|\brewards?\b/i],
];

export function sectionMeaning(title: string): SectionMeaning | undefined {
  return MEANINGS.find(([, pattern]) => pattern.test(title))?.[0];
}

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

const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}\b/g;
const BOUNTY_HOSTS =
  /(?:^|\.)(?:hackerone\.com|bugcrowd\.com|intigriti\.com|yeswehack\.com|huntr\.(?:dev|com)|immunefi\.com|zerodayinitiative\.com)$/i;
const PRIVATE_REPORTING_PHRASE =
  /private(?:ly)? vulnerability report(?:ing)?|["“]report a vulnerability["”]|security advisor(?:y|ies) (?:tab|page|form)|\bsecurity tab\b|draft (?:a )?(?:new )?security advisory/gi;

function classifyUrl(url: string): ContactKind | undefined {
  if (/^mailto:/i.test(url)) return 'email';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (/\/security\/advisories(?:\/new)?\/?$/i.test(parsed.pathname)) return 'private-advisory';
  if (BOUNTY_HOSTS.test(parsed.hostname)) return 'bug-bounty';
  if (/\/(?:issues|discussions|pulls?)(?:\/|$)/i.test(parsed.pathname)) return undefined;
  if (/secur|vulnerab|disclos|report|bounty/i.test(parsed.pathname + parsed.hostname)) return 'web-form';
  return undefined;
}

function headingText(node: Heading, text: string): string {
  const { start, end } = nodeRange(node);
  return text
    .slice(start, end)
    .replace(/^#{1,6}[ \t]*/, '')
    .replace(/[ \t]+#+[ \t]*$/, '')
    .replace(/[*_`]/g, '')
    .trim();
}

function buildSections(root: Root, text: string): Section[] {
  const sections: Section[] = [];
  const open: Section[] = [];
  const close = (section: Section, at: number) => {
    section.end = at;
  };
  for (const node of root.children) {
    const { start, end } = nodeRange(node);
    if (node.type === 'heading') {
      while (open.length > 0 && open[open.length - 1].depth >= node.depth) close(open.pop()!, start);
      const title = headingText(node, text);
      const section: Section = {
        title,
        depth: node.depth,
        meaning: sectionMeaning(title),
        headingStart: start,
        headingEnd: end,
        end: text.length,
        contentEnd: end,
        bodyEnd: end,
      };
      sections.push(section);
      open.push(section);
    } else {
      for (const section of open) section.contentEnd = end;
      if (open.length > 0) open[open.length - 1].bodyEnd = end;
    }
  }
  for (const section of open) close(section, text.length);
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

function collectBlocks(root: Root, text: string, sections: Section[]): TextBlock[] {
  const blocks: TextBlock[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const { start, end } = nodeRange(node);
      blocks.push({ type: node.type, start, end, source: text.slice(start, end), section: sectionAt(sections, start) });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(root);
  return blocks;
}

function collectContacts(root: Root, blocks: TextBlock[]): Contact[] {
  const contacts: Contact[] = [];
  const seen = new Set<number>();
  const add = (contact: Contact) => {
    if (seen.has(contact.start)) return;
    seen.add(contact.start);
    contacts.push(contact);
  };
  const visit = (node: Nodes) => {
    if (node.type === 'link' || node.type === 'definition') {
      const kind = classifyUrl(node.url);
      if (kind) {
        const { start, end } = nodeRange(node);
        add({ kind, value: node.url.replace(/^mailto:/i, ''), start, end });
      }
    }
    if (node.type === 'code' || node.type === 'inlineCode') return;
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(root);
  for (const block of blocks) {
    for (const match of block.source.matchAll(EMAIL)) {
      const start = block.start + match.index;
      add({ kind: 'email', value: match[0], start, end: start + match[0].length });
    }
    for (const match of block.source.matchAll(PRIVATE_REPORTING_PHRASE)) {
      const start = block.start + match.index;
      add({ kind: 'private-advisory', value: match[0], start, end: start + match[0].length });
    }
  }
  return contacts.sort((a, b) => a.start - b.start);
}

function collectDurations(blocks: TextBlock[]): Duration[] {
  const durations: Duration[] = [];
  for (const block of blocks) {
    for (const match of block.source.matchAll(DURATION)) {
      const [whole, first, second, unit] = match;
      const factor = UNIT_HOURS.find(([pattern]) => pattern.test(unit))?.[1] ?? 1;
      const start = block.start + match.index;
      durations.push({
        text: whole,
        start,
        end: start + whole.length,
        hours: amount(second ?? first) * factor,
        block,
      });
    }
  }
  return durations;
}

function cellOf(node: Table['children'][number]['children'][number], text: string): TableCell {
  const { start, end } = nodeRange(node);
  const raw = text.slice(start, end);
  const leading = raw.length - raw.replace(/^[\s|]+/, '').length;
  const trimmed = raw.replace(/^[\s|]+/, '').replace(/[\s|]+$/, '');
  return { text: trimmed, start: start + leading, end: start + leading + trimmed.length };
}

const VERSION_HEADER = /version|release|branch|\btags?\b/i;
const SUPPORT_HEADER = /support|maintain|status|security|\beol\b|end of life|patch|fix/i;

function collectVersionsTables(root: Root, text: string): VersionsTable[] {
  const tables: VersionsTable[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'table') {
      const [headerRow, ...bodyRows] = node.children;
      const header = headerRow?.children.map((cell) => cellOf(cell, text)) ?? [];
      let versionColumn: number | undefined = header.findIndex((cell) => VERSION_HEADER.test(cell.text));
      if (versionColumn === -1) versionColumn = undefined;
      let supportColumn: number | undefined = header.findIndex(
        (cell, index) => index !== versionColumn && SUPPORT_HEADER.test(cell.text),
      );
      if (supportColumn === -1) supportColumn = undefined;
      if (versionColumn !== undefined || supportColumn !== undefined) {
        const { start, end } = nodeRange(node);
        tables.push({
          start,
          end,
          header,
          versionColumn,
          supportColumn,
          rows: bodyRows.map((row) => row.children.map((cell) => cellOf(cell, text))),
        });
      }
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(root);
  return tables;
}

const SUPPORTED_MARKERS =
  /^(?:✅|✔️?|☑️?|✓|🟢|:white_check_mark:|:heavy_check_mark:|:green_circle:|yes|y|true|supported|active|lts|current|maintained|security fixes only|security updates only)$/i;
const UNSUPPORTED_MARKERS =
  /^(?:❌|✖️?|✗|✘|⛔|🔴|:x:|:no_entry:|:no_entry_sign:|:red_circle:|:heavy_multiplication_x:|no|n|false|unsupported|not supported|eol|end of life|end-of-life|deprecated)$/i;

/** Reads a supported-versions cell: ✅, :x:, yes, no and their relatives. */
export function supportMarker(cell: string): SupportMarker | undefined {
  const normalised = cell.replace(/[*_`]/g, '').trim();
  if (SUPPORTED_MARKERS.test(normalised)) return 'supported';
  if (UNSUPPORTED_MARKERS.test(normalised)) return 'unsupported';
  return undefined;
}

function sectionDepthOf(sections: Section[]): number {
  const [first, ...rest] = sections;
  if (!first) return 2;
  const candidates = first.depth === 1 ? rest : sections;
  const depths = candidates.map((section) => section.depth);
  return depths.length > 0 ? Math.min(...depths) : Math.min(first.depth + 1, 6);
}

export function parsePolicy(text: string): PolicyModel {
  const root = parseMarkdown(text);
  const sections = buildSections(root, text);
  const blocks = collectBlocks(root, text, sections);
  return {
    kind: 'policy',
    text,
    root,
    sections,
    blocks,
    contacts: collectContacts(root, blocks),
    durations: collectDurations(blocks),
    versionsTables: collectVersionsTables(root, text),
    sectionDepth: sectionDepthOf(sections),
  };
}
