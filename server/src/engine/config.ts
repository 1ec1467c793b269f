import type { Config, PresetName, RuleMeta, SeveritySetting } from '../core/types';

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

export const PRESET_NAMES: readonly PresetName[] = ['recommended', 'strict'];

/** What each preset is for, shown in the schema and the settings. */
export const PRESET_DESCRIPTIONS: Record<PresetName, string> = {
  recommended:
    'What a maintainer must fix. Hardening that is merely absent (no-new-privileges, read_only, pinned images) and the optional policy sections are off.',
  strict: 'Every rule on: the rules that are off by default report at info, hardening included.',
};

/**
 * A rule's severity under a preset, before any `rules` entry: `recommended` is each rule's default;
 * `strict` turns the rules that are off by default on at `info`.
 */
export function presetSeverity(
  preset: PresetName | undefined,
  meta: Pick<RuleMeta, 'defaultSeverity'>,
): SeveritySetting {
  return preset === 'strict' && meta.defaultSeverity === 'off' ? 'info' : meta.defaultSeverity;
}

/** A rule's severity under a config: its `rules` entry, else the preset's. */
export function configuredSeverity(
  config: Config | undefined,
  meta: Pick<RuleMeta, 'id' | 'defaultSeverity'>,
): SeveritySetting {
  return config?.rules[meta.id] ?? presetSeverity(config?.preset, meta);
}

export function emptyConfig(): Config {
  return { rules: {} };
}

/** Layers configs; later layers win rule by rule, and a later preset replaces an earlier one. */
export function mergeConfigs(...layers: (Config | undefined)[]): Config {
  const merged = emptyConfig();
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.preset !== undefined) merged.preset = layer.preset;
    Object.assign(merged.rules, layer.rules);
  }
  return merged;
}

export interface ConfigResult {
  config: Config;
  /** One line per problem; entries with problems are left out of `config`. */
  problems: string[];
}

function isSeverity(value: unknown): value is SeveritySetting {
  return typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value);
}

/**
 * Reads a config object (from `.secpolicy.json` or editor settings). Data only: nothing in it is
 * ever executed. Unknown rules and severities are reported, not fatal.
 */
export function readConfig(value: unknown, knownRules: ReadonlySet<string>): ConfigResult {
  const config = emptyConfig();
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { config, problems: ['the configuration must be a JSON object'] };
  }
  for (const [key, entry] of Object.entries(value)) {
    if (key === '$schema') continue;
    if (key === 'preset') {
      if (PRESET_NAMES.includes(entry as PresetName)) config.preset = entry as PresetName;
      else problems.push(`"preset" must be "recommended" or "strict", not ${JSON.stringify(entry)}`);
      continue;
    }
    if (key !== 'rules') {
      problems.push(`unknown setting "${key}" (expected "preset" or "rules")`);
      continue;
    }
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push('"rules" must be an object of rule ids to "off", "info", "warning" or "error"');
      continue;
    }
    for (const [ruleId, severity] of Object.entries(entry)) {
      if (!knownRules.has(ruleId)) problems.push(`unknown rule "${ruleId}"`);
      else if (!isSeverity(severity)) {
        problems.push(
          `rule "${ruleId}": severity must be "off", "info", "warning" or "error", not ${JSON.stringify(severity)}`,
        );
      } else config.rules[ruleId] = severity;
    }
  }
  return { config, problems };
}

/**
 * JSON.parse's message without the excerpt of the text it quotes (`Unexpected token 'S', "SHELL=/bin"…`):
 * the file given as a config may be any file, a `.env` full of secrets included.
 */
function withoutExcerpt(message: string): string {
  const quote = message.indexOf('"');
  return quote === -1 ? message : message.slice(0, quote).trimEnd().replace(/,$/, '');
}

/** Parses the text of a `.secpolicy.json` file. */
export function parseConfigText(text: string, knownRules: ReadonlySet<string>): ConfigResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { config: emptyConfig(), problems: [`invalid JSON: ${withoutExcerpt((error as Error).message)}`] };
  }
  return readConfig(value, knownRules);
}
