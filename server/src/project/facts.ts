import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { githubRepositoryFromGitConfig } from '../../../common/git-remote';
import { readPackageManifest } from '../../../common/package-manifest';
import type { ProjectFacts } from '../core/types';
import { MAX_SETTINGS_BYTES } from '../engine/limits';
import { readDotenv } from './dotenv-file';
import { ancestors, readText } from './read';

/**
 * The facts a rule may use: the package version and the GitHub repository, from the nearest
 * package.json and .git, and the `.env` beside the file (Compose files interpolate from it). The
 * time is not a fact of the project: callers read the clock for each lint (see withClock).
 */
export function projectFacts(directory: string): ProjectFacts {
  const facts: ProjectFacts = {};
  const dotenv = readDotenv(directory);
  if ('dotenv' in dotenv) facts.dotenv = dotenv.dotenv;
  if ('unread' in dotenv) facts.unread = [{ path: join(directory, '.env'), reason: dotenv.unread }];
  for (const folder of ancestors(directory)) {
    if (facts.packageVersion === undefined) {
      // An unreadable package.json gives no version; the fix then writes a statement instead of a table.
      const version = readPackageManifest(readText(join(folder, 'package.json'), MAX_SETTINGS_BYTES)).version;
      if (version !== undefined) facts.packageVersion = version;
    }
    if (existsSync(join(folder, '.git'))) {
      const gitConfig = readText(join(folder, '.git', 'config'), MAX_SETTINGS_BYTES);
      const repository = gitConfig ? githubRepositoryFromGitConfig(gitConfig) : undefined;
      if (repository) facts.githubRepository = repository;
      break;
    }
  }
  return facts;
}

/** The facts with the time now, read for this lint: security.txt `Expires` is judged against it. */
export function withClock(facts: ProjectFacts): ProjectFacts {
  return { ...facts, now: new Date().toISOString() };
}
