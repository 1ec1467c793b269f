import type { LineIndex } from '../core/text';
import type { Finding } from '../core/types';
import type { Problem } from './discover';

/** A 1-based line and column, as editors and SARIF show them. */
export interface Position {
  line: number;
  column: number;
}

/** A finding with its related locations placed in their files, as shown to the user. */
export interface ReportedFinding extends Finding {
  relatedAt?: { path: string; start: Position; end: Position; message: string }[];
}

/** What the CLI learned about one linted file. */
export interface FileReport {
  /** The path as shown to the user: relative to where the command ran. */
  path: string;
  /** Where the file's lines start, to place findings: the text itself is not kept once linted. */
  lines: LineIndex;
  findings: ReportedFinding[];
  /** Findings inline directives turned off, with the reason given: reported, never counted. */
  suppressed: (ReportedFinding & { justification?: string })[];
  /** Problems fixed by `--fix` in this file. */
  fixed: number;
  /** Problems left that `--fix` would fix. */
  fixable: number;
  /** Problems left whose fixes wait for a person (offered in the editor). */
  toReview: number;
  /** With `--fix-dry-run`: the changes `--fix` would make, as a unified diff with secrets masked. */
  diff?: string;
}

export interface RunReport {
  files: FileReport[];
  /** `--fix-dry-run`: `fixed` counts what would be fixed; nothing was written. */
  dryRun?: boolean;
  problems: (Problem & { shown: string })[];
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countFindings(files: FileReport[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const file of files) {
    for (const finding of file.findings) {
      if (finding.severity === 'error') counts.errors++;
      else if (finding.severity === 'warning') counts.warnings++;
      else counts.infos++;
    }
  }
  return counts;
}
