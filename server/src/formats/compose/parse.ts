import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  YAMLMap,
  YAMLSeq,
  type Node,
  type Pair,
  type ScalarTag,
  type CollectionTag,
} from 'yaml';
import type { ComposeModel, EnvEntry, EnvFileRef, ExtendsRef, IncludeRef, Service } from './model';
import { getNode, mapPairs, resolveNode, scanAliases, seqItems, stringRef, type YamlProblem } from './yaml';

/** Compose's merge tags: `!reset` drops an inherited value, `!override` replaces it whole. */
const composeTags: (ScalarTag | CollectionTag)[] = ['!reset', '!override'].flatMap((tag) => [
  { tag, resolve: (value: string) => value } satisfies ScalarTag,
  { tag, collection: 'map', nodeClass: YAMLMap } satisfies CollectionTag,
  { tag, collection: 'seq', nodeClass: YAMLSeq } satisfies CollectionTag,
]);

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
        ...(ref?.offsets ? { offsets: ref.offsets } : {}),
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
    const extendsNode = getNode(doc, map, 'extends');
    result.push({
      name: String(pair.key.value),
      keyStart: pair.key.range[0],
      keyEnd: pair.key.range[1],
      map,
      environment: entriesOf(doc, text, getNode(doc, map, 'environment')),
      ...(image ? { image } : {}),
      build,
      partial: extendsNode !== undefined || (!image && !build),
      envFiles: envFilesOf(doc, text, map),
      ports: seqItems(doc, getNode(doc, map, 'ports')).map((node) =>
        isMap(node) ? { node, long: node } : { node, short: stringRef(text, node) },
      ),
      volumes: seqItems(doc, getNode(doc, map, 'volumes')).map((node) =>
        isMap(node) ? { node, long: node } : { node, short: stringRef(text, node) },
      ),
      ...extendsOf(doc, text, extendsNode),
      profiles: seqItems(doc, getNode(doc, map, 'profiles'))
        .map((node) => stringRef(text, node)?.value)
        .filter((name): name is string => name !== undefined),
    });
  }
  return result;
}

/** `extends: base` or `extends: { service: base, file: other.yml }`. */
function extendsOf(doc: Document, text: string, node: Node | undefined): { extends?: ExtendsRef } {
  if (!node?.range) return {};
  const short = stringRef(text, node);
  if (short) return { extends: { service: short.value, start: short.start, end: short.end } };
  if (!isMap(node)) return {};
  const service = stringRef(text, getNode(doc, node, 'service'));
  if (!service) return {};
  const file = stringRef(text, getNode(doc, node, 'file'));
  return {
    extends: {
      service: service.value,
      ...(file ? { file } : {}),
      start: file?.start ?? service.start,
      end: file?.end ?? service.end,
    },
  };
}

/** The paths of the top-level `include:` entries: `- a.yml`, `- path: a.yml`, `- path: [a.yml, b.yml]`. */
function includesOf(doc: Document, text: string): IncludeRef[] {
  const root = resolveNode(doc, doc.contents);
  if (!isMap(root)) return [];
  const refs: IncludeRef[] = [];
  for (const item of seqItems(doc, getNode(doc, root, 'include'))) {
    const paths = isMap(item) ? getNode(doc, item, 'path') : item;
    for (const path of isSeq(paths) ? seqItems(doc, paths) : [paths]) {
      const ref = stringRef(text, path);
      if (ref) refs.push({ path: ref.value, ref });
    }
  }
  return refs;
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
  return { kind: 'compose', text, doc, problems, services: servicesOf(doc, text), includes: includesOf(doc, text) };
}
