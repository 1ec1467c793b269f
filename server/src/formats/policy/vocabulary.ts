import {
  SUPPORT_EMOJI,
  type MarkerStyle,
  type SectionMeaning,
  type SupportMarker,
} from '../../../../common/policy-words';
import { cellWords } from '../markdown';

export { CANONICAL_MARKERS, CANONICAL_ORDER, SECTION_TITLES } from '../../../../common/policy-words';
export type { MarkerStyle, SectionMeaning, SupportMarker };

/**
 * How a policy's words are recognised: headings by meaning, and the markers of a supported-versions
 * table. What they are called and written as lives in common/policy-words.ts.
 */

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

/** An alternation of emoji, longest first so that a variation selector is taken with its emoji. */
function emojiPattern(emoji: readonly string[]): string {
  return [...emoji].sort((a, b) => b.length - a.length).join('|');
}

const SUPPORTED_PHRASE =
  /^(?:supported|active|lts|current|maintained|security (?:fixes|updates|patches) only|security only|critical (?:fixes|security fixes) only|yes|y|true|(?:until|through|till) .{1,40})$/i;

const UNSUPPORTED_PHRASE =
  /^(?:no|n|false|unsupported|not supported|no longer supported|eol|end of life|end-of-life|deprecated|archived|unmaintained|retired|discontinued|obsolete)$/i;

const MARKER_TOKENS: [RegExp, SupportMarker, MarkerStyle][] = [
  [new RegExp(`^(?:${emojiPattern(SUPPORT_EMOJI.supported)})`, 'u'), 'supported', 'emoji'],
  [new RegExp(`^(?:${emojiPattern(SUPPORT_EMOJI.unsupported)})`, 'u'), 'unsupported', 'emoji'],
  [new RegExp(`^(?:${emojiPattern(SUPPORT_EMOJI.limited)})`, 'u'), 'limited', 'emoji'],
  [
    /^:(?:white_check_mark|heavy_check_mark|ballot_box_with_check|green_circle|check|\+1|thumbsup):/i,
    'supported',
    'shortcode',
  ],
  [
    /^:(?:x|no_entry|no_entry_sign|red_circle|heavy_multiplication_x|negative_squared_cross_mark|-1|thumbsdown|no_good):/i,
    'unsupported',
    'shortcode',
  ],
  [/^:(?:warning|yellow_circle|orange_circle|large_orange_diamond):/i, 'limited', 'shortcode'],
  [/^(?:yes|supported|active|maintained|lts|current)\b/i, 'supported', 'word'],
  [
    /^(?:no|unsupported|eol|deprecated|end[- ]of[- ]life|not supported|unmaintained|retired|archived)\b/i,
    'unsupported',
    'word',
  ],
  [/^(?:partial(?:ly)?|limited)\b/i, 'limited', 'word'],
];

/** Reads a supported-versions cell: ✅, :x:, yes, no and their relatives, with the style it is written in. */
export function readMarker(cell: string): { marker: SupportMarker; style: MarkerStyle } | undefined {
  const words = cellWords(cell);
  if (words === '') return undefined;
  if (SUPPORTED_PHRASE.test(words)) return { marker: 'supported', style: 'word' };
  if (UNSUPPORTED_PHRASE.test(words)) return { marker: 'unsupported', style: 'word' };
  for (const [pattern, marker, style] of MARKER_TOKENS) if (pattern.test(words)) return { marker, style };
  return undefined;
}

/** Reads a supported-versions cell: ✅, :x:, yes, no and their relatives. */
export function supportMarker(cell: string): SupportMarker | undefined {
  return readMarker(cell)?.marker;
}

const ALL_EMOJI = emojiPattern(Object.values(SUPPORT_EMOJI).flat());
/** A cell that holds nothing but a marker, which a fix may rewrite without losing words. */
const MARKER_ONLY = new RegExp(
  `^(?:${ALL_EMOJI}|:[a-z_+-]{1,40}:|yes|no|y|n|true|false|supported|unsupported|not supported|partial|partly|limited)$`,
  'iu',
);

/** Whether a cell's words (see cellWords) are a marker and nothing else. */
export function isMarkerOnly(words: string): boolean {
  return MARKER_ONLY.test(words);
}
