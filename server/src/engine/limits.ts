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

/** Settings files (`.secpolicy.json`, `package.json`, `.gitignore`) larger than this are not read. */
export const MAX_SETTINGS_BYTES = 1024 * 1024;

/** Markdown list nesting costs the parser time that grows with the square of the depth. */
export const MAX_LIST_INDENT = 200;
/** Lists and block quotes nested this deep are not prose; walking them would only risk the stack. */
export const MAX_CONTAINER_DEPTH = 100;
/** Real Compose files nest a dozen levels; the YAML parser's stack gives out near eight hundred. */
export const MAX_YAML_DEPTH = 100;

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
    if (containerDepth(text) > MAX_CONTAINER_DEPTH) {
      return `lists and block quotes are nested deeper than ${MAX_CONTAINER_DEPTH} levels`;
    }
  }
  if (kind === 'compose' && yamlDepth(text) > MAX_YAML_DEPTH) {
    return `the YAML is nested deeper than ${MAX_YAML_DEPTH} levels, more than any Compose file needs`;
  }
  return undefined;
}

/**
 * The most containers that open on any one line as Markdown reads it: block quote markers and
 * list markers in any mix (`> - > 1. x` is four deep), each after optional spaces.
 */
function containerDepth(text: string): number {
  let deepest = 0;
  let at = 0;
  while (at < text.length) {
    let depth = 0;
    for (;;) {
      while (text[at] === ' ' || text[at] === '\t') at++;
      const character = text[at];
      if (character === '>') {
        at++;
      } else if ((character === '-' || character === '*' || character === '+') && /[ \t]/.test(text[at + 1] ?? '')) {
        at += 2;
      } else {
        let digits = at;
        while (digits < text.length && digits - at < 9 && text[digits] >= '0' && text[digits] <= '9') digits++;
        if (digits === at || (text[digits] !== '.' && text[digits] !== ')') || !/[ \t]/.test(text[digits + 1] ?? ''))
          break;
        at = digits + 2;
      }
      depth++;
    }
    if (depth > deepest) deepest = depth;
    const newline = text.indexOf('\n', at);
    at = newline === -1 ? text.length : newline + 1;
  }
  return deepest;
}

/** After these a quote opens a scalar: a key's colon, an item's dash, a flow opener or comma, `?`. */
const SCALAR_STARTS_AFTER = new Set([':', '-', '[', '{', ',', '?']);

/**
 * How deep YAML nests, read without parsing: flow collections (`[`, `{`) outside quotes and
 * comments, and block nesting by indentation and by `- ` items opened on one line.
 */
function yamlDepth(text: string): number {
  let deepest = 0;
  let flow = 0;
  let quote: string | undefined;
  let lineStart = true;
  let indentation = 0;
  // A quote opens a scalar only where a scalar can start; an apostrophe inside words is text.
  let scalarCanStart = true;
  for (let at = 0; at < text.length; at++) {
    const character = text[at];
    if (character === '\n') {
      lineStart = true;
      indentation = 0;
      if (!quote) scalarCanStart = true;
      continue;
    }
    if (quote) {
      if (character === '\\' && quote === '"') at++;
      else if (character === quote) quote = undefined;
      continue;
    }
    if (lineStart) {
      if (character === ' ') {
        indentation++;
        continue;
      }
      if (character === '-' && (text[at + 1] === ' ' || text[at + 1] === '\t')) {
        indentation += 2;
        at++;
        continue;
      }
      lineStart = false;
      // Two spaces a level is the usual indentation; a level per space is the worst case.
      deepest = Math.max(deepest, Math.ceil(indentation / 2));
    }
    if (character === '#' && (at === 0 || /\s/.test(text[at - 1]))) {
      const newline = text.indexOf('\n', at);
      at = (newline === -1 ? text.length : newline) - 1;
      continue;
    }
    if ((character === '"' || character === "'") && scalarCanStart) quote = character;
    else if (character === '[' || character === '{') deepest = Math.max(deepest, ++flow);
    else if ((character === ']' || character === '}') && flow > 0) flow--;
    if (character !== ' ' && character !== '\t') scalarCanStart = SCALAR_STARTS_AFTER.has(character);
  }
  return deepest;
}
