import { indentationAt, lineEnd, lineEnding, LineIndex, lineStart } from '../core/text';
import type { DocumentKind, Finding, SuppressedFinding, TextEdit } from '../core/types';

/**
 * Inline directives, in the vocabulary of markdownlint:
 * `disable-file`, `disable`, `enable`, `disable-line`, `disable-next-line`, each with an
 * optional list of rule ids (none means every rule) and, after ` -- `, the reason (as ESLint
 * writes it): `# secpolicy-disable-next-line compose/docker-socket -- Traefik reads the socket`.
 * Markdown writes them as `<!-- secpolicy-… -->`, YAML as `# secpolicy-…`.
 */
type Verb = 'disable-file' | 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

interface Directive {
  verb: Verb;
  /** Rule ids, or empty for all rules. */
  rules: string[];
  /** Why, as written after ` -- `. */
  reason?: string;
  line: number;
}

const VERB = /(disable-file|disable-next-line|disable-line|disable|enable)(?![\w-])/y;
const RULE_ID = /^[a-z]+\/[a-z0-9-]+$/;

/** One directive as written: where it starts, its verb, the words after it, and where it ends. */
interface Written {
  start: number;
  end: number;
  verb: Verb;
  /** The text between the verb and the end of the comment. */
  argument: string;
  argumentStart: number;
}

/**
 * Finds directives with a linear scan: each `secpolicy-` must follow `<!--` (Markdown) or `#`
 * (YAML) and optional blanks; Markdown ones end at `-->` on the same line, YAML ones at the line end.
 */
function scanDirectives(text: string, kind: DocumentKind): Written[] {
  const found: Written[] = [];
  const opener = kind === 'policy' ? '<!--' : '#';
  for (let at = text.indexOf('secpolicy-'); at !== -1; at = text.indexOf('secpolicy-', at + 1)) {
    let before = at;
    while (before > 0 && (text[before - 1] === ' ' || text[before - 1] === '\t')) before--;
    if (!text.startsWith(opener, before - opener.length)) continue;
    VERB.lastIndex = at + 'secpolicy-'.length;
    const verb = VERB.exec(text);
    if (!verb) continue;
    const argumentStart = VERB.lastIndex;
    let lineEnd = text.indexOf('\n', argumentStart);
    if (lineEnd === -1) lineEnd = text.length;
    let end = lineEnd;
    let argumentEnd = lineEnd;
    if (kind === 'policy') {
      const close = text.indexOf('-->', argumentStart);
      if (close === -1 || close > lineEnd) continue;
      argumentEnd = close;
      end = close + 3;
    }
    found.push({
      start: before - opener.length,
      end,
      verb: verb[1] as Verb,
      argument: text.slice(argumentStart, argumentEnd),
      argumentStart,
    });
  }
  return found;
}

/** A directive's words: the rule ids before ` -- `, and the reason after it. */
function splitArgument(argument: string): { rules: string; reason?: string } {
  const words = ` ${argument} `;
  const marker = words.search(/\s--\s/);
  if (marker === -1) return { rules: argument };
  const reason = words.slice(marker + 4).trim();
  return { rules: words.slice(0, marker), ...(reason ? { reason } : {}) };
}

function ruleIdsIn(argument: string): string[] {
  return splitArgument(argument)
    .rules.split(/[\s,]+/)
    .filter((word) => RULE_ID.test(word));
}

function parseDirectives(text: string, kind: DocumentKind, lines: LineIndex): Directive[] {
  const directives: Directive[] = [];
  for (const written of scanDirectives(text, kind)) {
    const { reason } = splitArgument(written.argument);
    directives.push({
      verb: written.verb,
      rules: ruleIdsIn(written.argument),
      ...(reason !== undefined ? { reason } : {}),
      line: lines.lineOf(written.start),
    });
  }
  return directives;
}

function applies(directive: Directive, ruleId: string): boolean {
  return directive.rules.length === 0 || directive.rules.includes(ruleId);
}

/** The findings inline directives leave on, and those they turn off, with the reason given. */
export interface DirectedFindings {
  findings: Finding[];
  suppressed: SuppressedFinding[];
}

/** The directive that turns `finding` off, if any: the last one that applies to its line. */
function suppressing(directives: Directive[], finding: Finding, line: number): Directive | undefined {
  let disabledBy: Directive | undefined;
  for (const directive of directives) {
    if (!applies(directive, finding.ruleId)) continue;
    switch (directive.verb) {
      case 'disable-file':
        return directive;
      case 'disable-line':
        if (directive.line === line) return directive;
        break;
      case 'disable-next-line':
        if (directive.line + 1 === line) return directive;
        break;
      case 'disable':
        if (directive.line <= line) disabledBy = directive;
        break;
      case 'enable':
        if (directive.line <= line) disabledBy = undefined;
        break;
    }
  }
  return disabledBy;
}

/** Splits the findings into those inline directives leave on and those they turn off. */
export function applyDirectives(text: string, kind: DocumentKind, findings: Finding[]): DirectedFindings {
  if (findings.length === 0 || !text.includes('secpolicy-')) return { findings, suppressed: [] };
  const lines = new LineIndex(text);
  const directives = parseDirectives(text, kind, lines);
  if (directives.length === 0) return { findings, suppressed: [] };
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const directive = suppressing(directives, finding, lines.lineOf(finding.start));
    if (!directive) kept.push(finding);
    else
      suppressed.push({ ...finding, ...(directive.reason !== undefined ? { justification: directive.reason } : {}) });
  }
  return { findings: kept, suppressed };
}

function comment(kind: DocumentKind, body: string): string {
  return kind === 'policy' ? `<!-- ${body} -->` : `# ${body}`;
}

/** An ATX heading line: a comment line above or below one splits nothing. */
const HEADING_LINE = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/**
 * The edit that turns `ruleId` off for the line holding `offset`: a `disable-next-line` directive
 * above it, indented like it. In Markdown, a line that continues a paragraph or a list (the line
 * above is text) gets a `disable-line` comment at its end instead: a comment line there would
 * split the paragraph or end the list. Undefined inside a Markdown table, where neither fits
 * (a comment line ends the table, a comment in a row is a cell): "for this file" is offered alone.
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
  if (kind === 'policy' && continuesText(text, start)) {
    // Before trailing blanks, which may be a hard line break.
    const end = start + text.slice(start, lineEnd(text, offset)).trimEnd().length;
    return { start: end, end, newText: ` ${comment(kind, `secpolicy-disable-line ${ruleId}`)}` };
  }
  const newText = indentation + comment(kind, `secpolicy-disable-next-line ${ruleId}`) + lineEnding(text);
  return { start, end: start, newText };
}

/** Whether the Markdown line starting at `start` follows a line of text it belongs with (neither blank nor a heading). */
function continuesText(text: string, start: number): boolean {
  if (start === 0 || HEADING_LINE.test(text.slice(start, lineEnd(text, start)))) return false;
  const previousStart = lineStart(text, start - 1);
  const previous = text.slice(previousStart, lineEnd(text, previousStart));
  return previous.trim() !== '' && !HEADING_LINE.test(previous);
}

/** The edit that turns `ruleId` off for the whole file: added to an existing `disable-file` directive, or a new one on top. */
export function disableFileEdit(text: string, kind: DocumentKind, ruleId: string): TextEdit {
  for (const written of scanDirectives(text, kind)) {
    if (written.verb !== 'disable-file' || ruleIdsIn(written.argument).length === 0) continue;
    const at = written.argumentStart + written.argument.trimEnd().length;
    return { start: at, end: at, newText: ` ${ruleId}` };
  }
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  return { start: bom, end: bom, newText: comment(kind, `secpolicy-disable-file ${ruleId}`) + lineEnding(text) };
}
