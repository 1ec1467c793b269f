import { staleVersionsTable } from '../../../../server/src/rules/policy/stale-versions-table';
import { ruleTester } from '../../../helpers/rule-tester';

const TABLE =
  '# Security\n\n| Version | Supported | Notes |\n| ------- | --------- | ----- |\n| 1.x.x | :white_check_mark: | current |\n| < 1.0 | :x: | |\n';

ruleTester(staleVersionsTable, {
  valid: [
    { name: 'the current version is in a supported range', code: TABLE, facts: { packageVersion: '1.4.0' } },
    { name: 'without a package version there is nothing to compare', code: TABLE },
    { name: 'an unreleased 0.0.0 is not a version', code: TABLE, facts: { packageVersion: '0.0.0' } },
    { name: 'a version that is not semver', code: TABLE, facts: { packageVersion: 'nightly' } },
    {
      name: 'a "latest" row covers every version',
      code: '# Security\n\n| Version | Supported |\n| --- | --- |\n| latest | ✅ |\n| < 1.0 | ❌ |\n',
      facts: { packageVersion: '7.1.0' },
    },
    {
      name: 'a four-part version covers its three-part release',
      code: '# Security\n\n| Version | Supported |\n| --- | --- |\n| 5.2.1.3 | ✅ |\n| < 5.0 | ❌ |\n',
      facts: { packageVersion: '5.2.1' },
    },
    {
      name: 'a glued marker is read as supported',
      code: '# Security\n\n| Version | Supported |\n| --- | --- |\n| 3.x | still supported:white_check_mark: |\n',
      facts: { packageVersion: '3.1.0' },
    },
    {
      name: 'a ⚠️ row still gets fixes',
      code: '# Security\n\n| Version | Supported |\n| --- | --- |\n| 2.x | ⚠️ |\n',
      facts: { packageVersion: '2.0.1' },
    },
    {
      name: 'a table of branch names gives no range to compare',
      code: '# Security\n\n| Branch | Supported |\n| --- | --- |\n| main | ✅ |\n',
      facts: { packageVersion: '4.0.0' },
    },
  ],
  invalid: [
    {
      name: 'the package has moved on to 2.3.1: a row for 2.3.x is added at the top, in the table style',
      code: TABLE,
      facts: { packageVersion: '2.3.1' },
      errors: [
        {
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 10,
          severity: 'warning',
          messageId: 'currentMissing',
          data: { version: '2.3.1', line: '2.3.x' },
          message: 'The current version 2.3.1 is not in the supported-versions table: add a row for 2.3.x.',
          fixes: ['Add a row for 2.3.x'],
        },
      ],
      output:
        '# Security\n\n| Version | Supported | Notes |\n| ------- | --------- | ----- |\n| 2.3.x | :white_check_mark: | |\n| 1.x.x | :white_check_mark: | current |\n| < 1.0 | :x: | |\n',
    },
    {
      name: 'a prerelease counts by its release line',
      code: '# Security\n\n| Version | Supported |\n| --- | --- |\n| 2.x | ✅ |\n',
      facts: { packageVersion: 'v3.0.0-beta.2' },
      errors: [
        {
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 10,
          messageId: 'currentMissing',
          data: { version: '3.0.0-beta.2', line: '3.0.x' },
        },
      ],
      output: '# Security\n\n| Version | Supported |\n| --- | --- |\n| 3.0.x | ✅ |\n| 2.x | ✅ |\n',
    },
    {
      name: 'the table marks the current line unsupported',
      code: '# Security\n\n| Version | Supported |\n| --- | --- |\n| 2.x | ✅ |\n| 1.x | ❌ |\n',
      facts: { packageVersion: '1.2.0' },
      errors: [
        {
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 12,
          messageId: 'currentUnsupported',
          data: { version: '1.2.0', row: '"1.x"' },
          message:
            'The table marks the current version 1.2.0 unsupported (row "1.x"): mark the release line you ship ✅.',
          fixes: [],
        },
      ],
      output: null,
    },
  ],
});
