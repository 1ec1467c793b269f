import type { Fix, TextEdit } from '../../core/types';
import type { SecurityTxtField, SecurityTxtModel } from '../../formats/securitytxt';
import { KNOWN_FIELDS } from '../../formats/securitytxt';
import { lineEnding } from '../../core/text';

/** The fields whose value is a URI (RFC 9116 section 4, and CSAF), by lower-case name. */
export const URI_FIELDS: ReadonlySet<string> = new Set([
  'acknowledgments',
  'canonical',
  'contact',
  'csaf',
  'encryption',
  'hiring',
  'policy',
]);

/** The RFC 9116 section that defines each of its fields (CSAF and Bug-Bounty were registered later). */
const SECTIONS: Record<string, string> = {
  acknowledgments: '2.5.1',
  canonical: '2.5.2',
  contact: '2.5.3',
  encryption: '2.5.4',
  expires: '2.5.5',
  hiring: '2.5.6',
  policy: '2.5.7',
  'preferred-languages': '2.5.8',
};

/** "RFC 9116 section 2.5.3" for a field RFC 9116 defines, or undefined for later registrations and unknown names. */
export function sectionOf(key: string): string | undefined {
  return SECTIONS[key] ? `RFC 9116 section ${SECTIONS[key]}` : undefined;
}

/** The registered spelling of a field name ("Contact" for "contact"), or the name as written. */
export function displayName(field: SecurityTxtField): string {
  return KNOWN_FIELDS.get(field.key) ?? field.name;
}

/** The fields of one lower-case name, in file order. */
export function fieldsNamed(model: SecurityTxtModel, key: string): SecurityTxtField[] {
  return model.byKey.get(key) ?? [];
}

/** A value as a message shows it: quoted, and cut short when long. */
export function quote(value: string, max = 60): string {
  return `"${value.length > max ? `${value.slice(0, max - 1)}…` : value}"`;
}

/**
 * A fix as offered for this file. Any edit to a signed file breaks its signature, so there every fix
 * waits for a person and says that the file must be signed again.
 */
export function fixFor(model: SecurityTxtModel, fix: Fix): Fix {
  if (!model.signed) return fix;
  return { ...fix, title: `${fix.title} (then sign the file again)`, needsReview: true };
}

/** The edit that adds a field line at the end of the fields: before the signature, or at the end of the file. */
export function appendFieldEdit(model: SecurityTxtModel, line: string): TextEdit {
  const { text, insertAt } = model;
  const eol = lineEnding(text);
  const atLineStart = insertAt === 0 || text[insertAt - 1] === '\n';
  return { start: insertAt, end: insertAt, newText: `${atLineStart ? '' : eol}${line}${eol}` };
}

/** The edit that deletes a field's whole line, line break included. */
export function removeLineEdit(field: SecurityTxtField): TextEdit {
  return { start: field.lineStart, end: field.lineEnd, newText: '' };
}
