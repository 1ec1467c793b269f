import { emptySection } from '../../../../server/src/rules/policy/empty-section';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(emptySection, {
  valid: [
    { name: 'every section has text', code: '# Security\n\n## Reporting\n\nEmail security@acme.dev.\n' },
    {
      name: 'a heading whose content is in its subsections',
      code: '# Security\n\n## Supported Versions\n\n### Server\n\nThe 2.x line.\n',
    },
    { name: 'a lone title is left to the rules about what is missing', code: '# Security\n' },
    {
      name: 'a table, a list or a code block is content',
      code: '# Security\n\n## Versions\n\n| Version | Supported |\n| --- | --- |\n| 2.x | ✅ |\n\n## Steps\n\n- Email us\n\n## Key\n\n```\n-----BEGIN PGP PUBLIC KEY BLOCK-----\n```\n',
    },
  ],
  invalid: [
    {
      name: 'a heading followed by another, one holding only a comment, one at the end',
      code: '# Security\n\n## Reporting\n\n## Scope\n\n<!-- Say what is in scope. -->\n\n## Credits\n',
      errors: [
        {
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 13,
          severity: 'warning',
          messageId: 'empty',
          data: { title: 'Reporting' },
          message: 'Empty section "Reporting": write what belongs here, or remove the heading.',
          fixes: [],
        },
        { line: 5, column: 1, endLine: 5, endColumn: 9, messageId: 'empty', data: { title: 'Scope' } },
        { line: 9, column: 1, endLine: 9, endColumn: 11, messageId: 'empty', data: { title: 'Credits' } },
      ],
      output: null,
    },
    {
      name: 'a subsection with nothing under it',
      code: '# Security\n\n## Reporting\n\nEmail security@acme.dev.\n\n### What to Expect\n\n## Scope\n\nThe CLI.\n',
      errors: [
        { line: 7, column: 1, endLine: 7, endColumn: 19, messageId: 'empty', data: { title: 'What to Expect' } },
      ],
      output: null,
    },
  ],
});
