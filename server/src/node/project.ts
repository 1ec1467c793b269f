import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseConfigText, type ConfigResult } from '../engine/config';
import type { ProjectFacts } from '../engine/types';
import { ruleIds } from '../rules';
import { githubRepositoryFromGitConfig } from '../templates/git';

/** File system look-ups around a linted file, shared by the language server and the CLI. Reads only; executes nothing. */

export const CONFIG_FILE_NAME = '.secpolicy.json';

function* ancestors(directory: string): Generator<string> {
  let current = directory;
  for (;;) {
    yield current;
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

function readText(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

export interface FoundConfig extends ConfigResult {
  path: string;
}

/** The nearest `.secpolicy.json` at or above `directory`. */
export function findConfig(directory: string): FoundConfig | undefined {
  for (const folder of ancestors(directory)) {
    const path = join(folder, CONFIG_FILE_NAME);
    const text = readText(path);
    if (text !== undefined) return { path, ...parseConfigText(text, ruleIds) };
  }
  return undefined;
}

/** A `.env` larger than this is not read: it is not a list of settings any more. */
export const MAX_DOTENV_BYTES = 1024 * 1024;

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

/**
 * The facts a rule may use: the package version and the GitHub repository, from the nearest
 * package.json and .git, the `.env` beside the file (Compose files interpolate from it), and the
 * time now (security.txt `Expires` is compared with it).
 */
export function projectFacts(directory: string): ProjectFacts {
  const facts: ProjectFacts = { now: new Date().toISOString() };
  const dotenv = readDotenv(directory);
  if (dotenv) facts.dotenv = dotenv;
  for (const folder of ancestors(directory)) {
    if (facts.packageVersion === undefined) {
      const manifest = readText(join(folder, 'package.json'));
      if (manifest !== undefined) {
        try {
          const version: unknown = JSON.parse(manifest).version;
          if (typeof version === 'string') facts.packageVersion = version;
        } catch {
          // An unreadable package.json gives no version; the fix then writes a statement instead of a table.
        }
      }
    }
    if (existsSync(join(folder, '.git'))) {
      const gitConfig = readText(join(folder, '.git', 'config'));
      const repository = gitConfig ? githubRepositoryFromGitConfig(gitConfig) : undefined;
      if (repository) facts.githubRepository = repository;
      break;
    }
  }
  return facts;
}
