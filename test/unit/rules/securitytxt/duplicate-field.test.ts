import { securityTxtDuplicateField } from '../../../../server/src/rules/securitytxt/duplicate-field';
import { ruleTester } from '../../../helpers/rule-tester';

const facts = { now: '2026-11-22T00:00:00Z' };

ruleTester(securityTxtDuplicateField, {
  valid: [
    {
      name: 'several Contact, Encryption and Canonical fields are allowed',
      code: 'Contact: mailto:security@acme.org\nContact: tel:+31-20-794-0000\nCanonical: https://acme.org/.well-known/security.txt\nCanonical: https://www.acme.org/.well-known/security.txt\n',
      facts,
    },
    {
      name: 'one Expires, one Preferred-Languages',
      code: 'Expires: 2027-06-30T00:00:00Z\nPreferred-Languages: en, nl\n',
      facts,
    },
    {
      name: 'a look-alike: a commented-out second Expires',
      code: 'Expires: 2027-06-30T00:00:00Z\n# Expires: 2026-06-30T00:00:00Z\n',
      facts,
    },
    {
      name: 'a second Expires after the signature is not part of the file’s fields',
      code: '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nExpires: 2027-06-30T00:00:00Z\n-----BEGIN PGP SIGNATURE-----\n\niQIz\n-----END PGP SIGNATURE-----\nExpires: 2028-06-30T00:00:00Z\n',
      facts,
    },
  ],
  invalid: [
    {
      name: 'the same Expires twice: removing the copy is safe',
      code: 'Expires: 2027-06-30T00:00:00Z\nContact: mailto:security@acme.org\nEXPIRES: 2027-06-30T00:00:00Z\n',
      facts,
      errors: [
        {
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 30,
          messageId: 'duplicate',
          data: { name: 'Expires', firstLine: 1, reference: 'RFC 9116 section 2.5.5' },
          message: 'Expires appears again (first on line 1): keep one (RFC 9116 section 2.5.5).',
          severity: 'error',
          fixes: ['Remove this Expires line'],
        },
      ],
      output: 'Expires: 2027-06-30T00:00:00Z\nContact: mailto:security@acme.org\n',
    },
    {
      name: 'two different dates: the removal is offered for review',
      code: 'Expires: 2027-06-30T00:00:00Z\r\nExpires: 2027-01-31T00:00:00Z\r\nExpires: 2027-06-30T00:00:00Z\r\n',
      facts,
      errors: [
        { line: 2, column: 1, endLine: 2, endColumn: 30, fixes: ['Remove this Expires line'] },
        { line: 3, column: 1, endLine: 3, endColumn: 30 },
      ],
      output: 'Expires: 2027-06-30T00:00:00Z\r\n',
    },
    {
      name: 'Preferred-Languages twice',
      code: 'Preferred-Languages: en\nPreferred-Languages: nl\n',
      facts,
      errors: [
        {
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 24,
          messageId: 'duplicate',
          data: { name: 'Preferred-Languages', firstLine: 1, reference: 'RFC 9116 section 2.5.8' },
        },
      ],
      output: 'Preferred-Languages: en\n',
    },
    {
      name: 'Bug-Bounty twice: registered as once at most',
      code: 'Bug-Bounty: True\nbug-bounty: False\n',
      facts,
      errors: [
        {
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 18,
          messageId: 'duplicate',
          data: { name: 'Bug-Bounty', firstLine: 1, reference: 'IANA security.txt fields registry' },
          fixes: ['Remove this Bug-Bounty line'],
        },
      ],
      output: 'Bug-Bounty: True\n',
    },
    {
      name: 'signed: the fix says to sign again',
      code: '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nPreferred-Languages: en\nPreferred-Languages: en\n-----BEGIN PGP SIGNATURE-----\n\niQIz\n-----END PGP SIGNATURE-----\n',
      facts,
      errors: [
        {
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 24,
          fixes: ['Remove this Preferred-Languages line (then sign the file again)'],
        },
      ],
      output:
        '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nPreferred-Languages: en\n-----BEGIN PGP SIGNATURE-----\n\niQIz\n-----END PGP SIGNATURE-----\n',
    },
  ],
});
