import { noDisclosurePolicy } from '../../../../server/src/rules/policy/no-disclosure-policy';
import { ruleTester } from '../../../helpers/rule-tester';

const SECTION = [
  '## Disclosure Policy',
  '',
  'We follow coordinated disclosure: we agree a disclosure date with you, and once the fix is released we publish a',
  'security advisory (with a CVE where one applies) that credits you unless you prefer otherwise. Please keep the',
  'details private until then.',
].join('\n');

ruleTester(noDisclosurePolicy, {
  valid: [
    {
      name: 'an advisory once a fix is released',
      code: '# Security\n\nEmail security@acme.dev. Once a fix is released we publish a GitHub security advisory.\n',
    },
    {
      name: 'a disclosure section with text',
      code: '# Security\n\nEmail security@acme.dev.\n\n## Responsible Disclosure\n\nGive us 90 days before going public.\n',
    },
    { name: 'a CVE', code: '# Security\n\nEmail security@acme.dev; we request a CVE for every confirmed issue.\n' },
    {
      name: 'an embargo and publishing after the patch',
      code: '# Security\n\nEmail security@acme.dev. Vendors get details under embargo; we announce the issue after the patch ships.\n',
    },
    {
      name: 'reports become public once fixed',
      code: '# Security\n\nFile it in our private tracker at https://bugs.acme.dev/security; once fixed, the bug becomes publicly visible.\n',
    },
    {
      name: 'coordinated disclosure said in other words',
      code: '# Security\n\nUse the Tidelift security contact: https://tidelift.com/security. Tidelift will coordinate the fix and disclosure.\n',
    },
    {
      name: 'credit in the release notes',
      code: '# Security\n\nEmail security@acme.dev. We will credit you in the release notes.\n',
    },
    {
      name: 'a hall of fame heading over the names of reporters',
      code: '# Security\n\nEmail security@acme.dev.\n\n## Security Hall of Fame\n\n- Jane Doe\n',
    },
    {
      name: 'a grace period before the reporter discloses',
      code: '# Security\n\nEmail security@acme.dev. Give us a reasonable time to correct the issue before you disclose it.\n',
    },
    {
      name: 'a report channel that is an advisory, and an advisory published later',
      code: '# Security\n\nReport it through the GitHub Security Advisory "Report a vulnerability" tab. The advisory is published once a fix ships.\n',
    },
    {
      name: 'a disclosure statement in Japanese',
      code: '# Security\n\nsecurity@acme.dev までご連絡ください。\n\n## Disclosure Policy\n\n脆弱性の公開は、修正版のリリース後に行います。\n',
    },
    {
      name: 'a security mailing list that announces fixes',
      code: '# Security\n\nEmail security@acme.dev. To hear of fixes, sign up to the Acme security mailing list.\n',
    },
    {
      name: 'a policy with no contact yet that states disclosure',
      code: '# Security\n\nWe publish an advisory for each vulnerability we fix.\n',
    },
  ],
  invalid: [
    {
      name: 'thanks for "disclosing responsibly" is no disclosure policy: the section goes before scope',
      code: '# Security\n\n## Reporting a Vulnerability\n\nEmail security@acme.dev. We appreciate your efforts to disclose your findings responsibly.\n\n## Scope\n\nThe server.\n',
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 11,
          severity: 'info',
          messageId: 'noDisclosure',
          message:
            'No disclosure policy: say when and how a fixed vulnerability is made public (advisory, CVE, embargo).',
          fixes: ['Add a "Disclosure Policy" section'],
        },
      ],
      output: `# Security\n\n## Reporting a Vulnerability\n\nEmail security@acme.dev. We appreciate your efforts to disclose your findings responsibly.\n\n${SECTION}\n\n## Scope\n\nThe server.\n`,
    },
    {
      name: 'an address and nothing else: the section goes at the end',
      code: '# Security\n\nEmail security@acme.dev.\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noDisclosure' }],
      output: `# Security\n\nEmail security@acme.dev.\n\n${SECTION}\n`,
    },
    {
      name: 'a new section takes the heading level of the document (top-level headings only)',
      code: '# Security\n\nEmail security@acme.dev.\n\n# Scope\n\nThe server.\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noDisclosure' }],
      output: `# Security\n\nEmail security@acme.dev.\n\n${SECTION.replace('## ', '# ')}\n\n# Scope\n\nThe server.\n`,
    },
    {
      name: 'an empty disclosure section does not count, and gets the text',
      code: '# Security\n\nEmail security@acme.dev.\n\n## Disclosure\n\n<!-- TBD -->\n',
      errors: [
        {
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 14,
          messageId: 'noDisclosure',
          fixes: ['Say how disclosure works under "Disclosure"'],
        },
      ],
      output: `# Security\n\nEmail security@acme.dev.\n\n## Disclosure\n\n<!-- TBD -->\n\n${SECTION.split('\n').slice(2).join('\n')}\n`,
    },
    {
      name: 'a disclosure section that only lists the steps of a fix does not count, and gets the text after them',
      code: '# Security\n\nEmail security@acme.dev.\n\n## Disclosure Policy\n\nThe handler will coordinate the fix and release process:\n\n- Confirm the problem.\n- Prepare fixes.\n\n## Scope\n\nThe server.\n',
      errors: [
        {
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 21,
          messageId: 'noDisclosure',
          fixes: ['Say how disclosure works under "Disclosure Policy"'],
        },
      ],
      output: `# Security\n\nEmail security@acme.dev.\n\n## Disclosure Policy\n\nThe handler will coordinate the fix and release process:\n\n- Confirm the problem.\n- Prepare fixes.\n\n${SECTION.split('\n').slice(2).join('\n')}\n\n## Scope\n\nThe server.\n`,
    },
    {
      name: 'no contact yet: the missing disclosure statement is reported all the same, beside policy/no-contact',
      code: '# Security\n\nWe take security seriously.\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noDisclosure' }],
      output: `# Security\n\nWe take security seriously.\n\n${SECTION}\n`,
    },
    {
      name: 'advisories named only as the way to report are no disclosure statement',
      code: '# Security\n\nReport it through the GitHub Security Advisory "Report a vulnerability" tab. We use GitHub Security Advisories to manage reports.\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noDisclosure' }],
      output: `# Security\n\nReport it through the GitHub Security Advisory "Report a vulnerability" tab. We use GitHub Security Advisories to manage reports.\n\n${SECTION}\n`,
    },
    {
      name: 'the "progress towards a fix and full announcement" boilerplate is no disclosure statement',
      code: '# Security\n\nEmail security@acme.dev. We will keep you informed of the progress towards a fix and full announcement.\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noDisclosure' }],
      output: `# Security\n\nEmail security@acme.dev. We will keep you informed of the progress towards a fix and full announcement.\n\n${SECTION}\n`,
    },
    {
      name: 'negated: no advisories, no CVEs, and a bare "do not disclose publicly"',
      code: "# Security\n\nEmail security@acme.dev. We do not publish advisories or request CVEs. Please don't disclose issues publicly.\n",
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noDisclosure' }],
      output: `# Security\n\nEmail security@acme.dev. We do not publish advisories or request CVEs. Please don't disclose issues publicly.\n\n${SECTION}\n`,
    },
    {
      name: 'a security mailing list that receives reports is the channel, not an announcement',
      code: '# Security\n\nSend your report to the security mailing list at security@acme.dev.\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noDisclosure' }],
      output: `# Security\n\nSend your report to the security mailing list at security@acme.dev.\n\n${SECTION}\n`,
    },
    {
      name: 'CVEs named in passing are no disclosure statement',
      code: '# Security\n\nEmail security@acme.dev. Reports about dependency CVEs must show that our code is affected.\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noDisclosure' }],
      output: `# Security\n\nEmail security@acme.dev. Reports about dependency CVEs must show that our code is affected.\n\n${SECTION}\n`,
    },
  ],
});
