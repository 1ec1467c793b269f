import { noContact } from '../../../../server/src/rules/policy/no-contact';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(noContact, {
  valid: [
    { name: 'plain email', code: '# Security\n\nEmail security@acme.dev with details.\n' },
    { name: 'mailto link', code: '# Security\n\n[Write to us](mailto:sec@acme.dev).\n' },
    {
      name: 'GitHub private advisory link',
      code: '# Security\n\nUse [this form](https://github.com/acme/app/security/advisories/new).\n',
    },
    { name: 'bug bounty platform', code: '# Security\n\nReport through https://hackerone.com/acme.\n' },
    {
      name: 'private vulnerability reporting named without a link',
      code: '# Security\n\nPlease use GitHub private vulnerability reporting.\n',
    },
    {
      name: 'the advisory feature named as one of the ways to report, in a list under the reporting heading',
      code: '# Security\n\n## Reporting a Vulnerability\n\nReport privately through one of:\n\n1. GitHub Security Advisory (recommended)\n2. A direct message to a maintainer\n',
    },
    {
      name: 'the same list in Japanese',
      code: '# Security\n\n## Reporting a Vulnerability\n\n以下の方法で報告してください：\n\n1. GitHubのSecurity Advisoryを使用（推奨）\n',
    },
    {
      name: '"via GitHub Security Advisories" in a sentence',
      code: '# Security\n\nPlease report vulnerabilities via GitHub Security Advisories.\n',
    },
    {
      name: 'the button, in bold behind arrows',
      code: '# Security\n\nGo to Repo → **Security** → **Report a vulnerability**.\n',
    },
    {
      name: 'the button in bold after "click"',
      code: '# Security\n\nOn the repository page, click the **Report a vulnerability** button.\n',
    },
    {
      name: 'the button named as one, without quotes',
      code: '# Security\n\nUse the Report a vulnerability button on the Security page.\n',
    },
    {
      name: "the button's label in quotes",
      code: '# Security\n\nOur repository offers GitHub\'s "Report a vulnerability" form for this.\n',
    },
    {
      name: "a vendor's form, by the words of its address",
      code: '# Security\n\nPlease report any vulnerabilities [directly to Acme](https://www.acme-corp.com/support/report-a-vulnerability).\n',
    },
    {
      name: 'a chat handle the sentence sends reports to',
      code: '# Security\n\nDo not create a public issue. Instead, send your report to [@acme_sec](https://t.me/acme_sec).\n',
    },
    {
      name: 'a contact page the sentence tells reporters to use',
      code: '# Security\n\nTo report a vulnerability, please use the [security contact](https://tidelift.com/security).\n',
    },
    {
      name: 'an address after "via:" on the next line',
      code: '# Security\n\nPlease report security issues responsibly via:\n**<https://intake.acme.dev>**\n',
    },
    {
      name: 'an address written with [@], escaped in the source',
      code: '# Security\n\nPlease send us an email at security \\[@\\] acme.dev with the details.\n',
    },
    {
      name: 'a bounty program page through a reference link',
      code: '# Security\n\nVulnerabilities should be disclosed through [Immunefi].\n\n[Immunefi]: https://immunefi.com/bounty/acme\n',
    },
  ],
  invalid: [
    {
      name: 'reporting section without a channel gets a contact line in it',
      code: '# Security Policy\n\n## Reporting a Vulnerability\n\nTell us about it.\n\n## Scope\n\nAll of it.\n',
      errors: [
        {
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 29,
          messageId: 'noChannel',
          severity: 'error',
          fixes: ['Add a security contact email (then edit the placeholder address)'],
        },
      ],
      output:
        '# Security Policy\n\n## Reporting a Vulnerability\n\nTell us about it.\n\nPlease report vulnerabilities privately by email to security@example.com. Do not open a public issue.\n\n## Scope\n\nAll of it.\n',
    },
    {
      name: 'a GitHub remote gives a private advisory link',
      code: '# Security Policy\n\n## Reporting a Vulnerability\n\nTell us about it.\n',
      facts: { githubRepository: 'acme/app' },
      errors: [
        {
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 29,
          messageId: 'noChannel',
          fixes: ['Add a GitHub private vulnerability reporting link'],
        },
      ],
      output:
        '# Security Policy\n\n## Reporting a Vulnerability\n\nTell us about it.\n\nPlease report vulnerabilities privately through [GitHub private vulnerability reporting](https://github.com/acme/app/security/advisories/new). Do not open a public issue.\n',
    },
    {
      name: 'no reporting section: one is added before the sections that follow it',
      code: '# Security Policy\n\nWe care.\n\n## Disclosure\n\nWe publish advisories.\n',
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 18,
          messageId: 'noChannel',
          message: 'No private channel for reporting a vulnerability: add an email address or a private advisory link.',
        },
      ],
      output:
        '# Security Policy\n\nWe care.\n\n## Reporting a Vulnerability\n\nPlease report vulnerabilities privately by email to security@example.com. Do not open a public issue.\n\n## Disclosure\n\nWe publish advisories.\n',
    },
    {
      name: "a CVE authority's or a package registry's page the sentence sends reports to is not the project's channel",
      code: '# Security\n\nIssues may also be reported to [MITRE](https://cve.mitre.org/cve/request_id.html) or [PyPI](https://pypi.org/security/).\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noChannel' }],
      output:
        '# Security\n\nIssues may also be reported to [MITRE](https://cve.mitre.org/cve/request_id.html) or [PyPI](https://pypi.org/security/).\n\n## Reporting a Vulnerability\n\nPlease report vulnerabilities privately by email to security@example.com. Do not open a public issue.\n',
    },
    {
      name: 'a public issue tracker link is not a private channel: the instruction is replaced, not contradicted',
      code: '# Security\n\nOpen an issue at https://github.com/acme/app/issues.\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noChannel' }],
      output:
        '# Security\n\nPlease report vulnerabilities privately by email to security@example.com. Do not open a public issue.\n',
    },
    {
      name: 'only the sentence that sends reporters to the issue tracker is replaced',
      code: '# Security\n\n## Reporting\n\nThanks for looking. To report a problem, file a GitHub issue. We read them all.\n',
      facts: { githubRepository: 'acme/app' },
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 13, messageId: 'noChannel' }],
      output:
        '# Security\n\n## Reporting\n\nThanks for looking. Please report vulnerabilities privately through [GitHub private vulnerability reporting](https://github.com/acme/app/security/advisories/new). Do not open a public issue. We read them all.\n',
    },
    {
      name: 'a sentence that forbids public issues is not rewritten',
      code: '# Security\n\n## Reporting\n\nDo not open a public issue.\n',
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 13, messageId: 'noChannel' }],
      output:
        '# Security\n\n## Reporting\n\nDo not open a public issue.\n\nPlease report vulnerabilities privately by email to security@example.com. Do not open a public issue.\n',
    },
    {
      name: 'look-alikes: pages about security whose address says "security" or "report" are to be read, not sent to',
      code: '# Security\n\nPlease see https://www.acme.dev/security/. Our [security.txt](https://securitytxt.org) follows the standard, and the [report template](https://github.com/acme/app/blob/main/docs/report-template.md) helps. For details on how to report, visit our [security policy documentation](https://www.acme.dev/docs/security).\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noChannel' }],
      output:
        '# Security\n\nPlease see https://www.acme.dev/security/. Our [security.txt](https://securitytxt.org) follows the standard, and the [report template](https://github.com/acme/app/blob/main/docs/report-template.md) helps. For details on how to report, visit our [security policy documentation](https://www.acme.dev/docs/security).\n\n## Reporting a Vulnerability\n\nPlease report vulnerabilities privately by email to security@example.com. Do not open a public issue.\n',
    },
    {
      name: 'look-alike: "Report a vulnerability" in bold as a heading is no button',
      code: '# Security\n\n**Report a vulnerability**\n\nTell the maintainers what you found.\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noChannel' }],
      output:
        '# Security\n\n**Report a vulnerability**\n\nTell the maintainers what you found.\n\n## Reporting a Vulnerability\n\nPlease report vulnerabilities privately by email to security@example.com. Do not open a public issue.\n',
    },
    {
      name: 'negated: the Security tab that is not showing up, the bounty that is not offered, the advisories one cannot use',
      code: '# Security\n\nThe option for security advisories is not showing up under the Security tab. We do not run a bug bounty on [HackerOne](https://hackerone.com/acme). If you cannot use GitHub Security Advisories, tell us.\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, messageId: 'noChannel' }],
      output:
        '# Security\n\nThe option for security advisories is not showing up under the Security tab. We do not run a bug bounty on [HackerOne](https://hackerone.com/acme). If you cannot use GitHub Security Advisories, tell us.\n\n## Reporting a Vulnerability\n\nPlease report vulnerabilities privately by email to security@example.com. Do not open a public issue.\n',
    },
    {
      name: "look-alikes: a bounty platform's guidelines, an advisory the maintainers publish, a key, a chat for questions",
      code: "# Security\n\n## Reporting\n\n- Follow [HackerOne's disclosure guidelines](https://www.hackerone.com/disclosure-guidelines).\n- GitHub Security Advisories are published once a fix is out.\n- We use GitHub Security Advisories to publish fixes.\n- Report issues to us with [our PGP key](https://acme.dev/key.asc).\n- For questions, reach out to [the chat](https://chat.acme.dev).\n",
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 13, messageId: 'noChannel' }],
      output:
        "# Security\n\n## Reporting\n\n- Follow [HackerOne's disclosure guidelines](https://www.hackerone.com/disclosure-guidelines).\n- GitHub Security Advisories are published once a fix is out.\n- We use GitHub Security Advisories to publish fixes.\n- Report issues to us with [our PGP key](https://acme.dev/key.asc).\n- For questions, reach out to [the chat](https://chat.acme.dev).\n\nPlease report vulnerabilities privately by email to security@example.com. Do not open a public issue.\n",
    },
    {
      name: 'CRLF line endings are kept',
      code: '# Security\r\n\r\n## Reporting\r\n\r\nTell us.\r\n',
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 13, messageId: 'noChannel' }],
      output:
        '# Security\r\n\r\n## Reporting\r\n\r\nTell us.\r\n\r\nPlease report vulnerabilities privately by email to security@example.com. Do not open a public issue.\r\n',
    },
  ],
});
