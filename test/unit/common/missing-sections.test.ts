import assert from 'node:assert/strict';
import {
  hasReportingSection,
  missingSectionInsertions,
  type Insertion,
} from '../../../common/templates/missing-sections';
import { renderPolicy, type TemplateName } from '../../../common/templates/policy';
import { lintText } from '../../../server/src/rules';

function template(name: TemplateName): string {
  return renderPolicy({ template: name, contact: 'security@acme.dev', project: 'Acme', version: '2.3.1' });
}

function apply(text: string, insertions: Insertion[]): string {
  return [...insertions]
    .sort((left, right) => right.offset - left.offset)
    .reduce((result, { offset, text: inserted }) => result.slice(0, offset) + inserted + result.slice(offset), text);
}

function headingsOf(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.startsWith('#'));
}

describe('Insert security policy into a policy: the missing sections', () => {
  it('adds only what the policy lacks, each where the canonical order puts it', () => {
    const policy = '# Security\n\n## Reporting a Vulnerability\n\nMail security@acme.dev; we reply within 2 days.\n';
    const result = apply(policy, missingSectionInsertions(policy, template('comprehensive')));
    assert.deepEqual(headingsOf(result), [
      '# Security',
      '## Supported Versions',
      '## Reporting a Vulnerability',
      '## What to Expect',
      '## Response Times by Severity',
      '## Disclosure Policy',
      '## Scope',
      '## Safe Harbor',
      '## Encrypted Reports',
    ]);
    assert.equal(
      result.slice(0, result.indexOf('## What to Expect')),
      [
        '# Security',
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
        'Mail security@acme.dev; we reply within 2 days.',
        '',
        '',
      ].join('\n'),
    );
    assert.ok(result.endsWith('before you share them.\n'), JSON.stringify(result.slice(-40)));
    const findings = lintText('policy', result).findings.filter((finding) => finding.severity !== 'info');
    assert.deepEqual(
      findings.map((finding) => finding.ruleId),
      [],
    );
  });

  it('inserts nothing into a policy that has every section of the template', () => {
    const policy = template('minimal').replace('# Security Policy for Acme', '# Our Policy');
    assert.deepEqual(missingSectionInsertions(policy, template('minimal')), []);
  });

  it("follows the policy's heading depth and line endings, and ends the file with one line break", () => {
    const policy = '# Security\r\n\r\n### Supported Versions\r\n\r\nThe latest release only.';
    const insertions = missingSectionInsertions(policy, template('minimal'));
    assert.deepEqual(insertions, [
      {
        offset: policy.length,
        text: [
          '',
          '',
          '### Reporting a Vulnerability',
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
        ].join('\r\n'),
      },
    ]);
  });

  it('knows a reporting section by its heading, whatever its words', () => {
    assert.equal(hasReportingSection('# Security\n\n## Reporting a Vulnerability\n\nTell us.\n'), true);
    assert.equal(hasReportingSection('# Security\n\n### Contact\n\nsecurity@acme.dev\n'), true);
    assert.equal(hasReportingSection('# Security\n\nReport issues to security@acme.dev.\n'), false);
    assert.equal(hasReportingSection('# Security\n\n```\n## Reporting\n```\n'), false);
    assert.equal(hasReportingSection(''), false);
  });

  it('writes the contact given into the reporting section it adds', () => {
    const policy = '# Security\n\n## Supported Versions\n\nThe latest release only.\n';
    const inserted = missingSectionInsertions(
      policy,
      renderPolicy({ template: 'minimal', contact: 'https://acme.dev/report', project: 'Acme' }),
    );
    assert.deepEqual(inserted, [
      {
        offset: policy.length,
        text: [
          '',
          '## Reporting a Vulnerability',
          '',
          'Please report vulnerabilities privately through [our reporting form](https://acme.dev/report). Do not open a public issue, discussion or pull request.',
          '',
          'Include what you found, the affected version, steps to reproduce and the impact you expect.',
          '',
          '## What to Expect',
          '',
          'We acknowledge every report within 3 business days and send a first assessment within 10 business days.',
          'We keep you informed until the issue is fixed, and credit you in the advisory unless you prefer otherwise.',
          '',
        ].join('\n'),
      },
    ]);
  });

  it('needs no contact for a policy that has its reporting section: the template without one adds the same', () => {
    const policy = '# Security\n\n## Reporting\n\nTell us.\n';
    const without = renderPolicy({ template: 'standard', project: 'Acme', version: '2.3.1' });
    assert.doesNotMatch(without, /Reporting a Vulnerability|report vulnerabilities privately/);
    const inserted = missingSectionInsertions(policy, without);
    assert.deepEqual(inserted, missingSectionInsertions(policy, template('standard')));
    assert.deepEqual(
      inserted.map((insertion) => [insertion.offset, headingsOf(insertion.text)]),
      [
        [12, ['## Supported Versions']],
        [policy.length, ['## What to Expect', '## Disclosure Policy']],
      ],
    );
  });

  it('reads no heading inside a fenced code block', () => {
    const policy =
      '# Security\n\n```markdown\n## Reporting a Vulnerability\n```\n\n## Supported Versions\n\nLatest only.\n';
    const result = apply(policy, missingSectionInsertions(policy, template('minimal')));
    assert.deepEqual(headingsOf(result), [
      '# Security',
      '## Reporting a Vulnerability',
      '## Supported Versions',
      '## Reporting a Vulnerability',
      '## What to Expect',
    ]);
  });
});
