import { securityTxtInsecureLink } from '../../../../server/src/rules/securitytxt/insecure-link';
import { ruleTester } from '../../../helpers/rule-tester';

const facts = { now: '2026-11-22T00:00:00Z' };

ruleTester(securityTxtInsecureLink, {
  valid: [
    { name: 'https links', code: 'Contact: https://acme.org/security\nPolicy: https://acme.org/policy\n', facts },
    {
      name: 'mailto: and tel: are not web links',
      code: 'Contact: mailto:security@acme.org\nContact: tel:+31-20-794-0000\n',
      facts,
    },
    { name: 'a look-alike: http:// inside a comment', code: '# Old policy at http://acme.org/policy\n', facts },
    {
      name: 'a look-alike: http:// inside an https link',
      code: 'Policy: https://acme.org/?from=http://old.acme.org\n',
      facts,
    },
    { name: 'an unknown field is not a link field', code: 'X-Mirror: http://acme.org/security.txt\n', facts },
  ],
  invalid: [
    {
      name: 'a Contact page over http',
      code: 'Contact: http://acme.org/security\n',
      facts,
      errors: [
        {
          line: 1,
          column: 10,
          endLine: 1,
          endColumn: 34,
          messageId: 'httpLink',
          data: { name: 'Contact', section: 'RFC 9116 section 2.5.3' },
          message:
            'Contact uses http://: web links must use https:// (RFC 9116 section 2.5.3), or a report or key can be swapped in transit.',
          severity: 'warning',
          fixes: ['Use https://'],
        },
      ],
      output: 'Contact: https://acme.org/security\n',
    },
    {
      name: 'every link field, in any letter case, with CRLF',
      code: 'Policy: HTTP://acme.org/policy\r\nEncryption: http://acme.org/pgp.asc\r\nAcknowledgments: http://acme.org/thanks\r\nHiring: http://acme.org/jobs\r\nCanonical: http://acme.org/.well-known/security.txt\r\nCSAF: http://acme.org/provider-metadata.json\r\n',
      facts,
      errors: [
        {
          line: 1,
          column: 9,
          endLine: 1,
          endColumn: 31,
          messageId: 'httpLink',
          data: { name: 'Policy', section: 'RFC 9116 section 2.5.7' },
        },
        { line: 2, column: 13, endLine: 2, endColumn: 36 },
        { line: 3, column: 18, endLine: 3, endColumn: 40 },
        { line: 4, column: 9, endLine: 4, endColumn: 29 },
        { line: 5, column: 12, endLine: 5, endColumn: 52 },
        {
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 45,
          messageId: 'httpLinkUnsectioned',
          data: { name: 'CSAF' },
          // No section of RFC 9116 defines CSAF: the message names none, and leaves no empty brackets.
          message: 'CSAF uses http://: web links must use https://, or a report or key can be swapped in transit.',
        },
      ],
      output:
        'Policy: https://acme.org/policy\r\nEncryption: https://acme.org/pgp.asc\r\nAcknowledgments: https://acme.org/thanks\r\nHiring: https://acme.org/jobs\r\nCanonical: https://acme.org/.well-known/security.txt\r\nCSAF: https://acme.org/provider-metadata.json\r\n',
    },
    {
      name: 'signed: the fix waits for review and a new signature',
      code: '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\nPolicy: http://acme.org/policy\n-----BEGIN PGP SIGNATURE-----\n\niQIz\n-----END PGP SIGNATURE-----\n',
      facts,
      errors: [{ line: 4, column: 9, endLine: 4, endColumn: 31, fixes: ['Use https:// (then sign the file again)'] }],
      output:
        '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\nPolicy: https://acme.org/policy\n-----BEGIN PGP SIGNATURE-----\n\niQIz\n-----END PGP SIGNATURE-----\n',
    },
  ],
});
