import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  type Dirent,
} from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { MAX_FILE_BYTES } from '../engine/limits';

/**
 * File system look-ups around a linted file, shared by the language server and the CLI. Reads
 * only; executes nothing; reads only regular files, each with a size cap.
 */

/** What the project code asks the file system besides file contents: folder listings, links, existence. */
export interface DiskLookups {
  /** The entries of a folder, in the order the file system gives them; undefined when it cannot be listed. */
  list(directory: string): readonly Dirent[] | undefined;
  /** Where `path` really is once links are followed; undefined when nothing is there. */
  realPath(path: string): string | undefined;
  /** Whether anything is at `path`, links followed. */
  exists(path: string): boolean;
}

/** Look-ups that ask the file system each time: what the language server uses, as files come and go while it runs. */
export const liveLookups: DiskLookups = {
  list: (directory) => {
    try {
      return readdirSync(directory, { withFileTypes: true });
    } catch {
      return undefined;
    }
  },
  realPath: (path) => {
    try {
      return realpathSync(path);
    } catch {
      return undefined;
    }
  },
  exists: existsSync,
};

function remembered<T>(lookup: (path: string) => T): (path: string) => T {
  const answers = new Map<string, T>();
  return (path) => {
    if (answers.has(path)) return answers.get(path) as T;
    const answer = lookup(path);
    answers.set(path, answer);
    return answer;
  };
}

/**
 * Look-ups that ask `disk` once per path and keep the answer: for one CLI run, which lists the same
 * folders for every file in them. Only for a run that writes nothing until it has read everything
 * (`--fix` and `--output` write at the end): a kept listing would not show a file created since.
 */
export function cachedLookups(disk: DiskLookups = liveLookups): DiskLookups {
  return {
    list: remembered((directory) => disk.list(directory)),
    realPath: remembered((path) => disk.realPath(path)),
    exists: remembered((path) => disk.exists(path)),
  };
}

/** `directory` and every folder above it, nearest first, up to and including `stopAt` when given. */
export function* ancestors(directory: string, stopAt?: string): Generator<string> {
  let current = directory;
  for (;;) {
    yield current;
    if (stopAt !== undefined && current === stopAt) return;
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

/** The root of the repository holding `directory`: the nearest folder at or above it with a `.git`. */
export function repositoryRoot(directory: string, lookups = liveLookups): string | undefined {
  for (const folder of ancestors(directory)) if (lookups.exists(join(folder, '.git'))) return folder;
  return undefined;
}

/**
 * How far up from `directory` project files (config, package.json) are looked for: its repository's
 * root; outside a repository, the first of `boundaries` (the folder the command runs in, the
 * editor's workspace folders) that holds it; else `directory` itself.
 */
export function searchBoundary(directory: string, boundaries: readonly string[], lookups = liveLookups): string {
  const repository = repositoryRoot(directory, lookups);
  if (repository !== undefined) return repository;
  const holding = boundaries.filter((boundary) => isInside(boundary, directory));
  // The nearest boundary: the longest path that holds the directory.
  return holding.sort((a, b) => b.length - a.length)[0] ?? directory;
}

export type ReadResult = { bytes: Buffer } | { problem: string };

/** The problem readRegularFile gives for a path where nothing is. */
export const NO_SUCH_FILE = 'no such file';

function megabytes(bytes: number): string {
  const value = bytes / 1024 / 1024;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} MB`;
}

/**
 * A regular file's bytes, at most `maxBytes` of them. Anything else (a FIFO, a device, a folder)
 * is refused without blocking: the file is opened non-blocking and judged by what was opened, not
 * by a name that may point elsewhere by the time it is read. A file that grows past the cap while
 * being read is refused too, and so is a kernel file that reports no size but has content
 * (`/proc/self/environ` holds the process's environment, secrets included).
 */
export function readRegularFile(path: string, maxBytes = MAX_FILE_BYTES): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? NO_SUCH_FILE : code === 'EISDIR' ? 'is a folder' : 'could not be read' };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { problem: stats.isDirectory() ? 'is a folder' : 'is not a regular file' };
    if (stats.size > maxBytes) return { problem: `larger than ${megabytes(maxBytes)}` };
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.alloc(Math.min(Math.max(stats.size, 64 * 1024), maxBytes + 1));
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) return { problem: `larger than ${megabytes(maxBytes)}` };
      chunks.push(Buffer.from(chunk.subarray(0, read)));
    }
    if (stats.size === 0 && total > 0) return { problem: 'is not a regular file' };
    return { bytes: Buffer.concat(chunks, total) };
  } catch {
    return { problem: 'could not be read' };
  } finally {
    closeSync(fd);
  }
}

/** A regular file's text, or undefined when there is none to read (see readRegularFile). */
export function readText(path: string, maxBytes = MAX_FILE_BYTES): string | undefined {
  const result = readRegularFile(path, maxBytes);
  return 'bytes' in result ? result.bytes.toString('utf8') : undefined;
}

/** Whether `path` is `folder` or lies inside it. */
export function isInside(folder: string, path: string): boolean {
  const difference = relative(folder, path);
  return difference === '' || (!difference.startsWith(`..${sep}`) && difference !== '..' && !isAbsolute(difference));
}

/**
 * Where `path` really is once links are followed, when that is inside `tree` (itself resolved);
 * undefined for a path that leads out of the tree, or does not exist.
 */
export function realPathInside(path: string, tree: string, lookups = liveLookups): string | undefined {
  const real = lookups.realPath(path);
  if (real === undefined) return undefined;
  const realTree = lookups.realPath(tree);
  return realTree !== undefined && isInside(realTree, real) ? real : undefined;
}
