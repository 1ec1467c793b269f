import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { fixAllEdits, applyEdits } from '../../server/src/engine/fixes';
import { lintParsed, parse, type AnyRule, type ParsedDocument } from '../../server/src/engine/lint';
import { buildProject } from '../../server/src/formats/compose/project';
import type { Finding, MessageData, ProjectFacts, Severity } from '../../server/src/core/types';
import { isUnattended } from '../../server/src/engine/fixes';

/** Where a finding is expected, 1-based like an editor shows it, and what it says. */
export interface ExpectedFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The key of the rule's `meta.messages` the finding uses, and the values its placeholders get. */
  messageId?: string;
  data?: MessageData;
  /** The whole message, where a case is about the wording itself. */
  message?: string | RegExp;
  severity?: Severity;
  /** Titles of the fixes offered, in order. */
  fixes?: string[];
}

export interface ValidCase {
  name?: string;
  code: string;
  facts?: ProjectFacts;
  /** Other files of a Compose project, beside the file under test (`compose.yaml`): env files, bases. */
  files?: Record<string, string>;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /** The text after applying each finding's automatic fix; `null` when no fix applies. */
  output: string | null;
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** Random bytes that are the same on every run, so generated secrets in fixes can be asserted. */
export function fixedRandomBytes(count: number): Uint8Array {
  return Uint8Array.from({ length: count }, (_, index) => (index * 37 + 11) % 256);
}

/** The folder a test's Compose project lives in; its file under test is `compose.yaml` there. */
const PROJECT = '/project';

/** The document a case lints: the code alone, or the first file of a project with the case's other files. */
function parseCase(rule: AnyRule, code: string, files: Record<string, string> | undefined): ParsedDocument {
  if (!files || rule.meta.kind !== 'compose') return parse(rule.meta.kind, code);
  const references = new Map(Object.entries(files).map(([name, text]) => [`${PROJECT}/${name}`, { text }]));
  return buildProject({ files: [{ path: `${PROJECT}/compose.yaml`, text: code }], references }).files[0].model;
}

/** Runs one rule alone through the engine, and returns its findings. */
export function runRule(
  rule: AnyRule,
  code: string,
  facts: ProjectFacts = {},
  files?: Record<string, string>,
): Finding[] {
  // A rule that is off by default runs as the user who turns it on would see it.
  const config = rule.meta.defaultSeverity === 'off' ? { rules: { [rule.meta.id]: 'info' as const } } : undefined;
  return lintParsed(parseCase(rule, code, files), [rule], { facts, config, randomBytes: fixedRandomBytes }).findings;
}

function label(testCase: ValidCase): string {
  return testCase.name ?? testCase.code.slice(0, 60).replace(/\n/g, '⏎');
}

/**
 * Declares a mocha suite for a rule from a table of cases, RuleTester-style: valid cases must
 * produce nothing; invalid cases must produce exactly the expected findings, and applying the
 * automatic fixes must give `output`, which must then lint clean of this rule.
 */
export function ruleTester(rule: AnyRule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    it('has a test case for every message', () => {
      const used = new Set(
        cases.invalid.flatMap((testCase) =>
          runRule(rule, testCase.code, testCase.facts, testCase.files).map((f) => f.messageId),
        ),
      );
      assert.deepEqual(
        Object.keys(rule.meta.messages).filter((id) => !used.has(id)),
        [],
        'message ids no invalid case reports',
      );
    });

    it('has no duplicate cases', () => {
      const codes = [...cases.valid, ...cases.invalid].map((testCase) =>
        JSON.stringify([testCase.code, testCase.facts, testCase.files]),
      );
      assert.equal(new Set(codes).size, codes.length, 'two cases have the same code and facts');
    });

    for (const testCase of cases.valid) {
      it(`valid: ${label(testCase)}`, () => {
        assert.deepEqual(runRule(rule, testCase.code, testCase.facts, testCase.files), []);
      });
    }

    for (const testCase of cases.invalid) {
      it(`invalid: ${label(testCase)}`, () => {
        const findings = runRule(rule, testCase.code, testCase.facts, testCase.files);
        const actual = findings.map((finding, index) => {
          const expected = testCase.errors[index];
          const start = position(testCase.code, finding.start);
          const end = position(testCase.code, finding.end);
          return {
            line: start.line,
            column: start.column,
            endLine: end.line,
            endColumn: end.column,
            ...(expected?.messageId !== undefined ? { messageId: finding.messageId } : {}),
            ...(expected?.data !== undefined ? { data: finding.data } : {}),
            ...(expected?.message !== undefined
              ? {
                  message:
                    expected.message instanceof RegExp
                      ? expected.message.test(finding.message)
                        ? expected.message
                        : finding.message
                      : finding.message,
                }
              : {}),
            ...(expected?.severity !== undefined ? { severity: finding.severity } : {}),
            ...(expected?.fixes !== undefined ? { fixes: (finding.fixes ?? []).map((fix) => fix.title) } : {}),
          };
        });
        assert.deepEqual(actual, testCase.errors);
        for (const finding of findings) {
          assert.ok(
            finding.start >= 0 && finding.end <= testCase.code.length && finding.start <= finding.end,
            'range inside the document',
          );
          for (const [, name] of rule.meta.messages[finding.messageId].matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
            assert.ok(
              finding.data && name in finding.data,
              `placeholder {{${name}}} of "${finding.messageId}" has data`,
            );
          }
          const fixes = finding.fixes ?? [];
          if (rule.meta.fixable === undefined) assert.deepEqual(fixes, [], 'a rule without meta.fixable offers no fix');
          if (rule.meta.fixable === 'review') {
            assert.ok(!fixes.some(isUnattended), 'a rule whose fixes wait for review offers none unattended');
          }
        }

        const edits = fixAllEdits(findings);
        const output = edits.length > 0 ? applyEdits(testCase.code, edits) : null;
        assert.equal(output, testCase.output);
        if (output !== null && rule.meta.kind === 'compose' && parseDocument(testCase.code).errors.length === 0) {
          const errors = parseDocument(output).errors.map((error) => error.message);
          assert.deepEqual(errors, [], 'a Compose file that parsed before the fix parses after it');
        }
        if (output !== null) {
          const remaining = runRule(rule, output, testCase.facts, testCase.files).filter(
            (finding) => finding.fixes?.length,
          );
          assert.deepEqual(
            remaining.map((finding) => finding.message),
            [],
            'the fixed output still has fixable findings',
          );
        }
      });
    }
  });
}
