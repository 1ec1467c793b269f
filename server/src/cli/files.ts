import { readFileSync, statSync } from 'node:fs';
import { MAX_FILE_BYTES } from '../engine/limits';

/** A file's text, or why it is not linted (missing, too large, binary). */
export function readTarget(path: string): { text?: string; problem?: string } {
  let bytes: Buffer;
  try {
    if (statSync(path).size > MAX_FILE_BYTES)
      return { problem: `skipped: larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    bytes = readFileSync(path);
  } catch {
    return { problem: 'could not be read' };
  }
  if (bytes.includes(0)) return { problem: 'skipped: binary file' };
  return { text: bytes.toString('utf8') };
}
