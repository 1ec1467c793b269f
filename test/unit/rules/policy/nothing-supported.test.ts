import { nothingSupported } from '../../../../server/src/rules/policy/nothing-supported';
import { ruleTester } from '../../../helpers/rule-tester';

const HEAD = '| Version | Supported |\n| ------- | --------- |';
const message =
  'Every version in the table is marked unsupported: mark the releases that receive security fixes with ✅.';

ruleTester(nothingSupported, {
  valid: [
    { name: 'one supported row', code: `# Security\n\n${HEAD}\n| 2.x | ✅ |\n| < 2.0 | ❌ |\n` },
    {
      name: 'a "limited" row (⚠️) still gets fixes',
      code: `# Security\n\n${HEAD}\n| 2.x | ⚠️ security fixes only |\n| < 2.0 | ❌ |\n`,
    },
    {
      name: 'a row with an unknown marker is not known to be unsupported',
      code: `# Security\n\n${HEAD}\n| 2.x | ask us |\n| < 2.0 | ❌ |\n`,
    },
    {
      name: 'a table of retired lines beside a sentence that names the supported one',
      code: `# Security\n\nOnly the latest release is supported.\n\n### End-of-life lines\n\n${HEAD}\n| 1.x | ❌ |\n| 0.x | ❌ |\n`,
    },
    {
      name: 'one table of retired lines and another with a supported line',
      code: `# Security\n\n${HEAD}\n| 3.x | ✅ |\n\n${HEAD}\n| 1.x | ❌ |\n`,
    },
    {
      name: 'a table of retired lines beside a sentence that turns older lines down',
      code: `# Security\n\n## Supported Versions\n\nOlder versions do not receive security fixes.\n\n${HEAD}\n| 1.x | ❌ |\n`,
    },
    { name: 'no table at all', code: '# Security\n\nEmail security@acme.dev.\n' },
  ],
  invalid: [
    {
      name: 'every row says ❌',
      code: `# Security\n\n## Supported Versions\n\n${HEAD}\n| 2.x | ❌ |\n| < 2.0 | ❌ |\n`,
      errors: [
        {
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 24,
          severity: 'error',
          messageId: 'allUnsupported',
          message,
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: 'shortcodes and words: :x:, no, EOL, deprecated',
      code: `# Security\n\n${HEAD}\n| 3.x | :x: |\n| 2.x | no |\n| 1.x | EOL |\n| 0.x | Deprecated |\n`,
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 24, messageId: 'allUnsupported' }],
      output: null,
    },
  ],
});
