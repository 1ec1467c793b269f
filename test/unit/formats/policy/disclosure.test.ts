import assert from 'node:assert/strict';
import { disclosureStatement } from '../../../../server/src/formats/policy/disclosure';

/** A sentence, and what the vocabulary reads in it: [way of saying it, words], or undefined for nothing. */
type Case = [string, [string, string] | undefined];

function check(cases: Case[]): void {
  for (const [plain, expected] of cases) {
    const found = disclosureStatement(plain);
    assert.deepEqual(found && [found.reads, found.text], expected, plain);
  }
}

describe('policy prose: disclosure statements', () => {
  it('reads coordinated disclosure, said in other words', () => {
    check([
      [
        'We follow coordinated vulnerability disclosure.',
        ['coordinated disclosure or release', 'coordinated vulnerability disclosure'],
      ],
      [
        'Tidelift will coordinate the fix and disclosure.',
        ['coordinated disclosure or release', 'coordinate the fix and disclosure'],
      ],
      [
        'We will coordinate public disclosure with you.',
        ['coordinated disclosure or release', 'coordinate public disclosure'],
      ],
      [
        'Fixes go out in a coordinated release with the distributions.',
        ['coordinated disclosure or release', 'coordinated release'],
      ],
      [
        'This project follows a 90 day disclosure timeline.',
        ['a disclosure policy named in a sentence', 'a 90 day disclosure timeline'],
      ],
      [
        "Follow HackerOne's disclosure guidelines.",
        ['a disclosure policy named in a sentence', "'s disclosure guidelines"],
      ],
      [
        'Read our Vulnerability Disclosure Policy.',
        ['a disclosure policy named in a sentence', 'our Vulnerability Disclosure Policy'],
      ],
    ]);
  });

  it('reads advisories, CVEs and embargoes that are published, requested or set', () => {
    check([
      [
        'Once fixed, we publish a GitHub Security Advisory.',
        ['an advisory published', 'publish a GitHub Security Advisory'],
      ],
      [
        'The vulnerability is published as an advisory on this repository.',
        ['an advisory published', 'published as an advisory'],
      ],
      [
        'A copy of the advisory will be published on the blog.',
        ['an advisory published', 'advisory will be published'],
      ],
      ['If necessary we issue a fix and an advisory.', ['an advisory published', 'issue a fix and an advisory']],
      ['It is then posted in the GitHub Advisory Database.', ['an advisory published', 'Advisory Database']],
      ['We request a CVE for every confirmed issue.', ['a CVE requested or assigned', 'request a CVE']],
      [
        'A CVE identifier is assigned before the release.',
        ['a CVE requested or assigned', 'CVE identifier is assigned'],
      ],
      ['Details stay under embargo until the release.', ['an embargo', 'embargo']],
      ['Reported vulnerabilities can be found on cve.mitre.org.', ['a public vulnerability database', 'cve.mitre.org']],
    ]);
  });

  it('reads what becomes public, where it is announced, and credit for the reporter', () => {
    check([
      ['We will announce it on the mailing list.', ['publishing or announcing the vulnerability', 'announce it']],
      [
        'With the fixed release, feel free to publish your findings.',
        ['publishing or announcing the vulnerability', 'publish your findings'],
      ],
      ['Once fixed, the bug becomes publicly visible.', ['details made public', 'publicly visible']],
      ['Join the security-announce group.', ['a channel that announces vulnerabilities', 'security-announce']],
      [
        'To hear of fixes, sign up to the Acme security mailing list.',
        ['a channel that announces vulnerabilities', 'sign up to the Acme security mailing list'],
      ],
      ["We'll credit you in the release notes.", ['public credit for the reporter', 'credit you']],
      [
        'We will acknowledge reporters in our release notes.',
        ['public credit for the reporter', 'acknowledge reporters in our release notes'],
      ],
      [
        'With your permission we publicly acknowledge your contribution.',
        ['public credit for the reporter', 'publicly acknowledge'],
      ],
      ['We give your name as the discoverer of the problem.', ['public credit for the reporter', 'as the discoverer']],
      ['Security Hall of Fame', ['public credit for the reporter', 'Hall of Fame']],
      ['脆弱性の公開は、修正版のリリース後に行います。', ['disclosure in other languages', '脆弱性の公開']],
    ]);
  });

  it('reads a time set for disclosure, even when it is phrased as a request not to disclose', () => {
    check([
      ['Do not disclose the issue publicly until it has been resolved.', ['disclosing once fixed', 'disclose']],
      ['Give us a reasonable time to correct the issue before you disclose it.', ['disclosing once fixed', 'disclose']],
      ['Please do not publish the details before a patch ships.', ['disclosing once fixed', 'publish the details']],
      [
        'Allow us time to address the vulnerability before you disclose it publicly.',
        ['public disclosure', 'disclose it publicly'],
      ],
    ]);
  });

  it('does not read an advisory that is only the way to report', () => {
    check([
      ['Please use the GitHub Security Advisory "Report a Vulnerability" tab.', undefined],
      ['We use GitHub Security Advisories to manage reports.', undefined],
      ['Draft a new security advisory online, or email us.', undefined],
      ['Search existing advisories before filing and include duplicate GHSA IDs.', undefined],
      ['Reporting a Vulnerability - Private Disclosure Process', undefined],
      ['Send your report to the security mailing list at security@acme.dev.', undefined],
    ]);
  });

  it('does not read courtesy, boilerplate, a bare title or a CVE named in passing', () => {
    check([
      ['We appreciate your efforts to disclose your findings responsibly.', undefined],
      ['We will make every effort to acknowledge your contributions.', undefined],
      ['We will keep you informed of the progress towards a fix and full announcement.', undefined],
      ['Disclosure Policy', undefined],
      ['For dependency CVE reports, show that the shipped version is affected.', undefined],
      ['CVE-2025-59466: async_hooks DoS vulnerability', undefined],
      ['Our CI auto-publishes successful builds before scheduled maintenance releases.', undefined],
      ['We will announce a bug bounty program soon.', undefined],
      ['修正が必要な場合はアップデートを公開します。', undefined],
    ]);
  });

  it('does not read a negated statement, nor a bare instruction not to disclose', () => {
    check([
      ['We do not publish advisories.', undefined],
      ["We don't have a disclosure policy.", undefined],
      ['We do not assign CVEs for unreleased code.', undefined],
      ["Please don't disclose security-related issues publicly.", undefined],
      ['Your report will never be made public.', undefined],
    ]);
  });
});
