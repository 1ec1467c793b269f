import type { Fix, ProjectFacts, TextEdit } from '../../core/types';
import type { ComposeModel } from '../../formats/compose/model';
import { projectDotenv, valueSites, type ValueSite } from '../../formats/compose/resolve';
import { commandTokens, urlPasswords } from '../../formats/compose/specs';
import { isCredentialKey, isSigningKey } from '../../secrets/names';
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

/**
 * `${NAME:?…}` in place of the value: Compose then asks for NAME. Never unattended: someone has to
 * choose the value before the deployment starts again. `also` holds the edits that switch the other
 * places using the same value to the variable (see sharedValueEdits), so they keep agreeing.
 */
export function requireFix(
  site: ValueSite,
  variable: string,
  preferred = true,
  also: TextEdit[] = [],
): Fix | undefined {
  if (!site.replace) return undefined;
  return {
    title: `Require ${variable} from the environment (\${${variable}:?…})${also.length > 0 ? ` here and in ${plural(also.length)}` : ''}`,
    edits: [site.replace(requiredVariable(variable)), ...also],
    ...(preferred ? { preferred: true } : {}),
    needsReview: true,
  };
}

function plural(count: number): string {
  return count === 1 ? '1 other place' : `${count} other places`;
}

/**
 * A variable that already holds this site's literal value: one another place of the file reads
 * (`${POSTGRES_PASSWORD:-secret}` for `secret`), or one the project `.env` sets. A fix then reuses
 * it instead of inventing a second variable that must be kept equal to the first.
 */
export function sharedVariable(model: ComposeModel, site: ValueSite, facts: ProjectFacts): string | undefined {
  const value = site.resolved.value;
  if (!site.resolved.literal || value === undefined || value === '') return undefined;
  const named = valueIndex(model, facts).variables.get(value);
  if (named) return named;
  return projectDotenv(facts)?.entries.find(
    (entry) => entry.value === value && /^[A-Za-z_][A-Za-z0-9_]*$/.test(entry.name),
  )?.name;
}

/** A place holding a literal another fix may switch to a variable: a whole value, or a password inside a URL. */
type Place = { site: ValueSite; replace: (text: string) => TextEdit } | { start: number; end: number };

/** The file's places and variables by the literal value they hold. */
interface ValueIndex {
  places: Map<string, Place[]>;
  /** The first variable whose `${VAR…}` resolves to the value. */
  variables: Map<string, string>;
}

const indexCache = new WeakMap<ComposeModel, { dotenv: string | undefined; index: ValueIndex }>();

/**
 * Every literal of the file, looked up by value: built once per document and `.env` text, so that a
 * file with many credentials is not scanned again for each one (which made linting it quadratic).
 */
function valueIndex(model: ComposeModel, facts: ProjectFacts): ValueIndex {
  const key = facts.dotenv?.text;
  const cached = indexCache.get(model);
  if (cached && cached.dotenv === key) return cached.index;
  const index: ValueIndex = { places: new Map(), variables: new Map() };
  const add = (value: string, place: Place) => {
    const list = index.places.get(value);
    if (list) list.push(place);
    else index.places.set(value, [place]);
  };
  for (const site of valueSites(model, facts)) {
    const value = site.resolved.value;
    if (value === undefined) continue;
    if (!site.resolved.literal) {
      const named = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(site.raw)?.[1];
      if (named && !index.variables.has(value)) index.variables.set(value, named);
      continue;
    }
    if (site.origin?.file !== 'compose' || !site.replace) continue;
    if (site.kind === 'environment' && !isCredentialKey(site.name) && !isSigningKey(site.name)) continue;
    add(value, { site, replace: site.replace });
  }
  const inUrls = (text: string, start: number) => {
    for (const url of urlPasswords(text)) add(url.password, { start: start + url.start, end: start + url.end });
  };
  for (const service of model.services) {
    for (const entry of service.environment) {
      if (entry.value !== undefined && entry.exact) inUrls(entry.value, entry.valueStart);
    }
    for (const key of ['command', 'entrypoint', 'healthcheck'] as const) {
      for (const token of commandTokens(model, service.map, key)) if (token.exact) inUrls(token.value, token.start);
    }
  }
  indexCache.set(model, { dotenv: key, index });
  return index;
}

/**
 * The edits that put `${variable}` in every other place of the file that holds the same literal
 * as this credential: other credential settings, password flags of commands and healthchecks, and
 * passwords inside URLs. One literal used in several places becomes one variable used in all of
 * them, so the services that share a password keep sharing it after the fix.
 */
export function sharedValueEdits(
  model: ComposeModel,
  site: ValueSite,
  variable: string,
  facts: ProjectFacts,
): TextEdit[] {
  const value = site.resolved.value;
  if (!site.resolved.literal || value === undefined || value === '') return [];
  const reference = `\${${variable}}`;
  const edits: TextEdit[] = [];
  for (const place of valueIndex(model, facts).places.get(value) ?? []) {
    if (!('site' in place)) edits.push({ start: place.start, end: place.end, newText: reference });
    else if (place.site !== site) edits.push(place.replace(reference));
  }
  // The site's own range is replaced by the fix itself; edits that overlap it or each other are dropped.
  const overlapsSite = (edit: TextEdit) => edit.start < site.end && site.start < edit.end;
  let keptEnd = -1;
  return edits
    .sort((a, b) => a.start - b.start)
    .filter((edit) => {
      // Sorted by start: an edit overlaps an earlier one kept exactly when it starts before the furthest end kept.
      if (overlapsSite(edit) || edit.start < keptEnd) return false;
      keptEnd = Math.max(keptEnd, edit.end);
      return true;
    });
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
  also: TextEdit[] = [],
): Fix | undefined {
  if (!site.replace) return undefined;
  const dotenvEdit = dotenvSetEdit(facts, variable, value);
  if (!dotenvEdit) return undefined;
  return { title, edits: [site.replace(requiredVariable(variable)), ...also, dotenvEdit], needsReview: true };
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
