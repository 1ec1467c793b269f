import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentKind } from '../core/types';
import {
  CANONICAL_MARKERS,
  CANONICAL_ORDER,
  SECTION_TITLES,
  sectionMeaning,
  type SectionMeaning,
} from '../formats/policy/vocabulary';
import { isCredentialKey } from '../secrets/names';
import { securityTxtCompletions } from './securitytxt-completion';

/**
 * Completions decided from the text around the cursor, not from a parse, so they work on
 * half-typed YAML and Markdown.
 */

/** The markers a versions table's support column is offered: the emoji and the shortcode styles. */
const MARKERS = [
  CANONICAL_MARKERS.emoji.supported,
  CANONICAL_MARKERS.emoji.unsupported,
  CANONICAL_MARKERS.shortcode.supported,
  CANONICAL_MARKERS.shortcode.unsupported,
];
const DURATIONS = [
  '24 hours',
  '48 hours',
  '3 business days',
  '5 business days',
  '7 days',
  '14 days',
  '30 days',
  '90 days',
];

interface HardeningKey {
  key: string;
  snippet: string;
  detail: string;
}

const HARDENING_KEYS: HardeningKey[] = [
  { key: 'read_only', snippet: 'read_only: true', detail: 'Read-only root filesystem' },
  { key: 'cap_drop', snippet: 'cap_drop:\n${indent}  - ALL', detail: 'Drop every Linux capability' },
  {
    key: 'security_opt',
    snippet: 'security_opt:\n${indent}  - no-new-privileges:true',
    detail: 'No privilege escalation through setuid programs',
  },
  { key: 'user', snippet: 'user: "${1:10001:10001}"', detail: 'Run as a non-root user' },
  { key: 'tmpfs', snippet: 'tmpfs:\n${indent}  - /tmp', detail: 'Writable scratch space for a read-only container' },
];

const HARDENING_VALUES: Record<string, string[]> = {
  read_only: ['true'],
  privileged: ['false'],
  user: ['"10001:10001"'],
  network_mode: ['bridge'],
};

function lineBefore(document: TextDocument, position: Position): string {
  return document.getText({ start: { line: position.line, character: 0 }, end: position });
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function policyCompletions(document: TextDocument, position: Position): CompletionItem[] {
  const before = lineBefore(document, position);
  if (/^#{1,6} ?[\w ]*$/.test(before) || before.trim() === '') {
    const text = document.getText();
    const present = new Set<SectionMeaning>();
    for (const match of text.matchAll(/^#{1,6}[ \t]+([^\n]{0,200})$/gm)) {
      const meaning = sectionMeaning(match[1]);
      if (meaning) present.add(meaning);
    }
    const depth = before.startsWith('#') ? (/^#+/.exec(before)?.[0] ?? '##') : '##';
    return CANONICAL_ORDER.filter((meaning) => !present.has(meaning)).map((meaning, index) => ({
      label: `${depth} ${SECTION_TITLES[meaning]}`,
      kind: CompletionItemKind.Module,
      detail: 'Missing policy section',
      sortText: String(index).padStart(2, '0'),
      filterText: `${depth} ${SECTION_TITLES[meaning]}`,
      textEdit: {
        range: { start: { line: position.line, character: 0 }, end: position },
        newText: `${depth} ${SECTION_TITLES[meaning]}`,
      },
    }));
  }
  if (before.trimStart().startsWith('|') && (before.match(/\|/g)?.length ?? 0) >= 2) {
    return MARKERS.map((marker) => ({
      label: marker,
      kind: CompletionItemKind.EnumMember,
      detail: 'Supported marker',
    }));
  }
  if (/\bwithin\s+\S{0,20}$/i.test(before)) {
    return DURATIONS.map((duration, index) => ({
      label: duration,
      kind: CompletionItemKind.Value,
      detail: 'Response time',
      sortText: String(index).padStart(2, '0'),
    }));
  }
  return [];
}

/** The keys of the map that holds the cursor's line, and the key of its parent, found by indentation. */
function enclosingMap(
  lines: string[],
  line: number,
  indent: number,
): { parent?: string; grandparent?: string; keys: Set<string> } {
  const keys = new Set<string>();
  let parent: string | undefined;
  let parentIndent = -1;
  for (let index = line - 1; index >= 0; index--) {
    const text = lines[index];
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    const current = indentOf(text);
    const key = /^\s*([\w.-]+):/.exec(text)?.[1];
    if (current === indent && key) keys.add(key);
    if (current < indent) {
      parent = key;
      parentIndent = current;
      break;
    }
  }
  for (let index = line + 1; index < lines.length; index++) {
    const text = lines[index];
    if (text.trim() === '') continue;
    if (indentOf(text) < indent) break;
    const key = indentOf(text) === indent ? /^\s*([\w.-]+):/.exec(text)?.[1] : undefined;
    if (key) keys.add(key);
  }
  let grandparent: string | undefined;
  if (parent !== undefined) {
    for (let index = line - 1; index >= 0; index--) {
      const text = lines[index];
      if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
      if (indentOf(text) < parentIndent) {
        grandparent = /^\s*([\w.-]+):/.exec(text)?.[1];
        break;
      }
    }
  }
  return { parent, grandparent, keys };
}

function composeCompletions(document: TextDocument, position: Position): CompletionItem[] {
  const before = lineBefore(document, position);
  const lines = document.getText().split(/\r?\n/);
  const indent = indentOf(before);
  const value = /^\s*(-\s+)?([\w.-]+)(:\s*|=)(\S*)$/.exec(before);
  if (value) {
    const [, dash, key, separator] = value;
    const { parent } = enclosingMap(lines, position.line, indent);
    if (parent === 'environment' && isCredentialKey(key) && (dash ? separator === '=' : separator.startsWith(':'))) {
      return [
        {
          label: `\${${key}:?set ${key} in .env}`,
          kind: CompletionItemKind.Variable,
          detail: 'Required from .env: Compose refuses to start without it',
          sortText: '0',
        },
      ];
    }
    if (!dash && separator.startsWith(':') && HARDENING_VALUES[key]) {
      return HARDENING_VALUES[key].map((label) => ({ label, kind: CompletionItemKind.Value }));
    }
    return [];
  }
  if (!/^\s*[\w-]*$/.test(before)) return [];
  const { parent, grandparent, keys } = enclosingMap(lines, position.line, indent);
  if (grandparent !== 'services' || parent === undefined) return [];
  const padding = ' '.repeat(indent);
  return HARDENING_KEYS.filter((entry) => !keys.has(entry.key)).map((entry, index) => ({
    label: entry.key,
    kind: CompletionItemKind.Property,
    detail: entry.detail,
    sortText: `0${index}`,
    insertTextFormat: InsertTextFormat.Snippet,
    insertText: entry.snippet.replace(/\$\{indent\}/g, padding),
  }));
}

/** The completions at `position`; `now` (an ISO date-time, read by the caller) dates a security.txt `Expires`. */
export function completions(
  kind: DocumentKind,
  document: TextDocument,
  position: Position,
  now: string,
): CompletionItem[] {
  if (kind === 'policy') return policyCompletions(document, position);
  if (kind === 'securitytxt') return securityTxtCompletions(document, position, now);
  return kind === 'compose' ? composeCompletions(document, position) : [];
}
