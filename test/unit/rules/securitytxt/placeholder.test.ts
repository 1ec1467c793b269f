import { securityTxtPlaceholder } from '../../../../server/src/rules/securitytxt/placeholder';
import { ruleTester } from '../../../helpers/rule-tester';

const facts = { now: '2026-11-22T00:00:00Z' };

ruleTester(securityTxtPlaceholder, {
  valid: [
    { name: 'a real address', code: 'Contact: mailto:security@acme.org\n', facts },
    { name: 'a real phone number', code: 'Contact: tel:+31-20-794-0000\n', facts },
    { name: 'a look-alike: 555 outside the fictional 0100-0199 block', code: 'Contact: tel:+1-201-555-2368\n', facts },
    { name: 'a look-alike: example in the path, not the host', code: 'Policy: https://acme.org/example.com\n', facts },
    { name: 'a look-alike: a mailbox named examples', code: 'Contact: mailto:examples@acme.org\n', facts },
    { name: 'a comment quoting the template', code: '# Contact: mailto:security@example.com\n', facts },
    { name: 'not a URI field', code: 'Preferred-Languages: en\nX-Note: <fill in>\n', facts },
  ],
  invalid: [
    {
      name: "the RFC's example address",
      code: 'Contact: mailto:security@example.com\n',
      facts,
      errors: [
        {
          line: 1,
          column: 10,
          endLine: 1,
          endColumn: 37,
          messageId: 'contactPlaceholder',
          data: { value: '"mailto:security@example.com"' },
          message:
            'Contact "mailto:security@example.com" is a template placeholder: replace it with a channel your security team watches.',
          severity: 'error',
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: 'a bare address, yourdomain, a fictional phone and a template slot',
      code: 'Contact: security@yourdomain.com\nContact: tel:+1-201-555-0123\nContact: mailto:{{ security_email }}\n',
      facts,
      errors: [
        { line: 1, column: 10, endLine: 1, endColumn: 33 },
        { line: 2, column: 10, endLine: 2, endColumn: 29 },
        {
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 37,
          messageId: 'contactPlaceholder',
          data: { value: '"mailto:{{ security_email }}"' },
        },
      ],
      output: null,
    },
    {
      name: 'other links from the template, in a signed body with CRLF',
      code: '-----BEGIN PGP SIGNED MESSAGE-----\r\nHash: SHA256\r\n\r\nEncryption: https://example.com/pgp-key.txt\r\nPolicy: https://www.example.org/policy\r\n-----BEGIN PGP SIGNATURE-----\r\n\r\niQIz\r\n-----END PGP SIGNATURE-----\r\n',
      facts,
      errors: [
        {
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 44,
          messageId: 'linkPlaceholder',
          data: { name: 'Encryption', value: '"https://example.com/pgp-key.txt"' },
          message:
            'Encryption "https://example.com/pgp-key.txt" is a template placeholder: replace it with the real link.',
        },
        { line: 5, column: 9, endLine: 5, endColumn: 39 },
      ],
      output: null,
    },
    {
      name: 'a placeholder mailbox at a real domain, percent-encoded',
      code: 'Contact: mailto:your%2Demail@acme.org\n',
      facts,
      errors: [{ line: 1, column: 10, endLine: 1, endColumn: 38 }],
      output: null,
    },
  ],
});
