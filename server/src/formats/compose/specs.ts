import { isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import type { ComposeModel } from './model';
import { getNode, rangeOf, seqItems, stringRef, type StringRef } from './yaml';

/** The short syntaxes of Compose: command words, ports and volumes, split as Compose splits them. */

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

/** Where a service runs commands: its command, its entrypoint, and its healthcheck's test. */
export type CommandKey = 'command' | 'entrypoint' | 'healthcheck';

/**
 * The words of `command`, `entrypoint` or `healthcheck.test`, with offsets, in the string or the
 * list form. List items holding several words (`sh -c "redis-server --requirepass x"`) are split too.
 */
export function commandTokens(model: ComposeModel, map: YAMLMap, key: CommandKey): CommandToken[] {
  const holder = key === 'healthcheck' ? getNode(model.doc, map, 'healthcheck') : undefined;
  const node =
    key === 'healthcheck'
      ? isMap(holder)
        ? getNode(model.doc, holder, 'test')
        : undefined
      : getNode(model.doc, map, key);
  const items = isSeq(node) ? seqItems(model.doc, node) : [node];
  const tokens: CommandToken[] = [];
  for (const item of items) {
    const ref = stringRef(model.text, item);
    if (!ref) continue;
    for (const match of words(ref.value)) {
      // A word of a block or folded command has its own range too: `command: >` scripts hold passwords.
      const { start, end, exact } = rangeOf(model.text, ref, match.index, match.index + match.word.length);
      tokens.push({ value: match.word, start, end, exact, node: ref.node, ...(isSeq(node) ? { item } : {}) });
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

/** A password in a URL, as written: where it is within the text. */
interface UrlPassword {
  start: number;
  end: number;
  password: string;
  scheme: string;
}

/** Passwords masked already (`****`, `xxx`) are left alone. */
const MASKED = /^(?:\*+|x+|\.{3}|<[^<>]*>)$/i;

/** Finds `scheme://user:password@host` in `text` with a password written literally (no `$`). */
export function urlPasswords(text: string): UrlPassword[] {
  const found: UrlPassword[] = [];
  let from = 0;
  for (;;) {
    const marker = text.indexOf('://', from);
    if (marker === -1) break;
    from = marker + 3;
    let schemeStart = marker;
    while (schemeStart > 0 && /[A-Za-z0-9+.-]/.test(text[schemeStart - 1])) schemeStart--;
    // A scheme starts with a letter: `${URL:-postgres://…}` gives `postgres`, not `-postgres`.
    while (schemeStart < marker && !/[A-Za-z]/.test(text[schemeStart])) schemeStart++;
    if (schemeStart === marker) continue;
    // The authority runs to the path, query, fragment or the end of the word.
    let end = from;
    while (end < text.length && !/[/?#\s"'`,;]/.test(text[end])) end++;
    const authority = text.slice(from, end);
    const at = authority.lastIndexOf('@');
    if (at === -1) continue;
    const userinfo = authority.slice(0, at);
    const colon = userinfo.indexOf(':');
    if (colon === -1) continue;
    const password = userinfo.slice(colon + 1);
    if (password === '' || password.includes('$') || MASKED.test(password)) continue;
    const start = from + colon + 1;
    found.push({ start, end: start + password.length, password, scheme: text.slice(schemeStart, marker) });
  }
  return found;
}
