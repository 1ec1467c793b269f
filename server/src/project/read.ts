import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** File system look-ups around a linted file, shared by the language server and the CLI. Reads only; executes nothing. */

/** `directory` and every folder above it, nearest first. */
export function* ancestors(directory: string): Generator<string> {
  let current = directory;
  for (;;) {
    yield current;
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

/** A regular file's text, or undefined when there is none to read. */
export function readText(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
