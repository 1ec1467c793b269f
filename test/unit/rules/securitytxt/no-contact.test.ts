import { securityTxtNoContact } from '../../../../server/src/rules/securitytxt/no-contact';
import { ruleTester } from '../../../helpers/rule-tester';

const now = '2026-11-22T00:00:00Z';
const github = { now, githubRepository: 'acme/widget' };
const message = 'No Contact field: add one with a mailto:, https:// or tel: URI (RFC 9116 section 2.5.3).';
const githubContact = 'Contact: https://github.com/acme/widget/security/advisories/new';

ruleTester(securityTxtNoContact, {
  valid: [
    {
      name: 'a mailto: contact',
      code: 'Contact: mailto:security@acme.org\nExpires: 2027-06-30T00:00:00Z\n',
      facts: { now },
    },
    { name: 'field names are case insensitive', code: 'contact: https://acme.org/security\n', facts: { now } },
    {
      name: 'a contact in a signed body, dash-escaped',
      code: '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n- Contact: mailto:security@acme.org\n-----BEGIN PGP SIGNATURE-----\n\niQIz\n-----END PGP SIGNATURE-----\n',
      facts: { now },
    },
    { name: 'an empty Contact is invalid-line’s finding', code: 'Contact:\n', facts: { now } },
  ],
  invalid: [
    {
      name: 'no Contact and no repository: nothing to insert',
      code: 'Expires: 2027-06-30T00:00:00Z\n',
      facts: { now },
      errors: [
        { line: 1, column: 1, endLine: 1, endColumn: 30, messageId: 'missing', message, severity: 'error', fixes: [] },
      ],
      output: null,
    },
    {
      name: 'with a GitHub repository: its private reporting link, for review',
      code: '# Acme\nExpires: 2027-06-30T00:00:00Z\n',
      facts: github,
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 7,
          fixes: ['Add a Contact for GitHub private vulnerability reporting'],
        },
      ],
      output: `# Acme\nExpires: 2027-06-30T00:00:00Z\n${githubContact}\n`,
    },
    {
      name: 'a look-alike: Contacts is not Contact',
      code: 'Contacts: mailto:security@acme.org\n',
      facts: { now },
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 35 }],
      output: null,
    },
    {
      name: 'a commented-out Contact',
      code: '\n  # Contact: mailto:security@acme.org\n',
      facts: { now },
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 38 }],
      output: null,
    },
    {
      name: 'signed: a Contact after the signature is not signed, and the fix goes before the signature',
      code: '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nExpires: 2027-06-30T00:00:00Z\n-----BEGIN PGP SIGNATURE-----\n\niQIz\n-----END PGP SIGNATURE-----\nContact: mailto:security@acme.org\n',
      facts: github,
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 35,
          fixes: ['Add a Contact for GitHub private vulnerability reporting (then sign the file again)'],
        },
      ],
      output: `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nExpires: 2027-06-30T00:00:00Z\n${githubContact}\n-----BEGIN PGP SIGNATURE-----\n\niQIz\n-----END PGP SIGNATURE-----\nContact: mailto:security@acme.org\n`,
    },
    {
      name: 'CRLF: the inserted line ends like the others',
      code: 'Expires: 2027-06-30T00:00:00Z\r\nPolicy: https://acme.org/policy\r\n',
      facts: github,
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 30 }],
      output: `Expires: 2027-06-30T00:00:00Z\r\nPolicy: https://acme.org/policy\r\n${githubContact}\r\n`,
    },
    {
      name: 'no line break at the end: one is added before the new line',
      code: 'Expires: 2027-06-30T00:00:00Z',
      facts: github,
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 30 }],
      output: `Expires: 2027-06-30T00:00:00Z\n${githubContact}\n`,
    },
    {
      name: 'an empty file',
      code: '',
      facts: { now },
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 1 }],
      output: null,
    },
  ],
});
