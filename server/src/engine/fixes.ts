import type { Finding, Fix, TextEdit } from './types';

/** Applies edits to text; edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at one offset conflict too: their order would be a guess.
  return (a.start < b.end && b.start < a.end) || a.start === b.start || a.end === b.end;
}

/** The fix to apply for a finding without asking: its preferred fix, or its only one. */
export function automaticFix(finding: Finding): Fix | undefined {
  const fixes = finding.fixes ?? [];
  return fixes.find((fix) => fix.preferred) ?? (fixes.length === 1 ? fixes[0] : undefined);
}

/**
 * The automatic fixes of `findings` that can be applied together: in document order, a fix
 * whose edits touch an already chosen edit is left for the next pass.
 */
export function fixAllEdits(findings: readonly Finding[]): TextEdit[] {
  const chosen: TextEdit[] = [];
  for (const finding of findings) {
    const fix = automaticFix(finding);
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some((edit) => chosen.some((other) => overlaps(edit, other)))) continue;
    chosen.push(...fix.edits);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

export interface FixAllResult {
  text: string;
  /** How many passes changed the text. */
  passes: number;
}

/**
 * Applies automatic fixes until none is left or `maxPasses` is reached. Each pass lints the text
 * again, so fixes that touched one another in one pass land cleanly in the next.
 */
export function fixAllText(text: string, lint: (text: string) => readonly Finding[], maxPasses = 10): FixAllResult {
  let current = text;
  let passes = 0;
  while (passes < maxPasses) {
    const edits = fixAllEdits(lint(current));
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
    passes++;
  }
  return { text: current, passes };
}

/** One edit that turns `before` into `after`, spanning only the part that differs. */
export function differenceEdit(before: string, after: string): TextEdit {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < shorter - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  ) {
    end++;
  }
  return { start, end: before.length - end, newText: after.slice(start, after.length - end) };
}
