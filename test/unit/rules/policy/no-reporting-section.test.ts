import { noReportingSection } from '../../../../server/src/rules/policy/no-reporting-section';
import { ruleTester } from '../../../helpers/rule-tester';

const message =
  'Nothing says how to report a vulnerability: add a "Reporting a Vulnerability" section naming the channel.';

ruleTester(noReportingSection, {
  valid: [
    {
      name: 'a reporting section with text',
      code: '# Security\n\n## Reporting a Vulnerability\n\nEmail security@acme.dev.\n',
    },
    {
      name: 'a sentence that tells reporters to use the address',
      code: '# Security\n\nIf you find a vulnerability, please email security@acme.dev.\n',
    },
    { name: 'a labelled address', code: '# Security\n\nSecurity contact: security@acme.dev\n' },
    {
      name: 'a policy that points to the full one on a website',
      code: '# Security\n\nPlease see https://www.acme.dev/security/ for our policy.\n',
    },
    {
      name: "no contact at all is policy/no-contact's to report",
      code: '# Security\n\nWe take security seriously.\n',
    },
  ],
  invalid: [
    {
      name: 'a security mailbox mentioned in passing becomes the channel',
      code: '# Security\n\nThe team at security@acme.dev triages everything.\n',
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 11,
          severity: 'warning',
          messageId: 'noInstructions',
          message,
          fixes: ['Add a "Reporting a Vulnerability" section'],
        },
      ],
      output:
        '# Security\n\nThe team at security@acme.dev triages everything.\n\n## Reporting a Vulnerability\n\nPlease report vulnerabilities privately by email to security@acme.dev. Do not open a public issue.\n',
    },
    {
      name: 'a person thanked for an audit is not the channel: the section gets a placeholder, before the sections that follow it',
      code: '# Security\n\nThanks to researcher@acme.dev for the 2023 audit.\n\n## Scope\n\nThe server.\n',
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 11,
          messageId: 'noInstructions',
          fixes: ['Add a "Reporting a Vulnerability" section (then edit the placeholder address)'],
        },
      ],
      output:
        '# Security\n\nThanks to researcher@acme.dev for the 2023 audit.\n\n## Reporting a Vulnerability\n\nPlease report vulnerabilities privately by email to security@example.com. Do not open a public issue.\n\n## Scope\n\nThe server.\n',
    },
    {
      name: 'an empty reporting section is filled, and credits are not a channel',
      code: '# Security\n\n## Supported Versions\n\nOnly the latest release is supported.\n\n## Reporting a Vulnerability\n\n## Credits\n\nThanks to [Ada](mailto:ada@lovelace.dev).\n',
      errors: [
        {
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 29,
          messageId: 'noInstructions',
          fixes: ['Say how to report under "Reporting a Vulnerability" (then edit the placeholder address)'],
        },
      ],
      output:
        '# Security\n\n## Supported Versions\n\nOnly the latest release is supported.\n\n## Reporting a Vulnerability\n\nPlease report vulnerabilities privately by email to security@example.com. Do not open a public issue.\n\n## Credits\n\nThanks to [Ada](mailto:ada@lovelace.dev).\n',
    },
    {
      name: 'a private advisory link that nobody is told to use',
      code: '# Security\n\nCredits: [our advisories](https://github.com/acme/app/security/advisories/new) list everyone.\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noInstructions' }],
      output:
        '# Security\n\nCredits: [our advisories](https://github.com/acme/app/security/advisories/new) list everyone.\n\n## Reporting a Vulnerability\n\nPlease report vulnerabilities privately through [GitHub private vulnerability reporting](https://github.com/acme/app/security/advisories/new). Do not open a public issue.\n',
    },
  ],
});
