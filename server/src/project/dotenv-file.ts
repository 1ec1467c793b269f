import { join } from 'node:path';
import type { ProjectFacts } from '../core/types';
import { MAX_DOTENV_BYTES } from '../engine/limits';
import { NO_SUCH_FILE, readRegularFile, realPathInside, repositoryRoot } from './read';

export type DotenvRead = { dotenv: NonNullable<ProjectFacts['dotenv']> } | { unread: string } | { absent: true };

/**
 * The project `.env` in `directory`, the one Compose reads for a Compose file there: its path and
 * text, or an empty text when there is none (a fix that writes to it then creates it). Only a
 * regular file inside the repository is read: a `.env` that links out of it (to
 * `/proc/self/environ`, say, which holds the environment of whatever reads it) is left unread, and
 * so is a FIFO, a device or a file over the size limit; the reason is returned.
 */
export function readDotenv(directory: string): DotenvRead {
  const path = join(directory, '.env');
  const tree = repositoryRoot(directory) ?? directory;
  const read = readRegularFile(path, MAX_DOTENV_BYTES);
  if ('problem' in read && read.problem === NO_SUCH_FILE) return { dotenv: { path, text: '', exists: false } };
  // Where it leads is said first: that is the reason it is not read, whatever is there.
  if (realPathInside(path, tree) === undefined) return { unread: 'it is a link to a file outside the repository' };
  if ('problem' in read) return { unread: read.problem };
  return { dotenv: { path, text: read.bytes.toString('utf8'), exists: true } };
}
