import { securityTxtCanonical } from '../../../../server/src/rules/securitytxt/canonical';
import { ruleTester } from '../../../helpers/rule-tester';

const facts = { now: '2026-11-22T00:00:00Z' };
const SIGNATURE = '-----BEGIN PGP SIGNATURE-----\n\niQIz\n-----END PGP SIGNATURE-----\n';

ruleTester(securityTxtCanonical, {
  valid: [
    { name: 'the well-known location', code: 'Canonical: https://acme.org/.well-known/security.txt\n', facts },
    { name: 'the legacy top-level location', code: 'Canonical: https://acme.org/security.txt\n', facts },
    { name: 'an unsigned file may leave Canonical out', code: 'Contact: mailto:security@acme.org\n', facts },
    {
      name: 'a signed file that names its Canonical URI',
      code: `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nCanonical: https://acme.org/.well-known/security.txt\n${SIGNATURE}`,
      facts,
    },
    {
      name: 'a broken or non-web value is invalid-uri’s finding',
      code: 'Canonical: acme.org\nCanonical: https://\n',
      facts,
    },
  ],
  invalid: [
    {
      name: 'a bare origin gets the well-known path',
      code: 'Canonical: https://acme.org/\n',
      facts,
      errors: [
        {
          line: 1,
          column: 12,
          endLine: 1,
          endColumn: 29,
          messageId: 'notSecurityTxtLocation',
          data: { value: '"https://acme.org/"' },
          message:
            'Canonical "https://acme.org/" is not where a security.txt is served: use /.well-known/security.txt (RFC 9116 sections 2.5.2 and 3).',
          severity: 'warning',
          fixes: ['Point it at /.well-known/security.txt'],
        },
      ],
      output: 'Canonical: https://acme.org/.well-known/security.txt\n',
    },
    {
      name: 'a look-alike: another file, or security.txt under a subfolder, has no fix',
      code: 'Canonical: https://acme.org/security.html\r\nCanonical: https://acme.org/static/security.txt\r\n',
      facts,
      errors: [
        {
          line: 1,
          column: 12,
          endLine: 1,
          endColumn: 42,
          messageId: 'notSecurityTxtLocation',
          data: { value: '"https://acme.org/security.html"' },
          fixes: [],
        },
        {
          line: 2,
          column: 12,
          endLine: 2,
          endColumn: 48,
          messageId: 'notSecurityTxtLocation',
          data: { value: '"https://acme.org/static/security.txt"' },
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: 'signed without Canonical points at the signed-message line',
      code: `\n-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nContact: mailto:security@acme.org\n${SIGNATURE}`,
      facts,
      errors: [
        {
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 35,
          messageId: 'signedWithoutCanonical',
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: 'signed, with a bare origin: the fix says to sign again',
      code: `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nCanonical: https://acme.org\n${SIGNATURE}`,
      facts,
      errors: [
        {
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 28,
          fixes: ['Point it at /.well-known/security.txt (then sign the file again)'],
        },
      ],
      output: `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nCanonical: https://acme.org/.well-known/security.txt\n${SIGNATURE}`,
    },
  ],
});
