import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../../../server/src/rules';
import { inconsistentSeverityTimelines } from '../../../../server/src/rules/policy/inconsistent-severity-timelines';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(inconsistentSeverityTimelines, {
  valid: [
    {
      name: 'a nested list that shortens with severity, a range counting by its upper end',
      code: '# Security\n\n- **Resolution:** depends on severity\n  - Critical: 24-48 hours\n  - High: 7 days\n  - Medium: 30 days\n  - Low: 90 days\n',
    },
    {
      name: 'a table whose header gives the unit',
      code: '# Security\n\n| Severity | Fix (days) |\n| --- | --- |\n| Critical | 7 |\n| High | 30 |\n',
    },
    {
      name: 'equal deadlines are consistent',
      code: '# Security\n\n- Critical (CVSS 9+): 2 days\n- High: 2 days\n',
    },
    {
      name: 'look-alikes: CVSS bands and "high availability" are no deadlines',
      code: '# Security\n\nCVSS bands:\n\n- Critical: 9.0-10.0\n- High: 7.0-8.9\n\nOur goals:\n\n- High availability: 99.9%\n- Low latency: 20 ms\n',
    },
    {
      name: 'a severity column next to a column of notes',
      code: '# Security\n\n| Severity | Example |\n| --- | --- |\n| Critical | remote code execution |\n| Low | 2 verbose logs |\n',
    },
  ],
  invalid: [
    {
      name: 'Critical waits longer than High',
      code: '# Security\n\n## Fix Targets\n\n- **Critical:** 30 days\n- **High:** 7 days\n- **Low:** 90 days\n',
      errors: [
        {
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 24,
          severity: 'warning',
          messageId: 'inverted',
          data: { level: 'Critical', deadline: '30 days', fasterLevel: 'High', fasterDeadline: '7 days' },
          message:
            '"Critical" waits up to 30 days but the less severe "High" only 7 days: give more severe issues the shorter deadline.',
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: 'one column of a table is consistent, the other is not',
      code: '# Security\n\n| Severity | Acknowledge | Fix |\n| --- | --- | --- |\n| Critical | 24 hours | 90 days |\n| Low | 48 hours | 30 days |\n',
      errors: [
        {
          line: 5,
          column: 25,
          endLine: 5,
          endColumn: 32,
          messageId: 'inverted',
          data: { level: 'Critical', deadline: '90 days', fasterLevel: 'Low', fasterDeadline: '30 days' },
        },
      ],
      output: null,
    },
    {
      name: 'a deadline cell without a unit',
      code: '# Security\n\n| Severity | Fix within |\n| --- | --- |\n| Critical | 7 |\n| High | 30 days |\n',
      errors: [
        {
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 15,
          messageId: 'noUnit',
          data: { deadline: '7', level: 'Critical' },
          message: 'Deadline "7" for "Critical" has no unit: write "7 days" or "7 hours".',
        },
      ],
      output: null,
    },
    {
      name: 'priorities P0-P2 under a heading about deadlines, two without units',
      code: '# Security\n\nFix deadlines:\n\n- P0: 2\n- P1 - 7\n- P2: 2 weeks\n',
      errors: [
        { line: 5, column: 7, endLine: 5, endColumn: 8, messageId: 'noUnit', data: { deadline: '2', level: 'P0' } },
        { line: 6, column: 8, endLine: 6, endColumn: 9, messageId: 'noUnit', data: { deadline: '7', level: 'P1' } },
      ],
      output: null,
    },
  ],
});

/** The whole policy, every rule: our own text modelled on a self-hosted platform's policy. */
describe('a complete policy with severity deadlines (fixture: self-hosted platform)', () => {
  const text = readFileSync(join(__dirname, '..', '..', '..', 'fixtures', 'policy', 'platform-complete.md'), 'utf8');

  it('has no error and no warning', () => {
    const serious = lintText('policy', text, { facts: { packageVersion: '1.4.2' } }).findings.filter(
      (finding) => finding.severity !== 'info',
    );
    assert.deepEqual(
      serious.map((finding) => `${finding.ruleId}: ${finding.message}`),
      [],
    );
  });
});
