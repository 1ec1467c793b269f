import assert from 'node:assert/strict';
import { parseSecurityTxt } from '../../../../server/src/formats/securitytxt';
import { securityTxtInvalidLine } from '../../../../server/src/rules/securitytxt/invalid-line';
import { ruleTester, runRule } from '../../../helpers/rule-tester';

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
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 31,
          messageId: 'notAField',
          message: notAField,
          severity: 'error',
          fixes: [],
        },
        { line: 2, column: 1, endLine: 2, endColumn: 26, messageId: 'notAField' },
      ],
      output: null,
    },
    {
      name: 'a look-alike: a name with a space in it',
      code: 'Contact us: mailto:security@acme.org\n',
      facts,
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 37, messageId: 'notAField' }],
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
          messageId: 'spaceBeforeColon',
          data: { name: 'Contact' },
          message: 'No blank is allowed between the field name Contact and its colon.',
          fixes: ['Remove the blank before the colon'],
        },
        { line: 2, column: 1, endLine: 2, endColumn: 9, messageId: 'spaceBeforeColon', data: { name: 'Policy' } },
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
          messageId: 'emptyValue',
          data: { name: 'Contact' },
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
          messageId: 'noHashHeader',
        },
        {
          line: 10,
          column: 1,
          endLine: 10,
          endColumn: 32,
          messageId: 'outsideSignedMessage',
        },
      ],
      output: null,
    },
    {
      name: 'signed: a field before the signed message',
      code: `Contact: mailto:security@acme.org\n-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nPolicy: https://acme.org/policy\n${SIGNATURE}`,
      facts,
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 34, messageId: 'outsideSignedMessage' }],
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
          messageId: 'noSignatureBlock',
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
          messageId: 'signatureNotClosed',
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
          messageId: 'straySignature',
        },
      ],
      output: null,
    },
  ],
});

describe('securitytxt/invalid-line message templates', () => {
  it('give the very text of the problems the parser reports, for every kind of problem', () => {
    const texts = [
      'Please email security@acme.org\nContact : mailto:security@acme.org\nPolicy\t:\n',
      `-----BEGIN PGP SIGNED MESSAGE-----\n\nContact: mailto:security@acme.org\n${SIGNATURE}Policy: https://acme.org/policy\n`,
      'Contact: mailto:security@acme.org\n-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nExpires:\n',
      '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nContact: x\n-----BEGIN PGP SIGNATURE-----\n\niQIz\n',
      `Contact: mailto:security@acme.org\n${SIGNATURE}`,
    ];
    const kinds = new Set<string>();
    for (const text of texts) {
      const problems = parseSecurityTxt(text).problems;
      for (const problem of problems) kinds.add(problem.kind);
      assert.deepEqual(
        runRule(securityTxtInvalidLine, text).map((finding) => [finding.start, finding.end, finding.message]),
        problems.map((problem) => [problem.start, problem.end, problem.message]),
      );
    }
    assert.equal(kinds.size, 7, 'every kind of problem is compared');
  });
});
