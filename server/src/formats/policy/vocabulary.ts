import {
  SUPPORT_EMOJI,
  type MarkerStyle,
  type SectionMeaning,
  type SupportMarker,
} from '../../../../common/policy-words';
import { cellWords } from '../markdown';

export {
  CANONICAL_MARKERS,
  CANONICAL_ORDER,
  MEANINGS,
  REQUIREMENTS_TITLE,
  SECTION_TITLES,
  sectionMeaning,
} from '../../../../common/policy-words';
export type { MarkerStyle, SectionMeaning, SupportMarker };

/**
 * How a supported-versions table's markers are recognised. What they are written as, and how
 * headings are recognised by meaning, live in common/policy-words.ts.
 */

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
