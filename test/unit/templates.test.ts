import assert from 'node:assert/strict';
import { lintText } from '../../server/src/rules';
import { checkContact, privateReportingUrl, renderPolicy, TEMPLATE_NAMES } from '../../common/templates/policy';

describe('policy templates', () => {
  const contacts = ['security@acme.dev', privateReportingUrl('acme/app'), 'https://acme.dev/security/report'];
  for (const template of TEMPLATE_NAMES) {
    for (const contact of contacts) {
      for (const version of ['2.3.1', undefined]) {
        it(`${template} with ${contact} and version ${version ?? 'none'} lints with no error or warning`, () => {
          const text = renderPolicy({ template, contact, project: 'Acme', version });
          const findings = lintText('policy', text).findings.filter((finding) => finding.severity !== 'info');
          assert.deepEqual(
            findings.map((finding) => `${finding.ruleId}: ${finding.message}`),
            [],
          );
        });
      }
    }
  }

  it('renders the minimal template exactly', () => {
    assert.equal(
      renderPolicy({ template: 'minimal', contact: 'security@acme.dev', project: 'Acme', version: '2.3.1' }),
      [
        '# Security Policy for Acme',
        '',
        '## Supported Versions',
        '',
        '| Version | Supported |',
        '| ------- | --------- |',
        '| 2.3.x | ✅ |',
        '| < 2.3 | ❌ |',
        '',
        '## Reporting a Vulnerability',
        '',
        'Please report vulnerabilities privately by email to security@acme.dev. Do not open a public issue, discussion or pull request.',
        '',
        'Include what you found, the affected version, steps to reproduce and the impact you expect.',
        '',
        '### What to Expect',
        '',
        'We acknowledge every report within 3 business days and send a first assessment within 10 business days.',
        'We keep you informed until the issue is fixed, and credit you in the advisory unless you prefer otherwise.',
        '',
      ].join('\n'),
    );
  });

  it('links GitHub private vulnerability reporting by name', () => {
    const text = renderPolicy({ template: 'standard', contact: privateReportingUrl('acme/app'), project: 'Acme' });
    assert.ok(
      text.includes(
        'through [GitHub private vulnerability reporting](https://github.com/acme/app/security/advisories/new).',
      ),
    );
    assert.ok(text.includes('Security fixes are released for the latest version only.'));
  });

  describe('contact validation', () => {
    const cases: [string, string | true][] = [
      ['security@acme.dev', true],
      ['mailto:security@acme.dev', true],
      ['https://acme.dev/report', true],
      ['', 'Enter an email address or an https:// URL.'],
      ['security at acme', '"security at acme" is neither an email address nor a URL.'],
      ['http://acme.dev/report', 'Use an https:// URL so reports travel encrypted.'],
      [
        'https://github.com/acme/app/issues',
        'A public issue tracker is not a private channel: use an email or a private form.',
      ],
    ];
    for (const [contact, expected] of cases) {
      it(`${JSON.stringify(contact)} -> ${expected === true ? 'accepted' : 'refused'}`, () => {
        const result = checkContact(contact);
        if (expected === true) assert.equal(result.ok, true);
        else assert.deepEqual(result, { ok: false, reason: expected });
      });
    }
  });
});
