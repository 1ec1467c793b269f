import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../../../server/src/rules';
import { hedgedTimeline } from '../../../../server/src/rules/policy/hedged-timeline';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(hedgedTimeline, {
  valid: [
    { name: 'a firm acknowledgement time', code: '# Security\n\nWe acknowledge reports within 2 business days.\n' },
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
    {
      name: '"should" and "may" asked of the reporter: a follow-up threshold, an escalation',
      code: '# Security\n\nIf you have not heard back within 7 days, you should follow up. If you do not receive an acknowledgement within 6 business days, you may escalate to the foundation.\n',
    },
    {
      name: '"may" in another clause: "reports may be sent by email"',
      code: '# Security\n\nReports may be sent by email, and we respond within 48 hours.\n',
    },
    {
      name: 'a hedge on the disclosure date, not on a response or fix',
      code: '# Security\n\nTypically, the embargo date is set 72 hours after the CVE is issued.\n',
    },
    {
      name: 'a hedge on what follows "and": "as soon as possible", "depend on"',
      code: '# Security\n\nWe acknowledge reports within 48 hours and fix them as soon as possible.\n\nWe triage within 2 days and fix times depend on severity.\n',
    },
    {
      name: 'a range that the severity explains',
      code: '# Security\n\nFixes ship within 1-4 weeks depending on severity.\n',
    },
    {
      name: '"strive" in a separate bullet, about resolving',
      code: '# Security\n\n- We will respond to your report within 3 business days.\n- We strive to resolve all problems as quickly as possible.\n',
    },
    {
      name: 'the next sentence is about something else: "Browser extensions…"',
      code: '# Security\n\nWe reply within 2 days. Browser extensions are out of scope.\n',
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
      name: '"cannot promise" reaches the whole sentence; "no guarantee" after "and" only what follows it',
      code: '# Security\n\nWe cannot promise to acknowledge reports within 5 days, and there is no guarantee of a fix within 30 days.\n',
      errors: [
        {
          line: 3,
          column: 49,
          endLine: 3,
          endColumn: 55,
          messageId: 'hedged',
          data: { duration: '"5 days"', hedges: '"cannot promise"' },
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
    {
      name: 'effort: "we aim to", "our goal is", German "Wir werden uns bemühen"',
      code: '# Security\n\nWe aim to respond within 48 hours. Our goal is to ship a fix within two\nweeks.\n\nWir werden uns bemühen, Ihre Meldung innerhalb von 48 Stunden zu bestätigen.\n',
      errors: [
        {
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 34,
          messageId: 'hedged',
          data: { duration: '"48 hours"', hedges: '"aim"' },
        },
        {
          line: 3,
          column: 69,
          endLine: 4,
          endColumn: 6,
          messageId: 'hedged',
          data: { duration: '"two weeks"', hedges: '"Our goal is"' },
        },
        {
          line: 6,
          column: 52,
          endLine: 6,
          endColumn: 62,
          messageId: 'hedged',
          data: { duration: '"48 Stunden"', hedges: '"bemühen"' },
        },
      ],
      output: null,
    },
    {
      name: '"should" on the reply the reporter receives, and on steps under a "Fix" heading',
      code: '# Security\n\nYou should receive a response within 24 hours.\n\n## Fix Team Organization\n\nThese steps should be completed within the first 24 hours of disclosure.\n',
      errors: [
        {
          line: 3,
          column: 38,
          endLine: 3,
          endColumn: 46,
          messageId: 'hedged',
          data: { duration: '"24 hours"', hedges: '"should"' },
        },
        {
          line: 7,
          column: 50,
          endLine: 7,
          endColumn: 58,
          messageId: 'hedged',
          data: { duration: '"24 hours"', hedges: '"should"' },
        },
      ],
      output: null,
    },
    {
      name: 'typical times: "Normally, …", "Typically addressed", "in most cases", and "These timelines may extend"',
      code: '# Security\n\nNormally, your report will be acknowledged within 5 days. These timelines may extend in August.\n\n- Critical: Typically addressed within 14 days.\n\nWe respond within 48 hours in most cases.\n',
      errors: [
        {
          line: 3,
          column: 51,
          endLine: 3,
          endColumn: 57,
          messageId: 'hedged',
          data: { duration: '"5 days"', hedges: '"Normally" and "may extend"' },
        },
        {
          line: 5,
          column: 40,
          endLine: 5,
          endColumn: 47,
          messageId: 'hedged',
          data: { duration: '"14 days"', hedges: '"Typically"' },
        },
        {
          line: 7,
          column: 19,
          endLine: 7,
          endColumn: 27,
          messageId: 'hedged',
          data: { duration: '"48 hours"', hedges: '"in most cases"' },
        },
      ],
      output: null,
    },
    {
      name: 'a fix time that depends, that may need an extension, or that has rare exceptions',
      code: '# Security\n\nConfirmed vulnerabilities will be fixed within 90 days, depending on the severity.\n\nFixes are released within 30 days of disclosure. If an extension is needed, we will work with you.\n\nYou can expect an answer within 3 days, in rare cases within a month.\n',
      errors: [
        {
          line: 3,
          column: 48,
          endLine: 3,
          endColumn: 55,
          messageId: 'hedged',
          data: { duration: '"90 days"', hedges: '"depending on"' },
        },
        {
          line: 5,
          column: 27,
          endLine: 5,
          endColumn: 34,
          messageId: 'hedged',
          data: { duration: '"30 days"', hedges: '"an extension"' },
        },
        {
          line: 7,
          column: 33,
          endLine: 7,
          endColumn: 39,
          messageId: 'hedged',
          data: { duration: '"3 days"', hedges: '"in rare cases"' },
        },
      ],
      output: null,
    },
    {
      name: 'disowned promises: "we do not guarantee", "targets, not guarantees", an open alternative',
      code: '# Security\n\nWe do not guarantee a reply within 5 business days.\n\nWe triage within 48 hours. These are targets, not guarantees.\n\nWe respond within 2 days or as soon as possible.\n',
      errors: [
        {
          line: 3,
          column: 36,
          endLine: 3,
          endColumn: 51,
          messageId: 'hedged',
          data: { duration: '"5 business days"', hedges: '"do not guarantee"' },
        },
        {
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 26,
          messageId: 'hedged',
          data: { duration: '"48 hours"', hedges: '"are targets" and "not guarantees"' },
        },
        {
          line: 7,
          column: 19,
          endLine: 7,
          endColumn: 25,
          messageId: 'hedged',
          data: { duration: '"2 days"', hedges: '"as soon as possible"' },
        },
      ],
      output: null,
    },
    {
      name: '"we will try" on an approximate count: "within a few days"',
      code: '# Security\n\nWe will try to get back to you within a few days.\n',
      errors: [
        {
          line: 3,
          column: 39,
          endLine: 3,
          endColumn: 49,
          messageId: 'hedged',
          data: { duration: '"a few days"', hedges: '"try"' },
        },
      ],
      output: null,
    },
    {
      name: 'a list item whose later line is indented: the finding sits on the words',
      code: '# Security\n\n- We acknowledge every report, usually within\n  3 business\n  days.\n',
      errors: [
        {
          line: 4,
          column: 3,
          endLine: 5,
          endColumn: 7,
          messageId: 'hedged',
          data: { duration: '"3 business days"', hedges: '"usually"' },
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
