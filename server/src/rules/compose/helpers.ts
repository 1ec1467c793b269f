import type { Node } from 'yaml';
import type { TextEdit } from '../../engine/types';
import type { EnvEntry } from '../../formats/compose';
import { lineEnd, lineStart } from '../../formats/text';

/** Key names that hold credentials; `*_FILE` variants point at a file and are fine. */
const CREDENTIAL_KEY =
  /(?:^|_)(?:PASSWORD|PASSWD|PASS|PWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|SECRET_?KEY|AUTH_?KEY|CREDENTIALS?)(?:_|$)/i;

export function isCredentialKey(name: string): boolean {
  return CREDENTIAL_KEY.test(name) && !/_FILE$/i.test(name);
}

/** An edit replacing an environment entry's value, when its offsets map onto the text exactly. */
export function replaceEnvValue(entry: EnvEntry, newText: string): TextEdit | undefined {
  if (!entry.exact || entry.value === undefined) return undefined;
  return { start: entry.valueStart, end: entry.valueEnd, newText };
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

/** `${NAME:?…}`: Compose refuses to start until NAME is set, so no default can ship. */
export function requiredVariable(name: string): string {
  return `\${${name}:?set ${name} in .env}`;
}
