import { isCredentialKey, isSigningKey, PASSWORD_FLAGS } from './names';

/** Shows enough of a secret to recognise it, never the whole value: `changeme` becomes `ch******`. */
export function maskSecret(value: string): string {
  if (value.length <= 4) return '*'.repeat(Math.max(value.length, 3));
  return value.slice(0, 2) + '*'.repeat(Math.min(value.length - 2, 8));
}

/** `(po******)`: the masked value for a message. */
export function masked(value: string): string {
  return `(${maskSecret(value)})`;
}

const KEY_CHAR = /[A-Za-z0-9_.-]/;
const SPACE = /[ \t]/;

/**
 * Reads `KEY: value`, `KEY=value`, `- KEY=value`, `export KEY=value`, quoted keys too, as written
 * in YAML and `.env` lines: the offsets where the key and the value are. Scanned by hand, linear.
 */
function readSetting(line: string): { keyStart: number; keyEnd: number; valueStart: number } | undefined {
  let at = 0;
  while (SPACE.test(line[at] ?? '')) at++;
  if (line[at] === '-' && SPACE.test(line[at + 1] ?? '')) {
    at += 2;
    while (SPACE.test(line[at] ?? '')) at++;
  }
  if (line.startsWith('export', at) && SPACE.test(line[at + 6] ?? '')) {
    at += 7;
    while (SPACE.test(line[at] ?? '')) at++;
  }
  const quote = line[at] === '"' || line[at] === "'" ? line[at++] : '';
  const keyStart = at;
  while (KEY_CHAR.test(line[at] ?? '')) at++;
  const keyEnd = at;
  if (keyEnd === keyStart) return undefined;
  if (quote !== '' && line[at] === quote) at++;
  while (SPACE.test(line[at] ?? '')) at++;
  if (line[at] !== ':' && line[at] !== '=') return undefined;
  at++;
  while (SPACE.test(line[at] ?? '')) at++;
  return { keyStart, keyEnd, valueStart: at };
}

/** The longest a URL's user and password, or a flag's value, are read: longer ones are not such things. */
const MAX_PART = 256;

/** `scheme://user:password@host`: each password masked. */
function maskUrlPasswords(line: string): string {
  let out = '';
  let cursor = 0;
  for (let scheme = line.indexOf('://'); scheme !== -1; scheme = line.indexOf('://', scheme + 3)) {
    let at = scheme + 3;
    const limit = Math.min(line.length, at + MAX_PART);
    while (at < limit && !/[\s:/@]/.test(line[at])) at++;
    if (line[at] !== ':') continue;
    const passwordStart = at + 1;
    let end = passwordStart;
    while (end < limit && !/[\s@/]/.test(line[end])) end++;
    if (line[end] !== '@' || end === passwordStart || passwordStart < cursor) continue;
    out += line.slice(cursor, passwordStart) + maskSecret(line.slice(passwordStart, end));
    cursor = end;
  }
  return out + line.slice(cursor);
}

/** `--requirepass value`, `--password=value`: the values of password flags masked. */
function maskFlagValues(line: string): string {
  let out = '';
  let cursor = 0;
  for (let dash = line.indexOf('--'); dash !== -1; dash = line.indexOf('--', dash + 2)) {
    let at = dash + 2;
    while (at < line.length && at - dash < 48 && /[a-z-]/i.test(line[at])) at++;
    const flag = line.slice(dash, at);
    if (!PASSWORD_FLAGS.test(flag) || dash < cursor) continue;
    if (line[at] === '=') at++;
    else while (SPACE.test(line[at] ?? '')) at++;
    let end = at;
    while (end < line.length && end - at < MAX_PART && !/[\s"',\]]/.test(line[end])) end++;
    if (end === at || line[at] === '$') continue;
    out += line.slice(cursor, at) + maskSecret(line.slice(at, end));
    cursor = end;
  }
  return out + line.slice(cursor);
}

/**
 * A line of a file with every credential value masked: values of keys that hold credentials,
 * passwords in URLs and the values of password flags. For showing file content (a diff) where the
 * secrets themselves must not appear.
 */
export function maskSecretsInLine(line: string): string {
  const setting = readSetting(line);
  if (setting) {
    const key = line.slice(setting.keyStart, setting.keyEnd);
    const rest = line.slice(setting.valueStart);
    // A comment after the value stays as written: ` # the default`.
    const hash = [rest.indexOf(' #'), rest.indexOf('\t#')].filter((at) => at !== -1).sort((a, b) => a - b)[0] ?? -1;
    const value = hash === -1 ? rest : rest.slice(0, hash);
    const bare = value.replace(/^["']/, '').replace(/["']$/, '').trim();
    if ((isCredentialKey(key) || isSigningKey(key)) && bare !== '' && !/^\$\{[^}]*\}$/.test(bare)) {
      return `${line.slice(0, setting.valueStart)}${maskSecret(bare)}${hash === -1 ? '' : rest.slice(hash)}`;
    }
  }
  return maskFlagValues(maskUrlPasswords(line));
}
