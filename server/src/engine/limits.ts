import type { DocumentKind } from '../core/types';

/**
 * Input the engine declines to lint, with the reason shown to the user. Real policies are a few
 * kilobytes and real Compose files rarely reach a hundred; these limits keep a keystroke cheap
 * and a hostile file harmless.
 */
export const MAX_CHARACTERS: Record<DocumentKind, number> = {
  // The Markdown parser takes about a second per 150 KB here: a larger "policy" would stall every keystroke.
  policy: 300_000,
  compose: 2_000_000,
  dotenv: 1_000_000,
  // RFC 9116 section 5.4 lets readers refuse files over 32 KB; a linter still reads well past that.
  securitytxt: 1_000_000,
};

/** Files larger than this are not read at all: the CLI says so, the editor's workspace lint skips them. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** A `.env` larger than this is not read: it is not a list of settings any more. */
export const MAX_DOTENV_BYTES = 1024 * 1024;

/** Markdown list nesting costs the parser time that grows with the square of the depth. */
export const MAX_LIST_INDENT = 200;
/** Block quotes nested this deep are not prose; walking them would only risk the stack. */
export const MAX_QUOTE_DEPTH = 100;

const LIST_ITEM = /^( *)(?:[-*+]|\d{1,9}[.)])(?: |$)/gm;

function megabytes(characters: number): string {
  return `${(characters / 1_000_000).toFixed(characters < 10_000_000 ? 1 : 0)} MB`;
}

/** Why `text` should not be linted, or undefined when it is fine. */
export function skipReason(kind: DocumentKind, text: string): string | undefined {
  if (text.length > MAX_CHARACTERS[kind]) {
    return `the file is ${megabytes(text.length)}, over the ${megabytes(MAX_CHARACTERS[kind])} limit`;
  }
  if (text.includes('\u0000')) return 'the file holds NUL bytes, so it is not text';
  if (kind === 'policy') {
    for (const match of text.matchAll(LIST_ITEM)) {
      if (match[1].length > MAX_LIST_INDENT) return `lists are nested deeper than ${MAX_LIST_INDENT / 2} levels`;
    }
    if (quoteDepth(text) > MAX_QUOTE_DEPTH) return `block quotes are nested deeper than ${MAX_QUOTE_DEPTH} levels`;
  }
  return undefined;
}

/** The most `>` markers that open any one line. */
function quoteDepth(text: string): number {
  let deepest = 0;
  let depth = 0;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const character = text[i];
    if (character === '\n') {
      depth = 0;
      atLineStart = true;
    } else if (atLineStart && character === '>') {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (character !== ' ' && character !== '\t') {
      atLineStart = false;
    }
  }
  return deepest;
}
