import { noResponseTimeline } from '../../../../server/src/rules/policy/no-response-timeline';
import { ruleTester } from '../../../helpers/rule-tester';

const TIMES =
  'We acknowledge every report within 3 business days and send a first assessment within 10 business days.\nWe keep you informed until the issue is fixed and disclosed, and credit you unless you prefer otherwise.';
const TIMES_CRLF = TIMES.replace('\n', '\r\n');

ruleTester(noResponseTimeline, {
  valid: [
    {
      name: 'a "What to Expect" list with an acknowledgment deadline',
      code: '# Security Policy\n\n## Reporting a Vulnerability\n\nMail security@quarry.dev with the steps to reproduce.\n\n### What to Expect\n\n- **Acknowledgment:** Within 48 hours\n- **First assessment:** Within 5 business days\n- **Fix:** Depends on severity\n',
    },
    {
      name: 'a hedged promise still states a timeline (another rule flags the hedge)',
      code: '# Security Policy\n\n## Reporting a Vulnerability\n\nEmail security@lanternfish.io and keep the whole report in the message body.\n\nWe will _strive_ to respond to submissions within 48 hours, but the project is run by volunteers, so do not expect consistent replies within any specific time frame.\n',
    },
    {
      name: 'a plain acknowledgement sentence',
      code: '# Security\n\nWe acknowledge reports within 2 business days.\n',
    },
    { name: 'a range of hours', code: '# Security\n\nYou will hear back from a maintainer in 24-48 hours.\n' },
    { name: 'a compact unit', code: '# Security\n\nExpect a reply within 72h.\n' },
    { name: 'a number in words', code: '# Security\n\nA maintainer will get back to you within one week.\n' },
    { name: 'reach out', code: '# Security\n\nA maintainer will reach out within 3 days.\n' },
    { name: 'confirming receipt', code: '# Security\n\nWe confirm receipt of every report within 2 working days.\n' },
    {
      name: 'a duration in a section about the response process',
      code: '# Security\n\n## Timeline\n\n1. Within 3 days we tell you whether we accept the issue.\n',
    },
    {
      name: 'a table row naming the acknowledgement in another cell',
      code: '# Security\n\n## Reporting\n\nEmail security@acme.dev.\n\n| Stage | Target |\n| --- | --- |\n| Acknowledgement | 2 business days |\n| Fix | 90 days |\n',
    },
    {
      name: 'a fix deadline for confirmed vulnerabilities',
      code: '# Security\n\nEmail security@acme.dev. Confirmed vulnerabilities are fixed within 90 days.\n',
    },
    {
      name: 'a severity table of fix targets',
      code: '# Security\n\n## Reporting\n\nEmail security@acme.dev.\n\n| Severity | Fix target |\n| --- | --- |\n| Critical | 7 days |\n',
    },
    { name: 'emails "addressed"', code: '# Security\n\nEmails will be addressed within 3 business days.\n' },
    {
      name: 'a number in words and in digits',
      code: '# Security\n\nA maintainer will acknowledge the report within three (3) business days.\n',
    },
    { name: 'the next business day', code: '# Security\n\nWe reply by the next business day.\n' },
    { name: 'an approximate count: "a few days"', code: '# Security\n\nA maintainer will reply within a few days.\n' },
    {
      name: 'a follow-up threshold tells the reporter when to expect a reply',
      code: '# Security\n\nIf you have not received a reply within 7 days, please follow up.\n',
    },
    {
      name: 'steps under a heading that names the fix',
      code: '# Security\n\n## Fix Development Process\n\nThese steps should be completed within 1-7 days of disclosure.\n',
    },
    {
      name: 'German: "innerhalb von 48 Stunden bestätigen"',
      code: '# Sicherheit\n\nWir werden Ihre Meldung innerhalb von 48 Stunden bestätigen.\n',
    },
    { name: 'Japanese: "報告の確認：24時間以内"', code: '# セキュリティ\n\n報告の確認：24時間以内\n' },
    { name: 'Chinese: "48 小时内确认"', code: '# 安全\n\n我们会在 48 小时内确认收到报告。\n' },
    {
      name: 'a severity table whose header says response time',
      code: '# Security\n\n## Reporting\n\n| Severity | Response time |\n| -------- | ------------- |\n| Critical | 24 hours      |\n| Low      | 2 weeks       |\n',
    },
  ],
  invalid: [
    {
      name: 'a reporting section with no timeline gets a "What to Expect" subsection',
      code: '# Security Policy\n\n## Reporting a Vulnerability\n\nEmail security@acme.dev. We will get back to you as soon as possible.\n\n## Scope\n\nThe server only.\n',
      errors: [
        {
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 29,
          severity: 'warning',
          messageId: 'noTimeline',
          message:
            'No response timeline: say how soon reporters get an acknowledgement, e.g. "within 3 business days".',
          fixes: ['Add a "What to Expect" section with response times'],
        },
      ],
      output: `# Security Policy\n\n## Reporting a Vulnerability\n\nEmail security@acme.dev. We will get back to you as soon as possible.\n\n### What to Expect\n\n${TIMES}\n\n## Scope\n\nThe server only.\n`,
    },
    {
      name: 'no reporting section: a "What to Expect" section is added before the sections that follow it',
      code: '# Security Policy\n\nEmail security@acme.dev.\n\n## Disclosure\n\nWe publish an advisory once a fix ships.\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 18, messageId: 'noTimeline' }],
      output: `# Security Policy\n\nEmail security@acme.dev.\n\n## What to Expect\n\n${TIMES}\n\n## Disclosure\n\nWe publish an advisory once a fix ships.\n`,
    },
    {
      name: 'a release cadence is not a response commitment',
      code: '# Security\n\nEmail security@acme.dev.\n\nNew versions are released every 6 weeks.\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noTimeline' }],
      output: `# Security\n\nEmail security@acme.dev.\n\nNew versions are released every 6 weeks.\n\n## What to Expect\n\n${TIMES}\n`,
    },
    {
      name: '"a few" of something other than time',
      code: '# Security\n\nEmail security@acme.dev. A few maintainers reply to reports.\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noTimeline' }],
      output: `# Security\n\nEmail security@acme.dev. A few maintainers reply to reports.\n\n## What to Expect\n\n${TIMES}\n`,
    },
    {
      name: '"responsibly" is not "respond"',
      code: '# Security\n\nPlease report problems responsibly; we cut a release every 2 weeks.\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noTimeline' }],
      output: `# Security\n\nPlease report problems responsibly; we cut a release every 2 weeks.\n\n## What to Expect\n\n${TIMES}\n`,
    },
    {
      name: 'a "Release Process" section is not about responding to reporters',
      code: '# Security\n\n## Release Process\n\nWe tag a release every 4 weeks.\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noTimeline' }],
      output: `# Security\n\n## Release Process\n\nWe tag a release every 4 weeks.\n\n## What to Expect\n\n${TIMES}\n`,
    },
    {
      name: 'a disclosure deadline, a disclosure date and an embargo are not response times',
      code: '# Security\n\nEmail security@acme.dev. This project follows a 90 day disclosure timeline. We expect the report date to public disclosure date to be on the order of 14 business days, even with a straightforward fix. Typically, the embargo date is set 72 hours after the CVE is issued. 90 days after the report we disclose the details.\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noTimeline' }],
      output: `# Security\n\nEmail security@acme.dev. This project follows a 90 day disclosure timeline. We expect the report date to public disclosure date to be on the order of 14 business days, even with a straightforward fix. Typically, the embargo date is set 72 hours after the CVE is issued. 90 days after the report we disclose the details.\n\n## What to Expect\n\n${TIMES}\n`,
    },
    {
      name: 'a support window and a lead time are not response times',
      code: '# Security\n\nEmail security@acme.dev. Security fixes are provided for 12 months after each release. We notify distributors at least a week ahead of the release.\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noTimeline' }],
      output: `# Security\n\nEmail security@acme.dev. Security fixes are provided for 12 months after each release. We notify distributors at least a week ahead of the release.\n\n## What to Expect\n\n${TIMES}\n`,
    },
    {
      name: 'a template comment and a code block promise nothing',
      code: '# Security\n\n<!-- Say how quickly you respond, e.g. within 48 hours. -->\n\n```text\nWe respond within 48 hours.\n```\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noTimeline' }],
      output: `# Security\n\n<!-- Say how quickly you respond, e.g. within 48 hours. -->\n\n\`\`\`text\nWe respond within 48 hours.\n\`\`\`\n\n## What to Expect\n\n${TIMES}\n`,
    },
    {
      name: 'an existing "What to Expect" section without a duration gets the times, not a second section',
      code: '# Security\n\n## Reporting\n\nEmail security@acme.dev.\n\n## What to Expect\n\nWe will keep you posted.\n\n## Scope\n\nThe CLI.\n',
      errors: [
        {
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 18,
          messageId: 'noTimeline',
          fixes: ['Add response times to "What to Expect"'],
        },
      ],
      output: `# Security\n\n## Reporting\n\nEmail security@acme.dev.\n\n## What to Expect\n\nWe will keep you posted.\n\n${TIMES}\n\n## Scope\n\nThe CLI.\n`,
    },
    {
      name: 'an empty document gets the section',
      code: '',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 1, messageId: 'noTimeline' }],
      output: `## What to Expect\n\n${TIMES}\n`,
    },
    {
      name: 'CRLF line endings are kept',
      code: '# Security\r\n\r\n## Reporting\r\n\r\nEmail security@acme.dev.\r\n',
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 13, messageId: 'noTimeline' }],
      output: `# Security\r\n\r\n## Reporting\r\n\r\nEmail security@acme.dev.\r\n\r\n### What to Expect\r\n\r\n${TIMES_CRLF}\r\n`,
    },
  ],
});
