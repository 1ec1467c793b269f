/**
 * The words a security policy is written in, shared by the policy parser and rules, completion,
 * the templates and the CLI: what each section is for, what it is called, the order sections read
 * in, and how a supported-versions table marks a release.
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
