import { securityTxtUnknownField } from '../../../../server/src/rules/securitytxt/unknown-field';
import { ruleTester } from '../../../helpers/rule-tester';

const facts = { now: '2026-11-22T00:00:00Z' };

ruleTester(securityTxtUnknownField, {
  valid: [
    {
      name: 'every registered field, CSAF and Bug-Bounty included',
      code: [
        'Acknowledgments: https://acme.org/thanks',
        'Bug-Bounty: True',
        'Canonical: https://acme.org/.well-known/security.txt',
        'Contact: mailto:security@acme.org',
        'CSAF: https://acme.org/.well-known/csaf/provider-metadata.json',
        'Encryption: https://acme.org/pgp.asc',
        'Expires: 2027-06-30T00:00:00Z',
        'Hiring: https://acme.org/jobs',
        'Policy: https://acme.org/policy',
        'Preferred-Languages: en, nl',
        '',
      ].join('\n'),
      facts,
    },
    { name: 'names in any letter case', code: 'CONTACT: mailto:security@acme.org\npreferred-languages: en\n', facts },
    { name: 'a comment that looks like a field', code: '# Contacts: see below\n', facts },
  ],
  invalid: [
    {
      name: 'one letter off: renamed',
      code: 'Contacts: mailto:security@acme.org\n',
      facts,
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 9,
          messageId: 'unknownWithSuggestion',
          data: { name: 'Contacts', suggestion: 'Contact' },
          message:
            'Unknown field Contacts: did you mean Contact? Readers ignore unknown fields (RFC 9116 section 2.4).',
          severity: 'info',
          fixes: ['Rename to Contact'],
        },
      ],
      output: 'Contact: mailto:security@acme.org\n',
    },
    {
      name: 'British spelling and a dropped letter, with CRLF',
      code: 'Acknowledgements: https://acme.org/thanks\r\nPrefered-Languages: en\r\n',
      facts,
      errors: [
        { line: 1, column: 1, endLine: 1, endColumn: 17, fixes: ['Rename to Acknowledgments'] },
        { line: 2, column: 1, endLine: 2, endColumn: 19, fixes: ['Rename to Preferred-Languages'] },
      ],
      output: 'Acknowledgments: https://acme.org/thanks\r\nPreferred-Languages: en\r\n',
    },
    {
      name: 'two letters off or a synonym: offered for review',
      code: 'Expiry: 2027-06-30T00:00:00Z\nEmail: mailto:security@acme.org\n',
      facts,
      errors: [
        { line: 1, column: 1, endLine: 1, endColumn: 7, fixes: ['Rename to Expires'] },
        { line: 2, column: 1, endLine: 2, endColumn: 6, fixes: ['Rename to Contact'] },
      ],
      output: 'Expires: 2027-06-30T00:00:00Z\nContact: mailto:security@acme.org\n',
    },
    {
      name: 'an extension field close to nothing: no fix',
      code: 'Bounty-Program: https://acme.org/bounty\n',
      facts,
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 15,
          messageId: 'unknown',
          data: { name: 'Bounty-Program' },
          message: 'Unknown field Bounty-Program: readers ignore fields they do not know (RFC 9116 section 2.4).',
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: 'the Signature field of the early drafts',
      code: 'Signature: https://acme.org/.well-known/security.txt.sig\n',
      facts,
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 10,
          messageId: 'retiredSignature',
        },
      ],
      output: null,
    },
    {
      name: 'signed and dash-escaped: the rename says to sign again',
      code: '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n- Polcy: https://acme.org/policy\n-----BEGIN PGP SIGNATURE-----\n\niQIz\n-----END PGP SIGNATURE-----\n',
      facts,
      errors: [
        { line: 4, column: 3, endLine: 4, endColumn: 8, fixes: ['Rename to Policy (then sign the file again)'] },
      ],
      output:
        '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n- Policy: https://acme.org/policy\n-----BEGIN PGP SIGNATURE-----\n\niQIz\n-----END PGP SIGNATURE-----\n',
    },
  ],
});
