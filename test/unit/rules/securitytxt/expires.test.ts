import { securityTxtExpires } from '../../../../server/src/rules/securitytxt/expires';
import { ruleTester } from '../../../helpers/rule-tester';

const facts = { now: '2026-11-22T00:00:00Z' };
const next = '2027-11-21T00:00:00Z';
const SIGNED_HEAD = '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n';
const SIGNATURE = '-----BEGIN PGP SIGNATURE-----\n\niQIz\n-----END PGP SIGNATURE-----\n';

ruleTester(securityTxtExpires, {
  valid: [
    { name: 'half a year ahead', code: 'Contact: mailto:security@acme.org\nExpires: 2027-05-22T00:00:00Z\n', facts },
    { name: 'fractional seconds and a lower-case z', code: 'Expires: 2027-01-08T00:00:00.000z\n', facts },
    { name: 'a numeric offset', code: 'Expires: 2027-06-30T23:59:59+02:00\n', facts },
    { name: 'exactly a year ahead is not more', code: 'Expires: 2027-11-22T00:00:00Z\n', facts },
    { name: 'just over 30 days ahead is not yet soon', code: 'Expires: 2026-12-22T00:00:01Z\n', facts },
    { name: 'without facts.now only the form is checked', code: 'Expires: 2020-01-01T00:00:00Z\n' },
    {
      name: 'a look-alike: an Expires in a comment does not count as a second one',
      code: '# Expires: 1999-01-01\nExpires: 2027-05-22T00:00:00Z\n',
      facts,
    },
    { name: 'an empty value is invalid-line’s finding', code: 'Expires:\n', facts },
  ],
  invalid: [
    {
      name: 'missing: a date under a year ahead is offered, for review',
      code: 'Contact: mailto:security@acme.org\n',
      facts,
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 34,
          messageId: 'missing',
          severity: 'error',
          fixes: [`Add Expires: ${next}`],
        },
      ],
      output: `Contact: mailto:security@acme.org\nExpires: ${next}\n`,
    },
    {
      name: 'missing, without facts.now: no date to offer',
      code: 'Contact: mailto:security@acme.org\r\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 34, fixes: [] }],
      output: null,
    },
    {
      name: 'in the past',
      code: 'Contact: mailto:security@acme.org\nExpires: 2025-06-30T00:00:00z\n',
      facts,
      errors: [
        {
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 30,
          messageId: 'expired',
          data: { date: '2025-06-30' },
          message:
            'Expired on 2025-06-30: researchers treat the file as stale (RFC 9116 section 5.3). Review it and set a new date.',
          severity: 'error',
          fixes: [`Set Expires to ${next}`],
        },
      ],
      output: `Contact: mailto:security@acme.org\nExpires: ${next}\n`,
    },
    {
      name: 'expiring this very second counts as past',
      code: 'expires: 2026-11-22T01:00:00+01:00\n',
      facts,
      errors: [{ line: 1, column: 10, endLine: 1, endColumn: 35, severity: 'error' }],
      output: `expires: ${next}\n`,
    },
    {
      name: 'expiring within 30 days: a warning, and the renewal offered for review',
      code: 'Contact: mailto:security@acme.org\nExpires: 2026-12-05T12:00:00Z\n',
      facts,
      errors: [
        {
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 30,
          messageId: 'expiresSoon',
          data: { date: '2026-12-05', days: 14 },
          message:
            'Expires on 2026-12-05, in 14 days: review the file and set a new date before researchers treat it as stale.',
          severity: 'warning',
          fixes: [`Set Expires to ${next}`],
        },
      ],
      output: `Contact: mailto:security@acme.org\nExpires: ${next}\n`,
    },
    {
      name: 'exactly 30 days ahead is soon',
      code: 'Expires: 2026-12-22T00:00:00Z\n',
      facts,
      errors: [
        {
          line: 1,
          column: 10,
          endLine: 1,
          endColumn: 30,
          messageId: 'expiresSoon',
          data: { date: '2026-12-22', days: 30 },
        },
      ],
      output: `Expires: ${next}\n`,
    },
    {
      name: 'more than a year ahead is a warning',
      code: 'Expires: 2050-01-01T00:00:00.000Z\n',
      facts,
      errors: [
        {
          line: 1,
          column: 10,
          endLine: 1,
          endColumn: 34,
          messageId: 'tooFarAhead',
          data: { date: '2050-01-01' },
          severity: 'warning',
        },
      ],
      output: `Expires: ${next}\n`,
    },
    {
      name: 'not RFC 3339: a date alone, an HTTP date, a space for the T, an impossible day',
      code: 'Expires: 2027-06-30\nExpires: Wed, 30 Jun 2027 00:00:00 GMT\nExpires: 2027-06-30 00:00:00Z\nExpires: 2027-02-30T00:00:00Z\n',
      facts,
      errors: [
        {
          line: 1,
          column: 10,
          endLine: 1,
          endColumn: 20,
          messageId: 'notDateTime',
          data: { value: '"2027-06-30"' },
        },
        {
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 39,
          messageId: 'notDateTime',
          data: { value: '"Wed, 30 Jun 2027 00:00:00 GMT"' },
        },
        { line: 3, column: 10, endLine: 3, endColumn: 30 },
        { line: 4, column: 10, endLine: 4, endColumn: 30 },
      ],
      output: `Expires: ${next}\nExpires: ${next}\nExpires: ${next}\nExpires: ${next}\n`,
    },
    {
      name: 'signed: read from the body, and the fix says to sign again',
      code: `${SIGNED_HEAD}Contact: mailto:security@acme.org\nExpires: 2024-12-31T23:00:00.000Z\n${SIGNATURE}`,
      facts,
      errors: [
        {
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 34,
          fixes: [`Set Expires to ${next} (then sign the file again)`],
        },
      ],
      output: `${SIGNED_HEAD}Contact: mailto:security@acme.org\nExpires: ${next}\n${SIGNATURE}`,
    },
    {
      name: 'signed, missing: the new line goes before the signature',
      code: `${SIGNED_HEAD}Contact: mailto:security@acme.org\n${SIGNATURE}`,
      facts,
      errors: [
        { line: 1, column: 1, endLine: 1, endColumn: 35, fixes: [`Add Expires: ${next} (then sign the file again)`] },
      ],
      output: `${SIGNED_HEAD}Contact: mailto:security@acme.org\nExpires: ${next}\n${SIGNATURE}`,
    },
    {
      name: 'a leap day: the fix lands on the day before a year later',
      code: 'Expires: 2020-02-29T00:00:00Z\n',
      facts: { now: '2028-02-29T12:00:00Z' },
      errors: [{ line: 1, column: 10, endLine: 1, endColumn: 30, fixes: ['Set Expires to 2029-02-28T00:00:00Z'] }],
      output: 'Expires: 2029-02-28T00:00:00Z\n',
    },
  ],
});
