import { placeholderContact } from '../../../../server/src/rules/policy/placeholder-contact';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(placeholderContact, {
  valid: [
    { name: 'a real address', code: '# Security\n\nEmail security@acme.dev with the details.\n' },
    {
      name: 'look-alikes: an organisation and a domain that start with "your"',
      code: '# Security\n\nUse https://github.com/YOURLS/YOURLS/security/advisories/new, https://github.com/acme/project/security/advisories/new or security@yourbase.io.\n',
    },
    {
      name: 'a template comment and a multi-line example block are not shown as the contact',
      code: '# Security\n\n<!-- Replace security@example.com before publishing. -->\n\nEmail security@acme.dev, for example:\n\n```\nFrom: you\nTo: security@example.com\n```\n',
    },
    {
      name: 'a link whose text is [Email], and a placeholder in inline code',
      code: '# Security\n\n[Email](mailto:security@acme.dev) us; put your own address where the form says `<email>`.\n',
    },
    {
      name: 'a dollar amount is not a variable',
      code: '# Security\n\nMail security@acme.dev. Bounties reach $5,000.\n',
    },
    {
      name: 'a stand-in beside a real channel is left to policy/template-placeholder',
      code: '# Security\n\nEmail security@example.com, or use [the form](https://github.com/acme/app/security/advisories/new).\n',
    },
    {
      name: 'a stand-in inside a code example shows syntax',
      code: '# Security\n\nState your own contact in the contract as `/// @custom:security-contact security@example.com`.\n',
    },
  ],
  invalid: [
    {
      name: 'security@example.com',
      code: '# Security\n\nEmail security@example.com with details.\n',
      errors: [
        {
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 27,
          severity: 'error',
          messageId: 'placeholder',
          data: { contact: '"security@example.com"' },
          message:
            'Placeholder contact "security@example.com": replace it with an address or link your security team reads.',
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: 'an angle-bracket placeholder and a template variable',
      code: '# Security\n\nWrite to <email> or to {{ security_email }}.\n',
      errors: [
        { line: 3, column: 10, endLine: 3, endColumn: 17, messageId: 'placeholder', data: { contact: '"<email>"' } },
        {
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 44,
          messageId: 'placeholder',
          data: { contact: '"{{ security_email }}"' },
          message:
            'Placeholder contact "{{ security_email }}": replace it with an address or link your security team reads.',
        },
      ],
      output: null,
    },
    {
      name: "OpenStack's $VMTalias",
      code: '# Security\n\nReports go to $VMTalias, our vulnerability management team.\n',
      errors: [
        { line: 3, column: 15, endLine: 3, endColumn: 24, messageId: 'placeholder', data: { contact: '"$VMTalias"' } },
      ],
      output: null,
    },
    {
      name: 'yourdomain, and a GitHub link to OWNER/REPO',
      code: '# Security\n\nMail security@yourdomain.com. Or use [the form](https://github.com/OWNER/REPO/security/advisories/new).\n',
      errors: [
        {
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 29,
          messageId: 'placeholder',
          data: { contact: '"security@yourdomain.com"' },
        },
        {
          line: 3,
          column: 38,
          endLine: 3,
          endColumn: 103,
          messageId: 'placeholder',
          data: { contact: '"https://github.com/OWNER/REPO/security/advisories/new"' },
        },
      ],
      output: null,
    },
    {
      name: 'a bracketed placeholder and a mailto link to an example domain',
      code: '# Security\n\nSend it to [your email] or [us](mailto:you@example.org).\n',
      errors: [
        {
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 24,
          messageId: 'placeholder',
          data: { contact: '"[your email]"' },
        },
        {
          line: 3,
          column: 28,
          endLine: 3,
          endColumn: 56,
          messageId: 'placeholder',
          data: { contact: '"you@example.org"' },
        },
      ],
      output: null,
    },
    {
      name: 'an address in single braces',
      code: '# Security\n\nSend reports to {security@email.nominatedperson}.\n',
      errors: [
        {
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 48,
          messageId: 'placeholder',
          data: { contact: '"security@email.nominatedperson"' },
        },
      ],
      output: null,
    },
    {
      name: 'a mail link that shows another address than it writes to',
      code: '# Security\n\nWrite to [security@acme.dev](mailto:maintainer@acme.dev).\n',
      errors: [
        {
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 57,
          messageId: 'placeholder',
          data: { contact: '"security@acme.dev (mailto:maintainer@acme.dev)"' },
        },
      ],
      output: null,
    },
    {
      name: 'a mail link whose target is malformed does not write to the address it shows',
      code: '# Security\n\nWrite to [security@acme.dev](mailto:%security@acme.dev).\n',
      errors: [
        {
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 56,
          messageId: 'placeholder',
          data: { contact: '"security@acme.dev (mailto:%security@acme.dev)"' },
        },
      ],
      output: null,
    },
    {
      name: 'a contact in double angle brackets',
      code: '# Security\n\nMail <<security contact>> with the details.\n',
      errors: [
        {
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 26,
          messageId: 'placeholder',
          data: { contact: '"<<security contact>>"' },
        },
      ],
      output: null,
    },
    {
      name: 'words that name the advisory feature lead where its stand-in link does: only the link is reported',
      code: '# Security\n\nReport it privately through GitHub\'s security advisory feature:\n\n1. Go to the [Security Advisories](https://github.com/yourorg/your-project/security/advisories) page\n2. Click "Report a vulnerability"\n',
      errors: [
        {
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 96,
          messageId: 'placeholder',
          data: { contact: '"https://github.com/yourorg/your-project/security/advisories"' },
        },
      ],
      output: null,
    },
    {
      name: "a template's organisation and project names",
      code: '# Security\n\nReport it through [Security Advisories](https://github.com/yourorg/your-project/security/advisories).\n',
      errors: [
        {
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 101,
          messageId: 'placeholder',
          data: { contact: '"https://github.com/yourorg/your-project/security/advisories"' },
        },
      ],
      output: null,
    },
  ],
});
