import {
  type Alias,
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  Scalar,
  YAMLMap,
  YAMLSeq,
  type Node,
  type Pair,
  type ScalarTag,
  type CollectionTag,
} from 'yaml';

/** Compose's merge tags: `!reset` drops an inherited value, `!override` replaces it whole. */
const composeTags: (ScalarTag | CollectionTag)[] = ['!reset', '!override'].flatMap((tag) => [
  { tag, resolve: (value: string) => value } satisfies ScalarTag,
  { tag, collection: 'map', nodeClass: YAMLMap } satisfies CollectionTag,
  { tag, collection: 'seq', nodeClass: YAMLSeq } satisfies CollectionTag,
]);

export interface YamlProblem {
  message: string;
  start: number;
  end: number;
}

/** A string value in the document, with the offsets of its characters (inside any quotes). */
export interface StringRef {
  value: string;
  start: number;
  end: number;
  /** Whether `start + i` is the offset of `value[i]` (false for escapes, folded or block scalars). */
  exact: boolean;
  node: Scalar;
}

export interface EnvEntry {
  name: string;
  nameStart: number;
  nameEnd: number;
  /** The raw value as written, before interpolation; undefined for `- KEY` and `KEY:` with no value. */
  value?: string;
  valueStart: number;
  valueEnd: number;
  /** Whether value offsets map one to one onto the text (see StringRef.exact). */
  exact: boolean;
  form: 'list' | 'map';
  /** Written in flow style (`{ A: b }`, `[A=b]`), where a plain value may not hold `{`, `}` or `,`. */
  flow: boolean;
  /** The list item, or the map pair, and the collection that holds it (an anchored one, when merged). */
  item: Node | Pair;
  container: YAMLMap | YAMLSeq;
}

/** One `env_file:` entry: a path, or the long form `{ path, required }`. */
export interface EnvFileRef {
  path: string;
  /** `required: false` lets Compose start without the file. */
  required: boolean;
  ref: StringRef;
}

/** One `ports:` item: a short string (`"127.0.0.1:8080:80"`), a number, or a long-syntax map. */
export interface PortItem {
  node: Node;
  /** The short syntax, as written. */
  short?: StringRef;
  /** The long syntax. */
  long?: YAMLMap;
}

/** One `volumes:` item of a service: the short syntax, or a long-syntax map. */
export interface VolumeItem {
  node: Node;
  short?: StringRef;
  long?: YAMLMap;
}

export interface Service {
  name: string;
  keyStart: number;
  keyEnd: number;
  map: YAMLMap;
  environment: EnvEntry[];
  /** `image:`, when it is a string. */
  image?: StringRef;
  /** The service has a `build:` section: its `image:`, if any, names what is built. */
  build: boolean;
  /**
   * Only part of the service is here: it has neither `image:` nor `build:` (an override file's
   * additions to a service defined in another file), or it `extends:` another. What such a service
   * leaves out says nothing, since the other part may set it.
   */
  partial: boolean;
  envFiles: EnvFileRef[];
  ports: PortItem[];
  volumes: VolumeItem[];
}

export interface ComposeModel {
  kind: 'compose';
  text: string;
  doc: Document.Parsed;
  problems: YamlProblem[];
  services: Service[];
}

/** For each alias, the anchored node it names; undefined when no anchor of its name comes before it. */
const aliasTargets = new WeakMap<Document, Map<Alias, Node | undefined>>();

interface AliasScan {
  targets: Map<Alias, Node | undefined>;
  problems: YamlProblem[];
}

/**
 * One walk over the document that finds, for each alias, the last node anchored with its name
 * before it (as YAML and Compose do). An alias inside the node it names is left unresolved:
 * Compose refuses such a document, and following it would never end.
 */
function scanAliases(doc: Document): AliasScan {
  const targets = new Map<Alias, Node | undefined>();
  const problems: YamlProblem[] = [];
  const anchors = new Map<string, Node>();
  visit(doc, {
    Node(_key, node, path) {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        const recursive = target !== undefined && path.includes(target as never);
        targets.set(node, recursive ? undefined : target);
        if (node.range && (!target || recursive)) {
          problems.push({
            message: recursive
              ? `Alias *${node.source} is inside the node it names`
              : `Unresolved alias *${node.source}: no anchor &${node.source} is set before it`,
            start: node.range[0],
            end: node.range[1],
          });
        }
      } else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  aliasTargets.set(doc, targets);
  return { targets, problems };
}

/**
 * Follows an alias to the node it names; other nodes are returned as they are. The anchors are
 * found in one walk per document, not one per alias.
 */
export function resolveNode(doc: Document, node: unknown): Node | undefined {
  if (isAlias(node)) {
    const targets = aliasTargets.get(doc) ?? scanAliases(doc).targets;
    return targets.get(node);
  }
  return (node ?? undefined) as Node | undefined;
}

function keyName(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** Merge chains longer than this are not followed: real files merge two or three levels deep. */
const MAX_MERGED_MAPS = 64;

/** The maps a `<<` merge key brings in, in order: one map, or a list of maps. */
function mergeSources(doc: Document, merge: Pair): YAMLMap[] {
  const value = resolveNode(doc, merge.value);
  const sources = isSeq(value) ? value.items.map((item) => resolveNode(doc, item)) : [value];
  return sources.filter((source): source is YAMLMap => isMap(source));
}

/**
 * The pair for `key` in `map`, looking through `<<` merge keys (a map, or a list of maps) the way
 * Compose does: keys written in the map win over merged ones, earlier merged maps over later ones.
 * Each map is read once however often it is merged, so an alias bomb of merge keys costs nothing.
 */
export function findPair(doc: Document, map: YAMLMap, key: string, seen = new Set<YAMLMap>()): Pair | undefined {
  seen.add(map);
  if (seen.size > MAX_MERGED_MAPS) return undefined;
  const merges: Pair[] = [];
  for (const item of map.items) {
    const name = keyName(item);
    if (name === key) return item;
    if (name === '<<') merges.push(item);
  }
  for (const merge of merges) {
    for (const source of mergeSources(doc, merge)) {
      if (seen.has(source)) continue;
      const found = findPair(doc, source, key, seen);
      if (found) return found;
    }
  }
  return undefined;
}

/** The value node for `key` in `map`, aliases followed. */
export function getNode(doc: Document, map: YAMLMap, key: string): Node | undefined {
  const pair = findPair(doc, map, key);
  return pair ? resolveNode(doc, pair.value) : undefined;
}

/** The items of a sequence node, aliases followed; nothing for other nodes. */
export function seqItems(doc: Document, node: Node | undefined): Node[] {
  if (!isSeq(node)) return [];
  return node.items.map((item) => resolveNode(doc, item)).filter((item): item is Node => item !== undefined);
}

/** The map's own and merged pairs, once per key, in source order of the map's own keys first. */
export function mapPairs(
  doc: Document,
  map: YAMLMap,
  seenMaps = new Set<YAMLMap>(),
  owners?: Map<Pair, YAMLMap>,
): Pair[] {
  seenMaps.add(map);
  if (seenMaps.size > MAX_MERGED_MAPS) return [];
  const pairs: Pair[] = [];
  const seen = new Set<string>();
  const merges: Pair[] = [];
  for (const item of map.items) {
    const name = keyName(item);
    if (name === '<<') {
      merges.push(item);
      continue;
    }
    if (name !== undefined) seen.add(name);
    pairs.push(item);
    owners?.set(item, map);
  }
  for (const merge of merges) {
    for (const source of mergeSources(doc, merge)) {
      if (seenMaps.has(source)) continue;
      for (const pair of mapPairs(doc, source, seenMaps, owners)) {
        const name = keyName(pair);
        if (name === undefined || seen.has(name)) continue;
        seen.add(name);
        pairs.push(pair);
      }
    }
  }
  return pairs;
}

/** A scalar as a string with the offsets of its value characters. */
export function stringRef(text: string, node: unknown): StringRef | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  if (node.value === null || typeof node.value === 'object') return undefined;
  // `KEY: !reset null` removes an inherited value: nothing is left to read.
  if (node.tag === '!reset') return undefined;
  const value = String(node.value);
  const [from, to] = node.range;
  const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
  const start = quoted ? from + 1 : from;
  const end = quoted ? to - 1 : to;
  // A tagged scalar (`!tag value`) keeps its tag outside the range: an edit there would glue onto it.
  const exact = node.tag === undefined && text.slice(start, end) === value;
  return { value, start: exact ? start : from, end: exact ? end : to, exact, node };
}

/** The entries of `environment:` or `build.args:`, in the list form or the map form. */
export function entriesOf(doc: Document, text: string, node: Node | undefined): EnvEntry[] {
  const entries: EnvEntry[] = [];
  if (isSeq(node)) {
    for (const item of seqItems(doc, node)) {
      const ref = stringRef(text, item);
      if (!ref) continue;
      const equals = ref.value.indexOf('=');
      const name = equals === -1 ? ref.value : ref.value.slice(0, equals);
      const hasValue = equals !== -1;
      const valueOffset = ref.exact ? ref.start + equals + 1 : ref.start;
      entries.push({
        name,
        nameStart: ref.start,
        nameEnd: ref.exact ? ref.start + name.length : ref.end,
        value: hasValue ? ref.value.slice(equals + 1) : undefined,
        valueStart: hasValue ? valueOffset : ref.end,
        valueEnd: ref.end,
        exact: ref.exact,
        form: 'list',
        flow: Boolean(node.flow),
        item,
        container: node,
      });
    }
  } else if (isMap(node)) {
    const owners = new Map<Pair, YAMLMap>();
    for (const pair of mapPairs(doc, node, new Set(), owners)) {
      const key = stringRef(text, pair.key);
      if (!key) continue;
      const value = resolveNode(doc, pair.value);
      const ref = stringRef(text, value);
      const keyEnd = key.end;
      entries.push({
        name: key.value,
        nameStart: key.start,
        nameEnd: keyEnd,
        value: ref?.value,
        valueStart: ref?.start ?? keyEnd,
        valueEnd: ref?.end ?? keyEnd,
        exact: ref?.exact ?? true,
        form: 'map',
        flow: Boolean(owners.get(pair)?.flow),
        item: pair,
        container: owners.get(pair) ?? node,
      });
    }
  }
  return entries;
}

function envFilesOf(doc: Document, text: string, map: YAMLMap): EnvFileRef[] {
  const node = getNode(doc, map, 'env_file');
  const items = isSeq(node) ? seqItems(doc, node) : [node];
  const refs: EnvFileRef[] = [];
  for (const item of items) {
    if (isMap(item)) {
      const ref = stringRef(text, getNode(doc, item, 'path'));
      const required = getNode(doc, item, 'required');
      if (ref)
        refs.push({ path: ref.value, required: !(isScalar(required) && String(required.value) === 'false'), ref });
    } else {
      const ref = stringRef(text, item);
      if (ref) refs.push({ path: ref.value, required: true, ref });
    }
  }
  return refs;
}

function servicesOf(doc: Document, text: string): Service[] {
  const root = resolveNode(doc, doc.contents);
  if (!isMap(root)) return [];
  const services = getNode(doc, root, 'services');
  if (!isMap(services)) return [];
  const result: Service[] = [];
  for (const pair of services.items) {
    if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
    const map = resolveNode(doc, pair.value);
    if (!isMap(map)) continue;
    const image = stringRef(text, getNode(doc, map, 'image'));
    const build = getNode(doc, map, 'build') !== undefined;
    const extended = getNode(doc, map, 'extends') !== undefined;
    result.push({
      name: String(pair.key.value),
      keyStart: pair.key.range[0],
      keyEnd: pair.key.range[1],
      map,
      environment: entriesOf(doc, text, getNode(doc, map, 'environment')),
      ...(image ? { image } : {}),
      build,
      partial: extended || (!image && !build),
      envFiles: envFilesOf(doc, text, map),
      ports: seqItems(doc, getNode(doc, map, 'ports')).map((node) =>
        isMap(node) ? { node, long: node } : { node, short: stringRef(text, node) },
      ),
      volumes: seqItems(doc, getNode(doc, map, 'volumes')).map((node) =>
        isMap(node) ? { node, long: node } : { node, short: stringRef(text, node) },
      ),
    });
  }
  return result;
}

/**
 * A parser error's range inside the text. Errors found at the end of the input (an unclosed quote
 * or bracket) point past it: they are moved onto the last character written.
 */
function problemRange(text: string, start: number, end: number): { start: number; end: number } {
  if (start < text.length) return { start, end: Math.min(Math.max(end, start), text.length) };
  let last = text.length;
  while (last > 0 && /\s/.test(text[last - 1])) last--;
  return { start: Math.max(last - 1, 0), end: last };
}

export function parseCompose(text: string): ComposeModel {
  // Keys stay unique, `<<` included, as Compose's YAML reader requires.
  const doc = parseDocument(text, {
    customTags: composeTags,
    prettyErrors: false,
    keepSourceTokens: false,
  });
  const problems: YamlProblem[] = doc.errors.map((error) => ({
    message: error.message.split('\n')[0],
    ...problemRange(text, error.pos[0], error.pos[1]),
  }));
  problems.push(...scanAliases(doc).problems);
  return { kind: 'compose', text, doc, problems, services: servicesOf(doc, text) };
}

/**
 * The words of a command string: runs of characters other than spaces and quotes, where a
 * `${…}` is kept whole, spaces and all (`${PASS:?set PASS in .env}` is one word once interpolated).
 */
function words(text: string): { word: string; index: number }[] {
  const found: { word: string; index: number }[] = [];
  let start = -1;
  let depth = 0;
  for (let i = 0; i <= text.length; i++) {
    const char = text[i];
    if (char === '$' && text[i + 1] === '{') {
      if (start === -1) start = i;
      depth++;
      i++;
      continue;
    }
    if (depth > 0) {
      if (char === '}') depth--;
      if (char !== undefined) continue;
    }
    const separator = char === undefined || /[\s"']/.test(char);
    if (separator) {
      if (start !== -1) found.push({ word: text.slice(start, i), index: start });
      start = -1;
    } else if (start === -1) start = i;
  }
  return found;
}

/** One word of a `command:` or `entrypoint:`: a list item, or a space-separated word of a string. */
export interface CommandToken extends StringRef {
  /** The list item node when the command is written as a list. */
  item?: Node;
}

/**
 * The words of `command` or `entrypoint`, with offsets, in the string or the list form. List items
 * holding several words (`sh -c "redis-server --requirepass x"`) are split too.
 */
export function commandTokens(model: ComposeModel, map: YAMLMap, key: 'command' | 'entrypoint'): CommandToken[] {
  const node = getNode(model.doc, map, key);
  const items = isSeq(node) ? seqItems(model.doc, node) : [node];
  const tokens: CommandToken[] = [];
  for (const item of items) {
    const ref = stringRef(model.text, item);
    if (!ref) continue;
    for (const match of words(ref.value)) {
      const start = ref.exact ? ref.start + match.index : ref.start;
      tokens.push({
        value: match.word,
        start,
        end: ref.exact ? start + match.word.length : ref.end,
        exact: ref.exact,
        node: ref.node,
        ...(isSeq(node) ? { item } : {}),
      });
    }
  }
  return tokens;
}

/** Splits at the colons outside `${…}` and `[…]` (an IPv6 address). */
export function splitColons(value: string): string[] {
  const parts: string[] = [];
  let braces = 0;
  let brackets = 0;
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === '$' && value[i + 1] === '{') {
      braces++;
      i++;
    } else if (char === '}' && braces > 0) braces--;
    else if (char === '[') brackets++;
    else if (char === ']' && brackets > 0) brackets--;
    else if (char === ':' && braces === 0 && brackets === 0) {
      parts.push(value.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(value.slice(from));
  return parts;
}

/** The short port syntax, `[[HOST_IP:][PUBLISHED]:]TARGET[/PROTOCOL]`, read after interpolation. */
export interface PortSpec {
  /** The host address, brackets removed; undefined when none is written. */
  hostIp?: string;
  /** The host port or range; empty for a random port, undefined when only the target is written. */
  published?: string;
  target: string;
  protocol?: string;
}

export function parsePortSpec(value: string): PortSpec | undefined {
  let rest = value.trim();
  let protocol: string | undefined;
  const slash = rest.lastIndexOf('/');
  if (slash !== -1) {
    protocol = rest.slice(slash + 1);
    rest = rest.slice(0, slash);
  }
  let hostIp: string | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close === -1 || rest[close + 1] !== ':') return undefined;
    hostIp = rest.slice(1, close);
    rest = rest.slice(close + 2);
  }
  const parts = rest.split(':');
  if (parts.some((part) => /\s/.test(part))) return undefined;
  let spec: PortSpec;
  if (parts.length === 1) spec = { target: parts[0] };
  else if (parts.length === 2) spec = { published: parts[0], target: parts[1] };
  else if (hostIp === undefined) {
    // An IPv6 address without brackets keeps its colons: the last two parts are the ports.
    spec = {
      hostIp: parts.slice(0, -2).join(':'),
      published: parts[parts.length - 2],
      target: parts[parts.length - 1],
    };
  } else return undefined;
  if (hostIp !== undefined) spec.hostIp = hostIp;
  if (protocol !== undefined) spec.protocol = protocol;
  return spec.target === '' ? undefined : spec;
}

/** Mode options of the short volume syntax, `SOURCE:TARGET:MODE`. */
const VOLUME_MODE =
  /^(?:rw|ro|z|Z|cached|delegated|consistent|nocopy|r?shared|r?slave|r?private)(?:,(?:rw|ro|z|Z|cached|delegated|consistent|nocopy|r?shared|r?slave|r?private))*$/;

/** The short volume syntax, `[SOURCE:]TARGET[:MODE]`, split as written (before interpolation). */
export interface VolumeSpec {
  /** Undefined for an anonymous volume (a container path alone). */
  source?: string;
  target: string;
  /** The mode options, as written. */
  mode?: string;
}

export function parseVolumeSpec(value: string): VolumeSpec {
  const parts = splitColons(value);
  // A Windows drive letter (`C:\data:/data`) is part of the source.
  if (parts.length >= 3 && /^[A-Za-z]$/.test(parts[0]) && /^[\\/]/.test(parts[1])) {
    parts.splice(0, 2, `${parts[0]}:${parts[1]}`);
  }
  if (parts.length === 1) return { target: parts[0] };
  const mode = parts.length >= 3 && VOLUME_MODE.test(parts[parts.length - 1]) ? parts.pop() : undefined;
  const [source, ...target] = parts;
  return { source, target: target.join(':'), ...(mode !== undefined ? { mode } : {}) };
}

/** A volume source that is a host path (a bind mount) rather than a named volume. */
export function isHostPath(source: string): boolean {
  return /^(?:[/.~]|[A-Za-z]:[\\/]|\\\\)/.test(source);
}
