import { indentationAt, lineEnding, lineStart } from '../formats/text';
import type { DocumentKind, Finding, TextEdit } from './types';

/**
 * Inline directives, in the vocabulary of markdownlint:
 * `disable-file`, `disable`, `enable`, `disable-line`, `disable-next-line`, each with an
 * optional list of rule ids (none means every rule).
 * Markdown writes them as `<!-- secpolicy-… -->`, YAML as `# secpolicy-…`.
 */
type Verb = 'disable-file' | 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

interface Directive {
  verb: Verb;
  /** Rule ids, or empty for all rules. */
  rules: string[];
  line: number;
}

const MARKDOWN_DIRECTIVE =
  /<!--[ \t]*secpolicy-(disable-file|disable-next-line|disable-line|disable|enable)\b([^>\n]*)-->/g;
const HASH_DIRECTIVE = /#[ \t]*secpolicy-(disable-file|disable-next-line|disable-line|disable|enable)\b([^\n]*)/g;
const RULE_ID = /^[a-z]+\/[a-z0-9-]+$/;

function directivePattern(kind: DocumentKind): RegExp {
  return kind === 'policy' ? MARKDOWN_DIRECTIVE : HASH_DIRECTIVE;
}

/** Offsets at which each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

function parseDirectives(text: string, kind: DocumentKind, starts: number[]): Directive[] {
  const directives: Directive[] = [];
  for (const match of text.matchAll(directivePattern(kind))) {
    const rules = match[2].split(/[\s,]+/).filter((word) => RULE_ID.test(word));
    directives.push({ verb: match[1] as Verb, rules, line: lineOf(starts, match.index) });
  }
  return directives;
}

function applies(directive: Directive, ruleId: string): boolean {
  return directive.rules.length === 0 || directive.rules.includes(ruleId);
}

/** Drops the findings that inline directives turn off. */
export function applyDirectives(text: string, kind: DocumentKind, findings: Finding[]): Finding[] {
  if (findings.length === 0 || !text.includes('secpolicy-')) return findings;
  const starts = lineStarts(text);
  const directives = parseDirectives(text, kind, starts);
  if (directives.length === 0) return findings;
  return findings.filter((finding) => {
    const line = lineOf(starts, finding.start);
    let disabled = false;
    for (const directive of directives) {
      if (!applies(directive, finding.ruleId)) continue;
      switch (directive.verb) {
        case 'disable-file':
          return false;
        case 'disable-line':
          if (directive.line === line) return false;
          break;
        case 'disable-next-line':
          if (directive.line + 1 === line) return false;
          break;
        case 'disable':
          if (directive.line <= line) disabled = true;
          break;
        case 'enable':
          if (directive.line <= line) disabled = false;
          break;
      }
    }
    return !disabled;
  });
}

function comment(kind: DocumentKind, body: string): string {
  return kind === 'policy' ? `<!-- ${body} -->` : `# ${body}`;
}

/**
 * The edit that turns `ruleId` off for the line holding `offset`: a `disable-next-line` directive
 * above it, indented like it. Undefined inside a Markdown table, where a comment line would end the table.
 */
export function disableLineEdit(
  text: string,
  kind: DocumentKind,
  offset: number,
  ruleId: string,
): TextEdit | undefined {
  const start = lineStart(text, offset);
  const indentation = indentationAt(text, offset);
  if (kind === 'policy' && text.startsWith('|', start + indentation.length)) return undefined;
  const newText = indentation + comment(kind, `secpolicy-disable-next-line ${ruleId}`) + lineEnding(text);
  return { start, end: start, newText };
}

/** The edit that turns `ruleId` off for the whole file: added to an existing `disable-file` directive, or a new one on top. */
export function disableFileEdit(text: string, kind: DocumentKind, ruleId: string): TextEdit {
  const pattern = directivePattern(kind);
  for (const match of text.matchAll(pattern)) {
    if (match[1] !== 'disable-file') continue;
    const rules = match[2].split(/[\s,]+/).filter((word) => RULE_ID.test(word));
    if (rules.length === 0) continue;
    const at =
      match.index + match[0].length - (kind === 'policy' ? 3 : 0) - (match[2].length - match[2].trimEnd().length);
    return { start: at, end: at, newText: ` ${ruleId}` };
  }
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  return { start: bom, end: bom, newText: comment(kind, `secpolicy-disable-file ${ruleId}`) + lineEnding(text) };
}
