import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { POLICY_LOCATIONS } from '../../../common/files';
import { githubRepositoryFromGitConfig } from '../../../common/git-remote';
import { readPackageManifest } from '../../../common/package-manifest';
import type { ProjectFacts } from '../core/types';
import { MAX_SETTINGS_BYTES } from '../engine/limits';
import { readDotenv } from './dotenv-file';
import { ancestors, readText, repositoryRoot } from './read';

/** Folders under a repository's root where GitHub reads its policy (`.github`, `docs`). */
const POLICY_FOLDERS = new Set(
  POLICY_LOCATIONS.map((location) => dirname(location)).filter((folder) => folder !== '.'),
);

/**
 * The facts a rule may use: the package version and the GitHub repository, from the nearest
 * package.json and .git, and the `.env` beside the file (Compose files interpolate from it). The
 * time is not a fact of the project: callers read the clock for each lint (see withClock).
 *
 * The version is the product's: a private workspace root (npm, Yarn, or pnpm's pnpm-workspace.yaml)
 * ends the search without one (its packages have their own), and a `.github/` or `docs/` folder of the repository holds the repository's policy,
 * so a package.json there (a docs site, scripts) is not read.
 */
export function projectFacts(directory: string): ProjectFacts {
  const facts: ProjectFacts = {};
  const dotenv = readDotenv(directory);
  if ('dotenv' in dotenv) facts.dotenv = dotenv.dotenv;
  if ('unread' in dotenv) facts.unread = [{ path: join(directory, '.env'), reason: dotenv.unread }];
  const root = repositoryRoot(directory);
  let lookForPackage = true;
  for (const folder of ancestors(directory)) {
    const policyFolder = root !== undefined && dirname(folder) === root && POLICY_FOLDERS.has(basename(folder));
    if (lookForPackage && !policyFolder) {
      // An unreadable package.json gives no version; the fix then writes a statement instead of a table.
      const manifest = readPackageManifest(
        readText(join(folder, 'package.json'), MAX_SETTINGS_BYTES),
        existsSync(join(folder, 'pnpm-workspace.yaml')),
      );
      if (manifest.version !== undefined) facts.packageVersion = manifest.version;
      if (manifest.version !== undefined || manifest.workspaceRoot) lookForPackage = false;
    }
    if (folder === root) {
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
