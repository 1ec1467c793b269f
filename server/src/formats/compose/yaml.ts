import {
  type Alias,
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  visit,
  Scalar,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';

/** The YAML half of the Compose model: nodes, aliases and merge keys followed as Compose reads them, and scalars with their offsets. */

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
  /**
   * For a value that is not exact but whose characters all stand in the source in order (block
   * scalars, folded plain scalars): the offset of each of its non-space characters, space
   * characters mapped to where the source has its folding or spacing.
   */
  offsets?: number[];
}

/** Whether a character is folding or spacing in a YAML scalar's source. */
function isSpacing(character: string | undefined): boolean {
  return character === ' ' || character === '\t' || character === '\n' || character === '\r';
}

/**
 * Where each character of a scalar's value stands in its source, for scalars YAML folds or strips
 * the indentation of: each visible character is found in order, spacing between them mapped to
 * the source's spacing. Undefined when a character cannot be found (an escape, for one).
 */
function alignOffsets(text: string, from: number, to: number, value: string, block: boolean): number[] | undefined {
  // A block scalar's content starts on the line after its `|` or `>` header.
  let at = block ? text.indexOf('\n', from) + 1 : from;
  if (at <= 0 || at > to) return undefined;
  const offsets: number[] = [];
  for (const character of value) {
    if (isSpacing(character)) {
      offsets.push(at);
      if (isSpacing(text[at]) && at < to) at++;
      continue;
    }
    while (at < to && isSpacing(text[at])) at++;
    if (text[at] !== character) return undefined;
    offsets.push(at);
    at++;
  }
  offsets.push(at);
  return offsets;
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
export function scanAliases(doc: Document): AliasScan {
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
  if (exact || quoted || node.tag !== undefined)
    return { value, start: exact ? start : from, end: exact ? end : to, exact, node };
  const block = node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL;
  const offsets = alignOffsets(text, from, to, value, block);
  return { value, start: from, end: to, exact, node, ...(offsets ? { offsets } : {}) };
}

/**
 * The source range of `ref.value.slice(from, to)`: exact offsets, or mapped ones for a block or
 * folded scalar (exact when the source there reads the same, as a word without spacing does); the
 * whole scalar when neither is known.
 */
export function rangeOf(
  text: string,
  ref: StringRef,
  from: number,
  to: number,
): { start: number; end: number; exact: boolean } {
  if (ref.exact) return { start: ref.start + from, end: ref.start + to, exact: true };
  if (ref.offsets && to > from) {
    const start = ref.offsets[from];
    const end = ref.offsets[to - 1] + 1;
    return { start, end, exact: text.slice(start, end) === ref.value.slice(from, to) };
  }
  return { start: ref.start, end: ref.end, exact: false };
}

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
