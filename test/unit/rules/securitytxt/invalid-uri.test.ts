import { securityTxtInvalidUri } from '../../../../server/src/rules/securitytxt/invalid-uri';
import { ruleTester } from '../../../helpers/rule-tester';

const facts = { now: '2026-11-22T00:00:00Z' };
const SIGNED_HEAD = '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n';
const SIGNATURE = '-----BEGIN PGP SIGNATURE-----\n\niQIz\n-----END PGP SIGNATURE-----\n';

ruleTester(securityTxtInvalidUri, {
  valid: [
    {
      name: 'the URI forms of RFC 9116 section 2.5',
      code: [
        'Contact: mailto:security@acme.org',
        'Contact: mailto:security%2Buri%2Bencoded@acme.org',
        'Contact: tel:+1-201-555-0199',
        'Contact: https://acme.org/security-contact.html',
        'Encryption: dns:5d2d37ab76d47d36._openpgpkey.acme.org?type=OPENPGPKEY',
        'Encryption: openpgp4fpr:5f2de5521c63a801ab59ccb603d49de44b29100f',
        'CSAF: https://acme.org/.well-known/csaf/provider-metadata.json',
        '',
      ].join('\n'),
      facts,
    },
    {
      name: 'Expires and Preferred-Languages are not URIs',
      code: 'Expires: 2027-06-30T00:00:00Z\nPreferred-Languages: en, nl\n',
      facts,
    },
    { name: 'an unknown field may hold anything', code: 'X-Team: the security team\n', facts },
    { name: 'an empty value is invalid-line’s finding', code: 'Policy:\n', facts },
  ],
  invalid: [
    {
      name: 'a bare address becomes a mailto: URI',
      code: 'Contact: security@acme.org\n',
      facts,
      errors: [
        {
          line: 1,
          column: 10,
          endLine: 1,
          endColumn: 27,
          messageId: 'notUri',
          data: { name: 'Contact', section: 'RFC 9116 section 2.5.3', reason: 'write mailto:security@acme.org' },
          message: 'Contact must be a URI (RFC 9116 section 2.5.3): write mailto:security@acme.org.',
          severity: 'error',
          fixes: ['Write it as a mailto: URI'],
        },
      ],
      output: 'Contact: mailto:security@acme.org\n',
    },
    {
      name: 'a phone number becomes a tel: URI',
      code: 'Contact: +1 201 555 0199\n',
      facts,
      errors: [{ line: 1, column: 10, endLine: 1, endColumn: 25, fixes: ['Write it as a tel: URI'] }],
      output: 'Contact: tel:+1-201-555-0199\n',
    },
    {
      name: 'a fingerprint in Encryption becomes an openpgp4fpr: URI',
      code: 'Encryption: 5F2D E552 1C63 A801 AB59 CCB6 03D4 9DE4 4B29 100F\n',
      facts,
      errors: [
        {
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 62,
          messageId: 'notUri',
          data: {
            name: 'Encryption',
            section: 'RFC 9116 section 2.5.4',
            reason: 'point at the key, never inline it: write openpgp4fpr:5f2de5521c63a801ab59ccb603d49de44b29100f',
          },
        },
      ],
      output: 'Encryption: openpgp4fpr:5f2de5521c63a801ab59ccb603d49de44b29100f\n',
    },
    {
      name: 'a host without a scheme gets https://, for review',
      code: 'Policy: acme.org/security\n',
      facts,
      errors: [{ line: 1, column: 9, endLine: 1, endColumn: 26, fixes: ['Prefix it with https://'] }],
      output: 'Policy: https://acme.org/security\n',
    },
    {
      name: 'prose, a web address without a host, and two values on one line: no fix',
      code: 'Contact: our security team\nHiring: https://\nContact: mailto:a@acme.org, mailto:b@acme.org\n',
      facts,
      errors: [
        {
          line: 1,
          column: 10,
          endLine: 1,
          endColumn: 27,
          messageId: 'notUri',
          data: { name: 'Contact', section: 'RFC 9116 section 2.5.3', reason: 'a URI has no blanks' },
          fixes: [],
        },
        {
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 17,
          messageId: 'notUri',
          data: { name: 'Hiring', section: 'RFC 9116 section 2.5.6', reason: 'the web address has no host' },
        },
        { line: 3, column: 10, endLine: 3, endColumn: 46 },
      ],
      output: null,
    },
    {
      name: 'a look-alike version number is no host',
      code: 'Acknowledgments: 1.0\n',
      facts,
      errors: [
        {
          line: 1,
          column: 18,
          endLine: 1,
          endColumn: 21,
          messageId: 'notUri',
          data: {
            name: 'Acknowledgments',
            section: 'RFC 9116 section 2.5.1',
            reason: 'it has no scheme such as https: or mailto:',
          },
        },
      ],
      output: null,
    },
    {
      name: 'CSAF, registered after RFC 9116, names no section; a host without a scheme gets https://',
      code: 'CSAF: acme.org/.well-known/csaf/provider-metadata.json\n',
      facts,
      errors: [
        {
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 55,
          messageId: 'notUriUnsectioned',
          data: { name: 'CSAF', reason: 'write https://acme.org/.well-known/csaf/provider-metadata.json' },
          message: 'CSAF must be a URI: write https://acme.org/.well-known/csaf/provider-metadata.json.',
          fixes: ['Prefix it with https://'],
        },
      ],
      output: 'CSAF: https://acme.org/.well-known/csaf/provider-metadata.json\n',
    },
    {
      name: 'signed, with CRLF: the fix says the file must be signed again',
      code: `${SIGNED_HEAD}Contact: security@acme.org\n${SIGNATURE}`.replace(/\n/g, '\r\n'),
      facts,
      errors: [
        {
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 27,
          fixes: ['Write it as a mailto: URI (then sign the file again)'],
        },
      ],
      output: `${SIGNED_HEAD}Contact: mailto:security@acme.org\n${SIGNATURE}`.replace(/\n/g, '\r\n'),
    },
  ],
});
