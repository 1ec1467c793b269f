import type { Report, RuleContext } from '../../core/types';

/**
 * The context's report, dropping a second finding at the same range: a value behind an anchor
 * that several services use is one thing to fix, so it is reported once. `key` replaces the range
 * as what makes two findings the same.
 */
export function reportOnce(context: RuleContext): (report: Report, key?: string) => void {
  const seen = new Set<string>();
  return (report, key = `${report.start}:${report.end}`) => {
    if (seen.has(key)) return;
    seen.add(key);
    context.report(report);
  };
}
