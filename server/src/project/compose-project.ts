import { basename, dirname, join } from 'node:path';
import { resolvePath } from '../core/paths';
import { MAX_CHARACTERS, skipReason } from '../engine/limits';
import { parseCompose } from '../formats/compose/parse';
import type { ComposeProjectInput, SourceText } from '../formats/compose/project';
import { parseDotenv } from '../formats/dotenv';
import { liveLookups, NO_SUCH_FILE, readRegularFile, realPathInside, repositoryRoot, type DiskLookups } from './read';

/** The file names Compose looks for in a project folder, in its order of preference. */
const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
/** The override file Compose applies on top of each default file. */
const OVERRIDE_FILES = DEFAULT_FILES.map((name) => name.replace(/\.ya?ml$/, (extension) => `.override${extension}`));

/** The sources of a project: its files and what they name, and the folder whose `.env` it reads. */
export interface LoadedProject extends ComposeProjectInput {
  /** The project folder: its `.env` is the one interpolation reads. */
  directory: string;
}

/** Reads a file for the project: an open editor's text first, else a regular file inside the repository. */
export type TextSource = (path: string) => SourceText;

/**
 * Reads project files from disk: regular files only, under the size limit, and never one whose
 * real path leaves the repository (or, outside a repository, the project folder).
 */
export function diskSource(
  tree: string,
  open?: (path: string) => string | undefined,
  lookups = liveLookups,
): TextSource {
  return (path) => {
    const opened = open?.(path);
    if (opened !== undefined) return { text: opened };
    const read = readRegularFile(path, MAX_CHARACTERS.compose);
    if ('problem' in read && read.problem === NO_SUCH_FILE) return { unread: read.problem };
    if (realPathInside(path, tree, lookups) === undefined) return { unread: 'it is outside the repository' };
    if ('problem' in read) return { unread: read.problem };
    const text = read.bytes.toString('utf8');
    if (text.includes('\u0000')) return { unread: 'it is a binary file' };
    return { text };
  };
}

/** Whether every service of a Compose text only adds to a service defined elsewhere (no image, build or extends). */
function isOverlay(text: string): boolean {
  const model = parseCompose(text);
  return (
    model.services.length > 0 && model.services.every((service) => !service.image && !service.build && !service.extends)
  );
}

function existing(directory: string, names: string[], lookups: DiskLookups): string | undefined {
  const entries = lookups.list(directory)?.map((entry) => entry.name) ?? [];
  const found = names.find((name) => entries.includes(name));
  return found === undefined ? undefined : join(directory, found);
}

/** `COMPOSE_FILE` from the folder's `.env`: the files `docker compose` uses there, when it is set. */
function composeFileSetting(directory: string, read: TextSource): string[] | undefined {
  const dotenv = read(join(directory, '.env'));
  if (!('text' in dotenv)) return undefined;
  const model = parseDotenv(dotenv.text);
  const value = model.byName.get('COMPOSE_FILE')?.value;
  if (!value) return undefined;
  const separator = model.byName.get('COMPOSE_PATH_SEPARATOR')?.value || (process.platform === 'win32' ? ';' : ':');
  return value
    .split(separator)
    .filter((name) => name.trim() !== '')
    .map((name) => resolvePath(directory, name.trim()));
}

/**
 * The project a Compose file belongs to, as `docker compose` run in its folder would build it: the
 * files `COMPOSE_FILE` names when it names this one; a default file with its override; an override
 * with its default file; a file that only adds to services (an overlay) on top of the folder's
 * default file; any other file on its own. References (`include:`, `extends.file`, `env_file:`) are
 * read too, each with its reason when it cannot be.
 */
export function loadComposeProject(path: string, read: TextSource, lookups = liveLookups): LoadedProject {
  const directory = dirname(path);
  const name = basename(path);
  const self = resolvePath(directory, name);
  let files: string[] = [self];
  const setting = composeFileSetting(directory, read);
  if (setting?.includes(self)) files = setting;
  else if (DEFAULT_FILES.includes(name)) {
    const override = existing(directory, OVERRIDE_FILES, lookups);
    if (override) files = [self, resolvePath(directory, basename(override))];
  } else if (OVERRIDE_FILES.includes(name)) {
    const main = existing(directory, DEFAULT_FILES, lookups);
    if (main) files = [resolvePath(directory, basename(main)), self];
  } else {
    const main = existing(directory, DEFAULT_FILES, lookups);
    const own = read(self);
    if (main && 'text' in own && isOverlay(own.text)) files = [resolvePath(directory, basename(main)), self];
  }

  const sources: { path: string; text: string }[] = [];
  for (const file of files) {
    const source = read(file);
    if ('text' in source) sources.push({ path: file, text: source.text });
  }
  if (!sources.some((source) => source.path === self)) {
    // The file itself must be linted even when the rest of its project cannot be read.
    const source = read(self);
    sources.splice(0, sources.length, ...('text' in source ? [{ path: self, text: source.text }] : []));
  }
  return { directory: dirname(sources[0]?.path ?? self), files: sources, references: readReferences(sources, read) };
}

/** Every file the sources name, followed through included and extended files. */
function readReferences(sources: { path: string; text: string }[], read: TextSource): Map<string, SourceText> {
  const references = new Map<string, SourceText>();
  const pending = [...sources];
  while (pending.length > 0) {
    const source = pending.pop()!;
    // Most files name no other file: the parse is skipped for them.
    if (!/\b(?:include|extends|env_file)\s*:/.test(source.text) || skipReason('compose', source.text)) continue;
    const model = parseCompose(source.text);
    const base = dirname(source.path);
    const named: { path: string; compose: boolean }[] = [
      ...model.includes.map((include) => ({ path: include.path, compose: true })),
      ...model.services.flatMap((service) => [
        ...(service.extends?.file ? [{ path: service.extends.file.value, compose: true }] : []),
        ...service.envFiles.map((envFile) => ({ path: envFile.path, compose: false })),
      ]),
    ];
    for (const each of named) {
      const path = resolvePath(base, each.path);
      if (references.has(path)) continue;
      let text = read(path);
      const tooMuch = 'text' in text && each.compose ? skipReason('compose', text.text) : undefined;
      if (tooMuch) text = { unread: tooMuch };
      references.set(path, text);
      if (each.compose && 'text' in text) pending.push({ path, text: text.text });
    }
  }
  return references;
}

/** The folder a project's files may be read from: its repository, else its own folder. */
export function projectTree(path: string, lookups = liveLookups): string {
  return repositoryRoot(dirname(path), lookups) ?? dirname(path);
}
