/**
 * The `.env` format as Compose reads it (compose-go's dotenv parser): `KEY=value` or `KEY: value`,
 * an optional `export ` prefix, `#` comments, unquoted values cut at ` #` and trimmed, single-quoted
 * values taken literally, double-quoted values with escapes, both quoted forms over several lines,
 * and `$VAR` / `${VAR:-default}` expanded from earlier entries in unquoted and double-quoted values.
 * A bare `KEY` line takes its value from the shell, which a linter does not read.
 */
import { parseInterpolations, resolveInterpolation } from './compose/interpolation';

export interface DotenvEntry {
  name: string;
  nameStart: number;
  nameEnd: number;
  /**
   * The value Compose uses: unquoted, unescaped and expanded; undefined when it comes from the shell
   * (a bare `KEY` line, or a `${VAR}` that no earlier line sets).
   */
  value?: string;
  /** The value as written, between the quotes when it is quoted. */
  raw: string;
  valueStart: number;
  valueEnd: number;
  quote?: '"' | "'";
  /** Whether `valueStart + i` is the offset of `value[i]` (no escape, expansion or folding). */
  exact: boolean;
  /** 1-based line of the key. */
  line: number;
  /** Offsets of the whole statement: from the line start to past its line break. */
  lineStart: number;
  lineEnd: number;
}

/** A line Compose cannot read, or a value that expands beyond what is read (see expansionBudget). */
export interface DotenvProblem {
  kind: 'not-an-entry' | 'unterminated-quote' | 'too-long' | 'expansion-budget';
  /** The key the problem is about, where there is one. */
  name?: string;
  start: number;
  end: number;
}

export interface DotenvModel {
  kind: 'dotenv';
  text: string;
  entries: DotenvEntry[];
  problems: DotenvProblem[];
  /** The last entry of each name, which is the one Compose uses. */
  byName: Map<string, DotenvEntry>;
}

const KEY_CHAR = /[\p{L}\p{N}_.\-[\]]/u;
const SPACE = /[ \t\v\f\r\u0085\u00a0]/;
const DOUBLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '"': '"',
  '\\': '\\',
};

function skipSpaces(text: string, from: number): number {
  let at = from;
  while (at < text.length && SPACE.test(text[at])) at++;
  return at;
}

function lineBreakAfter(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 ? text.length : newline + 1;
}

/** Where the line from `start` to `end` (just past its line break) ends, without its `\n` or `\r\n`. */
function contentEnd(text: string, start: number, end: number): number {
  let at = end;
  if (at > start && text[at - 1] === '\n') at--;
  if (at > start && text[at - 1] === '\r') at--;
  return at;
}

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/**
 * How many characters all of a file's variables may expand to together: enough for any real file,
 * and linear in its size, so a chain of references (each line repeating the one before) cannot
 * make reading the file quadratic.
 */
export function expansionBudget(text: string): number {
  return Math.max(1_048_576, 4 * text.length);
}

/** Undoes the escapes compose-go expands in double quotes; `\$` stays a `$$` for the expansion step. */
function unescapeDouble(raw: string): string {
  return raw.replace(/\\([abfnrtv"\\$])/g, (_match, char: string) => (char === '$' ? '$$' : DOUBLE_ESCAPES[char]));
}

export function parseDotenv(text: string): DotenvModel {
  const entries: DotenvEntry[] = [];
  const problems: DotenvProblem[] = [];
  const byName = new Map<string, DotenvEntry>();
  const lookup = (name: string) => byName.get(name)?.value;
  let budget = expansionBudget(text);
  /** Expands `raw` unless the file's budget is spent; a value over either bound is left unknown, with a problem. */
  const expand = (raw: string, name: string, start: number, end: number): string | undefined => {
    if (budget <= 0) return undefined;
    const resolved = resolveInterpolation(raw, lookup);
    const length = resolved.value?.length ?? 0;
    if (resolved.tooLong || length > budget) {
      const spent = !resolved.tooLong;
      problems.push({ kind: spent ? 'expansion-budget' : 'too-long', name, start, end });
      if (spent) budget = 0;
      return undefined;
    }
    budget -= length;
    return resolved.value;
  };
  let at = 0;
  let lineCursor = 0;
  let lineNumber = 1;
  while (at < text.length) {
    // Blank lines, indentation and comment lines.
    while (at < text.length && /\s/.test(text[at])) at++;
    if (at >= text.length) break;
    if (text[at] === '#') {
      at = lineBreakAfter(text, at);
      continue;
    }
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    lineNumber += countLines(text, lineCursor, at);
    lineCursor = at;
    const line = lineNumber;
    let keyStart = at;
    if (/^export[ \t]+/.test(text.slice(at, at + 8))) keyStart = skipSpaces(text, at + 6);
    let keyEnd = keyStart;
    while (keyEnd < text.length && KEY_CHAR.test(text[keyEnd])) keyEnd++;
    const afterKey = skipSpaces(text, keyEnd);
    const separator = text[afterKey];
    if (
      keyEnd === keyStart ||
      (separator !== '=' && separator !== ':' && separator !== '\n' && afterKey < text.length)
    ) {
      const end = lineBreakAfter(text, at);
      problems.push({
        kind: 'not-an-entry',
        start: at,
        end: contentEnd(text, at, end),
      });
      at = end;
      continue;
    }
    const name = text.slice(keyStart, keyEnd);
    if (separator === '\n' || afterKey >= text.length) {
      // `KEY` alone: the value comes from the shell.
      const end = lineBreakAfter(text, afterKey);
      const entry: DotenvEntry = {
        name,
        nameStart: keyStart,
        nameEnd: keyEnd,
        raw: '',
        valueStart: keyEnd,
        valueEnd: keyEnd,
        exact: true,
        line,
        lineStart,
        lineEnd: end,
      };
      entries.push(entry);
      at = end;
      continue;
    }
    const valueAt = skipSpaces(text, afterKey + 1);
    const quote = text[valueAt] === '"' || text[valueAt] === "'" ? (text[valueAt] as '"' | "'") : undefined;
    let entry: DotenvEntry;
    if (quote) {
      let close = -1;
      for (let i = valueAt + 1; i < text.length; i++) {
        if (text[i] === '\\') {
          i++;
          continue;
        }
        if (text[i] === quote) {
          close = i;
          break;
        }
      }
      if (close === -1) {
        const end = lineBreakAfter(text, valueAt);
        problems.push({
          kind: 'unterminated-quote',
          name,
          start: valueAt,
          end: contentEnd(text, valueAt, end),
        });
        // Compose stops reading the file here too.
        break;
      }
      const raw = text.slice(valueAt + 1, close);
      // Inside single quotes only an escaped quote is special; double quotes expand escapes, then variables.
      const unescaped = quote === "'" ? raw.replace(/\\'/g, "'") : unescapeDouble(raw);
      // A variable from the shell leaves the value unknown here.
      const value = quote === "'" ? unescaped : expand(unescaped, name, valueAt + 1, close);
      const exact = value === raw;
      const end = lineBreakAfter(text, close);
      entry = {
        name,
        nameStart: keyStart,
        nameEnd: keyEnd,
        value,
        raw,
        valueStart: valueAt + 1,
        valueEnd: close,
        quote,
        exact,
        line,
        lineStart,
        lineEnd: end,
      };
      at = end;
    } else {
      const end = lineBreakAfter(text, valueAt);
      let valueEnd = contentEnd(text, valueAt, end);
      const comment = text.slice(valueAt, valueEnd).indexOf(' #');
      if (comment !== -1) valueEnd = valueAt + comment;
      while (valueEnd > valueAt && SPACE.test(text[valueEnd - 1])) valueEnd--;
      const raw = text.slice(valueAt, valueEnd);
      const expanded = parseInterpolations(raw).length > 0 || raw.includes('$$');
      const value = expanded ? expand(raw, name, valueAt, valueEnd) : raw;
      entry = {
        name,
        nameStart: keyStart,
        nameEnd: keyEnd,
        value,
        raw,
        valueStart: valueAt,
        valueEnd,
        exact: value === raw,
        line,
        lineStart,
        lineEnd: end,
      };
      at = end;
    }
    entries.push(entry);
    byName.set(name, entry);
  }
  return { kind: 'dotenv', text, entries, problems, byName };
}

/** How a value is written in `.env` so that Compose reads it back unchanged. */
export function dotenvValue(value: string): string | undefined {
  if (value === '') return '';
  if (/^[A-Za-z0-9_\-.,/+=:@%^~]+$/.test(value)) return value;
  // Single quotes keep `$`, `#` and spaces literal; a value holding a single quote or a line break is left to a person.
  if (!/['\n\r]/.test(value)) return `'${value}'`;
  return undefined;
}
