import { mixedMarkers } from '../../../../server/src/rules/policy/mixed-markers';
import { ruleTester } from '../../../helpers/rule-tester';

const HEAD = '| Version | Supported |\n| --- | --- |';

ruleTester(mixedMarkers, {
  valid: [
    { name: 'emoji throughout', code: `# Security\n\n${HEAD}\n| 2.x | ✅ |\n| 1.x | ❌ |\n| 0.x | ⚠️ |\n` },
    {
      name: 'shortcodes throughout, one after a note',
      code: `# Security\n\n${HEAD}\n| 2.x | still supported:white_check_mark: |\n| 1.x | :x: no |\n`,
    },
    {
      name: 'markers with words beside them keep their style',
      code: `# Security\n\n${HEAD}\n| 2.x | ✅ Yes |\n| 1.x | ❌ No |\n`,
    },
    {
      name: 'two tables, each in one style',
      code: `# Security\n\n${HEAD}\n| 2.x | ✅ |\n\n${HEAD}\n| 1.x | no |\n`,
    },
    {
      name: 'words in a notes column are not markers',
      code: '# Security\n\n| Version | Supported | Notes |\n| --- | --- | --- |\n| 2.x | ✅ | yes, LTS |\n| 1.x | ❌ | no longer |\n',
    },
  ],
  invalid: [
    {
      name: 'mixed marker styles are normalised to the most used one; cells with notes are kept',
      code: '# Security\n\n| Version | Supported |\n|---|---|\n| 3.x | ✅ |\n| 2.x | :white_check_mark: |\n| 1.x | :x: |\n| 0.x | ❌ (since 2023) |\n| < 0.1 | no |\n',
      errors: [
        {
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 22,
          severity: 'info',
          messageId: 'mixedStyles',
          data: { styles: '✅, :white_check_mark:, no', supported: '✅', unsupported: '❌' },
          message: 'Support markers mix styles (✅, :white_check_mark:, no): use one, such as ✅ and ❌.',
          fixes: ['Use ✅ and ❌ throughout'],
        },
      ],
      output:
        '# Security\n\n| Version | Supported |\n|---|---|\n| 3.x | ✅ |\n| 2.x | ✅ |\n| 1.x | ❌ |\n| 0.x | ❌ (since 2023) |\n| < 0.1 | ❌ |\n',
    },
    {
      name: 'words win when most markers are words',
      code: `# Security\n\n${HEAD}\n| 2.x | Yes |\n| 1.x | yes |\n| 0.x | ✖️ |\n`,
      errors: [
        {
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 22,
          severity: 'info',
          messageId: 'mixedStyles',
          data: { styles: 'Yes, ✖️', supported: 'Yes', unsupported: 'No' },
          fixes: ['Use Yes and No throughout'],
        },
      ],
      output: `# Security\n\n${HEAD}\n| 2.x | Yes |\n| 1.x | Yes |\n| 0.x | No |\n`,
    },
    {
      name: 'a shortcode glued to words beside an emoji',
      code: `# Security\n\n${HEAD}\n| 2.x | still supported:white_check_mark: |\n| 1.x | ❌ |\n| 0.x | ❌ |\n`,
      errors: [
        {
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 22,
          messageId: 'mixedStyles',
          data: { styles: 'still supported:white_check_mark:, ❌', supported: '✅', unsupported: '❌' },
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: 'an emoji beside a shortcode: nothing to rewrite when every cell carries a note',
      code: `# Security\n\n${HEAD}\n| 2.x | ✔️ still supported |\n| 1.x | :x: since 2023 |\n`,
      errors: [
        {
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 22,
          messageId: 'mixedStyles',
          data: { styles: '✔️ still supported, :x: since 2023', supported: '✅', unsupported: '❌' },
          fixes: [],
        },
      ],
      output: null,
    },
  ],
});
