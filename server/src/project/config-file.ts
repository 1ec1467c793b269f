import { join } from 'node:path';
import { parseConfigText, type ConfigResult } from '../engine/config';
import { ruleIds } from '../rules';
import { ancestors, readText } from './read';

export const CONFIG_FILE_NAME = '.secpolicy.json';

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
