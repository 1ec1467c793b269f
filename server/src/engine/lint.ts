import { parseCompose, type ComposeModel } from '../formats/compose';
import { parseDotenv, type DotenvModel } from '../formats/dotenv';
import { parsePolicy, type PolicyModel } from '../formats/policy';
import { parseSecurityTxt, type SecurityTxtModel } from '../formats/securitytxt';
import { allRules } from '../rules';
import { applyDirectives } from './directives';
import { skipReason } from './limits';
import type { Config, DocumentKind, Finding, ProjectFacts, Report, Rule, Severity } from './types';

export type ParsedDocument = PolicyModel | ComposeModel | DotenvModel | SecurityTxtModel;

export interface LintOptions {
  config?: Config;
  facts?: ProjectFacts;
}

export interface RuleFailure {
  ruleId: string;
  error: unknown;
}

export interface LintResult {
  findings: Finding[];
  /** Rules that threw; the other rules' findings are still returned. */
  failures: RuleFailure[];
  /** Why the document was not linted at all (too large, binary, pathologically nested). */
  skipped?: string;
}

export function parse(kind: DocumentKind, text: string): ParsedDocument {
  switch (kind) {
    case 'policy':
      return parsePolicy(text);
    case 'compose':
      return parseCompose(text);
    case 'dotenv':
      return parseDotenv(text);
    case 'securitytxt':
      return parseSecurityTxt(text);
  }
}

/** Runs every rule for the document's kind, then applies severity overrides and inline directives. */
export function lintParsed(parsed: ParsedDocument, options: LintOptions = {}): LintResult {
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  const overrides = options.config?.rules ?? {};
  const facts = options.facts ?? {};
  const length = parsed.text.length;
  for (const rule of allRules) {
    if (rule.meta.kind !== parsed.kind) continue;
    const setting = overrides[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (setting === 'off') continue;
    const userSeverity: Severity | undefined = overrides[rule.meta.id] as Severity | undefined;
    const report = (found: Report) => {
      // A range or an edit that does not fit the text (a rule misreading broken input) must
      // never reach an editor: the range is clamped, and such a fix is dropped.
      const start = Math.min(Math.max(found.start, 0), length);
      const end = Math.min(Math.max(found.end, start), length);
      const fixes = found.fixes?.filter((fix) =>
        fix.edits.every(
          (edit) => edit.path !== undefined || (0 <= edit.start && edit.start <= edit.end && edit.end <= length),
        ),
      );
      findings.push({
        ruleId: rule.meta.id,
        severity: userSeverity ?? found.severity ?? (setting as Severity),
        message: found.message,
        start,
        end,
        ...(fixes && fixes.length > 0 ? { fixes } : {}),
      });
    };
    try {
      (rule as Rule<ParsedDocument>).check(parsed, { report, facts });
    } catch (error) {
      failures.push({ ruleId: rule.meta.id, error });
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { findings: applyDirectives(parsed.text, parsed.kind, findings), failures };
}

export function lintText(kind: DocumentKind, text: string, options: LintOptions = {}): LintResult {
  const skipped = skipReason(kind, text);
  if (skipped) return { findings: [], failures: [], skipped };
  return lintParsed(parse(kind, text), options);
}
