import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyConfig, mergeConfigs, readConfig } from '../engine/config';
import type { Config, ProjectFacts } from '../core/types';
import { findConfig } from '../project/config-file';
import { projectFacts, withClock } from '../project/facts';
import { searchBoundary } from '../project/read';
import { ruleIds } from '../rules';

/** The path of a `file:` URI, or undefined for other schemes (untitled, virtual) and malformed URIs. */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export interface Settings {
  enable: boolean;
  config: Config;
}

export function readSettings(value: unknown): { settings: Settings; problems: string[] } {
  const section = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const { config, problems } = readConfig(
    { rules: section.rules ?? {}, ...(section.preset !== undefined ? { preset: section.preset } : {}) },
    ruleIds,
  );
  return { settings: { enable: section.enable !== false, config }, problems };
}

/**
 * What a lint of a file needs besides its text: the editor settings, the `.secpolicy.json` above
 * it and the facts of its project, read from disk once per folder until a watched file changes.
 */
export class LintContext {
  settings: Settings = { enable: true, config: emptyConfig() };
  /** The workspace folders' paths: outside a repository, config is looked for no higher than these. */
  folders: string[] = [];
  private readonly configs = new Map<string, Config>();
  private readonly facts = new Map<string, ProjectFacts>();

  /**
   * `warn` is told each problem with a configuration (it shows each once); `log` which
   * `.secpolicy.json` applies to each folder, for the output channel.
   */
  constructor(
    private readonly warn: (text: string) => void,
    private readonly log: (text: string) => void,
  ) {}

  apply(value: unknown): void {
    const read = readSettings(value);
    this.settings = read.settings;
    for (const problem of read.problems) this.warn(`secpolicy settings: ${problem}`);
  }

  configFor(uri: string): Config {
    const path = filePath(uri);
    if (!path) return this.settings.config;
    const directory = dirname(path);
    let fileConfig = this.configs.get(directory);
    if (!fileConfig) {
      const found = findConfig(directory, searchBoundary(directory, this.folders));
      for (const problem of found?.problems ?? []) this.warn(`${found!.path}: ${problem}`);
      if (found) this.log(`${directory}: using ${found.path}`);
      fileConfig = found?.config ?? emptyConfig();
      this.configs.set(directory, fileConfig);
    }
    return mergeConfigs(this.settings.config, fileConfig);
  }

  /** How far up from a folder a policy speaking for its Compose files is looked for: its repository, or the workspace folder. */
  boundary(directory: string): string {
    return searchBoundary(directory, this.folders);
  }

  /** The project facts around `uri`, with the clock read now. */
  factsFor(uri: string): ProjectFacts {
    const path = filePath(uri);
    return path ? this.factsIn(dirname(path)) : withClock({});
  }

  /** The project facts of a folder (its `.env`, package and repository), with the clock read now. */
  factsIn(directory: string): ProjectFacts {
    let found = this.facts.get(directory);
    if (!found) {
      found = projectFacts(directory);
      for (const unread of found.unread ?? []) this.warn(`${unread.path} was not read: ${unread.reason}`);
      this.facts.set(directory, found);
    }
    return withClock(found);
  }

  /** Forgets what was read from disk: every folder is read again on its next lint. */
  forget(uri?: string): void {
    const path = uri ? filePath(uri) : undefined;
    if (path) {
      this.facts.delete(dirname(path));
      return;
    }
    this.configs.clear();
    this.facts.clear();
  }
}
