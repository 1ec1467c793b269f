import { renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** What the CLI reads from and writes to besides files: its streams, its folder, and what the terminal can show. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour in the stylish output. */
  color: boolean;
  /** Standard error is a terminal: a progress line is shown for long runs. */
  progress: boolean;
  cwd: string;
}

/** A mistake in the command line: reported on one line with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {}

/** Writes through a temporary file and a rename, so a file is never left half written. */
export function writeAtomically(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.secpolicy-${process.pid}.tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}
