import { basename, dirname, join, relative, sep } from 'node:path';
import { documentKind, isPolicyPath, POLICY_LOCATIONS } from '../../../common/files';
import { resolvePath } from '../core/paths';
import type { DeploymentSources, PolicySource, ProjectFacts } from '../core/types';
import { MAX_CHARACTERS } from '../engine/limits';
import { loadComposeProject, type TextSource } from './compose-project';
import { ancestors, liveLookups, type DiskLookups } from './read';

/**
 * Which policy speaks for which Compose files: a policy speaks for the Compose projects of the
 * folder it belongs to (its own folder, or the repository's when it stands in `.github/` or
 * `docs/`), except those kept for tests, examples and vendored code. The language server and the
 * CLI hand these to the rules as lazy facts, so that nothing is read unless a policy promises something.
 */

/** Folders whose Compose files are not the deployment a policy describes. */
const NOT_DEPLOYMENT = new Set([
  'node_modules',
  'vendor',
  'third_party',
  'test',
  'tests',
  '__tests__',
  'testdata',
  'fixtures',
  'spec',
  'example',
  'examples',
  'samples',
]);
/** How deep under the policy's folder Compose files are looked for (`deploy/docker/compose.yaml` is 2). */
const MAX_DEPTH = 4;
/** How many Compose files one policy is checked against, at most. */
const MAX_FILES = 40;

/** The folder a policy speaks for: its own, or its repository's when it stands in `.github/` or `docs/`. */
export function policyScope(policyPath: string): string {
  const folder = dirname(policyPath);
  const name = basename(folder);
  return name === '.github' || name === 'docs' ? dirname(folder) : folder;
}

/** Whether a folder name (at any depth under the scope) holds no deployment. */
function skipped(name: string): boolean {
  return name.startsWith('.') || NOT_DEPLOYMENT.has(name.toLowerCase());
}

/** Whether the policy at `policyPath` speaks for the Compose file at `composePath`. */
export function speaksFor(policyPath: string, composePath: string): boolean {
  const path = relative(policyScope(policyPath), dirname(composePath));
  if (path.startsWith('..')) return false;
  const folders = path === '' ? [] : path.split(sep);
  return folders.length <= MAX_DEPTH && !folders.some(skipped);
}

/**
 * The policy files of one folder, as its repository's root, (`SECURITY.md` in any letter case, a
 * link included), in the order GitHub looks for them: the first is the one GitHub shows.
 */
export function policiesIn(folder: string, lookups = liveLookups): string[] {
  return POLICY_LOCATIONS.flatMap((location) => {
    const parent = dirname(join(folder, location));
    const entry = lookups.list(parent)?.find((each) => isPolicyPath(each.name));
    return entry ? [join(parent, entry.name)] : [];
  });
}

/**
 * The policy that speaks for a Compose file: the nearest one up to `stopAt` (the repository root),
 * read through `read` (an open editor's text first). None outside a repository's tree.
 */
export function policyFor(
  composePath: string,
  stopAt: string,
  read: TextSource,
  lookups = liveLookups,
): PolicySource | undefined {
  for (const folder of ancestors(dirname(composePath), stopAt)) {
    for (const path of policiesIn(folder, lookups)) {
      if (!speaksFor(path, composePath)) continue;
      const source = read(resolvePath(dirname(path), basename(path)));
      if ('text' in source && source.text.length <= MAX_CHARACTERS.policy) return { path, text: source.text };
    }
  }
  return undefined;
}

/** The Compose files under a folder, nearest first, skipping what holds no deployment. */
function composeFiles(scope: string, lookups: DiskLookups): string[] {
  const found: string[] = [];
  let level = [scope];
  for (let depth = 0; depth <= MAX_DEPTH && level.length > 0 && found.length < MAX_FILES; depth++) {
    const next: string[] = [];
    for (const folder of level) {
      const entries = lookups.list(folder) ?? [];
      for (const entry of [...entries].sort((a, b) => a.name.localeCompare(b.name))) {
        const path = join(folder, entry.name);
        if (entry.isDirectory() && !skipped(entry.name)) next.push(path);
        else if (entry.isFile() && documentKind(entry.name) === 'compose') found.push(path);
      }
    }
    level = next;
  }
  return found.slice(0, MAX_FILES);
}

/**
 * The Compose projects a policy speaks for, each as `docker compose` in its folder builds it,
 * with the facts of that folder (its `.env`).
 */
export function deploymentOf(
  policyPath: string,
  read: TextSource,
  factsIn: (directory: string) => ProjectFacts,
  lookups = liveLookups,
): DeploymentSources[] {
  const projects: DeploymentSources[] = [];
  const covered = new Set<string>();
  for (const file of composeFiles(policyScope(policyPath), lookups)) {
    const path = resolvePath(dirname(file), basename(file));
    if (covered.has(path)) continue;
    const project = loadComposeProject(path, read, lookups);
    if (project.files.length === 0) continue;
    for (const projectFile of project.files) covered.add(projectFile.path);
    projects.push({ files: project.files, references: project.references, facts: factsIn(project.directory) });
  }
  return projects;
}

/** A value computed on first use, then kept. */
export function once<T>(compute: () => T): () => T {
  let value: { value: T } | undefined;
  return () => (value ??= { value: compute() }).value;
}

/**
 * The facts of a policy or Compose file with its side of the promises added, read on first use:
 * a policy gets the deployment it speaks for, a Compose file the policy that speaks for it.
 */
export function withPromiseSources(
  facts: ProjectFacts,
  kind: 'policy' | 'compose',
  path: string,
  boundary: string,
  read: TextSource,
  factsIn: (directory: string) => ProjectFacts,
  lookups = liveLookups,
): ProjectFacts {
  if (kind === 'policy') return { ...facts, deployment: once(() => deploymentOf(path, read, factsIn, lookups)) };
  return { ...facts, policy: once(() => policyFor(path, boundary, read, lookups)) };
}
