import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { emptyConfig, mergeConfigs, parseConfigText } from '../engine/config';
import type { Config } from '../core/types';
import { findConfig } from '../project/config-file';
import { ruleIds } from '../rules';
import type { Problem } from './discover';

/** The config named with `--config`: its rules, or the problems that make the run stop (exit 2). */
export function readExplicitConfig(
  cwd: string,
  name: string,
): { config: Config; problems: [] } | { config?: undefined; problems: Problem[] } {
  const path = resolve(cwd, name);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { problems: [{ path, message: 'config file could not be read' }] };
  }
  const result = parseConfigText(text, ruleIds);
  if (result.problems.length > 0) return { problems: result.problems.map((message) => ({ path, message })) };
  return { config: result.config, problems: [] };
}

/**
 * The config for each folder: the `--config` file, else the nearest `.secpolicy.json` (its
 * problems are collected in `problems`), with the `--rule` severities on top.
 */
export function folderConfigs(
  explicit: Config | undefined,
  ruleOverrides: Config,
  problems: Problem[],
): (directory: string) => Config {
  const configs = new Map<string, Config>();
  return (directory) => {
    let config = configs.get(directory);
    if (!config) {
      let fileConfig = explicit;
      if (!fileConfig) {
        const found = findConfig(directory);
        for (const message of found?.problems ?? []) problems.push({ path: found!.path, message });
        fileConfig = found?.config ?? emptyConfig();
      }
      config = mergeConfigs(fileConfig, ruleOverrides);
      configs.set(directory, config);
    }
    return config;
  };
}
