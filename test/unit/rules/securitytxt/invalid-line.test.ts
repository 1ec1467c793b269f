import { securityTxtInvalidLine } from '../../../../server/src/rules/securitytxt/invalid-line';
import { ruleTester } from '../../../helpers/rule-tester';

const facts = { now: '2026-11-22T00:00:00Z' };
const notAField =
  'Not a field, a comment or a blank line: write "Name: value", or start the line with # to make it a comment.';
const SIGNATURE = '-----BEGIN PGP SIGNATURE-----\nVersion: GnuPG v2\n\niQIz\n=Z9Gk\n-----END PGP SIGNATURE-----\n';

ruleTester(securityTxtInvalidLine, {
  valid: [
    {
      name: 'fields, comments and blank lines, with a byte order mark and CRLF',
      code: '\uFEFF# Acme\r\n\r\nContact: mailto:security@acme.org\r\n  # indented comment\r\n\t\r\n',
      facts,
    },
    {
      name: 'the signed form of RFC 9116 section 2.7, with a comment before it',
      code: `# secpolicy-disable-file securitytxt/no-policy\n-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n# Our security address\nContact: mailto:security@acme.org\n- Policy: https://acme.org/policy\n${SIGNATURE}\n`,
      facts,
    },
    {
      name: 'an extension field with any printable name',
      code: 'X-Bounty_Program.v2: https://acme.org/bounty\n',
      facts,
    },
    {
      name: 'a registered name may leave out the blank after the colon',
      code: 'Contact:mailto:security@acme.org\n',
      facts,
    },
  ],
  invalid: [
    {
      name: 'prose and a stray URL are not fields',
      code: 'Please email security@acme.org\nhttps://acme.org/security\nContact: mailto:security@acme.org\n',
      facts,
      errors: [
        { line: 1, column: 1, endLine: 1, endColumn: 31, message: notAField, severity: 'error', fixes: [] },
        { line: 2, column: 1, endLine: 2, endColumn: 26, message: notAField },
      ],
      output: null,
    },
    {
      name: 'a look-alike: a name with a space in it',
      code: 'Contact us: mailto:security@acme.org\n',
      facts,
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 37, message: notAField }],
      output: null,
    },
    {
      name: 'a blank before the colon is removed',
      code: 'Contact : mailto:security@acme.org\r\nPolicy\t: https://acme.org/policy\r\n',
      facts,
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 10,
          message: 'No blank is allowed between the field name Contact and its colon.',
          fixes: ['Remove the blank before the colon'],
        },
        { line: 2, column: 1, endLine: 2, endColumn: 9 },
      ],
      output: 'Contact: mailto:security@acme.org\r\nPolicy: https://acme.org/policy\r\n',
    },
    {
      name: 'a field without a value',
      code: 'Contact:   \n',
      facts,
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 9,
          message: 'Contact has no value: a field is always a name and a value (RFC 9116 section 2).',
        },
      ],
      output: null,
    },
    {
      name: 'signed: a field after the signature, and no Hash header',
      code: `-----BEGIN PGP SIGNED MESSAGE-----\n\nContact: mailto:security@acme.org\n${SIGNATURE}Policy: https://acme.org/policy\n# a comment is fine\n`,
      facts,
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 35,
          message: 'The signed message has no "Hash:" armor header, so it cannot be verified.',
        },
        {
          line: 10,
          column: 1,
          endLine: 10,
          endColumn: 32,
          message:
            'Outside the signed message, so not covered by the signature: move it into the signed body or delete it.',
        },
      ],
      output: null,
    },
    {
      name: 'signed: a field before the signed message',
      code: `Contact: mailto:security@acme.org\n-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nPolicy: https://acme.org/policy\n${SIGNATURE}`,
      facts,
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 34 }],
      output: null,
    },
    {
      name: 'signed: the signature block is missing, or never closed',
      code: '-----BEGIN PGP SIGNED MESSAGE-----\r\nHash: SHA256\r\n\r\nContact: mailto:security@acme.org\r\n',
      facts,
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 35,
          message:
            'The signed message has no "-----BEGIN PGP SIGNATURE-----" block: sign it again with gpg --clearsign.',
        },
      ],
      output: null,
    },
    {
      name: 'signed: a signature without its END line',
      code: '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nContact: mailto:security@acme.org\n-----BEGIN PGP SIGNATURE-----\n\niQIz\n',
      facts,
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 35,
          message: 'The signature has no "-----END PGP SIGNATURE-----" line: sign the file again with gpg --clearsign.',
        },
      ],
      output: null,
    },
    {
      name: 'a signature block in an unsigned file is reported once',
      code: `Contact: mailto:security@acme.org\n${SIGNATURE}`,
      facts,
      errors: [
        {
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 30,
          message:
            'A signature block without "-----BEGIN PGP SIGNED MESSAGE-----" before the fields: sign the whole file with gpg --clearsign.',
        },
      ],
      output: null,
    },
  ],
});
