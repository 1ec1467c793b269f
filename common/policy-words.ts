/**
 * The words a security policy is written in, shared by the policy parser and rules, completion,
 * the templates, the editor commands and the CLI: what each section is for and how its heading is
 * recognised, what it is called, the order sections read in, and how a supported-versions table
 * marks a release.
 */

/** What a section is for, recognised from its heading's words. */
export type SectionMeaning =
  | 'reporting'
  | 'supported-versions'
  | 'response'
  | 'disclosure'
  | 'scope'
  | 'safe-harbor'
  | 'encryption'
  | 'bounty'
  | 'credits';

/** The title a new section of each meaning gets (in the templates, fixes and completions). */
export const SECTION_TITLES: Record<SectionMeaning, string> = {
  'supported-versions': 'Supported Versions',
  reporting: 'Reporting a Vulnerability',
  response: 'What to Expect',
  disclosure: 'Disclosure Policy',
  scope: 'Scope',
  'safe-harbor': 'Safe Harbor',
  encryption: 'Encrypted Reports',
  bounty: 'Bug Bounty',
  credits: 'Acknowledgments',
};

/** The order in which a policy's sections read best; new sections are inserted to keep it. */
export const CANONICAL_ORDER: readonly SectionMeaning[] = [
  'supported-versions',
  'reporting',
  'response',
  'disclosure',
  'scope',
  'safe-harbor',
  'encryption',
  'bounty',
];

/** Titles that name versions in German, Spanish, Japanese and Chinese too ("Unterstützte Versionen", "支持的版本"). */
const VERSIONS_TITLE =
  /\bsupported\b|\bversi(?:ons?|ones|onen)\b|\bversión|バージョン|ヴァージョン|版本|\bmaintained\b|\bsupport (?:policy|period|lifecycle)\b|\bend[- ]of[- ]life\b/i;

export const MEANINGS: [SectionMeaning, RegExp][] = [
  ['supported-versions', new RegExp(`${VERSIONS_TITLE.source}|security updates`, 'i')],
  [
    'reporting',
    /\breport(?:ing)?\b|\b(?:vulnerability|security|bug) reports?\b|how to (?:report|tell|reach|notify|contact)|\bcontact(?:ing|s)?\b|\bsubmit(?:ting)? (?:a |an )?(?:report|vulnerabilit|security|bug|issue)|\bdisclos(?:e|ing) (?:a |an )?(?:security|vulnerabilit)/i,
  ],
  [
    'disclosure',
    /\bdisclos|\badvisor|\bembargo|\bpublication\b|\bcoordinated\b|\bannounce|security (?:notifications?|bulletins?|mailing lists?)/i,
  ],
  [
    'response',
    /\brespon(?:d|se)|what to expect|\btimelines?\b|\btriage|(?<!\b(?:release|build|development) )\bprocess\b|\bhandling\b|\bsla\b/i,
  ],
  ['scope', /\bscope\b|\bexclusions?\b|\bqualif(?:y|ies|ying)\b|\bnot (?:a |considered )?vulnerabilit/i],
  ['safe-harbor', /safe harbou?r|\blegal\b/i],
  ['encryption', /\bpgp\b|\bgpg\b|\bencrypt/i],
  ['bounty', /\bbount(?:y|ies)\b|\brewards?\b/i],
  ['credits', /^(?:security )?(?:acknowledge?ments|credits?|thanks|thank you)\b|hall of fame/i],
];

/** Headings that ask a question around reporting ("When to report", "What makes a good report") are not the channel. */
const NOT_THE_CHANNEL = /^(?:when|what|why|before|after|once)\b/i;

/** "Receiving Security Updates", "Security Updates and Announcements": how to hear of fixes, not which versions get them. */
const HEARING_OF_UPDATES = /\b(?:announce|receiv|notif|subscri|mailing list|alert)/i;

/**
 * Headings about what the software needs to run: a "Node.js Version" under "Runtime Requirements" names a
 * version the project requires, not the versions that get security fixes.
 */
export const REQUIREMENTS_TITLE = /\b(?:requirements?|prerequisites?|dependenc(?:y|ies)|runtimes?|environment)\b/i;

export function sectionMeaning(title: string): SectionMeaning | undefined {
  for (const [meaning, pattern] of MEANINGS) {
    if (meaning === 'reporting' && NOT_THE_CHANNEL.test(title)) continue;
    if (
      meaning === 'supported-versions' &&
      (REQUIREMENTS_TITLE.test(title) || (HEARING_OF_UPDATES.test(title) && !VERSIONS_TITLE.test(title)))
    ) {
      continue;
    }
    if (pattern.test(title)) return meaning;
  }
  return undefined;
}

export type SupportMarker = 'supported' | 'unsupported' | 'limited';
export type MarkerStyle = 'emoji' | 'shortcode' | 'word';

/** The marker each style writes for each level of support. */
export const CANONICAL_MARKERS: Record<MarkerStyle, Record<SupportMarker, string>> = {
  emoji: { supported: '✅', unsupported: '❌', limited: '⚠️' },
  shortcode: { supported: ':white_check_mark:', unsupported: ':x:', limited: ':warning:' },
  word: { supported: 'Yes', unsupported: 'No', limited: 'Partly' },
};

/** Every emoji people use for each level of support, the canonical one first. */
export const SUPPORT_EMOJI: Record<SupportMarker, readonly string[]> = {
  supported: ['✅', '✔️', '✔', '☑️', '☑', '✓', '🟢', '🟩', '👍'],
  unsupported: ['❌', '✖️', '✖', '✗', '✘', '⛔', '🔴', '🚫', '🟥', '👎', '❎'],
  limited: ['⚠️', '⚠', '🟡', '🟠', '🟨'],
};
