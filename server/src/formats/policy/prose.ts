import { inRanges } from './ranges';
import type { Nodes, Root } from 'mdast';
import { nodeRange } from '../markdown';
import type { Section, Sentence, TextBlock } from './model';
import { sectionAt } from './sections';

interface PlainBuilder {
  plain: string;
  /** Where each character of `plain` stands in the text, counted from `base`. */
  offsets: number[];
  base: number;
  /** Whether the plain text so far is empty or ends in a space: a space is then not added. */
  afterSpace: boolean;
}

/** Whether `\s` matches the character with this code. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function pushPlain(builder: PlainBuilder, value: string, start: number, end: number): void {
  // Escapes and entities make a value shorter than its source: offsets are then approximate.
  const exact = end - start === value.length;
  const { offsets } = builder;
  // Runs of the value kept as they are are copied whole; a run of whitespace becomes one space.
  let copyFrom = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isSpace(code)) {
      if (builder.afterSpace || code !== 32) {
        builder.plain += value.slice(copyFrom, i);
        copyFrom = i + 1;
        if (builder.afterSpace) continue;
        builder.plain += ' ';
      }
      builder.afterSpace = true;
    } else {
      builder.afterSpace = false;
    }
    // Never behind the character before: a node the parser made up (without a position) would put
    // its characters at 0, and look-ups search the offsets as a sorted list.
    const offset = (exact ? start + i : Math.min(start + i, Math.max(start, end - 1))) - builder.base;
    offsets.push(offsets.length > 0 ? Math.max(offset, offsets[offsets.length - 1]) : offset);
  }
  builder.plain += value.slice(copyFrom);
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
  const { plain, offsets, start } = block;
  let from = 0;
  const push = (to: number) => {
    let first = from;
    while (first < to && plain[first] === ' ') first++;
    let last = to;
    while (last > first && plain[last - 1] === ' ') last--;
    if (last > first) {
      // Nodes the parser made up (without a position) can put offsets out of order: keep start <= end.
      sentences.push({
        start: start + offsets[first],
        end: start + Math.max(offsets[first], offsets[last - 1] + 1),
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

export function collectBlocks(root: Root, text: string, sections: Section[]): TextBlock[] {
  const blocks: TextBlock[] = [];
  const visit = (node: Nodes, parentType: string) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const { start, end } = nodeRange(node);
      const builder: PlainBuilder = { plain: '', offsets: [], base: start, afterSpace: true };
      collectPlain(node, builder);
      let plain = builder.plain;
      if (plain.endsWith(' ')) {
        plain = plain.slice(0, -1);
        builder.offsets.pop();
      }
      builder.offsets.push(builder.offsets.length > 0 ? builder.offsets[builder.offsets.length - 1] + 1 : 0);
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
  const start = block.start + block.offsets[from];
  const end = to > from ? block.start + block.offsets[to - 1] + 1 : start;
  return { start, end };
}

export function collectCodeSpans(root: Root): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'inlineCode') spans.push(nodeRange(node));
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(root);
  return spans;
}

/** Whether an inline code span (as collectCodeSpans lists them, in document order) holds `offset`. */
export function inSpans(spans: { start: number; end: number }[], offset: number): boolean {
  return inRanges(spans, offset);
}

// Contacts

/** The clause (between commas, semicolons and colons) of `plain` that holds `index`. */
export function clauseBefore(plain: string, index: number): string {
  const before = plain.slice(0, index);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'));
  return before.slice(cut + 1);
}
