import { versionsTable } from '../../../../server/src/rules/policy/versions-table';
import { ruleTester } from '../../../helpers/rule-tester';

const HEAD = '| Version | Supported |\n| --- | --- |';

ruleTester(versionsTable, {
  valid: [
    { name: 'emoji markers', code: `# Security\n\n${HEAD}\n| 2.x | ✅ |\n| 1.x | ❌ |\n` },
    {
      name: 'shortcodes, ranges and words for "latest" and "older"',
      code: `# Security\n\n${HEAD}\n| 1.x.x | :white_check_mark: |\n| >= 2.3 | :white_check_mark: |\n| 1.0 - 1.4 | :x: |\n| \`2.latest\` | :white_check_mark: |\n| v1.2 (LTS) | :white_check_mark: |\n| latest | :white_check_mark: |\n| Older | :x: |\n`,
    },
    {
      name: 'ranges in words, calendar versions and lists of lines',
      code: `# Security\n\n${HEAD}\n| 5.x or 6.x | ✅ |\n| 1.0 to 1.4 | ✅ |\n| 1.9 and older | ❌ |\n| 2.0+ | ✅ |\n| 24.04 LTS | ✅ |\n| >= 2.3, < 3 | ✅ |\n| ≤ 1.9 | ❌ |\n| Any | ❌ |\n`,
    },
    {
      name: 'Docker tags in a "Tag" column, and "all other tags"',
      code: '# Security\n\n| Tag | Supported |\n| --- | --- |\n| 2-slim | :white_check_mark: |\n| next | :white_check_mark: |\n| All other tags | :x: |\n',
    },
    {
      name: 'a third column of dates, and markers with notes',
      code: '# Security\n\n| Version | Supported | End of support |\n| --- | --- | --- |\n| 3.x.x | ✅ | - |\n| 2.x.x | ❌ since June | 12.06.2025 |\n',
    },
    {
      name: 'rows for the newest line, a branch, a release channel and everything before it',
      code: `# Security\n\n${HEAD}\n| Latest | ✅ |\n| \`main\` branch | ✅ |\n| Development builds (\`pre-master\`) | ⚠️ |\n| < Latest | ❌ |\n| anything else | ❌ |\n`,
    },
    {
      name: 'a component named before its version, and four-part versions',
      code: `# Security\n\n${HEAD}\n| dashboard \`latest\` | ✅ |\n| Helm chart 1.x | ✅ |\n| 4.2.0.1 | ✅ |\n| 4.1.0.x | ❌ |\n`,
    },
    {
      name: 'Japanese rows for the newest and older versions',
      code: '# Security\n\n| バージョン / Version | サポート状況 / Supported |\n| --- | --- |\n| 最新版 (v3.1) | :white_check_mark: |\n| 旧バージョン / Older | :x: |\n',
    },
    {
      name: 'markers after words, glued or not',
      code: `# Security\n\n${HEAD}\n| 3.x | still supported:white_check_mark: |\n| 2.x | Security fixes only ⚠️ |\n| 1.x | no longer :x: |\n`,
    },
    {
      name: 'a severity table is not a versions table, even with "fix" and "release" in its header',
      code: '# Security\n\n| Severity | Fix released within |\n| --- | --- |\n| High | 7 days |\n| Low | 30 days |\n',
    },
  ],
  invalid: [
    {
      name: 'a table in "Supported Versions" without a version column',
      code: '# Security\n\n## Supported Versions\n\n| Product | Supported |\n| ------- | --------- |\n| Server  | ✅ |\n',
      errors: [
        {
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 24,
          severity: 'warning',
          messageId: 'noVersionColumn',
          message: 'Versions table without a version column: add a "Version" column listing releases or ranges.',
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: 'a versions table without a supported column',
      code: '# Security\n\n| Version | Notes |\n| --- | --- |\n| 2.x | Released 2024 |\n',
      errors: [
        {
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 20,
          messageId: 'noSupportColumn',
          message: 'Versions table without a "Supported" column: mark each row ✅ or ❌.',
        },
      ],
      output: null,
    },
    {
      name: 'empty cells, an unknown marker and a cell that is not a version',
      code: `# Security\n\n${HEAD}\n| 2.x | |\n| | ✅ |\n| 1.x | maybe |\n| Enterprise edition | ❌ |\n`,
      errors: [
        {
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 10,
          messageId: 'noMarker',
          message: 'Row without a support marker: mark it ✅ or ❌.',
        },
        {
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 8,
          messageId: 'noVersion',
          message: 'Row without a version: name the release or range it covers.',
        },
        {
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 14,
          messageId: 'unknownMarker',
          data: { marker: '"maybe"' },
          message: 'Unknown marker "maybe": use ✅ for supported or ❌ for unsupported.',
        },
        {
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 21,
          messageId: 'notAVersion',
          data: { version: '"Enterprise edition"' },
          message: '"Enterprise edition" is not a version or range: write it like 2.3.x, >= 2.0 or < 1.0.',
        },
      ],
      output: null,
    },
    {
      name: 'dates, pictures and a turned-down version in the version column are not versions',
      code: `# Security\n\n${HEAD}\n| Jan 2024 - Jun 2024 | ✅ |\n| 2023-01-01 to 2024-01-01 | ❌ |\n| 🚀 latest | ✅ |\n| 2.x ✅ | ✅ |\n| not 2.x | ❌ |\n`,
      errors: [
        {
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 22,
          messageId: 'notAVersion',
          data: { version: '"Jan 2024 - Jun 2024"' },
          message: '"Jan 2024 - Jun 2024" is not a version or range: write it like 2.3.x, >= 2.0 or < 1.0.',
        },
        {
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 27,
          messageId: 'notAVersion',
          data: { version: '"2023-01-01 to 2024-01-01"' },
        },
        { line: 7, column: 3, endLine: 7, endColumn: 12, messageId: 'notAVersion', data: { version: '"🚀 latest"' } },
        { line: 8, column: 3, endLine: 8, endColumn: 8, messageId: 'notAVersion', data: { version: '"2.x ✅"' } },
        { line: 9, column: 3, endLine: 9, endColumn: 10, messageId: 'notAVersion', data: { version: '"not 2.x"' } },
      ],
      output: null,
    },
    {
      name: 'a picture that is no marker after words is unknown',
      code: `# Security\n\n${HEAD}\n| 2.x | maybe 🤔 |\n`,
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 17,
          messageId: 'unknownMarker',
          data: { marker: '"maybe 🤔"' },
        },
      ],
      output: null,
    },
    {
      name: 'a repeated row is removed; conflicting rows are left to the maintainers',
      code: `# Security\n\n${HEAD}\n| 2.x | ✅ |\n| 1.x | ❌ |\n| 2.x | ✅ |\n| 1.x | ✅ |\n`,
      errors: [
        {
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 12,
          messageId: 'duplicateRow',
          data: { version: '"2.x"' },
          message: 'Duplicate row for "2.x": remove it.',
          fixes: ['Remove the duplicate row'],
        },
        {
          line: 8,
          column: 1,
          endLine: 8,
          endColumn: 12,
          messageId: 'conflictingRows',
          data: { version: '"1.x"', first: 'unsupported', second: 'supported' },
          message: '"1.x" is listed twice, once unsupported and once supported: keep one row.',
          fixes: [],
        },
      ],
      output: `# Security\n\n${HEAD}\n| 2.x | ✅ |\n| 1.x | ❌ |\n| 1.x | ✅ |\n`,
    },
    {
      name: 'a line listed twice with the same marker but different notes is left to the maintainers',
      code: '# Security\n\n| Version | Supported | Notes |\n| --- | --- | --- |\n| 2.x | ✅ | LTS |\n| 1.x | ❌ | |\n| 2.x | ✅ | until 2026 |\n',
      errors: [
        {
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 25,
          messageId: 'listedTwice',
          data: { version: '"2.x"' },
          message: '"2.x" is listed twice: keep one row.',
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: 'CRLF: the duplicate row goes with its line ending',
      code: '# Security\r\n\r\n| Version | Supported |\r\n| --- | --- |\r\n| 2.x | ✅ |\r\n| 2.x | ✅ |\r\n',
      errors: [
        { line: 6, column: 1, endLine: 6, endColumn: 12, messageId: 'duplicateRow', data: { version: '"2.x"' } },
      ],
      output: '# Security\r\n\r\n| Version | Supported |\r\n| --- | --- |\r\n| 2.x | ✅ |\r\n',
    },
  ],
});
