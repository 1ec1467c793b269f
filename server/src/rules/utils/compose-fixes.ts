import type { Fix, ProjectFacts } from '../../core/types';
import type { ValueSite } from '../../formats/compose/resolve';
import {
  composeVariableName,
  dotenvRemoveEdit,
  dotenvSetEdit,
  requiredVariable,
  serviceVariable,
} from './compose-edits';

/** The fixes the credential rules offer for a value: require it from the environment, or move it to `.env`. */

/** The name a fix should require: the variable a `${VAR:-default}` or `${VAR}` already names, else `fallback`. */
export function siteVariable(site: ValueSite, fallback: string): string {
  if (site.origin?.file === 'dotenv') return site.origin.entry.name;
  const named = site.resolved.literal ? undefined : /^\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(site.raw)?.[1];
  return named ?? composeVariableName(fallback);
}

/** The variable a command-line value or an environment entry is best named after. */
export function defaultVariable(site: ValueSite, suffix = 'PASSWORD'): string {
  return site.kind === 'command' ? serviceVariable(site.service, suffix) : composeVariableName(site.name);
}

/** `${NAME:?…}` in place of the value: Compose then asks for NAME. */
export function requireFix(site: ValueSite, variable: string, preferred = true): Fix | undefined {
  if (!site.replace) return undefined;
  return {
    title: `Require ${variable} from the environment (\${${variable}:?…})`,
    edits: [site.replace(requiredVariable(variable))],
    ...(preferred ? { preferred: true } : {}),
  };
}

/**
 * Moves a value to the project `.env` (or writes `value` there) and requires it in the Compose
 * file. Never automatic: it writes another file and, for a generated value, a secret.
 */
export function dotenvFix(
  title: string,
  site: ValueSite,
  variable: string,
  value: string,
  facts: ProjectFacts,
): Fix | undefined {
  if (!site.replace) return undefined;
  const dotenvEdit = dotenvSetEdit(facts, variable, value);
  if (!dotenvEdit) return undefined;
  return { title, edits: [site.replace(requiredVariable(variable)), dotenvEdit], needsReview: true };
}

/**
 * Fixes for a bad value written in the project `.env`: replace it there with `value`, or delete the
 * line (and require the variable in the Compose file, unless it already is) so that Compose asks
 * for it. Always both, neither preferred, so neither runs unattended.
 */
export function dotenvValueFixes(site: ValueSite, value: string, valueLabel: string, facts: ProjectFacts): Fix[] {
  if (site.origin?.file !== 'dotenv') return [];
  const entry = site.origin.entry;
  const set = dotenvSetEdit(facts, entry.name, value);
  const remove = dotenvRemoveEdit(facts, entry);
  if (!set || !remove) return [];
  const require = !site.resolved.required && site.replace ? [site.replace(requiredVariable(entry.name))] : [];
  return [
    { title: `Write ${valueLabel} for ${entry.name} to .env`, edits: [set], needsReview: true },
    {
      title: `Remove ${entry.name} from .env${require.length > 0 ? ` and require it` : ''}`,
      edits: [...require, remove],
      needsReview: true,
    },
  ];
}
