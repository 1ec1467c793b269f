import { join } from 'node:path';
import { parseConfigText, type ConfigResult } from '../engine/config';
import { MAX_SETTINGS_BYTES } from '../engine/limits';
import { ruleIds } from '../rules';
import { ancestors, readText } from './read';

export const CONFIG_FILE_NAME = '.secpolicy.json';

export interface FoundConfig extends ConfigResult {
  path: string;
}

/**
 * The nearest `.secpolicy.json` at or above `directory`, looking no higher than `stopAt`: a config
 * in a folder above the repository (someone's home folder, a shared checkout root) must not turn
 * this repository's rules off.
 */
export function findConfig(directory: string, stopAt: string): FoundConfig | undefined {
  for (const folder of ancestors(directory, stopAt)) {
    const path = join(folder, CONFIG_FILE_NAME);
    const text = readText(path, MAX_SETTINGS_BYTES);
    if (text !== undefined) return { path, ...parseConfigText(text, ruleIds) };
  }
  return undefined;
}
