import { templatePlaceholder } from '../../../../server/src/rules/policy/template-placeholder';
import { ruleTester } from '../../../helpers/rule-tester';

/** The prose and example rows of GitHub's default SECURITY.md template, which the rule must recognise. */
const VERSIONS_PROSE =
  'Use this section to tell people about which versions of your project are\ncurrently being supported with security updates.';
const REPORTING_PROSE = 'Use this section to tell people how to report a vulnerability.';
const EXPECT_PROSE =
  'Tell them where to go, how often they can expect to get an update on a\nreported vulnerability, what to expect if the vulnerability is accepted or\ndeclined, etc.';
const EXAMPLE_ROWS = '| 5.1.x | :white_check_mark: |\n| 5.0.x | :x: |\n| 4.0.x | :white_check_mark: |\n| < 4.0 | :x: |';
const TABLE_HEAD = '| Version | Supported |\n| ------- | --------- |';

ruleTester(templatePlaceholder, {
  valid: [
    {
      name: 'a finished policy',
      code: `# Security Policy\n\n## Supported Versions\n\n${TABLE_HEAD}\n| 2.3.x | ✅ |\n| < 2.3 | ❌ |\n\n## Reporting a Vulnerability\n\nEmail security@acme.dev. We reply within 2 business days.\n`,
    },
    {
      name: 'look-alikes: other sections, the word "todo" in a name, placeholders in code and comments',
      code: '# Security\n\nWe use this section to explain our process for the TodoMVC app.\n\n<!-- TODO: use this section to tell people how to report. -->\n\nTemplates render `{{ name }}` and `$PROJECT`; see [your account](https://acme.dev/account) or [Add a key](https://acme.dev/keys). Bounties reach $500.\n',
    },
    {
      name: 'two of the example versions are not the example table',
      code: `# Security\n\n${TABLE_HEAD}\n| 5.1.x | ✅ |\n| 5.0.x | ❌ |\n`,
    },
    {
      name: 'look-alikes: an address spelled with {at} and {dot}, braces in inline code',
      code: '# Security\n\nWrite to security{at}acme{dot}dev. Our templates render `{project name}`.\n',
    },
    {
      name: "a stand-in contact with no real one beside it is policy/placeholder-contact's",
      code: '# Security\n\nEmail security@example.com.\n',
    },
  ],
  invalid: [
    {
      name: "GitHub's untouched template: the prose goes, the example rows stay flagged",
      code: `# Security Policy\n\n## Supported Versions\n\n${VERSIONS_PROSE}\n\n${TABLE_HEAD}\n${EXAMPLE_ROWS}\n\n## Reporting a Vulnerability\n\n${REPORTING_PROSE}\n\n${EXPECT_PROSE}\n`,
      errors: [
        {
          line: 5,
          column: 1,
          endLine: 6,
          endColumn: 49,
          severity: 'error',
          messageId: 'boilerplate',
          message: "GitHub's template instructions are still here: remove them and say how your project does this.",
          fixes: ['Remove the template instructions'],
        },
        {
          line: 10,
          column: 1,
          endLine: 13,
          endColumn: 16,
          messageId: 'exampleRows',
          data: { rows: '5.1.x, 5.0.x, 4.0.x, < 4.0' },
          message:
            "These rows (5.1.x, 5.0.x, 4.0.x, < 4.0) are GitHub's example: list the versions you actually support.",
          fixes: [],
        },
        {
          line: 17,
          column: 1,
          endLine: 21,
          endColumn: 15,
          messageId: 'boilerplate',
          fixes: ['Remove the template instructions'],
        },
      ],
      output: `# Security Policy\n\n## Supported Versions\n\n${TABLE_HEAD}\n${EXAMPLE_ROWS}\n\n## Reporting a Vulnerability\n`,
    },
    {
      name: 'template prose wrapped in HTML bold, before real text',
      code: `# Security\n\n## Reporting a Vulnerability\n\n<b>${REPORTING_PROSE}</b>\n\nEmail security@acme.dev.\n`,
      errors: [{ line: 5, column: 1, endLine: 5, endColumn: 70, messageId: 'boilerplate' }],
      output: '# Security\n\n## Reporting a Vulnerability\n\nEmail security@acme.dev.\n',
    },
    {
      name: 'an edited first sentence still carries the template',
      code: `# Security\n\n## Reporting a Vulnerability\n\nUse this section to know if there's any vulnerability.\n\n${EXPECT_PROSE}\n\n## Scope\n\nThe server.\n`,
      errors: [{ line: 5, column: 1, endLine: 9, endColumn: 15, messageId: 'boilerplate' }],
      output: '# Security\n\n## Reporting a Vulnerability\n\n## Scope\n\nThe server.\n',
    },
    {
      name: 'TODO, TBD, [PROJECT NAME], <project>, {{ project_name }} and $PROJECT',
      code: '# Security\n\nStatus: TODO. Timeline TBD.\n\nThis covers [PROJECT NAME]. Name: <project>. See {{ project_name }} and $PROJECT.\n',
      errors: [
        {
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 13,
          messageId: 'unfilled',
          data: { placeholder: '"TODO"' },
          message: 'Unfilled template placeholder "TODO": write the real text before publishing.',
        },
        { line: 3, column: 24, endLine: 3, endColumn: 27, messageId: 'unfilled', data: { placeholder: '"TBD"' } },
        {
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 27,
          messageId: 'unfilled',
          data: { placeholder: '"[PROJECT NAME]"' },
        },
        { line: 5, column: 35, endLine: 5, endColumn: 44, messageId: 'unfilled', data: { placeholder: '"<project>"' } },
        {
          line: 5,
          column: 50,
          endLine: 5,
          endColumn: 68,
          messageId: 'unfilled',
          data: { placeholder: '"{{ project_name }}"' },
          message: 'Unfilled template placeholder "{{ project_name }}": write the real text before publishing.',
        },
        { line: 5, column: 73, endLine: 5, endColumn: 81, messageId: 'unfilled', data: { placeholder: '"$PROJECT"' } },
      ],
      output: null,
    },
    {
      name: 'an [insert …] placeholder, even as link text',
      code: '# Security\n\nSee [insert link to the advisory page](https://acme.dev).\n',
      errors: [
        {
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 39,
          messageId: 'unfilled',
          data: { placeholder: '"[insert link to the advisory page]"' },
          message:
            'Unfilled template placeholder "[insert link to the advisory page]": write the real text before publishing.',
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: 'single braces and double angle brackets',
      code: '# Security\n\nThis policy covers {project name}, maintained by <<author>>.\n',
      errors: [
        {
          line: 3,
          column: 20,
          endLine: 3,
          endColumn: 34,
          messageId: 'unfilled',
          data: { placeholder: '"{project name}"' },
        },
        {
          line: 3,
          column: 50,
          endLine: 3,
          endColumn: 60,
          messageId: 'unfilled',
          data: { placeholder: '"<<author>>"' },
        },
      ],
      output: null,
    },
    {
      name: 'a stand-in contact beside a real channel is a leftover',
      code: '# Security\n\nEmail security@example.com, or use [the form](https://github.com/acme/app/security/advisories/new).\n',
      errors: [
        {
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 27,
          severity: 'error',
          messageId: 'leftoverContact',
          data: { contact: '"security@example.com"' },
          message:
            'Placeholder contact "security@example.com" beside the real ones: remove it, or replace it with an address your security team reads.',
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: 'CRLF line endings are kept when the instructions go',
      code: `# Security\r\n\r\n## Reporting\r\n\r\n${REPORTING_PROSE}\r\n\r\nEmail security@acme.dev.\r\n`,
      errors: [{ line: 5, column: 1, endLine: 5, endColumn: 63, messageId: 'boilerplate' }],
      output: '# Security\r\n\r\n## Reporting\r\n\r\nEmail security@acme.dev.\r\n',
    },
  ],
});
