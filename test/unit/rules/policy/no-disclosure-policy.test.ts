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
      name: "no contact yet: policy/no-contact's problem first",
      code: '# Security\n\nWe take security seriously.\n',
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
  ],
});
