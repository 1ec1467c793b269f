import { resolve } from 'node:path';
import { emptyConfig, mergeConfigs, parseConfigText } from '../engine/config';
import type { Config } from '../core/types';
import { findConfig } from '../project/config-file';
import { readRegularFile, searchBoundary, type DiskLookups } from '../project/read';
import { MAX_SETTINGS_BYTES } from '../engine/limits';
import { ruleIds } from '../rules';
import type { Problem } from './discover';

/** The config named with `--config`: its rules, or the problems that make the run stop (exit 2). */
export function readExplicitConfig(
  cwd: string,
  name: string,
): { config: Config; path: string; problems: [] } | { config?: undefined; problems: Problem[] } {
  const path = resolve(cwd, name);
  const read = readRegularFile(path, MAX_SETTINGS_BYTES);
  if ('problem' in read) return { problems: [{ path, message: `config file could not be read: ${read.problem}` }] };
  const text = read.bytes.toString('utf8');
  const result = parseConfigText(text, ruleIds);
  if (result.problems.length > 0) return { problems: result.problems.map((message) => ({ path, message })) };
  return { config: result.config, path, problems: [] };
}

/** The config that applies in a folder, and the `.secpolicy.json` it came from, if any. */
export interface FolderConfig {
  config: Config;
  path?: string;
}

/**
 * The config for each folder: the `--config` file, else the nearest `.secpolicy.json` no higher
 * than the repository root (or, outside a repository, the folder the command runs in; its problems
 * are collected in `problems`), with the `--rule` severities on top.
 */
export function folderConfigs(
  explicit: { config: Config; path: string } | undefined,
  ruleOverrides: Config,
  problems: Problem[],
  cwd: string,
  lookups: DiskLookups,
): (directory: string) => FolderConfig {
  const configs = new Map<string, FolderConfig>();
  return (directory) => {
    let found = configs.get(directory);
    if (!found) {
      let file: { config: Config; path?: string } | undefined = explicit;
      if (!file) {
        const nearest = findConfig(directory, searchBoundary(directory, [cwd], lookups));
        for (const message of nearest?.problems ?? []) problems.push({ path: nearest!.path, message });
        file = nearest ? { config: nearest.config, path: nearest.path } : { config: emptyConfig() };
      }
      found = { config: mergeConfigs(file.config, ruleOverrides), ...(file.path ? { path: file.path } : {}) };
      configs.set(directory, found);
    }
    return found;
  };
}
