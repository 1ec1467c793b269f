import { publicIssueReporting } from '../../../../server/src/rules/policy/public-issue-reporting';
import { ruleTester } from '../../../helpers/rule-tester';

const EMAIL_LINE =
  'Please report vulnerabilities privately by email to security@example.com. Do not open a public issue.';

ruleTester(publicIssueReporting, {
  valid: [
    {
      name: 'negations: do NOT open, please do not report through, do not file, instead of',
      code: "# Security\n\n**DO NOT** open a public GitHub issue for security problems.\n\nPlease do not report security vulnerabilities through public GitHub issues, discussions, or pull requests.\n\nDon't file an issue; instead of opening a pull request, wait for us.\n",
    },
    {
      name: 'public issues for other things: feature requests, problems already public, suggestions on this policy',
      code: '# Security\n\nFeature requests and questions go to GitHub issues.\n\nProblems that are already public can be discussed in GitHub issues.\n\nIf you have suggestions on how this process could be improved, please submit a pull request.\n',
    },
    {
      name: '"report security issues to …" names what to report, not where',
      code: '# Security\n\nPlease report security issues to the maintainers.\n',
    },
    {
      name: 'a public route beside a private one is a choice, not a leak',
      code: '# Security\n\nOpen a GitHub issue for bugs; email security@acme.dev for vulnerabilities.\n',
    },
    {
      name: 'a link to the issue tracker that nobody is told to use',
      code: '# Security\n\nFixed problems are listed in [the changelog](https://github.com/acme/app/issues?q=label%3Asecurity).\n',
    },
  ],
  invalid: [
    {
      name: '"please open an issue" with no private channel: the sentence becomes the private route',
      code: '# Security\n\nIf you find a vulnerability, please open an issue on GitHub.\n',
      errors: [
        {
          line: 3,
          column: 37,
          endLine: 3,
          endColumn: 50,
          severity: 'error',
          messageId: 'publicRoute',
          data: { instruction: '"open an issue"' },
          message:
            'Public reporting: "open an issue" publishes the vulnerability before a fix. Point reporters to a private channel.',
          fixes: ['Replace with a private security email (then edit the placeholder address)'],
        },
      ],
      output: `# Security\n\n${EMAIL_LINE}\n`,
    },
    {
      name: 'with a GitHub remote the route is private vulnerability reporting',
      code: '# Security\n\nIf you find a vulnerability, please open an issue on GitHub.\n',
      facts: { githubRepository: 'acme/app' },
      errors: [
        {
          line: 3,
          column: 37,
          endLine: 3,
          endColumn: 50,
          messageId: 'publicRoute',
          data: { instruction: '"open an issue"' },
          fixes: ['Replace with GitHub private vulnerability reporting'],
        },
      ],
      output:
        '# Security\n\nPlease report vulnerabilities privately through [GitHub private vulnerability reporting](https://github.com/acme/app/security/advisories/new). Do not open a public issue.\n',
    },
    {
      name: 'a bare link to the new-issue page, inside a longer paragraph',
      code: '# Security\n\nPlease report it at https://github.com/acme/app/issues/new. We read every report.\n',
      errors: [
        {
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 59,
          messageId: 'publicRoute',
          data: { instruction: '"https://github.com/acme/app/issues/new"' },
        },
      ],
      output: `# Security\n\n${EMAIL_LINE} We read every report.\n`,
    },
    {
      name: 'two public routes: the first is replaced, the second removed',
      code: '# Security\n\n## Reporting\n\nThanks for helping. Vulnerabilities should be reported via GitHub Discussions. You can also open a pull request with a fix.\n\n## Scope\n\nThe CLI.\n',
      errors: [
        {
          line: 5,
          column: 56,
          endLine: 5,
          endColumn: 78,
          messageId: 'publicRoute',
          data: { instruction: '"via GitHub Discussions"' },
        },
        {
          line: 5,
          column: 93,
          endLine: 5,
          endColumn: 112,
          messageId: 'publicRoute',
          data: { instruction: '"open a pull request"' },
          fixes: ['Remove this instruction'],
        },
      ],
      output: `# Security\n\n## Reporting\n\nThanks for helping. ${EMAIL_LINE}\n\n## Scope\n\nThe CLI.\n`,
    },
    {
      name: 'a list item that says to open an issue',
      code: '# Security\n\n- Open a GitHub issue describing the problem.\n- Tag a maintainer.\n',
      errors: [
        {
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 22,
          messageId: 'publicRoute',
          data: { instruction: '"Open a GitHub issue"' },
        },
      ],
      output: `# Security\n\n- ${EMAIL_LINE}\n- Tag a maintainer.\n`,
    },
    {
      name: 'a placeholder address is no private route',
      code: '# Security\n\nOpen an issue, or mail security@example.com.\n',
      errors: [
        {
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 14,
          messageId: 'publicRoute',
          data: { instruction: '"Open an issue"' },
        },
      ],
      output: `# Security\n\n${EMAIL_LINE}\n`,
    },
  ],
});
