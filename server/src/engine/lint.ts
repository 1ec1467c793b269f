import type {
  Config,
  DocumentKind,
  Finding,
  Fix,
  ParsedModel,
  SuppressedFinding,
  ProjectFacts,
  Report,
  Rule,
  Severity,
} from '../core/types';
import { buildProject, type ComposeProjectInput } from '../formats/compose/project';
import type { ComposeModel } from '../formats/compose/model';
import { parseDotenv, type DotenvModel } from '../formats/dotenv';
import { type PolicyModel } from '../formats/policy/model';
import { parsePolicy } from '../formats/policy/parse';
import { parseSecurityTxt, type SecurityTxtModel } from '../formats/securitytxt';
import { secureRandomBytes, type RandomBytes } from '../secrets/generate';
import { configuredSeverity } from './config';
import { applyDirectives } from './directives';
import { skipReason } from './limits';

export type ParsedDocument = PolicyModel | ComposeModel | DotenvModel | SecurityTxtModel;

export type AnyRule = Rule<PolicyModel> | Rule<ComposeModel> | Rule<DotenvModel> | Rule<SecurityTxtModel>;

export interface LintOptions {
  config?: Config;
  facts?: ProjectFacts;
  /** Where generated secrets come from; the platform's secure generator unless a test fixes it. */
  randomBytes?: RandomBytes;
}

export interface RuleFailure {
  ruleId: string;
  error: unknown;
}

export interface LintResult {
  findings: Finding[];
  /** Findings inline directives turned off: reported to CI (SARIF suppressions), never counted. */
  suppressed?: SuppressedFinding[];
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
      // A file linted alone is a project of one file: extends within it are followed.
      return buildProject({ files: [{ path: '', text }], references: new Map() }).files[0].model;
    case 'dotenv':
      return parseDotenv(text);
    case 'securitytxt':
      return parseSecurityTxt(text);
  }
}

/**
 * A report's message: the rule's template for its `messageId` with each `{{name}}` filled from its
 * data. A report naming no template is a bug in the rule, and throws (the rule is then reported failed).
 */
export function formatMessage(messages: Record<string, string>, report: Pick<Report, 'messageId' | 'data'>): string {
  const template = messages[report.messageId];
  if (template === undefined) throw new Error(`no message "${report.messageId}"`);
  const data = report.data ?? {};
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (placeholder, name: string) =>
    name in data ? String(data[name]) : placeholder,
  );
}

/** Whether a fix's edits to this document lie inside it and apart from each other (two at one point have no order). */
function fitsText(fix: Fix, length: number): boolean {
  const own = fix.edits.filter((edit) => edit.path === undefined).sort((a, b) => a.start - b.start || a.end - b.end);
  return own.every(
    (edit, index) =>
      0 <= edit.start &&
      edit.start <= edit.end &&
      edit.end <= length &&
      (index === 0 ||
        (own[index - 1].end <= edit.start &&
          !(own[index - 1].start === edit.start && own[index - 1].end === edit.end))),
  );
}

/** Findings by rule id, per parsed document, for the rules a lint has run on it. */
type FindingsMemo = WeakMap<ParsedModel, Map<string, Finding[]>>;

/**
 * Runs one rule on a parsed document. Ranges and edits that do not fit the text, or edits that
 * overlap (a rule misreading broken input), must never reach an editor: the range is clamped,
 * and such a fix is dropped. A rule that throws is recorded in `failures`.
 */
function runRule(
  rule: AnyRule,
  parsed: ParsedDocument,
  severity: (found: Report) => Severity,
  facts: ProjectFacts,
  shared: { rules: readonly AnyRule[]; randomBytes: RandomBytes; memo: FindingsMemo; failures: RuleFailure[] },
): Finding[] {
  const findings: Finding[] = [];
  const length = parsed.text.length;
  const report = (found: Report) => {
    const start = Math.min(Math.max(found.start, 0), length);
    const end = Math.min(Math.max(found.end, start), length);
    const fixes = found.fixes?.filter((fix) => fitsText(fix, length));
    findings.push({
      ruleId: rule.meta.id,
      severity: severity(found),
      message: formatMessage(rule.meta.messages, found),
      messageId: found.messageId,
      ...(found.data ? { data: found.data } : {}),
      start,
      end,
      ...(fixes && fixes.length > 0 ? { fixes } : {}),
      ...(found.related && found.related.length > 0 ? { related: found.related } : {}),
      ...(rule.meta.reportsUnreadable ? { unreadable: true as const } : {}),
    });
  };
  const findingsOf = (document: ParsedModel, ruleIds: readonly string[], factsThere: ProjectFacts): Finding[] =>
    ruleIds.flatMap((ruleId) => {
      let byRule = shared.memo.get(document);
      if (!byRule) shared.memo.set(document, (byRule = new Map()));
      let found = byRule.get(ruleId);
      if (!found) {
        const other = shared.rules.find((candidate) => candidate.meta.id === ruleId);
        found =
          other && other.meta.kind === document.kind && other !== rule
            ? runRule(
                other,
                document as ParsedDocument,
                (report) => report.severity ?? defaultSeverityOf(other),
                factsThere,
                shared,
              )
            : [];
        byRule.set(ruleId, found);
      }
      return found;
    });
  try {
    (rule as Rule<ParsedDocument>).check(parsed, { report, facts, randomBytes: shared.randomBytes, findingsOf });
  } catch (error) {
    shared.failures.push({ ruleId: rule.meta.id, error });
    return [];
  }
  return findings;
}

/** A rule's default severity, as a rule it reads sees it (`off` rules still find what they find). */
function defaultSeverityOf(rule: AnyRule): Severity {
  return rule.meta.defaultSeverity === 'off' ? 'info' : rule.meta.defaultSeverity;
}

/** Runs the `rules` of the document's kind, then applies severity overrides and inline directives. */
export function lintParsed(parsed: ParsedDocument, rules: readonly AnyRule[], options: LintOptions = {}): LintResult {
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  const overrides = options.config?.rules ?? {};
  const facts = options.facts ?? {};
  const shared = { rules, randomBytes: options.randomBytes ?? secureRandomBytes, memo: new WeakMap(), failures };
  const byRule = new Map<string, Finding[]>();
  shared.memo.set(parsed, byRule);
  for (const rule of rules) {
    if (rule.meta.kind !== parsed.kind) continue;
    const setting = configuredSeverity(options.config, rule.meta);
    if (setting === 'off') continue;
    const userSeverity: Severity | undefined = overrides[rule.meta.id] as Severity | undefined;
    const found = runRule(
      rule,
      parsed,
      (report) => userSeverity ?? report.severity ?? (setting as Severity),
      facts,
      shared,
    );
    // What a rule reads of another is what the rule finds, whichever severity the user gave it.
    if (!userSeverity) byRule.set(rule.meta.id, found);
    findings.push(...found);
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  const directed = applyDirectives(parsed.text, parsed.kind, findings);
  return {
    findings: directed.findings,
    ...(directed.suppressed.length > 0 ? { suppressed: directed.suppressed } : {}),
    failures,
  };
}

/** Lints a document's text with `rules`, unless it is too large, binary or pathologically nested. */
export function lintText(
  kind: DocumentKind,
  text: string,
  rules: readonly AnyRule[],
  options: LintOptions = {},
): LintResult {
  const skipped = skipReason(kind, text);
  if (skipped) return { findings: [], failures: [], skipped };
  return lintParsed(parse(kind, text), rules, options);
}

/**
 * Lints the Compose files of one project together: each file is parsed once, the project is built
 * from them (overrides, includes, extends, env files), and every file is linted with that view,
 * with the options `optionsFor` gives its path. A file too large or too deep is skipped with its
 * reason, and the project is built without it.
 */
export function lintComposeProject(
  input: ComposeProjectInput,
  rules: readonly AnyRule[],
  optionsFor: (path: string) => LintOptions,
): Map<string, LintResult> {
  const results = new Map<string, LintResult>();
  const files = input.files.filter((file) => {
    const skipped = skipReason('compose', file.text);
    if (skipped) results.set(file.path, { findings: [], failures: [], skipped });
    return !skipped;
  });
  const project = buildProject({ ...input, files });
  for (const file of project.files) results.set(file.path, lintParsed(file.model, rules, optionsFor(file.path)));
  return results;
}
