import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { lineEnd, lineEnding, lineStart } from '../../core/text';
import type { ProjectFacts, TextEdit } from '../../core/types';
import type { ComposeModel, EnvEntry, Service } from '../../formats/compose/model';
import { projectDotenv, type BindMount } from '../../formats/compose/resolve';
import { findPair, resolveNode } from '../../formats/compose/yaml';
import { dotenvValue, type DotenvEntry } from '../../formats/dotenv';

/** Edit builders for Compose fixes: lines removed, items appended, keys added, values required from `.env`. */

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

/** `${NAME:?…}`: Compose refuses to start until NAME is set, so no default can ship. */
export function requiredVariable(name: string): string {
  // Compose reads `${A-B:?…}` as `${A-default}`: an invalid name would turn the fix into a default.
  if (!VARIABLE_NAME.test(name)) throw new Error(`"${name}" is not a variable name Compose reads`);
  return `\${${name}:?set ${name} in .env}`;
}

/** What Compose accepts as the name in `${NAME…}` (compose-go's template grammar, case-insensitive). */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A variable name Compose reads whole, made from an environment key: characters it does not allow
 * in a name become `_` (`DB-ADMIN_PASSWORD` gives `DB_ADMIN_PASSWORD`, `spring.datasource.password`
 * gives `spring_datasource_password`), and a leading digit gets a `_` before it.
 */
export function composeVariableName(key: string): string {
  const name = key.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(name) ? name : `_${name}`;
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

/**
 * Where a line added after `node` goes: the start of the line after its last character, or the
 * end of a text that has no line break there (`breakFirst`: the new text must start with one).
 */
export function lineAfter(text: string, node: Node): { at: number; breakFirst: boolean } | undefined {
  if (!node.range) return undefined;
  const end = node.range[1];
  // A block collection's range ends after its last line break; a scalar's at its last character.
  const last = end > 0 && text[end - 1] === '\n' ? end - 1 : end;
  let next = lineEnd(text, last);
  if (text[next] === '\r') next++;
  if (text[next] === '\n') return { at: next + 1, breakFirst: false };
  return { at: next, breakFirst: true };
}

/**
 * An edit adding an entry at the end of a map the document writes itself: `lines` (`key: value`, or
 * a key and its lines indented relative to it) at the indentation of the map's keys in block
 * style, or `, key: value` in a flow map (one line only there).
 */
export function appendMapEntry(text: string, map: Node | null | undefined, lines: string[]): TextEdit | undefined {
  if (!isMap(map)) return undefined;
  if (map.items.length === 0) {
    // An empty flow map (`environment: {}`) takes one entry inside its braces, when nothing else is there.
    if (!map.flow || !map.range || lines.length !== 1) return undefined;
    if (!/^\{[ \t]*\}$/.test(text.slice(map.range[0], map.range[1]))) return undefined;
    return { start: map.range[0], end: map.range[1], newText: `{ ${lines[0]} }` };
  }
  const lastPair = map.items[map.items.length - 1];
  const first = map.items[0].key as Node | null;
  const last = ((lastPair.value as Node | null) ?? (lastPair.key as Node | null)) || undefined;
  if (!first?.range || !last?.range) return undefined;
  if (map.flow) {
    if (lines.length !== 1) return undefined;
    return { start: last.range[1], end: last.range[1], newText: `, ${lines[0]}` };
  }
  // A byte-order mark before the document's first key is no indentation.
  const indentation = text.slice(lineStart(text, first.range[0]), first.range[0]).replace(/^\uFEFF/, '');
  const after = lineAfter(text, last);
  if (!/^[ \t]*$/.test(indentation) || !after) return undefined;
  const eol = lineEnding(text);
  const block = lines.map((line) => `${indentation}${line}${eol}`).join('');
  return { start: after.at, end: after.at, newText: after.breakFirst ? `${eol}${block}` : block };
}

/**
 * An edit removing `item` (one line, or a block map over several lines) from the block sequence
 * that is `pair`'s value, line breaks included; the only item takes the pair with it. Undefined
 * when the item shares its lines with anything else, or for a flow or tagged (`!override`) sequence.
 */
export function removeBlockSequenceItem(text: string, pair: Pair, item: Node): TextEdit | undefined {
  const sequence = pair.value;
  if (!isSeq(sequence) || sequence.flow || sequence.tag || !item.range || !sequence.items.includes(item)) {
    return undefined;
  }
  if (sequence.items.length === 1) return removePairLines(text, pair);
  const from = lineStart(text, item.range[0]);
  if (!/^[ \t]*-[ \t]+$/.test(text.slice(from, item.range[0]))) return undefined;
  const end = item.range[1];
  const last = end > 0 && text[end - 1] === '\n' ? end - 1 : end;
  const to = lineEnd(text, last);
  if (!/^[ \t]*(?:#.*)?$/.test(text.slice(Math.min(end, to), to))) return undefined;
  let next = to;
  if (text[next] === '\r') next++;
  if (text[next] === '\n') next++;
  return { start: from, end: next, newText: '' };
}
