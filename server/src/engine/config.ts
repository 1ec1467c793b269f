import type { Config, SeveritySetting } from '../core/types';

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

export function emptyConfig(): Config {
  return { rules: {} };
}

/** Layers configs; later layers win rule by rule. */
export function mergeConfigs(...layers: (Config | undefined)[]): Config {
  const merged = emptyConfig();
  for (const layer of layers) if (layer) Object.assign(merged.rules, layer.rules);
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
    if (key !== 'rules') {
      problems.push(`unknown setting "${key}" (expected "rules")`);
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
