import type { Code, Nodes, Root } from 'mdast';
import { lineEnd, lineStart } from '../../core/text';
import { cellWords, nodeRange } from '../markdown';
import type { PolicyFence } from './model';
import { buildSections } from './sections';

/**
 * A policy written inside a code fence: a template's ```` ```markdown ```` left open, or the whole
 * file wrapped in ```` ``` ````. GitHub shows such a block as raw text, so it is found here and its
 * content read as the Markdown it was meant to be.
 *
 * A fence holds the policy when all of these hold, so that the code blocks policies really show (a
 * PGP key, a curl command, a JSON sample, a report template) are left alone:
 * - its info string is empty or names Markdown;
 * - its content, read as Markdown, has a heading naming a part of a policy (Supported Versions,
 *   Reporting, Disclosure…) and some prose: a paragraph of five words or more, or a table;
 * - it holds most of the document (at least half of its non-blank characters), or it is never
 *   closed and has headings for two different parts of a policy.
 */

const MARKDOWN_INFO = /^(?:markdown|md|gfm)$/i;

/** A fence line: up to three spaces, a run of backticks or tildes, and (closing) nothing else. */
const OPENING_FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/**
 * A word of prose: a letter, then lower-case letters (an apostrophe, hyphens between letters) and
 * closing punctuation. Capitals and dashes are left out so that `-----BEGIN PGP PUBLIC KEY BLOCK-----` is not prose.
 */
const PROSE_WORD = /^[A-Za-z][a-z'’]{0,30}(?:-[a-z]{1,30}){0,3}[,.;:!?)]{0,2}$/;

function nonBlankCount(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) if (!/\s/.test(text[i])) count++;
  return count;
}

/** The whole line holding `offset`, after a byte order mark. */
function lineAt(text: string, offset: number): { start: number; end: number } {
  const start = lineStart(text, offset);
  return { start: start === 0 && text.startsWith('\uFEFF') ? 1 : start, end: lineEnd(text, offset) };
}

/** The lines of a fenced code block's fences; undefined for an indented code block. */
function fenceOf(node: Code, text: string): PolicyFence | undefined {
  const { start, end } = nodeRange(node);
  const opening = lineAt(text, start);
  const marker = OPENING_FENCE.exec(text.slice(opening.start, opening.end))?.[1];
  if (!marker) return undefined;
  const last = lineAt(text, end);
  if (last.start <= opening.start) return { opening };
  const closer = CLOSING_FENCE.exec(text.slice(last.start, last.end))?.[1];
  const closes = closer !== undefined && closer[0] === marker[0] && closer.length >= marker.length;
  return closes ? { opening, closing: last } : { opening };
}

/** The document with the fence lines blanked out: same length and lines, read as if the fences were not there. */
function withoutFences(text: string, fence: PolicyFence): string {
  const blank = (line: { start: number; end: number }) => text.slice(line.start, line.end).replace(/./g, ' ');
  const { opening, closing } = fence;
  let result = text.slice(0, opening.start) + blank(opening);
  if (!closing) return result + text.slice(opening.end);
  result += text.slice(opening.end, closing.start) + blank(closing);
  return result + text.slice(closing.end);
}

function hasProse(root: Root, text: string, from: number, to: number): boolean {
  const visit = (node: Nodes): boolean => {
    const { start, end } = nodeRange(node);
    if (end <= from || start >= to) return false;
    if (node.type === 'table') return true;
    if (node.type === 'paragraph') {
      const words = cellWords(text.slice(start, end)).split(' ');
      return words.filter((word) => PROSE_WORD.test(word)).length >= 5;
    }
    return 'children' in node && node.children.some((child) => visit(child as Nodes));
  };
  return visit(root);
}

function holdsPolicy(root: Root, text: string, from: number, to: number, most: boolean): boolean {
  const meanings = new Set(
    buildSections(root, text)
      .filter((section) => section.headingStart >= from && section.headingStart < to && section.meaning)
      .map((section) => section.meaning),
  );
  return meanings.size >= (most ? 1 : 2) && hasProse(root, text, from, to);
}

/**
 * The document's Markdown with the fence that holds the policy read as Markdown, and that fence;
 * `root` itself when no fence holds the policy.
 */
export function readFencedPolicy(
  root: Root,
  text: string,
  parse: (markdown: string) => Root,
): { root: Root; fence?: PolicyFence } {
  let total: number | undefined;
  for (const node of root.children) {
    if (node.type !== 'code' || (node.lang && !MARKDOWN_INFO.test(node.lang))) continue;
    const fence = fenceOf(node, text);
    if (!fence) continue;
    const from = fence.opening.end;
    const to = fence.closing?.start ?? text.length;
    const markers =
      nonBlankCount(text, fence.opening.start, from) + (fence.closing ? nonBlankCount(text, to, fence.closing.end) : 0);
    total ??= nonBlankCount(text, 0, text.length);
    const most = 2 * nonBlankCount(text, from, to) >= total - markers;
    if (!most && fence.closing) continue;
    const unfenced = parse(withoutFences(text, fence));
    if (holdsPolicy(unfenced, text, from, to, most)) return { root: unfenced, fence };
  }
  return { root };
}
