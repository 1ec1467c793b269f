import { styleText } from 'node:util';
import { printable } from '../io';
import { countFindings, type RunReport } from '../report';

type Style = Parameters<typeof styleText>[0];

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The human format: one block per file, `line:column  severity  message  rule`, then a summary. */
export function formatStylish(report: RunReport, color: boolean): string {
  const paint = (style: Style, text: string) => (color ? styleText(style, text) : text);
  const blocks: string[] = [];
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    const index = file.lines;
    const rows = file.findings.map((finding) => {
      const { line, column } = index.position(finding.start);
      return { where: `${line}:${column}`, finding };
    });
    const whereWidth = Math.max(...rows.map((row) => row.where.length));
    const severityWidth = Math.max(...rows.map((row) => row.finding.severity.length));
    const lines = rows.map(({ where, finding }) => {
      const style: Style = finding.severity === 'error' ? 'red' : finding.severity === 'warning' ? 'yellow' : 'blue';
      return `  ${paint('dim', where.padEnd(whereWidth))}  ${paint(style, finding.severity.padEnd(severityWidth))}  ${printable(finding.message)}  ${paint('dim', finding.ruleId)}`;
    });
    blocks.push(`${paint('underline', printable(file.path))}\n${lines.join('\n')}\n`);
  }
  const diffs = report.files.map((file) => (file.diff ? printable(file.diff) : '')).join('');
  const fixedLines = report.files
    .filter((file) => file.fixed > 0)
    .map(
      (file) =>
        `${report.dryRun ? 'Would fix' : 'Fixed'} ${plural(file.fixed, 'problem')} in ${printable(file.path)}.\n`,
    )
    .join('');
  const counts = countFindings(report.files);
  const total = counts.errors + counts.warnings + counts.infos;
  if (total === 0) {
    if (report.problems.length > 0 && report.files.length === 0) return `${diffs}${fixedLines}`;
    return `${diffs}${fixedLines}${plural(report.files.length, 'file')} linted, no problems.\n`;
  }
  const summary = `✖ ${plural(total, 'problem')} (${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${counts.infos} info)`;
  return `${diffs}${fixedLines}${blocks.join('\n')}\n${paint(counts.errors > 0 ? 'red' : 'yellow', summary)}\n${fixesLine(report)}\n`;
}

/** How many files were linted, and what the fixes can do about the problems left. */
function fixesLine(report: RunReport): string {
  const fixable = report.files.reduce((sum, file) => sum + file.fixable, 0);
  const toReview = report.files.reduce((sum, file) => sum + file.toReview, 0);
  const parts = [`${plural(report.files.length, 'file')} linted`];
  if (fixable > 0) parts.push(`${plural(fixable, 'problem')} fixable with --fix (--fix-dry-run shows how)`);
  if (toReview > 0) parts.push(`${plural(toReview, 'problem')} with a fix to review in the editor`);
  return `${parts.join('; ')}.`;
}
