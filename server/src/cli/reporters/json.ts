import { countFindings, type ReportedFinding, type RunReport } from '../report';

/** A stable JSON document for scripts: every finding with 1-based positions, its fixes, and the totals. */
export function formatJson(report: RunReport): string {
  const files = report.files.map((file) => {
    const index = file.lines;
    const placed = (finding: ReportedFinding) => {
      const start = index.position(finding.start);
      const end = index.position(finding.end);
      return {
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        ...(finding.relatedAt && finding.relatedAt.length > 0
          ? {
              related: finding.relatedAt.map((related) => ({
                path: related.path,
                line: related.start.line,
                column: related.start.column,
                endLine: related.end.line,
                endColumn: related.end.column,
                message: related.message,
              })),
            }
          : {}),
      };
    };
    return {
      path: file.path,
      fixed: file.fixed,
      ...(file.diff !== undefined ? { diff: file.diff } : {}),
      findings: file.findings.map((finding) => ({
        ...placed(finding),
        fixes: (finding.fixes ?? []).map((fix) => ({
          title: fix.title,
          edits: fix.edits.map((edit) => ({ start: edit.start, end: edit.end, newText: edit.newText })),
        })),
      })),
      // Turned off by an inline directive: shown for the record, not counted in the summary.
      suppressed: file.suppressed.map((finding) => ({
        ...placed(finding),
        justification: finding.justification ?? null,
      })),
    };
  });
  const problems = report.problems.map((problem) => ({ path: problem.shown, message: problem.message }));
  return `${JSON.stringify({ files, problems, summary: countFindings(report.files) }, null, 2)}\n`;
}
