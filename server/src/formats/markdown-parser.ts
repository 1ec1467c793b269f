import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

/**
 * GitHub Flavored Markdown for the parser only: what remark-gfm registers for parsing (without it a
 * supported-versions table reads as a paragraph), without its serialiser half, which would pull
 * mdast-util-to-markdown into the bundle and is never used here.
 */
function gfmParsing(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfm());
  (data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown());
}

/** remark with GFM, ready to parse. */
export function createMarkdownParser() {
  return unified().use(remarkParse).use(gfmParsing).freeze();
}
