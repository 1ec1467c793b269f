import { firstStartAfter } from './ranges';
import type { Heading, Nodes, Root } from 'mdast';
import { nodeRange } from '../markdown';
import type { Section } from './model';
import { MEANINGS, REQUIREMENTS_TITLE, type SectionMeaning, sectionMeaning } from './vocabulary';

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

export function buildSections(root: Root, text: string): Section[] {
  const sections: Section[] = [];
  const open: Section[] = [];
  for (const node of root.children) {
    const { start, end } = nodeRange(node);
    if (node.type === 'heading') {
      while (open.length > 0 && open[open.length - 1].depth >= node.depth) open.pop()!.end = start;
      if (open.length > 0) open[open.length - 1].hasSubsections = true;
      const title = headingText(node, text);
      const underRequirements = open.some((each) => REQUIREMENTS_TITLE.test(each.title));
      const read = sectionMeaning(title);
      const meaning = read === 'supported-versions' && underRequirements ? undefined : read;
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
  // The last heading at or before the offset, then out through the sections enclosing it: an
  // earlier section that holds the offset holds that heading too, so it is one of them.
  const last = firstStartAfter(sections, offset, (section) => section.headingStart) - 1;
  for (let section: Section | undefined = sections[last]; section; section = section.parent) {
    if (offset < section.end) return section;
  }
  return undefined;
}

export function sectionDepthOf(sections: Section[]): number {
  const [first, ...rest] = sections;
  if (!first) return 2;
  const candidates = first.depth === 1 ? rest : sections;
  const depths = candidates.map((section) => section.depth);
  return depths.length > 0 ? Math.min(...depths) : Math.min(first.depth + 1, 6);
}

// Text blocks, plain words and sentences
