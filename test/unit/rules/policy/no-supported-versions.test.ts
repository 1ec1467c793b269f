import { noSupportedVersions } from '../../../../server/src/rules/policy/no-supported-versions';
import { ruleTester } from '../../../helpers/rule-tester';

const TABLE_2_3 = '| Version | Supported |\n| ------- | --------- |\n| 2.3.x | ✅ |\n| < 2.3 | ❌ |';
const STATEMENT = 'Security fixes are released for the latest version only. Please upgrade before reporting a problem.';

/** A policy with a contact, a hedged timeline and a disclosure section, but nothing about versions. */
const NO_VERSIONS =
  '# Security Policy\n\n## Reporting a Vulnerability\n\nEmail security@lanternfish.io and keep the whole report in the message body.\n\nWe will _strive_ to respond to submissions within 48 hours, but the project is run by volunteers, so do not expect consistent replies within any specific time frame.\n\n## Public Disclosure Process\n\nWe publish an advisory once the patched release is out.\n';
const NO_VERSIONS_HEAD = '# Security Policy\n\n';
const NO_VERSIONS_REST = NO_VERSIONS.slice(NO_VERSIONS_HEAD.length);

ruleTester(noSupportedVersions, {
  valid: [
    {
      name: 'a GFM versions table with emoji shortcodes',
      code: '# Security Policy\n\n## Supported Versions\n\n| Version | Supported          |\n| ------- | ------------------ |\n| 1.x.x   | :white_check_mark: |\n| < 1.0   | :x:                |\n\n## Reporting a Vulnerability\n\nEmail security@acme.dev.\n',
    },
    {
      name: 'a branch and status table outside a versions section',
      code: '# Security\n\n| Branch | Status |\n| --- | --- |\n| main | yes |\n| 1.x | no |\n',
    },
    { name: '"only the latest release is supported"', code: '# Security\n\nOnly the latest release is supported.\n' },
    {
      name: '"for the most recent minor release only"',
      code: '# Security\n\nWe publish security patches for the most recent minor release only.\n',
    },
    { name: '"we support the current major version"', code: '# Security\n\nWe support the current major version.\n' },
    {
      name: 'prose in a supported versions section',
      code: '# Security\n\n## Supported Versions\n\nThe 4.x line gets fixes until 2027; 3.x is end of life.\n',
    },
    {
      name: 'a supported versions section whose prose is in a subsection',
      code: '# Security\n\n## Supported Versions\n\n### Long-term releases\n\nThe 2.x line receives fixes until June 2027.\n',
    },
    {
      name: 'a branch named in a supported versions section',
      code: '# Security\n\n## Supported Versions\n\nThe actively maintained branch is:\n\n- `main`\n',
    },
    {
      name: 'advice to run the latest version, tied to security updates, in a supported versions section',
      code: '# Security\n\n## Supported Versions\n\nWe always recommend using the latest version to ensure you get all security updates.\n',
    },
    {
      name: 'fixes delivered to a named line, outside a versions section',
      code: '# Security\n\n## Fix Process\n\nSecurity fixes will be applied to all supported stable releases, as well as the mainline version.\n',
    },
    {
      name: 'older lines turned down: only the newest is supported',
      code: '# Security\n\nWe generally do not support older versions due to the maintenance effort.\n',
    },
    {
      name: 'older lines turned down after the fact',
      code: '# Security\n\nApplicable fixes will not be backported to older release branches.\n',
    },
    {
      name: 'a scope section naming the current release',
      code: '# Security\n\n## In scope\n\n- Security issues in any current release. This includes the `latest` release and the `main` branch.\n',
    },
    {
      name: 'a Japanese policy: only the latest version',
      code: '# セキュリティポリシー\n\n## サポートヴァージョン\n\n- 最新版のみサポート\n',
    },
    {
      name: 'a Chinese policy: only the newest major version',
      code: '# 安全策略\n\n目前仅对最新主版本提供安全更新。\n',
    },
    {
      name: 'a versions table stays valid whatever the package version',
      code: '# Security\n\n| Version | Supported |\n| --- | --- |\n| 5.x | ✅ |\n',
      facts: { packageVersion: '2.3.1' },
    },
  ],
  invalid: [
    {
      name: 'no versions anywhere: a table built from the package version goes before the reporting section',
      code: NO_VERSIONS,
      facts: { packageVersion: '2.3.1' },
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 18,
          severity: 'warning',
          messageId: 'noVersions',
          message: 'No supported versions: add a table or a statement saying which versions receive security fixes.',
          fixes: ['Add a "Supported Versions" table (current version 2.3.1)'],
        },
      ],
      output: `${NO_VERSIONS_HEAD}## Supported Versions\n\n${TABLE_2_3}\n\n${NO_VERSIONS_REST}`,
    },
    {
      name: 'without a package version the fix is a statement',
      code: NO_VERSIONS,
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 18,
          messageId: 'noVersions',
          fixes: ['Add a "Supported Versions" section (latest version only)'],
        },
      ],
      output: `${NO_VERSIONS_HEAD}## Supported Versions\n\n${STATEMENT}\n\n${NO_VERSIONS_REST}`,
    },
    {
      name: 'a severity table is not a versions table',
      code: '# Security\n\nEmail security@acme.dev.\n\n| Severity | Response time |\n| --- | --- |\n| High | 2 days |\n',
      facts: { packageVersion: '2.3.1' },
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noVersions' }],
      output: `# Security\n\nEmail security@acme.dev.\n\n| Severity | Response time |\n| --- | --- |\n| High | 2 days |\n\n## Supported Versions\n\n${TABLE_2_3}\n`,
    },
    {
      name: 'advice to run the latest version is not a support statement',
      code: '# Security\n\nWe recommend always running the latest version.\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noVersions' }],
      output: `# Security\n\nWe recommend always running the latest version.\n\n## Supported Versions\n\n${STATEMENT}\n`,
    },
    {
      name: 'a supported versions section that only points elsewhere names no version',
      code: '# Security\n\n## Supported Versions\n\nPlease see [our support policy](https://acme.dev/support) for information on supported versions.\n\n## Reporting\n\nEmail security@acme.dev.\n',
      facts: { packageVersion: '2.3.1' },
      errors: [
        {
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 22,
          messageId: 'sectionNamesNone',
          message:
            'The supported-versions section names no version: add a table or a statement such as "only the latest release gets security fixes".',
          fixes: ['Add a "Supported Versions" table (current version 2.3.1)'],
        },
      ],
      output: `# Security\n\n## Supported Versions\n\nPlease see [our support policy](https://acme.dev/support) for information on supported versions.\n\n${TABLE_2_3}\n\n## Reporting\n\nEmail security@acme.dev.\n`,
    },
    {
      name: 'a supported versions section that commits to nothing',
      code: '# Security\n\n## Supported Versions\n\nWe are a small team and are unable to commit to a support schedule.\n',
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 22, messageId: 'sectionNamesNone' }],
      output: `# Security\n\n## Supported Versions\n\nWe are a small team and are unable to commit to a support schedule.\n\n${STATEMENT}\n`,
    },
    {
      name: 'advice alone in a supported versions section is no statement',
      code: '# Security\n\n## Supported Versions\n\nPlease see the releases. We recommend using the most recently released version.\n',
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 22, messageId: 'sectionNamesNone' }],
      output: `# Security\n\n## Supported Versions\n\nPlease see the releases. We recommend using the most recently released version.\n\n${STATEMENT}\n`,
    },
    {
      name: 'a line named only to say there is none',
      code: '# Security\n\n## Supported Versions\n\nThere is no long-term support release.\n',
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 22, messageId: 'sectionNamesNone' }],
      output: `# Security\n\n## Supported Versions\n\nThere is no long-term support release.\n\n${STATEMENT}\n`,
    },
    {
      name: '"main" and "last" in passing name no line',
      code: '# Security\n\n## Supported Versions\n\nThe main goal of this page is transparency. Last updated in spring.\n',
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 22, messageId: 'sectionNamesNone' }],
      output: `# Security\n\n## Supported Versions\n\nThe main goal of this page is transparency. Last updated in spring.\n\n${STATEMENT}\n`,
    },
    {
      name: 'a runtime the project requires is not a supported version',
      code: '# Security\n\n## Runtime Requirements\n\n### Node.js Version\n\nThe server requires Node.js 22.14.0 or later (LTS).\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noVersions' }],
      output: `# Security\n\n## Runtime Requirements\n\n### Node.js Version\n\nThe server requires Node.js 22.14.0 or later (LTS).\n\n## Supported Versions\n\n${STATEMENT}\n`,
    },
    {
      name: 'a section on receiving security updates is not about versions',
      code: '# Security\n\n## Receiving Security Updates\n\nSubscribe to the announcements list to hear of new releases.\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noVersions' }],
      output: `# Security\n\n## Receiving Security Updates\n\nSubscribe to the announcements list to hear of new releases.\n\n## Supported Versions\n\n${STATEMENT}\n`,
    },
    {
      name: 'a scope section that keeps dependencies current names no release',
      code: '# Security\n\n## Out of Scope\n\n- Findings in dependencies. We keep our dependencies current.\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noVersions' }],
      output: `# Security\n\n## Supported Versions\n\n${STATEMENT}\n\n## Out of Scope\n\n- Findings in dependencies. We keep our dependencies current.\n`,
    },
    {
      name: 'a supported versions section holding only a template comment gets the table inside it',
      code: '# Security\n\n## Supported Versions\n\n<!-- List the versions that receive security fixes. -->\n\n## Reporting\n\nEmail security@acme.dev.\n',
      facts: { packageVersion: '2.3.1' },
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 22, messageId: 'noVersions' }],
      output: `# Security\n\n## Supported Versions\n\n<!-- List the versions that receive security fixes. -->\n\n${TABLE_2_3}\n\n## Reporting\n\nEmail security@acme.dev.\n`,
    },
    {
      name: 'a policy without headings gets a section at the end',
      code: 'Email security@acme.dev.\n',
      facts: { packageVersion: 'v10.0.4-beta.1' },
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 25,
          messageId: 'noVersions',
          fixes: ['Add a "Supported Versions" table (current version v10.0.4-beta.1)'],
        },
      ],
      output:
        'Email security@acme.dev.\n\n## Supported Versions\n\n| Version | Supported |\n| ------- | --------- |\n| 10.0.x | ✅ |\n| < 10.0 | ❌ |\n',
    },
    {
      name: 'a version that is not semver gives the statement',
      code: '# Security\n\nEmail security@acme.dev.\n',
      facts: { packageVersion: 'nightly' },
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 11,
          messageId: 'noVersions',
          fixes: ['Add a "Supported Versions" section (latest version only)'],
        },
      ],
      output: `# Security\n\nEmail security@acme.dev.\n\n## Supported Versions\n\n${STATEMENT}\n`,
    },
    {
      name: 'CRLF line endings are kept',
      code: '# Security\r\n\r\n## Reporting\r\n\r\nEmail security@acme.dev.\r\n',
      facts: { packageVersion: '2.3.1' },
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noVersions' }],
      output: `# Security\r\n\r\n## Supported Versions\r\n\r\n${TABLE_2_3.replace(/\n/g, '\r\n')}\r\n\r\n## Reporting\r\n\r\nEmail security@acme.dev.\r\n`,
    },
  ],
});
