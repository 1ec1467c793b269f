import type { Root } from 'mdast';
import { nodeRange } from '../markdown';
import type { TextBlock } from './model';
import { inSpans } from './prose';

const HTTP_URL = /\bhttp:\/\/([^\s/?#)>\]"'`*]{1,255})/gi;

const LOCAL_HOST =
  /^(?:localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|0\.0\.0\.0|\[::1?\]|[^:]{1,200}\.(?:localhost|local|test|example|invalid|internal|lan|home\.arpa))(?::\d{1,5})?$/i;

export function collectInsecureLinks(
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
