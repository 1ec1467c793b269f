import { noContact } from '../../../../server/src/rules/policy/no-contact';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(noContact, {
  valid: [
    { name: 'plain email', code: '# Security\n\nEmail security@acme.dev with details.\n' },
    { name: 'mailto link', code: '# Security\n\n[Write to us](mailto:sec@acme.dev).\n' },
    {
      name: 'GitHub private advisory link',
      code: '# Security\n\nUse [this form](https://github.com/acme/app/security/advisories/new).\n',
    },
    { name: 'bug bounty platform', code: '# Security\n\nReport through https://hackerone.com/acme.\n' },
    {
      name: 'private vulnerability reporting named without a link',
      code: '# Security\n\nPlease use GitHub private vulnerability reporting.\n',
    },
  ],
  invalid: [
    {
      name: 'reporting section without a channel gets a contact line in it',
      code: '# Security Policy\n\n## Reporting a Vulnerability\n\nTell us about it.\n\n## Scope\n\nAll of it.\n',
      errors: [
        {
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 29,
          messageId: 'noChannel',
          severity: 'error',
          fixes: ['Add a security contact email (then edit the placeholder address)'],
        },
      ],
      output:
        '# Security Policy\n\n## Reporting a Vulnerability\n\nTell us about it.\n\nPlease report vulnerabilities privately by email to security@example.com. Do not open a public issue.\n\n## Scope\n\nAll of it.\n',
    },
    {
      name: 'a GitHub remote gives a private advisory link',
      code: '# Security Policy\n\n## Reporting a Vulnerability\n\nTell us about it.\n',
      facts: { githubRepository: 'acme/app' },
      errors: [
        {
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 29,
          messageId: 'noChannel',
          fixes: ['Add a GitHub private vulnerability reporting link'],
        },
      ],
      output:
        '# Security Policy\n\n## Reporting a Vulnerability\n\nTell us about it.\n\nPlease report vulnerabilities privately through [GitHub private vulnerability reporting](https://github.com/acme/app/security/advisories/new). Do not open a public issue.\n',
    },
    {
      name: 'no reporting section: one is added before the sections that follow it',
      code: '# Security Policy\n\nWe care.\n\n## Disclosure\n\nWe publish advisories.\n',
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 18,
          messageId: 'noChannel',
          message: 'No private channel for reporting a vulnerability: add an email address or a private advisory link.',
        },
      ],
      output:
        '# Security Policy\n\nWe care.\n\n## Reporting a Vulnerability\n\nPlease report vulnerabilities privately by email to security@example.com. Do not open a public issue.\n\n## Disclosure\n\nWe publish advisories.\n',
    },
    {
      name: 'a public issue tracker link is not a private channel: the instruction is replaced, not contradicted',
      code: '# Security\n\nOpen an issue at https://github.com/acme/app/issues.\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noChannel' }],
      output:
        '# Security\n\nPlease report vulnerabilities privately by email to security@example.com. Do not open a public issue.\n',
    },
    {
      name: 'only the sentence that sends reporters to the issue tracker is replaced',
      code: '# Security\n\n## Reporting\n\nThanks for looking. To report a problem, file a GitHub issue. We read them all.\n',
      facts: { githubRepository: 'acme/app' },
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 13, messageId: 'noChannel' }],
      output:
        '# Security\n\n## Reporting\n\nThanks for looking. Please report vulnerabilities privately through [GitHub private vulnerability reporting](https://github.com/acme/app/security/advisories/new). Do not open a public issue. We read them all.\n',
    },
    {
      name: 'a sentence that forbids public issues is not rewritten',
      code: '# Security\n\n## Reporting\n\nDo not open a public issue.\n',
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 13, messageId: 'noChannel' }],
      output:
        '# Security\n\n## Reporting\n\nDo not open a public issue.\n\nPlease report vulnerabilities privately by email to security@example.com. Do not open a public issue.\n',
    },
    {
      name: 'CRLF line endings are kept',
      code: '# Security\r\n\r\n## Reporting\r\n\r\nTell us.\r\n',
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 13, messageId: 'noChannel' }],
      output:
        '# Security\r\n\r\n## Reporting\r\n\r\nTell us.\r\n\r\nPlease report vulnerabilities privately by email to security@example.com. Do not open a public issue.\r\n',
    },
  ],
});
