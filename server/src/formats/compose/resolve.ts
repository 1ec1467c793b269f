import { isMap, isScalar, isSeq, parseDocument, Scalar, type YAMLMap } from 'yaml';
import { fileName, parentOf, resolvePath } from '../../core/paths';
import { trimEndOf } from '../../core/text';
import type { ProjectFacts, RelatedLocation, TextEdit } from '../../core/types';
import { PASSWORD_FLAGS } from '../../secrets/names';
import { contextWords, identityWords } from '../../secrets/strength';
import { credentialVerdict, type CredentialVerdict } from '../../secrets/verdict';
import { parseDotenv, type DotenvEntry, type DotenvModel } from '../dotenv';
import { parseInterpolations, resolveInterpolation, type Lookup, type Resolved } from './interpolation';
import type { ComposeModel, EnvEntry, PortItem, Service, VolumeItem } from './model';
import { definitionsOf, environmentOverriddenLater, overriddenLater, volumeOverriddenLater } from './project';
import { commandTokens, isHostPath, parsePortSpec, parseVolumeSpec, type CommandToken } from './specs';
import { getNode, isTrue, stringRef, type StringRef } from './yaml';

/**
 * Compose as Compose reads it: every value a service is given, resolved with the project `.env`
 * (never the shell environment), and its published ports and bind mounts.
 */

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

/**
 * Where a value Compose uses is written: in the Compose file, or on a line of a `.env` file (the
 * project `.env`, or an `env_file`), whose path is given when known.
 */
export type Origin =
  { file: 'compose'; start: number; end: number } | { file: 'dotenv'; entry: DotenvEntry; path?: string };

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
  /** For a setting inside a configuration document: the other settings of its mapping. */
  siblings?: { name: string; value?: string }[];
  /**
   * For a setting inside a configuration document passed in a variable (`KESTRA_CONFIGURATION: |`
   * holding YAML): the keys leading to it, `kestra.server.basicAuth.enabled`; `name` is the last.
   */
  path?: string;
}

function isQuoteBefore(text: string, offset: number): boolean {
  return text[offset - 1] === '"' || text[offset - 1] === "'";
}

/**
 * The password a command-line word gives, if it is a password flag: `--requirepass x`,
 * `--password=x`, redis-cli's `-a x`, mysql's `-px`. Shell punctuation after it (`x;`) is left out.
 */
function passwordAfter(tokens: CommandToken[], index: number, client: string | undefined): CommandToken | undefined {
  const token = tokens[index];
  const equals = token.value.indexOf('=');
  const flag = equals === -1 ? token.value : token.value.slice(0, equals);
  let target: CommandToken | undefined;
  const attached = (from: number): CommandToken => ({
    ...token,
    value: token.value.slice(from),
    start: token.exact ? token.start + from : token.start,
  });
  if (PASSWORD_FLAGS.test(flag)) target = equals === -1 ? tokens[index + 1] : attached(equals + 1);
  else if (client === 'redis-cli' && token.value === '-a') target = tokens[index + 1];
  else if (client?.startsWith('m') && /^-p[^-]/.test(token.value)) target = attached(2);
  if (!target || target.value.startsWith('-') || target.value === '') return undefined;
  const trimmed = trimEndOf(target.value, ';&|)');
  if (trimmed === target.value) return target;
  if (trimmed === '') return undefined;
  return { ...target, value: trimmed, end: target.exact ? target.start + trimmed.length : target.end };
}

/** Where a `.env` value is written, when the value is that variable alone (`${VAR}`, `$VAR`, `${VAR:?…}`, `${VAR:-…}`). */
function dotenvOrigin(
  resolved: Resolved,
  raw: string,
  dotenv: DotenvModel | undefined,
  path: string | undefined,
): Origin | undefined {
  if (!dotenv || resolved.variables.length !== 1) return undefined;
  const entry = dotenv.byName.get(resolved.variables[0]);
  if (!entry || entry.value === undefined || entry.value !== resolved.value) return undefined;
  const parts = parseInterpolations(raw);
  return parts.length === 1 && parts[0].start === 0 && parts[0].end === raw.length && parts[0].name === entry.name
    ? { file: 'dotenv', entry, ...(path !== undefined ? { path } : {}) }
    : undefined;
}

function environmentSite(
  model: ComposeModel,
  service: Service,
  entry: EnvEntry,
  lookup: Lookup,
  dotenv: DotenvModel | undefined,
  dotenvPath: string | undefined,
) {
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
        : dotenvOrigin(resolved, entry.value, dotenv, dotenvPath);
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

function commandSites(
  model: ComposeModel,
  service: Service,
  lookup: Lookup,
  dotenv: DotenvModel | undefined,
  dotenvPath: string | undefined,
): ValueSite[] {
  const sites: ValueSite[] = [];
  for (const key of ['command', 'entrypoint', 'healthcheck'] as const) {
    // A later file that sets the command replaces this one: its words never run.
    if (overriddenLater(model, service, key)) continue;
    const node = key === 'healthcheck' ? undefined : getNode(model.doc, service.map, key);
    const flow = isSeq(node) ? Boolean(node.flow) : Boolean(service.map.flow);
    const tokens = commandTokens(model, service.map, key);
    let client: string | undefined;
    tokens.forEach((token, index) => {
      if (/^(?:redis-cli|mysql|mysqladmin|mariadb|mariadb-admin)$/.test(token.value)) client = token.value;
      const target = passwordAfter(tokens, index, client);
      if (!target) return;
      const resolved = resolveInterpolation(target.value, lookup);
      // `$$REDIS_PASSWORD` and `$$(cat /run/secrets/redis)` reach the container as `$…`, for its
      // shell to fill in: a variable or a command, not a password.
      if (resolved.value !== undefined && /\$[({A-Za-z_]/.test(resolved.value)) return;
      const origin: Origin | undefined =
        resolved.source && target.exact
          ? { file: 'compose', start: target.start + resolved.source.start, end: target.start + resolved.source.end }
          : resolved.literal
            ? { file: 'compose', start: target.start, end: target.end }
            : dotenvOrigin(resolved, target.value, dotenv, dotenvPath);
      // A plain word in a flow list cannot hold `{` or `}`: the whole item is quoted there.
      const replace = (value: string): TextEdit => {
        const range = target.node.range;
        if (flow && target.node.type === Scalar.PLAIN && range) {
          const item = model.text.slice(range[0], target.start) + value + model.text.slice(target.end, range[1]);
          return { start: range[0], end: range[1], newText: JSON.stringify(item) };
        }
        return { start: target.start, end: target.end, newText: value };
      };
      const flag = token.value.split('=')[0];
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

/** A multi-line value is read as a configuration document when it parses as a YAML mapping. */
const MAX_EMBEDDED_SETTINGS = 500;

/**
 * The settings of a configuration document passed in a variable (a YAML mapping in a block value,
 * as `INVIDIOUS_CONFIG: |` or `KESTRA_CONFIGURATION: |` hold): each scalar setting as a site of its
 * own, at its own line of the Compose file, named by its key and with its sibling settings.
 */
function embeddedSites(model: ComposeModel, service: Service, entry: EnvEntry): ValueSite[] {
  const value = entry.value;
  const offsets = entry.offsets;
  if (value === undefined || !offsets || !value.includes('\n')) return [];
  const document = parseDocument(value, { prettyErrors: false });
  if (document.errors.length > 0 || !isMap(document.contents)) return [];
  const sites: ValueSite[] = [];
  const walk = (map: YAMLMap, path: string[]) => {
    const siblings = map.items.flatMap((pair) =>
      isScalar(pair.key) && isScalar(pair.value)
        ? [{ name: String(pair.key.value), value: String(pair.value.value) }]
        : [],
    );
    for (const pair of map.items) {
      if (sites.length >= MAX_EMBEDDED_SETTINGS || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (isMap(pair.value)) {
        if (path.length < 8) walk(pair.value, [...path, key]);
        continue;
      }
      if (!isScalar(pair.value) || !pair.value.range || pair.value.value === null) continue;
      const setting = String(pair.value.value);
      const [from, to] = pair.value.range;
      const quoted = pair.value.type === Scalar.QUOTE_DOUBLE || pair.value.type === Scalar.QUOTE_SINGLE;
      const inner = quoted ? [from + 1, to - 1] : [from, to];
      const start = offsets[inner[0]];
      const end = inner[1] > inner[0] ? offsets[inner[1] - 1] + 1 : start;
      const exact = model.text.slice(start, end) === setting;
      sites.push({
        service,
        name: key,
        path: [...path, key].join('.'),
        kind: 'environment',
        raw: setting,
        start,
        end,
        exact,
        resolved: {
          value: setting,
          literal: true,
          required: false,
          variables: [],
          source: { start: 0, end: setting.length },
        },
        origin: { file: 'compose', start, end },
        siblings,
      });
    }
  };
  walk(document.contents, []);
  return sites;
}

/**
 * Entries of the `env_file:` files of a service (the project `.env` among them) that it does not
 * set in `environment:` in any of its files, which wins over them.
 */
function envFileSites(model: ComposeModel, service: Service, facts: ProjectFacts): ValueSite[] {
  const context = model.project;
  const own = new Set(
    definitionsOf(model, service).flatMap((each) => each.service.environment.map((entry) => entry.name)),
  );
  const sites: ValueSite[] = [];
  for (const envFile of service.envFiles) {
    let dotenv: DotenvModel | undefined;
    let path: string | undefined;
    const resolved =
      context && context.file.path !== '' ? resolvePath(parentOf(context.file.path), envFile.path) : undefined;
    if (isProjectDotenv(envFile.path) && (resolved === undefined || resolved === facts.dotenv?.path)) {
      dotenv = projectDotenv(facts);
      path = facts.dotenv?.path;
    } else if (resolved !== undefined) {
      dotenv = context?.project.envFiles.get(resolved);
      path = resolved;
    }
    if (!dotenv) continue;
    for (const entry of dotenv.byName.values()) {
      if (own.has(entry.name) || entry.value === undefined) continue;
      own.add(entry.name);
      sites.push({
        service,
        name: entry.name,
        kind: 'env_file',
        raw: entry.raw,
        start: envFile.ref.start,
        end: envFile.ref.end,
        exact: envFile.ref.exact,
        resolved: { value: entry.value, literal: true, required: false, variables: [entry.name] },
        origin: { file: 'dotenv', entry, ...(path !== undefined ? { path } : {}) },
      });
    }
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
  const dotenvPath = facts.dotenv?.path;
  const lookup = dotenvLookup(facts);
  const sites: ValueSite[] = [];
  for (const service of model.services) {
    for (const entry of service.environment) {
      // A later file that sets the same variable decides its value: this one never reaches the container.
      if (environmentOverriddenLater(model, service, entry.name)) continue;
      const site = environmentSite(model, service, entry, lookup, dotenv, dotenvPath);
      if (site) sites.push(site);
      sites.push(...embeddedSites(model, service, entry));
    }
    sites.push(...envFileSites(model, service, facts), ...commandSites(model, service, lookup, dotenv, dotenvPath));
  }
  siteCache.set(model, { dotenv: key, sites });
  return sites;
}

/**
 * Where a finding about `site` goes: on the value as written, or on its default when that is what is
 * used; a value from a `.env` file also points at its line there.
 */
export function siteRange(site: ValueSite): { start: number; end: number; related?: RelatedLocation[] } {
  if (site.origin?.file === 'compose') return { start: site.origin.start, end: site.origin.end };
  const related: RelatedLocation[] =
    site.origin?.file === 'dotenv' && site.origin.path !== undefined
      ? [
          {
            path: site.origin.path,
            start: site.origin.entry.valueStart,
            end: site.origin.entry.valueEnd,
            message: `${site.origin.entry.name} is set here`,
          },
        ]
      : [];
  return { start: site.start, end: site.end, ...(related.length > 0 ? { related } : {}) };
}

/** ` from .env line N` (or the env_file's name), when the value comes from a `.env` file. */
export function originNote(site: ValueSite): string {
  if (site.origin?.file !== 'dotenv') return '';
  return ` from ${site.origin.path !== undefined ? fileName(site.origin.path) : '.env'} line ${site.origin.entry.line}`;
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
      // A later file that mounts something else at the same place replaces this mount.
      if (volumeOverriddenLater(model, service, spec.target)) continue;
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
      if (targetRef && volumeOverriddenLater(model, service, targetRef.value)) continue;
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
 * How many of a file's service and image words are tried as guesses: more than any real file has
 * (the largest seen holds about eighty), and few enough that judging a secret costs the same in a
 * file of a thousand services as in one of ten.
 */
const MAX_PROJECT_WORDS = 128;

const projectWords = new WeakMap<ComposeModel, string[]>();

/**
 * The service and image words of the whole file (see MAX_PROJECT_WORDS): from its summary when
 * only part of the file was parsed, else from its services.
 */
export function projectWordsOf(model: ComposeModel): string[] {
  if (model.summary) return model.summary.words;
  let words = projectWords.get(model);
  if (!words) {
    words = contextWords(...model.services.flatMap((service) => [service.name, service.image?.value])).slice(
      0,
      MAX_PROJECT_WORDS,
    );
    projectWords.set(model, words);
  }
  return words;
}

/**
 * Words an attacker would try first for a value set for `site`: the variable name, the site's own
 * service and image, and the service and image names of the file (a project's name is the first
 * guess for its passwords).
 */
export function siteContext(model: ComposeModel, site: ValueSite): string[] {
  const words = projectWordsOf(model);
  // A password equal to the user or database name is the first guess: those settings count too.
  const own = [
    ...contextWords(site.name, site.service.name, site.service.image?.value),
    ...identityWords(site.service.environment),
    ...identityWords(site.siblings ?? []),
  ];
  return [...new Set([...own, ...words])];
}

const verdicts = new WeakMap<ValueSite, CredentialVerdict | null>();

/**
 * The credential verdict on the value a site resolves to, judged once for all the rules that ask
 * (weak, signing-key and hard-coded secrets read the same verdict): a command-line flag's value
 * whatever its name, an environment value by its key.
 */
export function siteVerdict(model: ComposeModel, site: ValueSite): CredentialVerdict | undefined {
  let verdict = verdicts.get(site);
  if (verdict === undefined) {
    const value = site.resolved.value;
    verdict =
      (value !== undefined &&
        credentialVerdict(
          site.name,
          value,
          () => siteContext(model, site),
          site.kind === 'command' ? 'flag' : 'key',
        )) ||
      null;
    verdicts.set(site, verdict);
  }
  return verdict ?? undefined;
}
