import { join } from 'node:path';
import { emptyConfig, parseConfigText, type ConfigResult } from '../engine/config';
import { MAX_SETTINGS_BYTES } from '../engine/limits';
import { ruleIds } from '../rules';
import { ancestors, NO_SUCH_FILE, readRegularFile, realPathInside } from './read';

export const CONFIG_FILE_NAME = '.secpolicy.json';

export interface FoundConfig extends ConfigResult {
  path: string;
}

/**
 * The nearest `.secpolicy.json` at or above `directory`, looking no higher than `stopAt`: a config
 * in a folder above the repository (someone's home folder, a shared checkout root) must not turn
 * this repository's rules off. One that is there but cannot be read (a FIFO, a device, a link out of
 * the repository) is found with that problem and no rules: a config further up never stands in for it.
 */
export function findConfig(directory: string, stopAt: string): FoundConfig | undefined {
  for (const folder of ancestors(directory, stopAt)) {
    const path = join(folder, CONFIG_FILE_NAME);
    const read = readRegularFile(path, MAX_SETTINGS_BYTES);
    if ('problem' in read && read.problem === NO_SUCH_FILE) continue;
    if (realPathInside(path, stopAt) === undefined) {
      return { path, config: emptyConfig(), problems: ['not read: it is a link to a file outside the repository'] };
    }
    if ('problem' in read) return { path, config: emptyConfig(), problems: [`not read: ${read.problem}`] };
    return { path, ...parseConfigText(read.bytes.toString('utf8'), ruleIds) };
  }
  return undefined;
}
