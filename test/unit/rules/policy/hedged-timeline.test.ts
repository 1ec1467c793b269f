import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../../../server/src/rules';
import { hedgedTimeline } from '../../../../server/src/rules/policy/hedged-timeline';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(hedgedTimeline, {
  valid: [
    { name: 'a firm acknowledgement time', code: '# Security\n\nWe acknowledge reports within 2 business days.\n' },
    { name: '"aim to" states a target, not a hedge', code: '# Security\n\nWe aim to respond within 48 hours.\n' },
    {
      name: 'a negated hedge: "not a best-effort target"',
      code: '# Security\n\nThis is a firm commitment, not a best-effort target: we respond within 2 days.\n',
    },
    {
      name: '"please try to" asks the reporter',
      code: '# Security\n\nPlease try to include a proof of concept; we reply within 3 days.\n',
    },
    {
      name: 'look-alikes: "we guarantee", "you can expect"',
      code: '# Security\n\nWe guarantee a response within 48 hours. You can expect a reply within 24 hours.\n',
    },
    {
      name: 'a hedged release cadence is no response or fix promise',
      code: '# Security\n\nWe try to release every 6 weeks. Usually we reply within 12 hours, and always within two days.\n',
    },
    {
      name: 'a hedge in another sentence that does not qualify this one',
      code: '# Security\n\nWe reply within 2 days. Fixes follow as soon as we can, with no guarantees about features.\n',
    },
  ],
  invalid: [
    {
      name: '"strive … do not count on replies" (a volunteer project)',
      code: '# Security\n\n## Reporting\n\nMail security@acme.dev.\n\nWe *strive* to reply to reports within 48 hours, but the project is run by volunteers, so do not count on replies within any fixed time frame.\n',
      errors: [
        {
          line: 7,
          column: 40,
          endLine: 7,
          endColumn: 48,
          severity: 'warning',
          messageId: 'hedged',
          data: { duration: '"48 hours"', hedges: '"strive" and "do not count on"' },
          message:
            'Hedged timeline: "48 hours" is undercut by "strive" and "do not count on". State a time you can keep, without the hedge.',
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: '"try to respond" and a fix time "where possible"',
      code: '# Security\n\nWe will try to respond within 3 days.\n\nFixes for critical issues ship within 7 days where possible.\n',
      errors: [
        {
          line: 3,
          column: 31,
          endLine: 3,
          endColumn: 37,
          messageId: 'hedged',
          data: { duration: '"3 days"', hedges: '"try"' },
        },
        {
          line: 5,
          column: 39,
          endLine: 5,
          endColumn: 45,
          messageId: 'hedged',
          data: { duration: '"7 days"', hedges: '"where possible"' },
        },
      ],
      output: null,
    },
    {
      name: 'a disclaimer in the next sentence, and "best effort" in a table row',
      code: '# Security\n\nWe respond within 48 hours. However, this is best effort and not guaranteed.\n\n| Stage | Target |\n| --- | --- |\n| Acknowledgement | 2 days (best effort) |\n',
      errors: [
        {
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 27,
          messageId: 'hedged',
          data: { duration: '"48 hours"', hedges: '"best effort" and "not guaranteed"' },
        },
        {
          line: 7,
          column: 21,
          endLine: 7,
          endColumn: 27,
          messageId: 'hedged',
          data: { duration: '"2 days"', hedges: '"best effort"' },
        },
      ],
      output: null,
    },
    {
      name: '"cannot promise" and "no guarantee"',
      code: '# Security\n\nWe cannot promise to acknowledge reports within 5 days, and there is no guarantee of a fix within 30 days.\n',
      errors: [
        {
          line: 3,
          column: 49,
          endLine: 3,
          endColumn: 55,
          messageId: 'hedged',
          data: { duration: '"5 days"', hedges: '"cannot promise" and "no guarantee"' },
        },
        {
          line: 3,
          column: 99,
          endLine: 3,
          endColumn: 106,
          messageId: 'hedged',
          data: { duration: '"30 days"', hedges: '"cannot promise" and "no guarantee"' },
        },
      ],
      output: null,
    },
  ],
});

/** The whole policy, every rule: our own text modelled on a small volunteer project's policy. */
describe('policy/hedged-timeline on a whole policy (fixture: volunteer project)', () => {
  const text = readFileSync(join(__dirname, '..', '..', '..', 'fixtures', 'policy', 'volunteer-hedged.md'), 'utf8');

  it('gets hedged-timeline and no-supported-versions as its only warnings, and no error', () => {
    const findings = lintText('policy', text).findings;
    const serious = findings.filter((finding) => finding.severity !== 'info');
    assert.deepEqual(
      serious.map((finding) => [finding.ruleId, finding.severity]),
      [
        ['policy/no-supported-versions', 'warning'],
        ['policy/hedged-timeline', 'warning'],
      ],
    );
    const hedge = serious[1];
    assert.equal(text.slice(hedge.start, hedge.end), '48 hours');
    assert.equal(hedge.messageId, 'hedged');
    assert.deepEqual(hedge.data, { duration: '"48 hours"', hedges: '"strive" and "do not expect"' });
  });
});
