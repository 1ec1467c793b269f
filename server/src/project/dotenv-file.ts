import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectFacts } from '../core/types';
import { MAX_DOTENV_BYTES } from '../engine/limits';

/**
 * The project `.env` in `directory`, the one Compose reads for a Compose file there: its path and
 * text, or an empty text when there is none (a fix that writes to it then creates it).
 */
export function readDotenv(directory: string): ProjectFacts['dotenv'] {
  const path = join(directory, '.env');
  let size: number;
  try {
    const stats = statSync(path);
    // A folder, a device or an oversized file: nothing to read, and nothing a fix should write to.
    if (!stats.isFile()) return undefined;
    size = stats.size;
  } catch {
    return { path, text: '', exists: false };
  }
  if (size > MAX_DOTENV_BYTES) return undefined;
  try {
    return { path, text: readFileSync(path, 'utf8'), exists: true };
  } catch {
    return undefined;
  }
}
