import type { Finding } from '../engine/types';
import type { Problem } from './discover';

/** What the CLI learned about one linted file. */
export interface FileReport {
  /** The path as shown to the user: relative to where the command ran. */
  path: string;
  text: string;
  findings: Finding[];
  /** Problems fixed by `--fix` in this file. */
  fixed: number;
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

/** Line starts of a text, for turning offsets into 1-based line and column. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.starts[low] + 1 };
  }
}
