import { statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import {
  documentKind,
  folderRole,
  isPolicyFolder,
  looksLikeCompose,
  type PolicyFolderRole,
} from '../../../common/files';
import type { DocumentKind } from '../core/types';
import { MAX_SETTINGS_BYTES } from '../engine/limits';
import { ancestors, readRegularFile, readText, repositoryRoot, type DiskLookups } from '../project/read';

export interface Target {
  path: string;
  kind: DocumentKind;
}

/** A path that could not be linted, and why. */
export interface Problem {
  path: string;
  message: string;
}

const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

interface IgnoreScope {
  base: string;
  rules: Ignore;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function isIgnored(scopes: IgnoreScope[], path: string, directory: boolean): boolean {
  return scopes.some((scope) => {
    const relativePath = toPosix(relative(scope.base, path));
    if (relativePath === '' || relativePath.startsWith('..')) return false;
    return scope.rules.ignores(directory ? `${relativePath}/` : relativePath);
  });
}

function gitignoreScope(directory: string): IgnoreScope | undefined {
  // Only a regular file: a FIFO named .gitignore would stop the walk for good.
  const text = readText(join(directory, '.gitignore'), MAX_SETTINGS_BYTES);
  return text === undefined ? undefined : { base: directory, rules: ignore().add(text) };
}

/**
 * The `.gitignore` files of the folders above `directory`, up to its repository's root, as git
 * reads them: the files found must not depend on the folder the command starts from.
 */
function enclosingGitignores(directory: string, lookups: DiskLookups): IgnoreScope[] {
  const root = repositoryRoot(directory, lookups);
  if (root === undefined || root === directory) return [];
  return [...ancestors(dirname(directory), root)].flatMap((folder) => gitignoreScope(folder) ?? []);
}

/** How much of a YAML file is read to tell whether it is a Compose file under another name. */
const SNIFF_BYTES = 64 * 1024;

/** `compose` for a YAML file whose name does not say so but whose content does (see looksLikeCompose). */
function sniffedKind(path: string): DocumentKind | undefined {
  if (!/\.ya?ml$/i.test(path)) return undefined;
  const read = readRegularFile(path, MAX_SETTINGS_BYTES);
  if (!('bytes' in read)) return undefined;
  return looksLikeCompose(read.bytes.subarray(0, SNIFF_BYTES).toString('utf8')) ? 'compose' : undefined;
}

/** Guesses the kind of a file the user named explicitly, whatever its name. */
function explicitKind(path: string): DocumentKind | undefined {
  // Named on purpose, an example (`.env.example`, `compose.yaml.sample`) is linted as what it is an example of.
  const kind = documentKind(path.replace(/\.(?:example|sample|template|dist)$/i, ''));
  if (kind) return kind;
  if (/\.md$/i.test(path)) return 'policy';
  if (/\.ya?ml$/i.test(path)) return 'compose';
  return /\.txt$/i.test(path) ? 'securitytxt' : undefined;
}

/**
 * Finds the policy and Compose files under `paths`. Folders are walked honouring `.gitignore`
 * files (those of the folders above, up to the repository's root, too) and the `ignorePatterns` (gitignore syntax, relative to `cwd`), skipping node_modules
 * and .git; a file named explicitly is always linted. A walk finds policies where they are read
 * (isPolicyFolder): in the root, `.github/` and `docs/` of the folder walked and of each repository
 * under it, and at the root of each package; not in documentation further down.
 */
export function discover(
  paths: string[],
  cwd: string,
  ignorePatterns: string[],
  lookups: DiskLookups,
): { targets: Target[]; problems: Problem[] } {
  const targets: Target[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const userScope: IgnoreScope = { base: cwd, rules: ignore().add(ignorePatterns) };

  const walk = (directory: string, scopes: IgnoreScope[], parentRole: PolicyFolderRole, isStart = false) => {
    const listed = lookups.list(directory);
    if (listed === undefined) {
      problems.push({ path: directory, message: 'folder could not be read' });
      return;
    }
    const entries = [...listed].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const local = gitignoreScope(directory);
    const inScope = local ? [...scopes, local] : scopes;
    // The folder a walk starts from is the root of what was asked for, as a workspace folder is in the editor.
    const role = isStart ? 'repository' : folderRole(entries.map((entry) => entry.name));
    const readsPolicies = isPolicyFolder(basename(directory), role, parentRole);
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED.has(entry.name) || isIgnored(inScope, path, true)) continue;
        walk(path, inScope, role);
      } else if (entry.isFile()) {
        const kind = documentKind(entry.name) ?? sniffedKind(path);
        if (!kind || (kind === 'policy' && !readsPolicies) || isIgnored(inScope, path, false) || seen.has(path)) {
          continue;
        }
        seen.add(path);
        targets.push({ path, kind });
      }
    }
  };

  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      problems.push({ path, message: 'no such file or folder' });
      continue;
    }
    if (stats.isDirectory()) {
      walk(path, [userScope, ...enclosingGitignores(path, lookups)], undefined, true);
    } else {
      const kind = explicitKind(path);
      if (!kind)
        problems.push({ path, message: 'not a policy (.md), Compose (.yml, .yaml), .env or security.txt (.txt) file' });
      else if (!seen.has(path)) {
        seen.add(path);
        targets.push({ path, kind });
      }
    }
  }
  return { targets, problems };
}
