import { readRegularFile } from '../project/read';

/** A file's text, or why it is not linted (missing, not a regular file, too large, binary). */
export function readTarget(path: string): { text?: string; problem?: string } {
  const read = readRegularFile(path);
  if ('problem' in read) {
    return {
      problem: read.problem.startsWith('larger') ? `skipped: ${read.problem}` : `could not be read: ${read.problem}`,
    };
  }
  if (read.bytes.includes(0)) return { problem: 'skipped: binary file' };
  return { text: read.bytes.toString('utf8') };
}
