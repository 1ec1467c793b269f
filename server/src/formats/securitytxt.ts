/**
 * The `security.txt` format of RFC 9116: one `Name: value` field per line, `#` comment lines and
 * blank lines (section 2, 2.1), lines ended by LF or CRLF (section 2.2), field names compared
 * without regard to case (section 2). The file may be wrapped in an OpenPGP cleartext signature
 * (section 2.3, RFC 4880 section 7): fields are then read from the signed body, with the `- `
 * dash-escaping undone, and anything but comments and blank lines outside the body is a problem.
 */
import type { TextEdit } from '../core/types';

export interface SecurityTxtField {
  /** The name as written. */
  name: string;
  /** The name in lower case, for look-ups: names are case insensitive. */
  key: string;
  nameStart: number;
  nameEnd: number;
  /** The value without the blanks around it; empty when the line has none. */
  value: string;
  valueStart: number;
  valueEnd: number;
  /** 1-based line of the field. */
  line: number;
  /** Offsets of the whole line: its first character, and past its line break. */
  lineStart: number;
  lineEnd: number;
}

export type SecurityTxtProblemKind =
  /** A line in the body that is neither a field, a comment nor blank. */
  | 'not-a-field'
  /** `Name:` with nothing after it. */
  | 'empty-value'
  /** `Contact : …`: blanks between the name and the colon. */
  | 'space-before-colon'
  /** A field or other text before the signed message or after its signature. */
  | 'outside-signed-message'
  /** `-----BEGIN PGP SIGNED MESSAGE-----` without a `Hash:` armor header. */
  | 'no-hash-header'
  /** A signed message whose signature block is missing or not closed. */
  | 'no-signature'
  /** A signature block in a file that does not start a signed message. */
  | 'stray-signature';

export interface SecurityTxtProblem {
  kind: SecurityTxtProblemKind;
  message: string;
  start: number;
  end: number;
  /** The edit that repairs the line, when one is mechanical. */
  edit?: TextEdit;
}

export interface SecurityTxtSignature {
  /** The `-----BEGIN PGP SIGNED MESSAGE-----` line, without its line break. */
  headerStart: number;
  headerEnd: number;
  /** The hash algorithms its `Hash:` armor headers name. */
  hashes: string[];
  /** Offsets of the signed body: the first character after the armor headers' blank line, and the end. */
  bodyStart: number;
  bodyEnd: number;
  /** Where `-----BEGIN PGP SIGNATURE-----` starts; undefined when it is missing. */
  signatureStart?: number;
}

export interface SecurityTxtModel {
  kind: 'securitytxt';
  text: string;
  fields: SecurityTxtField[];
  /** The fields of each lower-case name, in file order. */
  byKey: Map<string, SecurityTxtField[]>;
  problems: SecurityTxtProblem[];
  /** Present when the file is an OpenPGP cleartext-signed message. */
  signed?: SecurityTxtSignature;
  /** Where a new field line goes: the end of the signed body, or the end of the file. */
  insertAt: number;
  /** The first line with text, where findings about the whole file point. */
  anchor: { start: number; end: number };
}

const BEGIN_SIGNED = '-----BEGIN PGP SIGNED MESSAGE-----';
const BEGIN_SIGNATURE = '-----BEGIN PGP SIGNATURE-----';
const END_SIGNATURE = '-----END PGP SIGNATURE-----';
/** The one armor header a cleartext-signed message has (RFC 4880 section 7): the hash algorithms. */
const HASH_HEADER = /^Hash:(.*)$/i;

/**
 * The registered fields, by lower-case name: those of RFC 9116 section 6.2, and those the IANA
 * "security.txt Fields" registry added since (CSAF from OASIS CSAF 2.0, Bug-Bounty).
 */
export const KNOWN_FIELDS: ReadonlyMap<string, string> = new Map(
  [
    'Acknowledgments',
    'Bug-Bounty',
    'Canonical',
    'Contact',
    'CSAF',
    'Encryption',
    'Expires',
    'Hiring',
    'Policy',
    'Preferred-Languages',
  ].map((name) => [name.toLowerCase(), name]),
);

interface Line {
  /** First character, past a dash-escape in a signed body. */
  start: number;
  /** End of the content, before `\r\n` or `\n`. */
  end: number;
  /** Past the line break. */
  next: number;
  /** Offset of the line's first character as written. */
  lineStart: number;
  number: number;
}

function splitLines(text: string, from: number): Line[] {
  const lines: Line[] = [];
  let at = from;
  let number = 1;
  while (at < text.length) {
    const newline = text.indexOf('\n', at);
    const next = newline === -1 ? text.length : newline + 1;
    let end = newline === -1 ? text.length : newline;
    if (end > at && text[end - 1] === '\r') end--;
    lines.push({ start: at, end, next, lineStart: at, number });
    at = next;
    number++;
  }
  return lines;
}

function isBlank(char: string): boolean {
  return char === ' ' || char === '\t';
}

/** The line's content without blanks at either end. */
function trimmed(text: string, line: Line): { start: number; end: number } {
  let start = line.start;
  let end = line.end;
  while (start < end && isBlank(text[start])) start++;
  while (end > start && isBlank(text[end - 1])) end--;
  return { start, end };
}

function isEmpty(text: string, line: Line): boolean {
  const { start, end } = trimmed(text, line);
  return start === end;
}

function lineIs(text: string, line: Line, marker: string): boolean {
  const { start, end } = trimmed(text, line);
  return text.slice(start, end) === marker;
}

/** Printable ASCII except the colon: `ftext` of RFC 5322 section 3.6.8. */
function isFieldName(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code < 0x21 || code > 0x7e || code === 0x3a) return false;
  }
  return true;
}

/**
 * Milliseconds since the epoch of an RFC 3339 `date-time` (section 5.6: `T` and `Z` in either
 * case, optional fractional seconds, a numeric offset or `Z`), or undefined for anything else.
 */
export function parseRfc3339(value: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/.exec(
    value,
  );
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return undefined;
  // Second 60 is a leap second (RFC 3339 section 5.7).
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const offsetHours = match[9] === undefined ? 0 : Number(match[9]);
  const offsetMinutes = match[10] === undefined ? 0 : Number(match[10]);
  if (offsetHours > 23 || offsetMinutes > 59) return undefined;
  const sign = match[8] === '-' ? -1 : 1;
  const fraction = match[7] ? Math.floor(Number(match[7]) * 1000) : 0;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, fraction);
  return utc - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
}

export function parseSecurityTxt(text: string): SecurityTxtModel {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const lines = splitLines(text, bom);
  const fields: SecurityTxtField[] = [];
  const problems: SecurityTxtProblem[] = [];
  /** A problem with a whole line, which points at the line's text. */
  const problem = (kind: SecurityTxtProblemKind, message: string, line: Line) => {
    problems.push({ kind, message, ...trimmed(text, line) });
  };

  const readField = (line: Line) => {
    const { start, end } = trimmed(text, line);
    if (start === end || text[start] === '#') return;
    // Searched within the line only: a search to the end of the text would make the parse quadratic.
    let colon = start;
    while (colon < end && text[colon] !== ':') colon++;
    const written = colon === end ? '' : text.slice(start, colon);
    const name = written.trimEnd();
    const afterColon = colon + 1 < end ? text[colon + 1] : ' ';
    const key = name.toLowerCase();
    // `https://host` is a stray URL, not a field named https: a field's colon is followed by a blank
    // (RFC 9116 section 4), which only the registered names may leave out here.
    if (!isFieldName(name) || (!isBlank(afterColon) && !KNOWN_FIELDS.has(key))) {
      problem(
        'not-a-field',
        'Not a field, a comment or a blank line: write "Name: value", or start the line with # to make it a comment.',
        line,
      );
      return;
    }
    if (name.length < written.length) {
      problems.push({
        kind: 'space-before-colon',
        message: `No blank is allowed between the field name ${name} and its colon.`,
        start,
        end: colon + 1,
        edit: { start: start + name.length, end: colon, newText: '' },
      });
    }
    let valueStart = colon + 1;
    while (valueStart < end && isBlank(text[valueStart])) valueStart++;
    const value = text.slice(valueStart, end);
    if (value === '') {
      problems.push({
        kind: 'empty-value',
        message: `${name} has no value: a field is always a name and a value (RFC 9116 section 2).`,
        start,
        end,
      });
    }
    fields.push({
      name,
      key,
      nameStart: start,
      nameEnd: start + name.length,
      value,
      valueStart,
      valueEnd: end,
      line: line.number,
      lineStart: line.lineStart,
      lineEnd: line.next,
    });
  };

  /** Lines outside a signed message: only blanks and comments carry nothing that needs signing. */
  const outside = (line: Line) => {
    const { start, end } = trimmed(text, line);
    if (start === end || text[start] === '#') return;
    problem(
      'outside-signed-message',
      'Outside the signed message, so not covered by the signature: move it into the signed body or delete it.',
      line,
    );
  };

  /** Skips a signature block from `index` (its BEGIN line); returns the index past its END line. */
  const skipSignature = (index: number): { next: number; closed: boolean } => {
    for (let i = index + 1; i < lines.length; i++) {
      if (lineIs(text, lines[i], END_SIGNATURE)) return { next: i + 1, closed: true };
    }
    return { next: lines.length, closed: false };
  };

  const headerIndex = lines.findIndex((line) => lineIs(text, line, BEGIN_SIGNED));
  let signed: SecurityTxtSignature | undefined;
  let insertAt = text.length;
  if (headerIndex === -1) {
    for (let i = 0; i < lines.length; i++) {
      if (lineIs(text, lines[i], BEGIN_SIGNATURE)) {
        problem(
          'stray-signature',
          `A signature block without "${BEGIN_SIGNED}" before the fields: sign the whole file with gpg --clearsign.`,
          lines[i],
        );
        i = skipSignature(i).next - 1;
        continue;
      }
      readField(lines[i]);
    }
  } else {
    for (const line of lines.slice(0, headerIndex)) outside(line);
    const header = lines[headerIndex];
    const hashes: string[] = [];
    let index = headerIndex + 1;
    // `Hash: SHA256` armor headers, then the blank line that opens the body.
    for (; index < lines.length; index++) {
      const { start, end } = trimmed(text, lines[index]);
      const hash = HASH_HEADER.exec(text.slice(start, end));
      if (!hash) break;
      hashes.push(...hash[1].split(',').map((name) => name.trim()));
    }
    if (index < lines.length && isEmpty(text, lines[index])) index++;
    const headerRange = trimmed(text, header);
    if (hashes.length === 0) {
      problems.push({
        kind: 'no-hash-header',
        message: 'The signed message has no "Hash:" armor header, so it cannot be verified.',
        ...headerRange,
      });
    }
    const bodyStart = index < lines.length ? lines[index].lineStart : text.length;
    let signatureIndex = -1;
    for (; index < lines.length; index++) {
      const line = lines[index];
      if (lineIs(text, line, BEGIN_SIGNATURE)) {
        signatureIndex = index;
        break;
      }
      // Dash-escaping: a signed line that starts with "- " is read without it.
      if (text.startsWith('- ', line.start)) readField({ ...line, start: line.start + 2 });
      else readField(line);
    }
    let closed = false;
    if (signatureIndex !== -1) {
      const skipped = skipSignature(signatureIndex);
      closed = skipped.closed;
      for (const line of lines.slice(skipped.next)) outside(line);
    }
    if (!closed) {
      problems.push({
        kind: 'no-signature',
        message:
          signatureIndex === -1
            ? `The signed message has no "${BEGIN_SIGNATURE}" block: sign it again with gpg --clearsign.`
            : `The signature has no "${END_SIGNATURE}" line: sign the file again with gpg --clearsign.`,
        ...headerRange,
      });
    }
    const signatureStart = signatureIndex === -1 ? undefined : lines[signatureIndex].lineStart;
    signed = {
      headerStart: headerRange.start,
      headerEnd: headerRange.end,
      hashes,
      bodyStart,
      bodyEnd: signatureStart ?? text.length,
      ...(signatureStart === undefined ? {} : { signatureStart }),
    };
    insertAt = signed.bodyEnd;
  }

  const byKey = new Map<string, SecurityTxtField[]>();
  for (const field of fields) {
    const list = byKey.get(field.key);
    if (list) list.push(field);
    else byKey.set(field.key, [field]);
  }
  problems.sort((a, b) => a.start - b.start);
  const first = lines.find((line) => !isEmpty(text, line));
  const anchor = first ? trimmed(text, first) : { start: bom, end: bom };
  return { kind: 'securitytxt', text, fields, byKey, problems, ...(signed ? { signed } : {}), insertAt, anchor };
}
