import { CompletionItemKind, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { nextExpires } from '../../../common/security-txt';
import { SECURITY_TXT_FIELDS } from './securitytxt-fields';

/** The fields offered, most needed first: the two RFC 9116 requires, then the optional ones. */
const OFFERED_FIELDS = [
  'Contact',
  'Expires',
  'Encryption',
  'Acknowledgments',
  'Preferred-Languages',
  'Canonical',
  'Policy',
  'Hiring',
  'CSAF',
];

/** Fields RFC 9116 allows once: not offered again when the file has one. */
const ONCE_ONLY = new Set(['expires', 'preferred-languages']);

const CONTACT_SCHEMES: { label: string; detail: string }[] = [
  { label: 'mailto:', detail: 'An email address' },
  { label: 'https://', detail: 'A reporting form or page' },
];

function lineText(document: TextDocument, line: number): string {
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return text.replace(/\r?\n$/, '');
}

/** The lower-case names of the fields on every line but `skip`. */
function fieldNamesPresent(document: TextDocument, skip: number): Set<string> {
  const present = new Set<string>();
  document
    .getText()
    .split('\n')
    .forEach((line, index) => {
      const name = /^([\w-]{1,40}):/.exec(line)?.[1];
      if (name && index !== skip) present.add(name.toLowerCase());
    });
  return present;
}

function fieldNameItems(document: TextDocument, position: Position, now: string): CompletionItem[] {
  const line = lineText(document, position.line);
  if (!/^[\w-]*$/.test(line.trimEnd())) return [];
  const present = fieldNamesPresent(document, position.line);
  const range = { start: { line: position.line, character: 0 }, end: { line: position.line, character: line.length } };
  return OFFERED_FIELDS.filter((name) => !(ONCE_ONLY.has(name.toLowerCase()) && present.has(name.toLowerCase()))).map(
    (name, index) => {
      const expires = name === 'Expires' ? nextExpires(now) : undefined;
      return {
        label: name,
        kind: CompletionItemKind.Property,
        sortText: String(index).padStart(2, '0'),
        documentation: { kind: MarkupKind.Markdown, value: SECURITY_TXT_FIELDS[name.toLowerCase()] },
        textEdit: { range, newText: expires ? `${name}: ${expires}` : `${name}: ` },
      };
    },
  );
}

/**
 * Completions in a security.txt: field names at the start of a line, `Expires` with a date just
 * under a year after `now` (read by the caller), and the URI schemes a `Contact` takes.
 */
export function securityTxtCompletions(document: TextDocument, position: Position, now: string): CompletionItem[] {
  const before = document.getText({ start: { line: position.line, character: 0 }, end: position });
  const value = /^([\w-]{1,40}):[ \t]*(\S*)$/.exec(before);
  if (!value) return fieldNameItems(document, position, now);
  const [, name, typed] = value;
  const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  if (name.toLowerCase() === 'contact') {
    return CONTACT_SCHEMES.map(({ label, detail }, index) => ({
      label,
      kind: CompletionItemKind.Value,
      detail,
      sortText: String(index),
      textEdit: { range, newText: label },
    }));
  }
  const expires = name.toLowerCase() === 'expires' ? nextExpires(now) : undefined;
  if (!expires) return [];
  return [
    {
      label: expires,
      kind: CompletionItemKind.Value,
      detail: 'Just under a year ahead',
      textEdit: { range, newText: expires },
    },
  ];
}
