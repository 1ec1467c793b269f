import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { realPathInside, repositoryRoot } from '../project/read';

/** A file to write, and the text it gets. */
export interface PlannedWrite {
  path: string;
  text: string;
}

/** A file that was not written, and why, in words for one line of standard error. */
export interface WriteProblem {
  path: string;
  message: string;
}

interface Staged {
  target: string;
  temporary: string;
}

function errorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOENT':
      return 'its folder does not exist';
    case 'ENOTDIR':
      return 'a part of its path is not a folder';
    case 'EEXIST':
      // Only the exclusive creation of the temporary file can meet this: never written through.
      return 'something is already where its temporary copy goes';
    default:
      return code ?? String(error);
  }
}

/**
 * Where a write to `path` should land, or why it must not happen: a link is written through to
 * the file it names when that file is inside the link's repository (or, outside a repository, its
 * folder), so that a planted link cannot have a fix written somewhere else; a folder, a device, a read-only file or a file with other hard links (a
 * rename would split them) is refused. `existing` is undefined for a file that does not exist yet.
 */
function resolveTarget(path: string): { target: string; existing?: Stats } | { problem: string } {
  let link: Stats;
  try {
    link = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return { problem: errorText(error) };
    try {
      if (!statSync(dirname(path)).isDirectory()) return { problem: 'its folder is not a folder' };
    } catch (folderError) {
      return { problem: errorText(folderError) };
    }
    return { target: path };
  }
  let target = path;
  if (link.isSymbolicLink()) {
    try {
      target = realpathSync(path);
    } catch {
      return { problem: 'is a link to nothing' };
    }
    const tree = repositoryRoot(dirname(path)) ?? dirname(path);
    if (realPathInside(path, tree) === undefined) return { problem: 'is a link to a file outside the repository' };
  }
  const stats = statSync(target);
  if (stats.isDirectory()) return { problem: 'is a folder' };
  if (!stats.isFile()) return { problem: 'is not a regular file' };
  if (stats.nlink > 1) return { problem: 'has other hard links, which a rewrite would split' };
  if ((stats.mode & 0o222) === 0) return { problem: 'is read-only' };
  return { target, existing: stats };
}

/** Writes `text` to a new temporary file beside `target`, created exclusively, with the target's mode and owner. */
function stage(target: string, text: string, existing: Stats | undefined): Staged {
  const temporary = join(dirname(target), `.${basename(target)}.secpolicy-${randomBytes(8).toString('hex')}.tmp`);
  // `wx` fails on anything already there, a planted link included; the name cannot be guessed.
  const fd = openSync(temporary, 'wx', existing ? existing.mode & 0o7777 : 0o666);
  try {
    try {
      if (existing) {
        fchmodSync(fd, existing.mode & 0o7777);
        try {
          fchownSync(fd, existing.uid, existing.gid);
        } catch {
          // Only root may give a file away; the mode is kept either way.
        }
      }
      const bytes = Buffer.from(text, 'utf8');
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    unlinkQuietly(temporary);
    throw error;
  }
  return { target, temporary };
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/**
 * Writes every file or none: each text is first written in full to a temporary file beside its
 * target, and only when all of them are written are they renamed over their targets. Modes and
 * owners are kept, links are written through, and no temporary file is left behind on any path.
 */
export function writeAll(writes: readonly PlannedWrite[]): WriteProblem[] {
  const problems: WriteProblem[] = [];
  const resolved: { path: string; target: string; text: string; existing?: Stats }[] = [];
  for (const write of writes) {
    const found = resolveTarget(write.path);
    if ('problem' in found) problems.push({ path: write.path, message: `not written: ${found.problem}` });
    else resolved.push({ path: write.path, text: write.text, ...found });
  }
  if (problems.length > 0) return problems;
  const staged: Staged[] = [];
  for (const write of resolved) {
    try {
      staged.push(stage(write.target, write.text, write.existing));
    } catch (error) {
      problems.push({ path: write.path, message: `not written: ${errorText(error)}` });
      break;
    }
  }
  if (problems.length > 0) {
    for (const each of staged) unlinkQuietly(each.temporary);
    return problems;
  }
  staged.forEach((each, index) => {
    try {
      renameSync(each.temporary, each.target);
    } catch (error) {
      unlinkQuietly(each.temporary);
      problems.push({ path: resolved[index].path, message: `not written: ${errorText(error)}` });
    }
  });
  return problems;
}
