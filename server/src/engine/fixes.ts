import type { Finding, Fix, TextEdit } from '../core/types';

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

/** Whether a fix writes to another file than the linted one (the project `.env`). */
export function isCrossFile(fix: Fix): boolean {
  return fix.edits.some((edit) => edit.path !== undefined);
}

/** The finding with only the fixes that edit the linted document itself. */
export function withoutCrossFileFixes(finding: Finding): Finding {
  if (!finding.fixes?.some(isCrossFile)) return finding;
  return { ...finding, fixes: finding.fixes.filter((fix) => !isCrossFile(fix)) };
}

/**
 * The finding with only the fixes that may be applied with nobody looking (fix-all on save,
 * `secpolicy --fix`): no review needed, and this document only.
 */
export function withUnattendedFixes(finding: Finding): Finding {
  return { ...finding, fixes: finding.fixes?.filter(isUnattended) };
}

/** Whether a fix may be applied with nobody looking: it needs no review and edits this document only. */
export function isUnattended(fix: Fix): boolean {
  return !fix.needsReview && !isCrossFile(fix);
}

/** The fix to apply for a finding without asking: its preferred fix, or its only one. */
export function automaticFix(finding: Finding): Fix | undefined {
  const fixes = finding.fixes ?? [];
  return fixes.find((fix) => fix.preferred) ?? (fixes.length === 1 ? fixes[0] : undefined);
}

/**
 * The automatic fixes of `findings` that can be applied together (at most `most` of them): in
 * document order, a fix whose edits touch an already chosen edit is left for the next pass.
 */
export function fixAllEdits(findings: readonly Finding[], most = Infinity): TextEdit[] {
  const chosen: TextEdit[] = [];
  let fixes = 0;
  for (const finding of findings) {
    if (fixes >= most) break;
    const fix = automaticFix(finding);
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some((edit) => chosen.some((other) => overlaps(edit, other)))) continue;
    chosen.push(...fix.edits);
    fixes++;
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
  let findings = lint(current);
  let passes = 0;
  while (passes < maxPasses) {
    const edits = fixAllEdits(findings);
    if (edits.length === 0) break;
    let next = applyEdits(current, edits);
    if (next === current) break;
    let nextFindings = lint(next);
    // Fixes that each leave a valid file can break it together (one empties a YAML map to `{}`, another
    // adds a key under it): a pass that leaves text unreadable is redone with its first fix alone, and
    // dropped if that one does too.
    if (breaksSyntax(findings, nextFindings)) {
      next = applyEdits(current, fixAllEdits(findings, 1));
      nextFindings = lint(next);
      if (breaksSyntax(findings, nextFindings)) break;
    }
    // A pass that removes no finding (its text landed in an unclosed comment, say) is dropped:
    // repeating it would only grow the file.
    if (!removesAFinding(findings, nextFindings)) break;
    current = next;
    findings = nextFindings;
    passes++;
  }
  return { text: current, passes };
}

function findingKey(finding: Finding): string {
  return `${finding.ruleId}\u0000${finding.message}`;
}

/** Whether `after` says more of the text cannot be read than `before` did. */
function breaksSyntax(before: readonly Finding[], after: readonly Finding[]): boolean {
  const unreadable = (findings: readonly Finding[]) => findings.filter((finding) => finding.unreadable);
  return removesAFinding(unreadable(after), unreadable(before));
}

/** Whether some finding of `before` is gone (or fewer of its kind remain) in `after`. */
function removesAFinding(before: readonly Finding[], after: readonly Finding[]): boolean {
  const remaining = new Map<string, number>();
  for (const finding of after) remaining.set(findingKey(finding), (remaining.get(findingKey(finding)) ?? 0) + 1);
  for (const finding of before) {
    const key = findingKey(finding);
    const count = remaining.get(key) ?? 0;
    if (count === 0) return true;
    remaining.set(key, count - 1);
  }
  return false;
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
