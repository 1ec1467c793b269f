import { isMap, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { contextWords, entropyBits, isNotASecret, maskSecret, secretWeakness } from '../../engine/secrets';
import type { Fix, ProjectFacts, Report, RuleContext, TextEdit } from '../../engine/types';
import {
  commandTokens,
  findPair,
  resolveNode,
  getNode,
  isHostPath,
  parsePortSpec,
  parseVolumeSpec,
  stringRef,
  type ComposeModel,
  type EnvEntry,
  type PortItem,
  type Service,
  type StringRef,
  type VolumeItem,
} from '../../formats/compose';
import { dotenvValue, parseDotenv, type DotenvEntry, type DotenvModel } from '../../formats/dotenv';
import { parseInterpolations, resolveInterpolation, type Lookup, type Resolved } from '../../formats/interpolation';
import { lineEnd, lineEnding as scanLineEnding, lineStart } from '../../formats/text';

let lastEnding: { text: string; eol: string } | undefined;

/** The document's line ending, found once per text: rules ask for it once per service. */
export function lineEnding(text: string): string {
  if (lastEnding?.text !== text) lastEnding = { text, eol: scanLineEnding(text) };
  return lastEnding.eol;
}

/**
 * Key names that hold credentials: the credential word ends the name (`POSTGRES_PASSWORD`,
 * `SECRET_KEY_BASE`); settings about one (`PASSWORD_MIN_LENGTH`, `TOKEN_EXPIRY`) and `*_FILE`
 * variants, which point at a file, are not credentials. An access key alone (`AWS_ACCESS_KEY`,
 * `MINIO_ACCESS_KEY`) names the account, like a user name; its secret key is the credential.
 */
const CREDENTIAL_KEY =
  /(?:^|_)(?:PASSWORD|PASSWD|PASS|PWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|SECRET_ACCESS_?KEY|SECRET_?KEY|AUTH_?KEY|CREDENTIALS?|APP_KEY)(?:_BASE)?$/i;
/** Switches about a credential, such as `MYSQL_ALLOW_EMPTY_PASSWORD` or `MYSQL_RANDOM_ROOT_PASSWORD`. */
const CREDENTIAL_SWITCH = /(?:^|_)(?:ALLOW|RANDOM|EMPTY|GENERATE|SKIP|DISABLE|ENABLE|REQUIRE)_/i;

export function isCredentialKey(name: string): boolean {
  return CREDENTIAL_KEY.test(name) && !CREDENTIAL_SWITCH.test(name) && !/_FILE$/i.test(name);
}

/** `<WORD>_SECRET` and `<WORD>_KEY` names that hold signing keys. */
const SIGNING_PAIRS = new Set([
  'SESSION_SECRET',
  'SESSION_KEY',
  'COOKIE_SECRET',
  'COOKIE_KEY',
  'COOKIES_SECRET',
  'SIGNING_SECRET',
  'SIGNING_KEY',
  'HMAC_SECRET',
  'HMAC_KEY',
  'TOKEN_SECRET',
  'AUTH_SECRET',
]);
const SIGNING_NAMES = new Set(['APP_KEY', 'APP_SECRET', 'SECRET_KEY', 'UTILS_SECRET', 'NEXTAUTH_SECRET', 'JWTSECRET']);
/** Applications whose `<APP>_SECRET_KEY` signs sessions and tokens. */
const SIGNING_APPS = new Set([
  'DJANGO',
  'FLASK',
  'PAPERLESS',
  'NETBOX',
  'SUPERSET',
  'AIRFLOW_WEBSERVER',
  'AIRFLOW_API',
  'SEARXNG',
  'WEBUI',
  'OUTLINE',
  'PLAUSIBLE',
  'N8N',
]);

/**
 * Keys that hold a key for signing or encrypting tokens and sessions (`JWT_SECRET`, `GOTRUE_JWT_SECRET`,
 * `SESSION_SECRET`, `COOKIE_SECRET`, Rails' `SECRET_KEY_BASE`, Django's `SECRET_KEY`, Laravel's
 * `APP_KEY`, `NEXTAUTH_SECRET`), as opposed to a password someone types. Object-storage secret keys
 * (`MINIO_SECRET_KEY`), auth keys handed out by a service (`TS_AUTHKEY`) and public keys are not.
 * Read word by word, with no regular expression to backtrack.
 */
export function isSigningKey(name: string): boolean {
  const words = name
    .toUpperCase()
    .split('_')
    .filter((word) => word !== '');
  const last = words[words.length - 1];
  if (last === undefined || last === 'FILE' || words.includes('PUBLIC')) return false;
  const joined = words.join('_');
  if (SIGNING_NAMES.has(joined) || joined.endsWith('SECRET_KEY_BASE')) return true;
  const signingWord = last === 'SECRET' || last === 'KEY';
  if (signingWord && (words.includes('JWT') || words.includes('JWTSECRET'))) return true;
  if (words.length >= 2 && SIGNING_PAIRS.has(`${words[words.length - 2]}_${last}`)) return true;
  return joined.endsWith('_SECRET_KEY') && SIGNING_APPS.has(joined.slice(0, -'_SECRET_KEY'.length));
}

/** A value that names where a secret is kept rather than holding it: a file path or a Docker secret. */
export function isSecretReference(value: string): boolean {
  return /^(?:\/run\/secrets\/|\/var\/run\/secrets\/|file:|vault:|awssm:|op:\/\/|env:)/i.test(value);
}

/**
 * The context's report, dropping a second finding at the same range: a value behind an anchor
 * that several services use is one thing to fix, so it is reported once. `key` replaces the range
 * as what makes two findings the same.
 */
export function reportOnce(context: RuleContext): (report: Report, key?: string) => void {
  const seen = new Set<string>();
  return (report, key = `${report.start}:${report.end}`) => {
    if (seen.has(key)) return;
    seen.add(key);
    context.report(report);
  };
}

/**
 * An edit deleting a block-sequence item that sits alone on its line (`  - --staging`), line break
 * included; undefined when the line holds anything else, as in a flow sequence.
 */
export function removeListItemLine(text: string, node: Node): TextEdit | undefined {
  if (!node.range) return undefined;
  const [start, end] = node.range;
  const from = lineStart(text, start);
  const to = lineEnd(text, end);
  if (!/^[ \t]*-[ \t]+$/.test(text.slice(from, start)) || !/^[ \t]*(?:#.*)?$/.test(text.slice(end, to)))
    return undefined;
  let next = to;
  if (text[next] === '\r') next++;
  if (text[next] === '\n') next++;
  return { start: from, end: next, newText: '' };
}

/**
 * An edit deleting a block-map pair that sits alone on its line or lines (`    privileged: true`),
 * line break included; undefined in a flow map or when the line holds anything else.
 */
export function removePairLines(text: string, pair: Pair): TextEdit | undefined {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  if (!key?.range) return undefined;
  const from = lineStart(text, key.range[0]);
  if (!/^[ \t]*$/.test(text.slice(from, key.range[0]))) return undefined;
  const last = value?.range ? value.range[1] : key.range[1];
  // A block collection's range ends after its last line break; a scalar's at its last character.
  const lastChar = last > 0 && text[last - 1] === '\n' ? last - 1 : last;
  const to = lineEnd(text, lastChar);
  const after = text.slice(value?.range ? Math.min(value.range[1], to) : key.range[1], to);
  if (!/^[ \t]*(?:#.*)?$/.test(after.replace(/^:/, ''))) return undefined;
  let next = to;
  if (text[next] === '\r') next++;
  if (text[next] === '\n') next++;
  return { start: from, end: next, newText: '' };
}

/**
 * An edit removing one item from the block sequence that is `pair`'s value. When it is the only
 * item, or every item is going (`all`), the sequence is emptied to `[]` instead, so the key keeps a
 * value Compose accepts whichever of the removals are applied together.
 */
export function removeSequenceItem(text: string, pair: Pair, item: Node, all = false): TextEdit | undefined {
  const sequence = pair.value;
  const key = pair.key as Node | null;
  if (!isSeq(sequence) || sequence.flow || !key?.range) return undefined;
  const removal = removeListItemLine(text, item);
  if (!removal) return undefined;
  if (sequence.items.length > 1 && !all) return removal;
  // `key:\n  - a\n  - b\n` becomes `key: []\n`, unless a comment on the key line would be lost.
  const keyLine = text.slice(key.range[1], lineEnd(text, key.range[1]));
  const last = removeListItemLine(text, sequence.items[sequence.items.length - 1] as Node);
  if (!/^[ \t]*:[ \t]*$/.test(keyLine) || !last) return undefined;
  return { start: key.range[1], end: last.end, newText: `: []${lineEnding(text)}` };
}

/** `${NAME:?…}`: Compose refuses to start until NAME is set, so no default can ship. */
export function requiredVariable(name: string): string {
  return `\${${name}:?set ${name} in .env}`;
}

/** A variable name made from a service name: `cache-1` gives `CACHE_1`. */
export function serviceVariable(service: Service, suffix: string): string {
  const base = service.name
    .toUpperCase()
    .split(/[^A-Z0-9]/)
    .filter((word) => word !== '')
    .join('_');
  return `${/^[0-9]/.test(base) ? `_${base}` : base}_${suffix}`;
}

// ---------------------------------------------------------------------------------------------
// The project .env

let lastDotenv: { text: string; model: DotenvModel } | undefined;

/** The project `.env` from the facts, parsed once per text. */
export function projectDotenv(facts: ProjectFacts): DotenvModel | undefined {
  const text = facts.dotenv?.text;
  if (text === undefined) return undefined;
  if (lastDotenv?.text !== text) lastDotenv = { text, model: parseDotenv(text) };
  return lastDotenv.model;
}

/** Interpolation look-ups from the project `.env`; the shell environment is never read. */
export function dotenvLookup(facts: ProjectFacts): Lookup {
  const dotenv = projectDotenv(facts);
  return dotenv ? (name) => dotenv.byName.get(name)?.value : () => undefined;
}

/** Whether an `env_file:` path names the project `.env` beside the Compose file. */
export function isProjectDotenv(path: string): boolean {
  return /^(?:\.\/)?\.env$/.test(path.trim());
}

/** An edit to the project `.env` that sets `name` to `value`: its last line for `name` is changed, or a line is added. */
export function dotenvSetEdit(facts: ProjectFacts, name: string, value: string): TextEdit | undefined {
  const dotenv = projectDotenv(facts);
  const path = facts.dotenv?.path;
  const written = dotenvValue(value);
  if (!dotenv || path === undefined || written === undefined) return undefined;
  const existing = dotenv.entries.findLast((entry) => entry.name === name);
  if (existing && existing.valueStart === existing.nameEnd) {
    // A bare `KEY` line.
    return { path, start: existing.nameEnd, end: existing.nameEnd, newText: `=${written}` };
  }
  if (existing) {
    const start = existing.quote ? existing.valueStart - 1 : existing.valueStart;
    const end = existing.quote ? existing.valueEnd + 1 : existing.valueEnd;
    return { path, start, end, newText: written };
  }
  const text = dotenv.text;
  const eol = lineEnding(text);
  const separator = text === '' || text.endsWith('\n') ? '' : eol;
  return { path, start: text.length, end: text.length, newText: `${separator}${name}=${written}${eol}` };
}

/** An edit deleting a `.env` entry's line. */
export function dotenvRemoveEdit(facts: ProjectFacts, entry: DotenvEntry): TextEdit | undefined {
  const path = facts.dotenv?.path;
  if (path === undefined) return undefined;
  return { path, start: entry.lineStart, end: entry.lineEnd, newText: '' };
}

// ---------------------------------------------------------------------------------------------
// Values as Compose uses them

/** Where a value Compose uses is written: in the Compose file, or on a line of the project `.env`. */
export type Origin = { file: 'compose'; start: number; end: number } | { file: 'dotenv'; entry: DotenvEntry };

/** A value set for a service: an `environment:` entry, an `env_file: .env` entry, or a command-line flag's value. */
export interface ValueSite {
  service: Service;
  /** The environment key, or the command-line flag. */
  name: string;
  kind: 'environment' | 'env_file' | 'command';
  /** The text as written in the Compose file, and where: for `env_file` the path entry. */
  raw: string;
  start: number;
  end: number;
  /** Whether raw offsets map one to one onto the text. */
  exact: boolean;
  resolved: Resolved;
  /** Where the effective value is written, when that is one place. */
  origin?: Origin;
  /** Replaces the whole value as written with `text`, quoting it where the YAML style needs. */
  replace?: (text: string) => TextEdit;
  entry?: EnvEntry;
}

/** Command-line flags whose next word (or `=value`) is a password. */
export const PASSWORD_FLAGS =
  /^--(?:requirepass|masterauth|password|pass|passwd|auth-password|admin-password|root-password|db-password|redis-password|token|api-token|auth-token|access-token|http-api-token)$/i;

function isQuoteBefore(text: string, offset: number): boolean {
  return text[offset - 1] === '"' || text[offset - 1] === "'";
}

/** Where a `.env` value is written, when the value is that variable alone (`${VAR}`, `$VAR`, `${VAR:?…}`, `${VAR:-…}`). */
function dotenvOrigin(resolved: Resolved, raw: string, dotenv: DotenvModel | undefined): Origin | undefined {
  if (!dotenv || resolved.variables.length !== 1) return undefined;
  const entry = dotenv.byName.get(resolved.variables[0]);
  if (!entry || entry.value === undefined || entry.value !== resolved.value) return undefined;
  const parts = parseInterpolations(raw);
  return parts.length === 1 && parts[0].start === 0 && parts[0].end === raw.length && parts[0].name === entry.name
    ? { file: 'dotenv', entry }
    : undefined;
}

function environmentSite(model: ComposeModel, service: Service, entry: EnvEntry, lookup: Lookup, dotenv?: DotenvModel) {
  if (entry.value === undefined) return undefined;
  const resolved = resolveInterpolation(entry.value, lookup);
  const origin: Origin | undefined =
    resolved.source && entry.exact
      ? {
          file: 'compose',
          start: entry.valueStart + resolved.source.start,
          end: entry.valueStart + resolved.source.end,
        }
      : resolved.literal
        ? { file: 'compose', start: entry.valueStart, end: entry.valueEnd }
        : dotenvOrigin(resolved, entry.value, dotenv);
  const text = model.text;
  // In a flow collection a plain scalar cannot hold `{` or `}`: the new value, or the whole
  // `KEY=value` item, is quoted there.
  const replace = (value: string): TextEdit => {
    if (entry.flow && entry.form === 'map' && !isQuoteBefore(text, entry.valueStart)) {
      return { start: entry.valueStart, end: entry.valueEnd, newText: `"${value}"` };
    }
    if (entry.flow && entry.form === 'list' && !isQuoteBefore(text, entry.nameStart)) {
      const item = text.slice(entry.nameStart, entry.valueStart) + value;
      return { start: entry.nameStart, end: entry.valueEnd, newText: JSON.stringify(item) };
    }
    return { start: entry.valueStart, end: entry.valueEnd, newText: value };
  };
  const site: ValueSite = {
    service,
    name: entry.name,
    kind: 'environment',
    raw: entry.value,
    start: entry.valueStart,
    end: entry.valueEnd,
    exact: entry.exact,
    resolved,
    ...(origin ? { origin } : {}),
    ...(entry.exact ? { replace } : {}),
    entry,
  };
  return site;
}

function commandSites(model: ComposeModel, service: Service, lookup: Lookup, dotenv?: DotenvModel): ValueSite[] {
  const sites: ValueSite[] = [];
  for (const key of ['command', 'entrypoint'] as const) {
    const node = getNode(model.doc, service.map, key);
    const flow = isSeq(node) ? Boolean(node.flow) : Boolean(service.map.flow);
    const tokens = commandTokens(model, service.map, key);
    tokens.forEach((token, index) => {
      const equals = token.value.indexOf('=');
      const flag = equals === -1 ? token.value : token.value.slice(0, equals);
      if (!PASSWORD_FLAGS.test(flag)) return;
      const target =
        equals === -1
          ? tokens[index + 1]
          : {
              ...token,
              value: token.value.slice(equals + 1),
              start: token.exact ? token.start + equals + 1 : token.start,
            };
      if (!target || target.value.startsWith('-') || target.value === '') return;
      const resolved = resolveInterpolation(target.value, lookup);
      // `$$REDIS_PASSWORD` reaches the container as `$REDIS_PASSWORD`, for its shell to fill in.
      if (resolved.value !== undefined && /^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(resolved.value)) return;
      const origin: Origin | undefined =
        resolved.source && target.exact
          ? { file: 'compose', start: target.start + resolved.source.start, end: target.start + resolved.source.end }
          : resolved.literal
            ? { file: 'compose', start: target.start, end: target.end }
            : dotenvOrigin(resolved, target.value, dotenv);
      // A plain word in a flow list cannot hold `{` or `}`: the whole item is quoted there.
      const replace = (value: string): TextEdit => {
        const range = target.node.range;
        if (flow && target.node.type === Scalar.PLAIN && range) {
          const item = model.text.slice(range[0], target.start) + value + model.text.slice(target.end, range[1]);
          return { start: range[0], end: range[1], newText: JSON.stringify(item) };
        }
        return { start: target.start, end: target.end, newText: value };
      };
      sites.push({
        service,
        name: flag,
        kind: 'command',
        raw: target.value,
        start: target.start,
        end: target.end,
        exact: target.exact,
        resolved,
        ...(origin ? { origin } : {}),
        ...(target.exact ? { replace } : {}),
      });
    });
  }
  return sites;
}

/** Entries of the project `.env` that reach a service through `env_file: .env` and that its `environment:` does not set. */
function envFileSites(service: Service, dotenv: DotenvModel | undefined): ValueSite[] {
  if (!dotenv) return [];
  const ref = service.envFiles.find((file) => isProjectDotenv(file.path))?.ref;
  if (!ref) return [];
  const own = new Set(service.environment.map((entry) => entry.name));
  const sites: ValueSite[] = [];
  for (const entry of dotenv.byName.values()) {
    if (own.has(entry.name) || entry.value === undefined) continue;
    sites.push({
      service,
      name: entry.name,
      kind: 'env_file',
      raw: entry.raw,
      start: ref.start,
      end: ref.end,
      exact: ref.exact,
      resolved: { value: entry.value, literal: true, required: false, variables: [entry.name] },
      origin: { file: 'dotenv', entry },
    });
  }
  return sites;
}

const siteCache = new WeakMap<ComposeModel, { dotenv: string | undefined; sites: ValueSite[] }>();

/**
 * Every value set for every service, resolved the way Compose resolves it with the project `.env`:
 * computed once per document and `.env` text, and shared by the rules.
 */
export function valueSites(model: ComposeModel, facts: ProjectFacts): ValueSite[] {
  const key = facts.dotenv?.text;
  const cached = siteCache.get(model);
  if (cached && cached.dotenv === key) return cached.sites;
  const dotenv = projectDotenv(facts);
  const lookup = dotenvLookup(facts);
  const sites: ValueSite[] = [];
  for (const service of model.services) {
    for (const entry of service.environment) {
      const site = environmentSite(model, service, entry, lookup, dotenv);
      if (site) sites.push(site);
    }
    sites.push(...envFileSites(service, dotenv), ...commandSites(model, service, lookup, dotenv));
  }
  siteCache.set(model, { dotenv: key, sites });
  return sites;
}

/** Where a finding about `site` goes: on the value as written, or on its default when that is what is used. */
export function siteRange(site: ValueSite): { start: number; end: number } {
  return site.origin?.file === 'compose' ? { start: site.origin.start, end: site.origin.end } : site;
}

/** ` from .env line N`, when the value comes from the project `.env`. */
export function originNote(site: ValueSite): string {
  return site.origin?.file === 'dotenv' ? ` from .env line ${site.origin.entry.line}` : '';
}

/** The name a fix should require: the variable a `${VAR:-default}` or `${VAR}` already names, else `fallback`. */
export function siteVariable(site: ValueSite, fallback: string): string {
  if (site.origin?.file === 'dotenv') return site.origin.entry.name;
  return site.resolved.literal ? fallback : (/^\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(site.raw)?.[1] ?? fallback);
}

/** The variable a command-line value or an environment entry is best named after. */
export function defaultVariable(site: ValueSite, suffix = 'PASSWORD'): string {
  return site.kind === 'command' ? serviceVariable(site.service, suffix) : site.name;
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

/** `(po******)`: the masked value for a message. */
export function masked(value: string): string {
  return `(${maskSecret(value)})`;
}

// ---------------------------------------------------------------------------------------------
// Service keys, ports and volumes

/** A scalar's value as a string, or undefined; `!reset` counts as unset. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.tag === '!reset' || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

/** Whether a scalar holds a true value (`true`, `"true"`). */
export function isTrue(node: unknown): boolean {
  const value = scalarText(node);
  return value !== undefined && /^(?:true|yes|on|1)$/i.test(value);
}

/** Where a pair's value is: the value node's range, or the key's when there is no value. */
export function pairValueRange(pair: Pair): { start: number; end: number } | undefined {
  const value = pair.value as Node | null;
  if (value?.range) return { start: value.range[0], end: value.range[1] };
  const key = pair.key as Node | null;
  return key?.range ? { start: key.range[0], end: key.range[1] } : undefined;
}

/**
 * An edit adding `lines` (each `key: value`, already indented relative to the service's keys) to a
 * service written in block style: after its `image:` line when that is a one-line scalar, else
 * before its first key. Undefined for a flow-style service.
 */
export function insertServiceLines(model: ComposeModel, service: Service, lines: string[]): TextEdit | undefined {
  const text = model.text;
  const map = service.map;
  if (map.flow || map.items.length === 0) return undefined;
  const first = map.items[0].key as Node | null;
  if (!first?.range) return undefined;
  const indentation = text.slice(lineStart(text, first.range[0]), first.range[0]);
  if (!/^[ \t]+$/.test(indentation)) return undefined;
  const eol = lineEnding(text);
  const block = lines.map((line) => `${indentation}${line}`).join(eol);
  const image = map.items.find((pair) => isScalar(pair.key) && pair.key.value === 'image');
  const imageValue = image?.value as Node | null | undefined;
  if (imageValue && isScalar(imageValue) && imageValue.range) {
    const valueEnd = imageValue.range[1];
    const at = lineEnd(text, valueEnd);
    const sameLine =
      !text.slice(valueEnd, at).includes('\n') && lineStart(text, imageValue.range[0]) === lineStart(text, valueEnd);
    if (sameLine && lineStart(text, (image!.key as Node).range![0]) === lineStart(text, valueEnd)) {
      return { start: at, end: at, newText: `${eol}${block}` };
    }
  }
  const at = lineStart(text, first.range[0]);
  return { start: at, end: at, newText: `${block}${eol}` };
}

/** An edit adding `item` to a block or flow sequence that the service writes itself. */
export function appendSequenceItem(text: string, sequence: Node, item: string): TextEdit | undefined {
  if (!isSeq(sequence) || !sequence.range) return undefined;
  if (sequence.flow) {
    const close = text.lastIndexOf(']', sequence.range[1]);
    if (close === -1 || close < sequence.range[0]) return undefined;
    const inside = text.slice(sequence.range[0] + 1, close).trim();
    return { start: close, end: close, newText: inside === '' ? item : `, ${item}` };
  }
  const last = sequence.items[sequence.items.length - 1] as Node | undefined;
  if (!last?.range) return undefined;
  const start = lineStart(text, last.range[0]);
  const prefix = text.slice(start, last.range[0]);
  if (!/^[ \t]*-[ \t]+$/.test(prefix)) return undefined;
  const at = lineEnd(text, last.range[1] > 0 && text[last.range[1] - 1] === '\n' ? last.range[1] - 1 : last.range[1]);
  return { start: at, end: at, newText: `${lineEnding(text)}${prefix}${item}` };
}

/** A published port, resolved: what address it listens on, and where to change that. */
export interface PublishedPort {
  item: PortItem;
  /** The host address Compose would bind; undefined when none is written (all interfaces). */
  hostIp?: string;
  published?: string;
  target: string;
  protocol?: string;
  /** Whether a variable Compose would fill from the shell decides the address. */
  unknownHost: boolean;
  /** Where the finding goes: the short string, or the long form's `published`/`target`. */
  start: number;
  end: number;
}

const UNKNOWN = '\u0001';

/** A service's published ports, read as Compose reads them with the project `.env`. */
export function publishedPorts(model: ComposeModel, service: Service, lookup: Lookup): PublishedPort[] {
  const ports: PublishedPort[] = [];
  for (const item of service.ports) {
    if (item.short) {
      const resolved = resolveInterpolation(item.short.value, lookup, UNKNOWN).value ?? '';
      const spec = parsePortSpec(resolved);
      if (!spec) continue;
      ports.push({
        item,
        ...(spec.hostIp !== undefined ? { hostIp: spec.hostIp } : {}),
        ...(spec.published !== undefined ? { published: spec.published } : {}),
        target: spec.target,
        ...(spec.protocol !== undefined ? { protocol: spec.protocol } : {}),
        unknownHost: (spec.hostIp ?? '').includes(UNKNOWN),
        start: item.short.start,
        end: item.short.end,
      });
    } else if (item.long) {
      const read = (key: string) => {
        const ref = stringRef(model.text, getNode(model.doc, item.long!, key));
        return ref ? { ref, value: resolveInterpolation(ref.value, lookup, UNKNOWN).value ?? '' } : undefined;
      };
      const target = read('target');
      const published = read('published');
      const hostIp = read('host_ip');
      const protocol = read('protocol');
      if (!target) continue;
      const at = published?.ref ?? target.ref;
      ports.push({
        item,
        ...(hostIp ? { hostIp: hostIp.value } : {}),
        ...(published ? { published: published.value } : {}),
        target: target.value,
        ...(protocol ? { protocol: protocol.value } : {}),
        unknownHost: (hostIp?.value ?? '').includes(UNKNOWN),
        start: at.start,
        end: at.end,
      });
    }
  }
  return ports;
}

/** Whether an address listens on every interface: none given, `0.0.0.0`, `::` or empty. */
export function isAllInterfaces(hostIp: string | undefined): boolean {
  return hostIp === undefined || hostIp === '' || hostIp === '0.0.0.0' || hostIp === '::' || hostIp === '[::]';
}

/** A bind mount, resolved: the host path, whether it is read-only, and the nodes a fix changes. */
export interface BindMount {
  item: VolumeItem;
  /**
   * The host path Compose would use: `${VAR:-/path}` at its default, `~` kept; a variable that
   * is not set here stands as U+0001 (`${XDG_RUNTIME_DIR}/podman/podman.sock`).
   */
  source: string;
  /** The source as written. */
  written: string;
  target: string;
  readOnly: boolean;
  /** Where the finding goes. */
  start: number;
  end: number;
  /** Short syntax: the string and its mode; long syntax: the map. */
  short?: { ref: StringRef; mode?: string };
  long?: YAMLMap;
}

/** A host path, or a path built on a variable; a named volume holds no `/`. */
function isBindSource(source: string): boolean {
  return isHostPath(source) || (source.includes(UNKNOWN) && source.includes('/'));
}

/** A service's bind mounts (host paths), read with the project `.env`; named volumes are left out. */
export function bindMounts(model: ComposeModel, service: Service, lookup: Lookup): BindMount[] {
  const mounts: BindMount[] = [];
  for (const item of service.volumes) {
    if (item.short) {
      const spec = parseVolumeSpec(item.short.value);
      if (spec.source === undefined) continue;
      const source = resolveInterpolation(spec.source, lookup, UNKNOWN).value ?? '';
      if (!isBindSource(source)) continue;
      const options = spec.mode?.split(',') ?? [];
      mounts.push({
        item,
        source,
        written: spec.source,
        target: spec.target,
        readOnly: options.includes('ro'),
        start: item.short.start,
        end: item.short.end,
        short: { ref: item.short, ...(spec.mode !== undefined ? { mode: spec.mode } : {}) },
      });
    } else if (item.long) {
      const type = stringRef(model.text, getNode(model.doc, item.long, 'type'))?.value;
      const sourceRef = stringRef(model.text, getNode(model.doc, item.long, 'source'));
      if (!sourceRef || (type !== undefined && type !== 'bind')) continue;
      const source = resolveInterpolation(sourceRef.value, lookup, UNKNOWN).value ?? '';
      if (type === undefined ? !isBindSource(source) : source === '') continue;
      const targetRef = stringRef(model.text, getNode(model.doc, item.long, 'target'));
      mounts.push({
        item,
        source,
        written: sourceRef.value,
        target: targetRef?.value ?? '',
        readOnly: isTrue(getNode(model.doc, item.long, 'read_only')),
        start: sourceRef.start,
        end: sourceRef.end,
        long: item.long,
      });
    }
  }
  return mounts;
}

/**
 * The edit that makes a bind mount read-only: `:ro` added to the short syntax (an SELinux `:z`
 * label and other options kept, `rw` replaced), or `read_only: true` set in the long syntax.
 */
export function readOnlyEdit(model: ComposeModel, mount: BindMount): TextEdit | undefined {
  const text = model.text;
  if (mount.short) {
    const { ref, mode } = mount.short;
    if (!ref.exact) return undefined;
    if (!mode) return { start: ref.end, end: ref.end, newText: ':ro' };
    const options = mode.split(',').filter((option) => option !== 'rw');
    return { start: ref.end - mode.length, end: ref.end, newText: [...options, 'ro'].join(',') };
  }
  const volume = mount.long!;
  const existing = findPair(model.doc, volume, 'read_only');
  if (existing && isScalar(existing.value) && existing.value.range && volume.items.includes(existing)) {
    const [start, end] = existing.value.range;
    return { start, end, newText: 'true' };
  }
  if (volume.flow) return undefined;
  const sourcePair = findPair(model.doc, volume, 'source');
  const keyStart = isScalar(sourcePair?.key) ? sourcePair.key.range?.[0] : undefined;
  if (keyStart === undefined || !sourcePair || !volume.items.includes(sourcePair)) return undefined;
  const at = lineEnd(text, mount.end);
  const indentation = ' '.repeat(keyStart - lineStart(text, keyStart));
  return { start: at, end: at, newText: `${lineEnding(text)}${indentation}read_only: true` };
}

/**
 * An edit removing an `environment:` entry: its line in a block list or map. When it is the only
 * entry, the collection is emptied to `[]` or `{}` instead, so the key keeps a value Compose accepts.
 */
export function removeEntryEdit(text: string, entry: EnvEntry): TextEdit | undefined {
  const container = entry.container;
  if (container.flow) return undefined;
  const removal =
    entry.form === 'list' ? removeListItemLine(text, entry.item as Node) : removePairLines(text, entry.item as Pair);
  if (!removal) return undefined;
  if (container.items.length > 1) return removal;
  const first = entry.form === 'list' ? (entry.item as Node).range?.[0] : ((entry.item as Pair).key as Node).range?.[0];
  if (first === undefined) return undefined;
  const start = entry.form === 'list' ? text.lastIndexOf('-', first) : first;
  let end = removal.end;
  if (text[end - 1] === '\n') end--;
  if (text[end - 1] === '\r') end--;
  return { start, end, newText: entry.form === 'list' ? '[]' : '{}' };
}

const projectWords = new WeakMap<ComposeModel, string[]>();

/**
 * Words an attacker would try first for a value set for `site`: the variable name, and every
 * service and image name in the file (a project's name is the first guess for its passwords).
 */
export function siteContext(model: ComposeModel, site: ValueSite): string[] {
  let words = projectWords.get(model);
  if (!words) {
    words = contextWords(...model.services.flatMap((service) => [service.name, service.image?.value]));
    projectWords.set(model, words);
  }
  return [...new Set([...contextWords(site.name), ...words])];
}

/** Where an `environment:` entry ends, the closing quote of a quoted map value included. */
export function entrySpanEnd(text: string, entry: EnvEntry): number {
  const quote = text[entry.valueStart - 1];
  const closed =
    entry.form === 'map' && entry.exact && (quote === '"' || quote === "'") && text[entry.valueEnd] === quote;
  return closed ? entry.valueEnd + 1 : entry.valueEnd;
}

/** The map that holds `pair`: `map` itself, or one it merges with `<<`, however deep. */
export function ownerOf(model: ComposeModel, map: YAMLMap, pair: Pair, seen = new Set<YAMLMap>()): YAMLMap | undefined {
  if (map.items.includes(pair)) return map;
  seen.add(map);
  for (const item of map.items) {
    if (!isScalar(item.key) || item.key.value !== '<<') continue;
    const value = resolveNodeOf(model, item.value);
    const sources = isSeq(value) ? value.items.map((source) => resolveNodeOf(model, source)) : [value];
    for (const source of sources) {
      if (!isMap(source) || seen.has(source)) continue;
      const owner = ownerOf(model, source, pair, seen);
      if (owner) return owner;
    }
  }
  return undefined;
}

/**
 * An edit removing `pair` from the service map or the template it is merged from. When it is the
 * template's only key, the template is emptied to `{}` instead, since `<<` needs a map to merge.
 */
export function removePairEdit(model: ComposeModel, map: YAMLMap, pair: Pair): TextEdit | undefined {
  const owner = ownerOf(model, map, pair);
  if (!owner || owner.flow) return undefined;
  const removal = removePairLines(model.text, pair);
  if (!removal || owner.items.length > 1) return removal;
  const key = (pair.key as Node).range![0];
  let end = removal.end;
  if (model.text[end - 1] === '\n') end--;
  if (model.text[end - 1] === '\r') end--;
  return { start: key, end, newText: '{}' };
}

function resolveNodeOf(model: ComposeModel, node: unknown): Node | undefined {
  return resolveNode(model.doc, node);
}

// ---------------------------------------------------------------------------------------------
// A .env document on its own

/** A credential finding in a `.env` or `env_file` document, for the rule of the same name to report. */
export interface DotenvCredentialFinding {
  rule: 'default-password' | 'weak-jwt-secret' | 'empty-password';
  message: string;
  start: number;
  end: number;
}

/**
 * The credential findings a `.env` or `env_file` document gets when it is open on its own: weak
 * and default passwords, signing keys under 32 random bytes, and empty passwords. Each finding covers
 * the value as written (the key, for an empty value). Not wired to a document kind yet: see
 * DotenvModel, parseDotenv.
 */
export function dotenvCredentialFindings(model: DotenvModel, signingBits: number): DotenvCredentialFinding[] {
  const findings: DotenvCredentialFinding[] = [];
  const context = contextWords(...model.entries.map((entry) => entry.name));
  for (const entry of model.entries) {
    const value = entry.value;
    if (value === undefined || !isCredentialKey(entry.name) || isSecretReference(value) || isNotASecret(value))
      continue;
    const where = { start: entry.valueStart, end: entry.valueEnd };
    if (value === '') {
      if (/(?:^|_)(?:PASSWORD|PASSWD|PASS|PWD)$/i.test(entry.name)) {
        findings.push({
          rule: 'empty-password',
          message: `${entry.name} is empty.`,
          start: entry.nameStart,
          end: entry.nameEnd,
        });
      }
      continue;
    }
    const weakness = secretWeakness(value, [...context, ...contextWords(entry.name)]);
    if (isSigningKey(entry.name)) {
      const bits = entropyBits(value);
      if (weakness || bits < signingBits) {
        findings.push({
          rule: 'weak-jwt-secret',
          message: `${entry.name} is too weak to sign tokens: ${weakness === 'default' ? 'a well-known default or placeholder' : `about ${Math.min(bits, signingBits - 1)} bits of entropy, where ${signingBits} (32 random bytes) are needed`} ${masked(value)}.`,
          ...where,
        });
      }
    } else if (weakness) {
      const description =
        weakness === 'default'
          ? 'a well-known default password'
          : weakness === 'short'
            ? 'a password shorter than 8 characters'
            : 'an easily guessed password';
      findings.push({
        rule: 'default-password',
        message: `${entry.name} is ${description} ${masked(value)}.`,
        ...where,
      });
    }
  }
  return findings;
}
