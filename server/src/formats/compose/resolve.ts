import { isSeq, Scalar, type YAMLMap } from 'yaml';
import type { ProjectFacts, TextEdit } from '../../core/types';
import { PASSWORD_FLAGS } from '../../secrets/names';
import { contextWords } from '../../secrets/strength';
import { credentialVerdict, type CredentialVerdict } from '../../secrets/verdict';
import { parseDotenv, type DotenvEntry, type DotenvModel } from '../dotenv';
import { parseInterpolations, resolveInterpolation, type Lookup, type Resolved } from './interpolation';
import type { ComposeModel, EnvEntry, PortItem, Service, VolumeItem } from './model';
import { commandTokens, isHostPath, parsePortSpec, parseVolumeSpec } from './specs';
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

const projectWords = new WeakMap<ComposeModel, string[]>();

/**
 * How many of a file's service and image words are tried as guesses: more than any real file has
 * (the largest seen holds about eighty), and few enough that judging a secret costs the same in a
 * file of a thousand services as in one of ten.
 */
const MAX_PROJECT_WORDS = 128;

/**
 * Words an attacker would try first for a value set for `site`: the variable name, the site's own
 * service and image, and the service and image names of the file (a project's name is the first
 * guess for its passwords).
 */
export function siteContext(model: ComposeModel, site: ValueSite): string[] {
  let words = projectWords.get(model);
  if (!words) {
    words = contextWords(...model.services.flatMap((service) => [service.name, service.image?.value])).slice(
      0,
      MAX_PROJECT_WORDS,
    );
    projectWords.set(model, words);
  }
  const own = contextWords(site.name, site.service.name, site.service.image?.value);
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
        credentialVerdict(site.name, value, siteContext(model, site), site.kind === 'command' ? 'flag' : 'key')) ||
      null;
    verdicts.set(site, verdict);
  }
  return verdict ?? undefined;
}
