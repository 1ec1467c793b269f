import type { Node } from 'yaml';
import type { Report, RuleContext, TextEdit } from '../../engine/types';
import { lineEnd, lineStart } from '../../formats/text';

/**
 * Key names that hold credentials: the credential word ends the name (`POSTGRES_PASSWORD`,
 * `SECRET_KEY_BASE`); settings about one (`PASSWORD_MIN_LENGTH`, `TOKEN_EXPIRY`) and `*_FILE`
 * variants, which point at a file, are not credentials.
 */
const CREDENTIAL_KEY =
  /(?:^|_)(?:PASSWORD|PASSWD|PASS|PWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|SECRET_?KEY|AUTH_?KEY|CREDENTIALS?)(?:_BASE)?$/i;
/** Switches about a credential, such as `MYSQL_ALLOW_EMPTY_PASSWORD` or `MYSQL_RANDOM_ROOT_PASSWORD`. */
const CREDENTIAL_SWITCH = /(?:^|_)(?:ALLOW|RANDOM|EMPTY|GENERATE|SKIP|DISABLE|ENABLE|REQUIRE)_/i;

export function isCredentialKey(name: string): boolean {
  return CREDENTIAL_KEY.test(name) && !CREDENTIAL_SWITCH.test(name) && !/_FILE$/i.test(name);
}

/**
 * The context's report, dropping a second finding at the same range: a value behind an anchor
 * that several services use is one thing to fix, so it is reported once.
 */
export function reportOnce(context: RuleContext): (report: Report) => void {
  const seen = new Set<string>();
  return (report) => {
    const key = `${report.start}:${report.end}`;
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

/** `${NAME:?…}`: Compose refuses to start until NAME is set, so no default can ship. */
export function requiredVariable(name: string): string {
  return `\${${name}:?set ${name} in .env}`;
}
