import type { Nodes, Root, RootContent } from 'mdast';

/**
 * Markdown parsed section by section. micromark's cost grows faster than the text and dominates a
 * policy's lint, so the text is cut where a top-level ATX heading starts a line and each piece is
 * parsed on its own, then the pieces' trees are joined with their positions moved to where the
 * pieces sit in the whole text. A piece parsed before is taken from a cache keyed by its text, so
 * an edit re-parses only the section it touches.
 *
 * A heading line in column 0 closes every open block except a fenced code block or an HTML block
 * at the top level, so the joined tree is the whole text's tree whenever no piece ends inside one
 * of those: each piece's tree is checked for that, and the text is parsed whole when it fails.
 * It is parsed whole too where one part of the text changes the meaning of another: a link
 * reference or footnote definition (found by its `]:`), which any other section may use; and a
 * carriage return alone as a line break, which the line scan here does not follow.
 */

type Parse = (text: string) => Root;

/** A line that opens a heading: one to six `#`, then a space, a tab or the end of the line. */
const ATX_HEADING = /^#{1,6}(?:[ \t\r]|$)/;
/** A fence line: up to three spaces and a run of backticks or tildes; closing, nothing after but blanks. */
const OPENING_FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t\r]*$/;
/** HTML blocks that end at a closing marker, not at a blank line (CommonMark types 1, 3, 4 and 5). */
const HTML_ENDING_AT_MARKER = /^ {0,3}<(?:\?|!|(?:pre|script|style|textarea)(?:[ \t\r>]|$))/i;
const HTML_COMMENT = /^ {0,3}<!--/;
const BLANK_LINE = /^[ \t]*\r?\n/;

/** A few whole policies of text: more than the largest policy linted, few enough to keep memory low. */
const CACHE_CHARACTERS = 512 * 1024;
const cache = new Map<string, Root>();
let cachedCharacters = 0;

/** Offsets of the lines where a piece starts: 0, then each top-level ATX heading outside fences and comments. */
export function pieceStarts(text: string): number[] | undefined {
  if (text.includes(']:') || /\r(?!\n)/.test(text)) return undefined;
  const starts = [0];
  let fence: string | undefined;
  let inComment = false;
  for (let at = 0; at < text.length;) {
    const newline = text.indexOf('\n', at);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(at === 0 ? firstLineStart(text) : at, end);
    if (inComment) {
      inComment = !line.includes('-->');
    } else if (fence !== undefined) {
      if (closesFence(line, fence)) fence = undefined;
    } else if (at > 0 && ATX_HEADING.test(line)) {
      starts.push(at);
    } else {
      fence = openingFence(line);
      const comment = line.indexOf('<!--');
      inComment = fence === undefined && comment !== -1 && !line.includes('-->', comment + 4);
    }
    at = end + 1;
  }
  return starts;
}

function openingFence(line: string): string | undefined {
  const marker = OPENING_FENCE.exec(line)?.[1];
  // A backtick fence's info string holds no backtick: such a line is inline code, not a fence.
  if (marker?.startsWith('`') && line.includes('`', line.indexOf(marker) + marker.length)) return undefined;
  return marker;
}

function closesFence(line: string, opening: string): boolean {
  const closer = CLOSING_FENCE.exec(line)?.[1];
  return closer !== undefined && closer[0] === opening[0] && closer.length >= opening.length;
}

/** Where the first line's Markdown starts: after a byte order mark, which the parser skips. */
function firstLineStart(text: string): number {
  return text.startsWith('\uFEFF') ? 1 : 0;
}

/** The line holding `offset`, without its line break (nor a byte order mark). */
function lineAt(text: string, offset: number): { start: number; text: string } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const from = start === 0 ? firstLineStart(text) : start;
  return { start, text: text.slice(from, newline === -1 ? text.length : newline) };
}

/** Whether the line after `piece` would still belong to the piece's last top-level block. */
function endsInsideBlock(root: Root, piece: string): boolean {
  const last = root.children.at(-1);
  if (!last?.position) return false;
  const start = last.position.start.offset ?? 0;
  const end = last.position.end.offset ?? 0;
  if (last.type === 'code') {
    const opening = lineAt(piece, start);
    const marker = openingFence(opening.text);
    if (marker === undefined) return false;
    const closing = lineAt(piece, end);
    return closing.start <= opening.start || !closesFence(closing.text, marker);
  }
  if (last.type !== 'html') return false;
  const first = lineAt(piece, start).text;
  if (HTML_COMMENT.test(first)) return !lineAt(piece, end).text.includes('-->');
  if (HTML_ENDING_AT_MARKER.test(first)) return true;
  // Any other HTML block runs to a blank line.
  const rest = piece.slice(end);
  const afterBreak = rest.indexOf('\n');
  return afterBreak === -1 || !BLANK_LINE.test(rest.slice(afterBreak + 1));
}

function cachedParse(piece: string, parse: Parse): Root {
  const hit = cache.get(piece);
  if (hit) {
    // Least recently used first: a hit moves to the end.
    cache.delete(piece);
    cache.set(piece, hit);
    return hit;
  }
  const root = parse(piece);
  if (piece.length <= CACHE_CHARACTERS) {
    cache.set(piece, root);
    cachedCharacters += piece.length;
    for (const [oldest] of cache) {
      if (cachedCharacters <= CACHE_CHARACTERS) break;
      cache.delete(oldest);
      cachedCharacters -= oldest.length;
    }
  }
  return root;
}

type Point = { line: number; column: number; offset?: number };

function movedPoint(point: Point, offset: number, lines: number): Point {
  return { line: point.line + lines, column: point.column, offset: (point.offset ?? 0) + offset };
}

/** A copy of `node` (its children left as they are) `offset` characters and `lines` lines further on. */
function movedNode<T extends Nodes>(node: T, offset: number, lines: number): T {
  const copy = { ...node };
  const { position } = node;
  if (position) {
    copy.position = { start: movedPoint(position.start, offset, lines), end: movedPoint(position.end, offset, lines) };
  }
  return copy;
}

/** A copy of `node` and its descendants, `offset` characters and `lines` lines further on; the cached tree is left as it is. */
function moved<T extends Nodes>(node: T, offset: number, lines: number): T {
  const copy = movedNode(node, offset, lines);
  if ('children' in node) {
    (copy as { children: Nodes[] }).children = node.children.map((child) => moved(child as Nodes, offset, lines));
  }
  return copy;
}

/**
 * A top-level node of a piece moved to where the piece sits, its descendants moved when first
 * asked for: the model reads a piece's descendants only when it reads the piece anew, and most
 * pieces of an edited document were read in an earlier build.
 */
function movedTop<T extends RootContent>(node: T, offset: number, lines: number): T {
  const copy = movedNode(node, offset, lines);
  if ('children' in node) {
    const settle = (target: object, children: unknown) =>
      Object.defineProperty(target, 'children', {
        value: children,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    Object.defineProperty(copy, 'children', {
      enumerable: true,
      configurable: true,
      get(this: object) {
        const children = node.children.map((child) => moved(child as Nodes, offset, lines));
        settle(this, children);
        return children;
      },
      set(this: object, children: unknown) {
        settle(this, children);
      },
    });
  }
  return copy;
}

/** A piece of a text parsed on its own, and its top-level nodes moved to where the piece sits. */
export interface MarkdownPiece {
  start: number;
  end: number;
  text: string;
  children: RootContent[];
}

/**
 * The Markdown tree of `text`, as `parse` gives it for the whole text, built from pieces parsed apart
 * where it can be; and the pieces it was joined from.
 */
export function parseInPieces(text: string, parse: Parse): { root: Root; pieces?: MarkdownPiece[] } {
  const starts = pieceStarts(text);
  if (!starts) return { root: parse(text) };
  const joined: Root = { type: 'root', children: [] };
  const pieces: MarkdownPiece[] = [];
  let lines = 0;
  for (let index = 0; index < starts.length; index++) {
    const from = starts[index];
    const to = starts[index + 1] ?? text.length;
    const piece = text.slice(from, to);
    const root = cachedParse(piece, parse);
    if (index + 1 < starts.length && endsInsideBlock(root, piece)) return { root: parse(text) };
    const children = root.children.map((child) => movedTop(child, from, lines));
    joined.children.push(...children);
    pieces.push({ start: from, end: to, text: piece, children });
    // The document runs from the first piece's start to the last piece's end.
    if (root.position) {
      const start = joined.position?.start ?? movedPoint(root.position.start, 0, 0);
      joined.position = { start, end: movedPoint(root.position.end, from, lines) };
    }
    for (let at = piece.indexOf('\n'); at !== -1; at = piece.indexOf('\n', at + 1)) lines++;
  }
  return { root: joined, pieces };
}
