import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fixAllText, withUnattendedFixes } from '../../../server/src/engine/fixes';
import { lintText } from '../../../server/src/rules';
import { parseRfc3339, parseSecurityTxt } from '../../../server/src/formats/securitytxt';

/**
 * The security.txt model: fields with exact offsets in every form the format allows, the signed
 * wrapping, and the engine over it. Kept beside the rule tables (one folder down, so the
 * consistency test does not take it for a rule's table).
 */
const facts = { now: '2026-11-22T00:00:00Z' };

function fieldsOf(text: string) {
  return parseSecurityTxt(text).fields.map((field) => [
    field.line,
    field.key,
    text.slice(field.nameStart, field.nameEnd),
    text.slice(field.valueStart, field.valueEnd),
    text.slice(field.lineStart, field.lineEnd),
  ]);
}

describe('security.txt model', () => {
  it('reads names and values with exact offsets, past a BOM, comments, blanks and CRLF', () => {
    const text =
      '\uFEFF# Acme\r\n\r\ncontact:  mailto:security@acme.org \r\n  Expires: 2027-06-30T00:00:00Z\r\nPolicy:https://acme.org/p';
    assert.deepEqual(fieldsOf(text), [
      [3, 'contact', 'contact', 'mailto:security@acme.org', 'contact:  mailto:security@acme.org \r\n'],
      [4, 'expires', 'Expires', '2027-06-30T00:00:00Z', '  Expires: 2027-06-30T00:00:00Z\r\n'],
      [5, 'policy', 'Policy', 'https://acme.org/p', 'Policy:https://acme.org/p'],
    ]);
    const model = parseSecurityTxt(text);
    assert.deepEqual(model.problems, []);
    assert.equal(model.signed, undefined);
    assert.equal(model.insertAt, text.length);
    assert.deepEqual(text.slice(model.anchor.start, model.anchor.end), '# Acme');
    assert.deepEqual([...model.byKey.keys()], ['contact', 'expires', 'policy']);
  });

  it('reads the signed form from its body, undoing dash-escapes, and knows where the body ends', () => {
    const text = [
      '-----BEGIN PGP SIGNED MESSAGE-----',
      'Hash: SHA256, SHA512',
      '',
      '# Canonical URI',
      'Canonical: https://acme.org/.well-known/security.txt',
      '- Contact: mailto:security@acme.org',
      '-----BEGIN PGP SIGNATURE-----',
      'Version: GnuPG v2.2',
      '',
      'iQIzBAEBCAAdFiEE',
      '-----END PGP SIGNATURE-----',
      '',
    ].join('\n');
    assert.deepEqual(fieldsOf(text), [
      [
        5,
        'canonical',
        'Canonical',
        'https://acme.org/.well-known/security.txt',
        'Canonical: https://acme.org/.well-known/security.txt\n',
      ],
      [6, 'contact', 'Contact', 'mailto:security@acme.org', '- Contact: mailto:security@acme.org\n'],
    ]);
    const model = parseSecurityTxt(text);
    assert.deepEqual(model.problems, []);
    assert.ok(model.signed);
    assert.deepEqual(model.signed.hashes, ['SHA256', 'SHA512']);
    assert.equal(text.slice(model.signed.headerStart, model.signed.headerEnd), '-----BEGIN PGP SIGNED MESSAGE-----');
    assert.ok(text.slice(model.signed.bodyStart).startsWith('# Canonical URI'));
    assert.ok(text.slice(model.insertAt).startsWith('-----BEGIN PGP SIGNATURE-----'));
    assert.equal(model.signed.signatureStart, model.insertAt);
  });

  it('does not read the signature armor or its base64 as fields', () => {
    const text =
      '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nContact: mailto:security@acme.org\n-----BEGIN PGP SIGNATURE-----\nComment: https://acme.org/key\n\nabc:def\n-----END PGP SIGNATURE-----\n';
    assert.deepEqual(
      parseSecurityTxt(text).fields.map((field) => field.key),
      ['contact'],
    );
  });

  describe('RFC 3339 date-times', () => {
    const cases: [string, string | undefined][] = [
      ['2021-12-31T18:37:07z', '2021-12-31T18:37:07.000Z'],
      ['2027-01-08T00:00:00.000Z', '2027-01-08T00:00:00.000Z'],
      ['2027-06-30T23:59:59.5+02:00', '2027-06-30T21:59:59.500Z'],
      ['2027-06-30T00:00:00-05:30', '2027-06-30T05:30:00.000Z'],
      ['2028-02-29T00:00:00Z', '2028-02-29T00:00:00.000Z'],
      ['2027-02-29T00:00:00Z', undefined],
      ['2027-13-01T00:00:00Z', undefined],
      ['2027-06-30T24:00:00Z', undefined],
      ['2027-06-30T00:00:00', undefined],
      ['2027-06-30 00:00:00Z', undefined],
      ['2027-06-30', undefined],
      ['Wed, 30 Jun 2027 00:00:00 GMT', undefined],
      ['2027-06-30T00:00:00+0200', undefined],
    ];
    for (const [value, expected] of cases) {
      it(`${value} -> ${expected ?? 'not a date-time'}`, () => {
        const parsed = parseRfc3339(value);
        assert.equal(parsed === undefined ? undefined : new Date(parsed).toISOString(), expected);
      });
    }
  });
});

describe('security.txt through the engine', () => {
  it('a complete, current file lints clean with every rule', () => {
    const text = [
      'Contact: mailto:security@acme.org',
      'Contact: https://acme.org/security/report',
      'Expires: 2027-06-30T00:00:00Z',
      'Encryption: https://acme.org/pgp-key.txt',
      'Policy: https://acme.org/security-policy',
      'Canonical: https://acme.org/.well-known/security.txt',
      'Preferred-Languages: en, nl',
      '',
    ].join('\n');
    assert.deepEqual(lintText('securitytxt', text, { facts }).findings, []);
  });

  it('honours # secpolicy- directives', () => {
    const text =
      '# secpolicy-disable-file securitytxt/no-policy\nContact: mailto:security@acme.org\n# secpolicy-disable-next-line securitytxt/expires\nExpires: 2020-01-01T00:00:00Z\n';
    assert.deepEqual(lintText('securitytxt', text, { facts }).findings, []);
  });

  it('the unattended fixes (secpolicy --fix) leave a signed file untouched', () => {
    const text =
      '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nContact: security@acme.org\nPolicy: http://acme.org/p\nExpires: 2027-06-30T00:00:00Z\nCanonical: https://acme.org/.well-known/security.txt\n-----BEGIN PGP SIGNATURE-----\n\niQIz\n-----END PGP SIGNATURE-----\n';
    const lint = (current: string) => lintText('securitytxt', current, { facts }).findings.map(withUnattendedFixes);
    assert.equal(lint(text).length, 2);
    assert.equal(fixAllText(text, lint).text, text);
  });

  const field = fc.constantFrom(
    'Contact: mailto:security@acme.org',
    'Contact: security@example.com',
    'Contact: +1 201 555 0123',
    'Contact: http://acme.org/security',
    'Contacts: mailto:a@acme.org',
    'Expires: 2027-06-30T00:00:00Z',
    'Expires: 2020-01-01',
    'Expiry: 2030-01-01T00:00:00Z',
    'Policy : acme.org/policy',
    'Canonical: https://acme.org',
    'Encryption: 5F2D E552 1C63 A801 AB59 CCB6 03D4 9DE4 4B29 100F',
    'Preferred-Languages: en',
    'Hiring: http://',
    '# comment',
    '',
    '- Contact: mailto:b@acme.org',
    '-----BEGIN PGP SIGNED MESSAGE-----',
    'Hash: SHA256',
    '-----BEGIN PGP SIGNATURE-----',
    '-----END PGP SIGNATURE-----',
    '\uFEFF',
  );
  const documents = fc.oneof(
    fc
      .tuple(fc.array(fc.oneof(field, fc.string({ maxLength: 20 })), { maxLength: 14 }), fc.constantFrom('\n', '\r\n'))
      .map(([lines, eol]) => lines.join(eol)),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
  );

  it('never throws, keeps ranges and edits inside the text, and fix-all reaches a fixed point', () => {
    fc.assert(
      fc.property(
        documents,
        fc.constantFrom(facts, { ...facts, githubRepository: 'acme/widget' }, {}),
        (text, given) => {
          const result = lintText('securitytxt', text, { facts: given });
          assert.deepEqual(result.failures, []);
          for (const finding of result.findings) {
            assert.ok(0 <= finding.start && finding.start <= finding.end && finding.end <= text.length, finding.ruleId);
            for (const fix of finding.fixes ?? []) {
              for (const edit of fix.edits)
                assert.ok(0 <= edit.start && edit.start <= edit.end && edit.end <= text.length);
            }
          }
          const lint = (current: string) => lintText('securitytxt', current, { facts: given }).findings;
          const once = fixAllText(text, lint).text;
          assert.equal(fixAllText(once, lint).passes, 0, 'a second fix-all changes nothing');
        },
      ),
      { numRuns: 300 },
    );
  });
});
