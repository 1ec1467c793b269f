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
      name: 'an issue "for bugs" beside an address "for vulnerabilities" sends no vulnerability to the tracker',
      code: '# Security\n\nOpen a GitHub issue for bugs; email security@acme.dev for vulnerabilities.\n',
    },
    {
      name: 'issues for non-security bugs, and regular bugs filed as issues, are no public reporting of vulnerabilities',
      code: '# Security\n\nEmail security@acme.dev. Open an issue for non-security bugs.\n\nRegular bugs can be reported as GitHub issues.\n',
    },
    {
      name: 'maintainers announcing a vulnerability that has been disclosed',
      code: '# Security\n\nThe release lead will create a GitHub issue to inform users that a vulnerability has been disclosed.\n',
    },
    {
      name: 'a Japanese negation follows the verb',
      code: '# Security\n\n脆弱性は Issue に報告しないでください。\n',
    },
    {
      name: '"Where to report issues" names what is reported, not where',
      code: '# Security\n\n## Where to report issues\n\nWhere to report security issues is said below.\n',
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
      name: 'a public route offered beside a private one is still reported, and removed',
      code: '# Security\n\nEmail security@acme.dev with the details. You can also open a GitHub issue.\n',
      errors: [
        {
          line: 3,
          column: 56,
          endLine: 3,
          endColumn: 75,
          severity: 'warning',
          messageId: 'besidePrivate',
          data: { instruction: '"open a GitHub issue"' },
          message:
            'Public reporting: "open a GitHub issue" publishes the vulnerability before a fix, even beside a private channel. Send every report to the private one.',
          fixes: ['Remove this instruction'],
        },
      ],
      output: '# Security\n\nEmail security@acme.dev with the details.\n',
    },
    {
      name: 'a sentence that holds both routes is reported, and left to the author',
      code: '# Security\n\nOpen a GitHub issue or email us at security@acme.dev.\n',
      errors: [
        {
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 20,
          messageId: 'besidePrivate',
          data: { instruction: '"Open a GitHub issue"' },
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: '"non-critical vulnerabilities" filed "as regular issues" are vulnerabilities in public',
      code: '# Security\n\nEmail security@acme.dev. Non-critical vulnerabilities may be reported as regular issues.\n',
      errors: [
        {
          line: 3,
          column: 71,
          endLine: 3,
          endColumn: 88,
          messageId: 'besidePrivate',
          data: { instruction: '"as regular issues"' },
          fixes: ['Remove this instruction'],
        },
      ],
      output: '# Security\n\nEmail security@acme.dev.\n',
    },
    {
      name: 'a "private issue" on GitHub is public',
      code: '# Security\n\nIf you find a vulnerability, please open a private issue.\n',
      errors: [
        {
          line: 3,
          column: 37,
          endLine: 3,
          endColumn: 57,
          messageId: 'publicRoute',
          data: { instruction: '"open a private issue"' },
        },
      ],
      output: `# Security\n\n${EMAIL_LINE}\n`,
    },
    {
      name: 'a label without a verb: "Where to report (GitHub issues)"',
      code: '# Security\n\nWhere to report (GitHub issues, please).\n',
      errors: [
        {
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 31,
          messageId: 'publicRoute',
          data: { instruction: '"Where to report (GitHub issues"' },
        },
      ],
      output: `# Security\n\n${EMAIL_LINE}\n`,
    },
    {
      name: '"we will be using the issues tab"',
      code: '# Security\n\nWe will be using the issues tab for vulnerability reports.\n',
      errors: [
        {
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 32,
          messageId: 'publicRoute',
          data: { instruction: '"using the issues tab"' },
        },
      ],
      output: `# Security\n\n${EMAIL_LINE}\n`,
    },
    {
      name: 'vulnerabilities "addressed as a normal pull request"',
      code: '# Security\n\nVulnerabilities found by our scanners should be addressed as a normal pull request.\n',
      errors: [
        {
          line: 3,
          column: 59,
          endLine: 3,
          endColumn: 83,
          messageId: 'publicRoute',
          data: { instruction: '"as a normal pull request"' },
        },
      ],
      output: `# Security\n\n${EMAIL_LINE}\n`,
    },
    {
      name: "a relative link to the repository's new-issue page",
      code: '# Security\n\nReport it in [our tracker](../../issues/new).\n',
      errors: [
        {
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 45,
          messageId: 'publicRoute',
          data: { instruction: '"[our tracker](../../issues/new)"' },
        },
      ],
      output: `# Security\n\n${EMAIL_LINE}\n`,
    },
    {
      name: 'Japanese: a relative link to the Issues tab, then the verb',
      code: '# Security\n\n- GitHub の [Issues](../../issues) に報告\n',
      errors: [
        {
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 38,
          messageId: 'publicRoute',
          data: { instruction: '"Issues に報告"' },
        },
      ],
      output: `# Security\n\n- ${EMAIL_LINE}\n`,
    },
    {
      name: 'Japanese: "raise a pull request"',
      code: '# Security\n\n脆弱性を見つけたら、Pull Requestを挙げてください。\n',
      errors: [
        {
          line: 3,
          column: 11,
          endLine: 3,
          endColumn: 26,
          messageId: 'publicRoute',
          data: { instruction: '"Pull Requestを挙げ"' },
        },
      ],
      output: `# Security\n\n${EMAIL_LINE}\n`,
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
