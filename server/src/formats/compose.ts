import {
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
}

export interface Service {
  name: string;
  keyStart: number;
  keyEnd: number;
  map: YAMLMap;
  environment: EnvEntry[];
}

export interface ComposeModel {
  kind: 'compose';
  text: string;
  doc: Document.Parsed;
  problems: YamlProblem[];
  services: Service[];
}

/** Follows an alias to the node it names; other nodes are returned as they are. */
export function resolveNode(doc: Document, node: unknown): Node | undefined {
  if (isAlias(node)) return node.resolve(doc) as Node | undefined;
  return (node ?? undefined) as Node | undefined;
}

function keyName(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/**
 * The pair for `key` in `map`, looking through `<<` merge keys (a map, or a list of maps) the way
 * Compose does: keys written in the map win over merged ones, earlier merged maps over later ones.
 * Follows aliases one level at a time, so an alias bomb costs nothing here.
 */
export function findPair(doc: Document, map: YAMLMap, key: string, depth = 0): Pair | undefined {
  const merges: Pair[] = [];
  for (const item of map.items) {
    const name = keyName(item);
    if (name === key) return item;
    if (name === '<<') merges.push(item);
  }
  if (depth > 8) return undefined;
  for (const merge of merges) {
    const value = resolveNode(doc, merge.value);
    const sources = isSeq(value) ? value.items.map((item) => resolveNode(doc, item)) : [value];
    for (const source of sources) {
      if (!isMap(source)) continue;
      const found = findPair(doc, source, key, depth + 1);
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
export function mapPairs(doc: Document, map: YAMLMap, depth = 0): Pair[] {
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
  }
  if (depth > 8) return pairs;
  for (const merge of merges) {
    const value = resolveNode(doc, merge.value);
    const sources = isSeq(value) ? value.items.map((item) => resolveNode(doc, item)) : [value];
    for (const source of sources) {
      if (!isMap(source)) continue;
      for (const pair of mapPairs(doc, source, depth + 1)) {
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
  const exact = text.slice(start, end) === value;
  return { value, start: exact ? start : from, end: exact ? end : to, exact, node };
}

function environmentOf(doc: Document, text: string, map: YAMLMap): EnvEntry[] {
  const node = getNode(doc, map, 'environment');
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
      });
    }
  } else if (isMap(node)) {
    for (const pair of mapPairs(doc, node)) {
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
        flow: Boolean(node.flow),
      });
    }
  }
  return entries;
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
    result.push({
      name: String(pair.key.value),
      keyStart: pair.key.range[0],
      keyEnd: pair.key.range[1],
      map,
      environment: environmentOf(doc, text, map),
    });
  }
  return result;
}

/** Aliases with no anchor of their name before them: the parser accepts them, Compose does not. */
function unresolvedAliases(doc: Document): YamlProblem[] {
  const problems: YamlProblem[] = [];
  const anchors = new Set<string>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        if (!anchors.has(node.source) && node.range) {
          problems.push({
            message: `Unresolved alias *${node.source}: no anchor &${node.source} is set before it`,
            start: node.range[0],
            end: node.range[1],
          });
        }
      } else if (node.anchor) anchors.add(node.anchor);
    },
  });
  return problems;
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
  problems.push(...unresolvedAliases(doc));
  return { kind: 'compose', text, doc, problems, services: servicesOf(doc, text) };
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
    for (const match of ref.value.matchAll(/[^\s"']+/g)) {
      const start = ref.exact ? ref.start + match.index : ref.start;
      tokens.push({
        value: match[0],
        start,
        end: ref.exact ? start + match[0].length : ref.end,
        exact: ref.exact,
        node: ref.node,
        ...(isSeq(node) ? { item } : {}),
      });
    }
  }
  return tokens;
}
