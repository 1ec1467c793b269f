import { memoizeByText } from '../../core/memo';
import { isNegated } from './negation';

/**
 * "publish the details", "announce it", "publish your findings", "the ultimate publication on the
 * problem": publishing with the vulnerability as its object, not "auto-publishes successful builds".
 */
const PUBLISHING_THE_VULNERABILITY =
  /\b(?:publish|announc)\w{0,4} (?:(?:it|them|(?:the |any |all |your )?(?:details|findings)|(?:a |the )?(?:issues?|bugs?|problems?|security (?:issues?|fix(?:es)?)))\b(?! bount)|(?:a |the )?(?:security )?vulnerabilit)|\bpublication (?:of|on) (?:the |a )?(?:issue|bug|problem|vulnerabilit|details)/i;

interface DisclosurePhrase {
  /** What the phrase says, in a few words. */
  reads: string;
  patterns: RegExp[];
  /** A match that holds these words does not count. */
  except?: RegExp;
}

/**
 * How a policy says what happens publicly once a vulnerability is handled: when and where it is
 * disclosed, whether the reporter is credited. Each entry reads one way of saying it; a phrase that
 * a word of its clause negates ("we do not publish advisories", "we don't have a disclosure policy")
 * says the opposite and does not count.
 *
 * What does not count, on purpose:
 * - naming an advisory only as the way to report ("use the GitHub Security Advisory 'Report a
 *   vulnerability' tab", "we use GitHub Security Advisories to manage reports"): that is the channel;
 *   an advisory counts once it is published, posted or issued;
 * - thanks for "responsible disclosure", and "we will make every effort to acknowledge your
 *   contributions": courtesy, with no word on what becomes public or where credit appears;
 * - "keep you informed of the progress towards a fix and full announcement": boilerplate that
 *   promises updates to the reporter, not a disclosure process;
 * - a bare instruction not to disclose ("please don't disclose issues publicly"), unless it says
 *   until when (see DISCLOSING below);
 * - a CVE named in passing ("dependency CVE reports", "CVE-2025-1234"): a CVE counts when one is
 *   requested, assigned or published;
 * - a heading alone: "## Disclosure Policy" over steps that only confirm and fix the problem says
 *   nothing about disclosure, so the words under the heading decide.
 */
const DISCLOSURE_PHRASES: DisclosurePhrase[] = [
  {
    reads: 'coordinated disclosure or release',
    patterns: [
      /\bcoordinat(?:e|es|ed|ing|ion) (?:[\w-]+ ){0,3}disclosure\b/i,
      /\bcoordinated (?:security )?releases?\b/i,
    ],
  },
  {
    // "our disclosure policy", "a 90 day disclosure timeline", "HackerOne's disclosure guidelines": a
    // title without words before it ("Disclosure Policy") is a heading or a table of contents, and a
    // "private disclosure process" is the way to report.
    reads: 'a disclosure policy named in a sentence',
    patterns: [
      /(?:\b(?:our|the|a|an|this|its|their)|['’]s) (?:\w+ ){0,3}disclosure (?:polic(?:y|ies)|process(?:es)?|timelines?|dates?|deadlines?|period|window|guidelines|page|program)\b/i,
    ],
    except: /\bprivate disclosure\b/i,
  },
  {
    reads: 'public disclosure',
    patterns: [
      /\bpublic disclosure\b/i,
      /\bdisclos(?:e|es|ed|ing) (?:[\w-]+ ){0,3}publicly\b/i,
      /\bpublicly disclos(?:e|es|ing)\b|\b(?:be|been|is|are) publicly disclosed\b/i,
    ],
  },
  { reads: 'an embargo', patterns: [/\bembargo/i] },
  {
    reads: 'an advisory published',
    patterns: [
      /\bpublish(?:es|ed|ing)? (?:[\w-]+ ){0,4}advisor(?:y|ies)\b/i,
      /\badvisor(?:y|ies) (?:[\w-]+ ){0,4}(?:published|posted|issued|announced|released)\b/i,
      /\bissue (?:a|an|the) (?:[\w-]+ ){0,3}advisory\b/i,
      /\bpublic (?:security )?advisor(?:y|ies)\b|\badvisory database\b/i,
    ],
  },
  {
    reads: 'a CVE requested or assigned',
    patterns: [
      /\b(?:request|assign|obtain|reserve|retrieve|issue)\w{0,3} (?:a |an |the )?CVEs?\b/i,
      /\bCVE(?:s| IDs?| identifiers?| numbers?)? (?:will be |is |are |be |been |gets? )?(?:requested|assigned|issued|reserved|obtained|published)\b/i,
    ],
  },
  {
    reads: 'a public vulnerability database',
    patterns: [/\bcve\.(?:mitre\.)?org\b|\bnvd\.nist\.gov\b|\bosv\.dev\b/i],
  },
  {
    reads: 'publishing or announcing the vulnerability',
    patterns: [PUBLISHING_THE_VULNERABILITY],
  },
  {
    reads: 'details made public',
    patterns: [
      /\bmade public\b|\b(?:become|becomes|go|goes|going) public\b|\bglobally visible\b/i,
      /\bpublicly (?:viewable|visible)\b|\bbecomes? publicly (?:available|accessible)\b/i,
    ],
  },
  {
    // A security mailing list counts when readers subscribe to it ("sign up to the security mailing
    // list"): "send your report to the security mailing list" is the way to report.
    reads: 'a channel that announces vulnerabilities',
    patterns: [
      /\b(?:public|security|vulnerability) announcements?\b/i,
      /\bsecurity (?:advisory )?bulletins?\b|\bsecurity-announce\b|\bannounce(?:ment)? (?:mailing )?list\b/i,
      /\b(?:subscribe|sign[ -]up|join) (?:[\w-]+ ){0,4}security (?:advisory )?mailing lists?\b/i,
    ],
  },
  {
    // "We credit reporters in advisories", "we'll credit you in the release notes", "publicly
    // acknowledge your contribution", "give your name as the discoverer", "our Security Hall of Fame".
    reads: 'public credit for the reporter',
    patterns: [
      /\bcredit(?:s|ed|ing)? (?:you|reporters?|researchers?|the (?:reporter|researcher|finder|discoverer)s?)\b|\bbe credited\b/i,
      /\b(?:give|giving|provide|providing) (?:you )?(?:full |public |proper )?credit\b/i,
      /\bcredit for (?:the |your )?(?:discovery|finding|report|responsible disclosure)\b/i,
      /\bpublicly (?:acknowledge|thank|credit|recogni[sz]e|name)/i,
      /\b(?:acknowledge|thank|credit|name|list|mention)\w{0,3} (?:you|reporters?|researchers?|the reporters?|your (?:name|contributions?)) in (?:the |our |a |an |its )?(?:release notes|changelog|advisor(?:y|ies)|security advisor(?:y|ies)|credits|hall of fame)\b/i,
      /\bas (?:the )?discoverer\b|\bhall of fame\b/i,
    ],
  },
  {
    // Policies written in other languages: coordinated or public disclosure, the vulnerability made
    // public ("脆弱性の公開"), credit given, a security advisory ("安全公告").
    reads: 'disclosure in other languages',
    patterns: [
      /脆弱性(?:情報)?(?:の|を)(?:公開|開示)|協調(?:的な)?(?:脆弱性)?開示|クレジット(?:を|に)(?:記載|掲載)/,
      /协调(?:漏洞)?披露|公开披露|安全公告/,
      /\bkoordinierte (?:Offenlegung|Veröffentlichung)|\bdivulgación coordinada|\bdivulgation coordonnée/i,
    ],
  },
];

/**
 * "Do not disclose the issue publicly until it has been resolved", "give us a reasonable time to
 * correct the issue before you disclose": disclosing, a word of time and a fix in one sentence. A
 * negation does not turn it around: "no disclosure before the patch ships" is the embargo itself.
 */
const DISCLOSING = /\bdisclos(?:e|es|ed|ing)\b|\bpublic disclosure\b/i;
const WHEN = /\b(?:after|once|when|until|before)\b/i;
/** "once a fix is released", "before a patch ships", "a reasonable time to correct the issue", "a chance to update". */
const FIXED =
  /\b(?:fix|patch|releas|resolv|ship|correct|mitigat|remed)\w{0,6}\b|\baddressed\b|\baddress(?:ing)? (?:it|them|the)\b|\bavailable\b|\b(?:chance|time) to (?:update|upgrade)\b/i;

/** Each pattern made global once, for matchAll (which copies it, so no search state is shared). */
const GLOBAL_PHRASES = DISCLOSURE_PHRASES.flatMap(({ reads, patterns, except }) =>
  patterns.map((pattern) => ({ reads, except, pattern: new RegExp(pattern.source, `${pattern.flags}g`) })),
);

export interface DisclosureStatement {
  /** Which way of saying it (a `reads` of DISCLOSURE_PHRASES, or "disclosing once fixed"). */
  reads: string;
  /** The words that say it. */
  text: string;
}

/** What in `plain` says what becomes public and when, or undefined when it says nothing of the kind. */
export const disclosureStatement = memoizeByText((plain: string): DisclosureStatement | undefined => {
  for (const { reads, except, pattern } of GLOBAL_PHRASES) {
    for (const match of plain.matchAll(pattern)) {
      if (!except?.test(match[0]) && !isNegated(plain, match.index)) return { reads, text: match[0] };
    }
  }
  const publication = DISCLOSING.exec(plain) ?? PUBLISHING_THE_VULNERABILITY.exec(plain);
  if (publication && WHEN.test(plain) && FIXED.test(plain))
    return { reads: 'disclosing once fixed', text: publication[0] };
  return undefined;
});
