import type { Severity } from '../../core/types';
import { printable } from '../io';
import { countFindings, type RunReport } from '../report';

/** GitHub's annotation levels: notice is the lowest. */
const LEVELS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * A workflow command's message: `%`, CR and LF escaped, so that text from a linted file can never
 * end the line and start a command of its own; other control characters are shown as escapes, as
 * a log viewed in a terminal would act on them.
 */
function escapeData(text: string): string {
  return printable(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A workflow command's property value: also `:` and `,`, which separate the properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Annotations for a GitHub Actions log (`::error file=…,line=…::message`): GitHub shows them on
 * the lines of the pull request's diff and in the run's summary. Paths are as the CLI shows them,
 * relative to the folder it ran in (the repository root in a workflow).
 */
export function formatGithub(report: RunReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    const index = file.lines;
    for (const finding of file.findings) {
      const start = index.position(finding.start);
      const end = index.position(finding.end);
      const properties = [
        `file=${escapeProperty(file.path)}`,
        `line=${start.line}`,
        `endLine=${end.line}`,
        // Columns only make sense on one line: GitHub ignores them otherwise.
        ...(start.line === end.line ? [`col=${start.column}`, `endColumn=${end.column}`] : []),
        `title=${escapeProperty(finding.ruleId)}`,
      ];
      lines.push(`::${LEVELS[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}`);
    }
  }
  for (const problem of report.problems) {
    lines.push(`::error file=${escapeProperty(problem.shown)},title=secpolicy::${escapeData(problem.message)}`);
  }
  const counts = countFindings(report.files);
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  lines.push(
    `secpolicy: ${count(counts.errors, 'error')}, ${count(counts.warnings, 'warning')}, ${count(counts.infos, 'info')}`,
  );
  return `${lines.join('\n')}\n`;
}
