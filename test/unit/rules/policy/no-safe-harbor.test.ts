import { noSafeHarbor } from '../../../../server/src/rules/policy/no-safe-harbor';
import { ruleTester } from '../../../helpers/rule-tester';

const SECTION =
  '## Safe Harbor\n\nWe will not pursue legal action against research done in good faith under this policy: avoid privacy violations,\ndata destruction and service disruption, and give us reasonable time to fix the issue before you disclose it.';

ruleTester(noSafeHarbor, {
  valid: [
    {
      name: 'a safe harbor section',
      code: '# Security\n\nEmail security@acme.dev.\n\n## Safe Harbour\n\nResearch is welcome.\n',
    },
    {
      name: 'a promise not to pursue good-faith research',
      code: '# Security\n\nEmail security@acme.dev. We will not pursue researchers who act in good faith.\n',
    },
    { name: 'no contact at all', code: '# Security\n\nTell us.\n' },
  ],
  invalid: [
    {
      name: 'no word on legal action: the section goes before encryption',
      code: '# Security\n\n## Reporting a Vulnerability\n\nEmail security@acme.dev.\n\n## PGP Key\n\nOn request.\n',
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 11,
          messageId: 'noSafeHarbor',
          message: 'No safe harbor: say that good-faith research under this policy will not be met with legal action.',
          fixes: ['Add a "Safe Harbor" section'],
        },
      ],
      output: `# Security\n\n## Reporting a Vulnerability\n\nEmail security@acme.dev.\n\n${SECTION}\n\n## PGP Key\n\nOn request.\n`,
    },
    {
      name: '"legal" in an unrelated sentence is no promise',
      code: '# Security\n\nEmail security@acme.dev with your legal name if you want credit.\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noSafeHarbor' }],
      output: `# Security\n\nEmail security@acme.dev with your legal name if you want credit.\n\n${SECTION}\n`,
    },
  ],
});
