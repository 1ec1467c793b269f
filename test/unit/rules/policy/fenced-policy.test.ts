import assert from 'node:assert/strict';
import { lintText } from '../../../../server/src/rules';
import { fencedPolicy } from '../../../../server/src/rules/policy/fenced-policy';
import { ruleTester } from '../../../helpers/rule-tester';

/** A short policy in GitHub's template shape: a title, a versions table, a contact. */
const POLICY = [
  '# Security Policy',
  '',
  '## Supported Versions',
  '',
  '| Version | Supported |',
  '| ------- | --------- |',
  '| 2.x     | ✅        |',
  '',
  '## Reporting a Vulnerability',
  '',
  'Please email security@acme.dev with a description of the issue.',
  '',
].join('\n');

const PGP_KEY = [
  '-----BEGIN PGP PUBLIC KEY BLOCK-----',
  '',
  'mQINBFgl3tgBEAC8A1tUBkD9YV+eLrOmtgy+/JS/H9RoZvkg3K1WZ8IYfj6iIRaY',
  'neAk3Bp182GUPVz/zhKr2g0tMXIScDR3EnaDsY+Qg+JqQl8NOG+Cikr1nnkG2on9',
  'L8c8yiqry1ZTCmYMqCa2acTFqnyuXJ482aZNtB4QG2BpzfhW4k8YThpegk/EoRUi',
  '=b5eA',
  '-----END PGP PUBLIC KEY BLOCK-----',
].join('\n');

const WRAPPED_MESSAGE =
  'The policy is inside a code block: GitHub shows it as raw Markdown, with no headings and no working links. Remove the fences around it.';

ruleTester(fencedPolicy, {
  valid: [
    { name: 'a policy in plain Markdown', code: POLICY },
    {
      name: 'a PGP key in a bare fence, even when it is most of the file',
      code: `# Security\n\n## Reporting\n\nEmail security@acme.dev.\n\n\`\`\`\n${PGP_KEY}\n\`\`\`\n`,
    },
    {
      name: 'a key with its heading inside a bare fence: the armour lines are not prose',
      code: `# Security\n\nEmail security@acme.dev.\n\n\`\`\`\n## PGP Key\n${PGP_KEY.replace('\n\n', '\n')}\n\`\`\`\n`,
    },
    {
      name: 'a key left unclosed at the end of the file',
      code: `${POLICY}\n## PGP Key\n\n\`\`\`\n${PGP_KEY}\n`,
    },
    {
      name: 'a shell example whose comments look like headings (labelled)',
      code: '# Security\n\nEmail security@acme.dev.\n\n```shell\n# Encrypt your report for the security team before you send it\ngpg --encrypt --recipient security@acme.dev report.txt\n\n# Report the version you run\nnode --version\n```\n',
    },
    {
      name: 'a bare shell example with heading-like comments that is most of the file: commands are not prose',
      code: '# Security\n\n```\n# Report the version you run\nnode --version\n# Encrypt the report for the security team\ngpg --encrypt --armor --recipient security@acme.dev --output report.txt.asc report.txt\n# Supported versions\nnpm view acme-app versions --json\n```\n',
    },
    {
      name: 'a curl command and a JSON sample',
      code: `${POLICY}\nOr post a report:\n\n\`\`\`\ncurl -X POST https://acme.dev/security/report -d @report.json\n\`\`\`\n\n\`\`\`json\n{ "summary": "Reporting a vulnerability", "versions": ["2.x"] }\n\`\`\`\n`,
    },
    {
      name: 'a report template in a Markdown fence, a small part of the policy',
      code: `${POLICY}\nPlease use this layout:\n\n\`\`\`markdown\n## Summary\n\nOne sentence on what the vulnerability lets an attacker do.\n\n## Affected versions\n\nThe releases you reproduced it on.\n\`\`\`\n\nWe reply within 3 days.\n`,
    },
    {
      name: 'a report template left unclosed at the end: one part of a policy only',
      code: `${POLICY}\nPlease use this layout:\n\n\`\`\`markdown\n## Affected versions\n\nThe releases you reproduced it on, and how you found them.\n`,
    },
    {
      name: 'a fence labelled with another language, whatever it holds',
      code: `\`\`\`yaml\n${POLICY}\`\`\`\n`,
    },
    { name: 'an empty fence', code: '# Security\n\n```\n```\n' },
  ],
  invalid: [
    {
      name: "GitHub's template wrapped in a Markdown fence",
      code: `\`\`\`markdown\n${POLICY}\`\`\`\n`,
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 12,
          severity: 'warning',
          messageId: 'wrapped',
          message: WRAPPED_MESSAGE,
          fixes: ['Remove the code fences around the policy'],
        },
      ],
      output: POLICY,
    },
    {
      name: 'the whole file in a bare fence, with Windows line endings and no final line break',
      code: `\`\`\`\r\n${POLICY.replace(/\n/g, '\r\n')}\`\`\``,
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 4, messageId: 'wrapped' }],
      output: POLICY.replace(/\n/g, '\r\n'),
    },
    {
      name: "a template's fence left open under the title",
      code: `# Security Policy\n\n\`\`\`md\n${POLICY.slice('# Security Policy\n\n'.length)}`,
      errors: [
        {
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 6,
          messageId: 'unclosed',
          message:
            'This code block is never closed and holds the policy to the end of the file: GitHub shows it as raw Markdown, with no headings and no working links. Remove the fence.',
          fixes: ['Remove the unclosed code fence'],
        },
      ],
      output: POLICY,
    },
    {
      name: 'a tilde fence, indented, around a policy that shows a key in its own fence',
      code: `  ~~~~ markdown\n${POLICY}\n## PGP Key\n\n\`\`\`\n${PGP_KEY}\n\`\`\`\n  ~~~~\n`,
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 16, messageId: 'wrapped' }],
      output: `${POLICY}\n## PGP Key\n\n\`\`\`\n${PGP_KEY}\n\`\`\`\n`,
    },
    {
      name: 'fences right against text keep a blank line in their place, as the fence parted the blocks',
      code: `Our policy follows.\n\`\`\`\n${POLICY}Thanks for helping.\n\`\`\`\nLast updated 2024.\n`,
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 4, messageId: 'wrapped' }],
      output: `Our policy follows.\n\n${POLICY}Thanks for helping.\n\nLast updated 2024.\n`,
    },
    {
      name: 'an unclosed fence under a long introduction, with two parts of a policy in it',
      code: `# Security\n\n${'Acme takes the security of its users and their data very seriously indeed. '.repeat(8)}\n\n\`\`\`\n## Supported Versions\n\nOnly the latest release gets fixes.\n\n## Reporting\n\nEmail security@acme.dev.\n`,
      errors: [{ line: 5, column: 1, endLine: 5, endColumn: 4, messageId: 'unclosed' }],
      output: `# Security\n\n${'Acme takes the security of its users and their data very seriously indeed. '.repeat(8)}\n\n## Supported Versions\n\nOnly the latest release gets fixes.\n\n## Reporting\n\nEmail security@acme.dev.\n`,
    },
    {
      name: 'a byte order mark before the fence stays',
      code: `\uFEFF\`\`\`markdown\n${POLICY}\`\`\`\n`,
      errors: [{ line: 1, column: 2, endLine: 1, endColumn: 13, messageId: 'wrapped' }],
      output: `\uFEFF${POLICY}`,
    },
    {
      name: 'headings and a table are enough, without a sentence',
      code: '```\n# Security\n\n## Supported Versions\n\n| Version | Supported |\n| --- | --- |\n| 2.x | ✅ |\n```\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 4, messageId: 'wrapped' }],
      output: '# Security\n\n## Supported Versions\n\n| Version | Supported |\n| --- | --- |\n| 2.x | ✅ |\n',
    },
  ],
});

describe('a policy inside a code fence is read as Markdown', () => {
  const findings = (text: string) => lintText('policy', text).findings;
  const ruleIds = (text: string) => findings(text).map((finding) => finding.ruleId);

  it('its contact and versions table count', () => {
    const ids = ruleIds(`\`\`\`markdown\n${POLICY}\`\`\`\n`);
    assert.ok(!ids.includes('policy/no-contact'), ids.join());
    assert.ok(!ids.includes('policy/no-supported-versions'), ids.join());
    assert.ok(!ids.includes('policy/no-reporting-section'), ids.join());
  });

  it('findings inside it sit at their place in the document', () => {
    const text = `# Security Policy\n\n\`\`\`markdown\n## Supported Versions\n\n| Version | Supported |\n| --- | --- |\n| 2.x | ✅ |\n| 2.x | ✅ |\n\n## Reporting a Vulnerability\n\nEmail security@acme.dev with the details, and [read this](http://acme.dev/policy).\n`;
    const duplicate = findings(text).find((finding) => finding.messageId === 'duplicateRow');
    assert.equal(duplicate && text.slice(duplicate.start, duplicate.end), '| 2.x | ✅ |');
    assert.equal(duplicate?.start, text.lastIndexOf('| 2.x | ✅ |'));
    const link = findings(text).find((finding) => finding.ruleId === 'policy/insecure-link');
    assert.equal(link?.start, text.indexOf('http://acme.dev/policy'));
    assert.equal(link && text.slice(link.start, link.end), 'http://acme.dev');
  });

  it('a fence that does not hold the policy stays code', () => {
    const ids = ruleIds(
      `# Security\n\n\`\`\`\n${POLICY}\`\`\`\n\nMore words here, outside of the code block, for this policy that shows an example of another one.\n${'Acme takes the security of its users and their data very seriously indeed. '.repeat(8)}\n`,
    );
    assert.ok(ids.includes('policy/no-contact'), ids.join());
    assert.ok(!ids.includes('policy/fenced-policy'), ids.join());
  });
});
