import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseConfigText, type ConfigResult } from '../engine/config';
import type { ProjectFacts } from '../engine/types';
import { ruleIds } from '../rules';

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

/** `owner/name` of the first GitHub remote in a git config file's text. */
export function githubRepositoryFromGitConfig(text: string): string | undefined {
  const match =
    /url\s*=\s*(?:https?:\/\/(?:[^@/\s]+@)?github\.com\/|git@github\.com:|ssh:\/\/git@github\.com\/)([\w.-]+\/[\w.-]+?)(?:\.git)?\/?\s*$/m.exec(
      text,
    );
  return match?.[1];
}

/** The facts a rule's fix may use: the package version and the GitHub repository, from the nearest package.json and .git. */
export function projectFacts(directory: string): ProjectFacts {
  const facts: ProjectFacts = {};
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
