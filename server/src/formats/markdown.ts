import type { Root } from 'mdast';
import type * as MarkdownParser from './markdown-parser';
import { type MarkdownPiece, parseInPieces } from './markdown-chunks';
import { memoizeByText } from '../core/memo';

let parser: ReturnType<typeof MarkdownParser.createMarkdownParser> | undefined;

/** The Markdown tree of a document, parsed a section at a time: the same tree as the whole text's. */
export function parseMarkdown(text: string): Root {
  return parseInPieces(text, parseWholeMarkdown).root;
}

/** The Markdown tree of a document and the pieces it was parsed in (none when it was parsed whole). */
export function parseMarkdownPieces(text: string): { root: Root; pieces?: MarkdownPiece[] } {
  return parseInPieces(text, parseWholeMarkdown);
}

/** The Markdown tree of a document, parsed in one go. */
export function parseWholeMarkdown(text: string): Root {
  // remark is loaded on the first policy parsed: a run over Compose files alone never needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
  parser ??= (require('./markdown-parser') as typeof MarkdownParser).createMarkdownParser();
  const root = parser.parse(text);
  // The parser drops a leading byte-order mark: every offset it gives is then one short of the text's.
  if (text.startsWith('\uFEFF')) shiftPositions(root);
  return root;
}

type Positioned = { position?: { start: Point; end: Point }; children?: Positioned[] };
type Point = { line: number; column: number; offset?: number };

function shiftPositions(root: Root): void {
  const shift = (point: Point) => {
    if (point.offset !== undefined) point.offset += 1;
    if (point.line === 1) point.column += 1;
  };
  const stack: Positioned[] = [root as Positioned];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.position) {
      shift(node.position.start);
      shift(node.position.end);
    }
    if (node.children) stack.push(...node.children);
  }
}

/** Start and end offsets of an mdast node; every node from the parser has a position. */
export function nodeRange(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): {
  start: number;
  end: number;
} {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/** The words of a cell: links reduced to their text, emphasis and code marks dropped. */
export const cellWords = memoizeByText((cell: string): string =>
  cell
    .replace(/!?\[([^[\]]{0,200})\]\([^()]{0,500}\)/g, '$1')
    .replace(/[*`]/g, '')
    .replace(/(^|\s)_{1,2}|_{1,2}(?=\s|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim(),
);
