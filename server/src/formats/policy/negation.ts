import { clauseBefore } from './prose';

/**
 * Words that turn a phrase around when they come before it in its clause: "we do **not** offer a
 * bug bounty", "**never** open a public issue", "the option is **not** showing up", "**instead of**
 * opening an issue".
 */
const NEGATIONS = /\b(?:not|never|no|instead of|rather than|without|avoid|refrain|nor|unable to|cannot)\b|n['’]t\b/gi;

/** The last word that negates the phrase at `index` of `plain`, in its clause (the text since the last `,` `;` `:`). */
export function negatingWord(plain: string, index: number): { index: number; text: string } | undefined {
  const clause = clauseBefore(plain, index);
  const words = [...clause.matchAll(NEGATIONS)];
  const last = words[words.length - 1];
  return last && { index: index - clause.length + last.index, text: last[0] };
}

/** Whether the phrase at `index` of `plain` is negated in its clause. */
export function isNegated(plain: string, index: number): boolean {
  return negatingWord(plain, index) !== undefined;
}

/** The global form of each pattern `affirmedMatch` was asked about. */
const globalForms = new WeakMap<RegExp, RegExp>();

/** The first match of `pattern` (global or not) in `plain` that no word of its clause negates. */
export function affirmedMatch(plain: string, pattern: RegExp): RegExpExecArray | undefined {
  let global = globalForms.get(pattern);
  if (!global) {
    global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
    globalForms.set(pattern, global);
  }
  for (const match of plain.matchAll(global)) {
    if (!isNegated(plain, match.index)) return match as RegExpExecArray;
  }
  return undefined;
}
