import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintText } from '../../../../server/src/rules';
import { scorecardCounts, scorecardScore, tooShort } from '../../../../server/src/rules/policy/too-short';
import { renderPolicy, TEMPLATE_NAMES } from '../../../../common/templates/policy';
import { corpusPolicies } from '../../../helpers/corpus';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(tooShort, {
  valid: [
    {
      name: 'an address, some words and two hints (a number and "vulnerabilities")',
      code: '# Security\n\nReport vulnerabilities to security@acme.dev; we reply within 2 days.\n',
    },
    {
      name: 'version numbers count as hints',
      code: '# Security\n\n| Version | Supported |\n| --- | --- |\n| 2.3.x | ✅ |\n\nEmail security@acme.dev.\n',
    },
    { name: "no contact at all is policy/no-contact's to report", code: '# Security\n\nTell us.\n' },
  ],
  invalid: [
    {
      name: 'one hint only (the word "Vulnerability" in a heading)',
      code: '# Security Policy\n\n## Reporting a Vulnerability\n\nDraft a [new security advisory](https://github.com/acme/app/security/advisories) or mail <security@acme.dev>.\n',
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 18,
          severity: 'warning',
          messageId: 'fewHints',
          data: { hints: 1 },
          message:
            'Too thin to act on: mention vulnerabilities, disclosure or a timeline at least twice (found 1; OpenSSF Scorecard wants two).',
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: 'nothing but an address',
      code: 'security@acme.dev\n',
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 18,
          messageId: 'onlyLinks',
          message:
            'The policy is little more than its links: say how to report, what happens next and which versions get fixes.',
        },
      ],
      output: null,
    },
    {
      name: 'private reporting named but not linked: no written-out link',
      code: '# Security\n\nReport vulnerabilities through GitHub private vulnerability reporting; we reply within 2 days.\n',
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 11,
          messageId: 'noLink',
          message:
            'No written-out link or email address: give the reporting channel as an https:// link or a full address (OpenSSF Scorecard looks for one).',
        },
      ],
      output: null,
    },
    {
      name: 'an address whose top-level domain is longer than six letters is not one to Scorecard',
      code: '# Security\n\nReport vulnerabilities to security@acme.technology; we reply within 2 days.\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noLink' }],
      output: null,
    },
  ],
});

/**
 * OpenSSF Scorecard's Security-Policy check, ported as literally as JavaScript allows: its three
 * patterns applied line by line, and its score of 6 (links) + 3 (text) + 1 (hints). Independent of
 * the rule's own hand-written scan, so each checks the other.
 */
function scorecardReference(text: string): number {
  const url = /(http|https):\/\/[a-zA-Z0-9./?=_%:-]*/g;
  const email = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,6}\b/g;
  // Scorecard writes `\b*` before the digits; zero or more word boundaries always match, so it is left out.
  const hint = /([0-9]{1,4}\b|(Disclos|Vuln))/gi;
  let links = 0;
  let linked = 0;
  let hints = 0;
  for (const line of text.split('\n').map((each) => each.replace(/\r$/, ''))) {
    for (const match of line.matchAll(url)) {
      links++;
      linked += match[0].length;
    }
    for (const match of line.matchAll(email)) {
      links++;
      linked += match[0].length;
    }
    hints += [...line.matchAll(hint)].length;
  }
  const size = Buffer.byteLength(text, 'utf8');
  return (links > 0 ? 6 : 0) + (size > 1 && size > linked + links * 2 ? 3 : 0) + (hints > 1 ? 1 : 0);
}

const FRAGMENTS = [
  '# Security Policy',
  '## Reporting a Vulnerability',
  '## Supported Versions',
  '## Disclosure',
  'Email security@acme.dev.',
  'Email security@acme.technology.',
  'Write to sec.team@acme.co.uk or @handle.',
  'Use [the form](https://acme.dev/security/report).',
  'Use GitHub private vulnerability reporting.',
  'Use [private reporting](https://github.com/acme/app/security/advisories/new).',
  'We acknowledge reports within 3 business days.',
  'We reply within one week.',
  'We will strive to respond within 48 hours, but do not expect it.',
  'Only the latest release is supported.',
  '| Version | Supported |\n| --- | --- |\n| 2.3.x | ✅ |\n| < 2.3 | ❌ |',
  'We publish an advisory once a fix ships.',
  'Thanks!',
  'Do not open a public issue.',
  'Open an issue at https://github.com/acme/app/issues.',
  '<!-- security@example.com -->',
  '```\nsecurity@acme.dev\n```',
  'http://acme.dev',
  'Version 12345 and v2 and 1st.',
  'Vulnerabilities and disclosure matter.',
];

describe('policy/too-short keeps us at least as strict as OpenSSF Scorecard', () => {
  const clean = (text: string) =>
    lintText('policy', text).findings.filter((finding) => finding.severity !== 'info').length === 0;

  it('the rule counts what Scorecard counts, on generated policies', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        (parts, eol) => {
          const text = parts.join('\n\n').replace(/\n/g, eol);
          assert.equal(scorecardScore(text), scorecardReference(text), JSON.stringify(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a generated policy with no error or warning scores 10/10', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }), (parts) => {
        const text = parts.join('\n\n') + '\n';
        if (clean(text)) assert.equal(scorecardReference(text), 10, JSON.stringify(text));
      }),
      { numRuns: 150 },
    );
  });

  it('counts emails the way Scorecard does at the edges', () => {
    const emails = (text: string) => scorecardCounts(text).emails;
    assert.equal(emails('a@b.co'), 1);
    assert.equal(emails('a@b.technology'), 0);
    assert.equal(emails('-.@b.com'), 0);
    assert.equal(emails('x-.a@b.com.au. y@z.io'), 2);
    assert.equal(emails('a@b@c.com'), 1);
    assert.equal(emails('a@b.com-x'), 1);
  });

  it('every template, seed and corpus policy that we pass scores 10/10', () => {
    const texts: string[] = [];
    for (const template of TEMPLATE_NAMES) {
      for (const contact of ['security@acme.dev', 'https://github.com/acme/app/security/advisories/new']) {
        texts.push(renderPolicy({ template, contact, project: 'Acme', version: '2.3.1' }));
        texts.push(renderPolicy({ template, contact, project: 'Acme' }));
      }
    }
    texts.push(...corpusPolicies().map(({ text }) => text));
    for (const text of texts) {
      assert.equal(scorecardScore(text), scorecardReference(text));
      if (clean(text)) assert.equal(scorecardReference(text), 10, text.slice(0, 80));
    }
  });
});
