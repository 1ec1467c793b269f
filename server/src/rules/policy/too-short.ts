import type { Rule } from '../../core/types';
import type { PolicyModel } from '../../formats/policy/model';
import { documentAnchor, realContacts } from '../utils/policy-edits';

/**
 * What OpenSSF Scorecard's Security-Policy check counts in a policy, reproduced from its published
 * rules so that a policy we pass also gets its full score:
 *
 * - links: web addresses (`http(s)://` and the URL characters after it) and email addresses;
 * - text: the file must be longer (in UTF-8 bytes) than its links and emails plus two bytes each;
 * - hints: at least two numbers of one to four digits ending a word, or the words "vuln" and "disclos".
 *
 * Scorecard matches line by line; none of these patterns crosses a line break, so the whole text
 * gives the same counts. Its email pattern is scanned by hand here to keep the scan linear.
 */
export interface ScorecardCounts {
  urls: number;
  emails: number;
  /** Length of every URL and email matched, as Scorecard sums them. */
  linkedLength: number;
  hints: number;
  bytes: number;
}

const URL_PATTERN = /https?:\/\/[a-zA-Z0-9./?=_%:-]*/g;
const HINT_PATTERN = /[0-9]{1,4}\b|disclos|vuln/gi;
const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/;
const WORD_CHAR = /[A-Za-z0-9_]/;
const LETTER = /[A-Za-z]/;

function boundary(text: string, index: number): boolean {
  const before = index > 0 && WORD_CHAR.test(text[index - 1]);
  const after = index < text.length && WORD_CHAR.test(text[index]);
  return before !== after;
}

/** The end of `[A-Za-z0-9.-]+\.[A-Za-z]{2,6}\b` matched greedily from `from`, or -1. */
function domainEnd(text: string, from: number): number {
  let run = from;
  while (run < text.length && DOMAIN_CHAR.test(text[run])) run++;
  for (let dot = run - 1; dot > from; dot--) {
    if (text[dot] !== '.') continue;
    for (let letters = 6; letters >= 2; letters--) {
      const end = dot + 1 + letters;
      if (end > run) continue;
      let ok = true;
      for (let i = dot + 1; i < end && ok; i++) ok = LETTER.test(text[i]);
      if (ok && boundary(text, end)) return end;
    }
  }
  return -1;
}

/** Matches of `\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,6}\b`, leftmost first and without overlap. */
function emailMatches(text: string): { start: number; end: number }[] {
  const matches: { start: number; end: number }[] = [];
  let searchFrom = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at < searchFrom) continue;
    let local = at;
    while (local > searchFrom && LOCAL_CHAR.test(text[local - 1])) local--;
    let start = -1;
    for (let i = local; i < at && start === -1; i++) if (boundary(text, i)) start = i;
    if (start === -1) continue;
    const end = domainEnd(text, at + 1);
    if (end === -1) continue;
    matches.push({ start, end });
    searchFrom = end;
  }
  return matches;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export function scorecardCounts(text: string): ScorecardCounts {
  let linkedLength = 0;
  let urls = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    urls++;
    linkedLength += match[0].length;
  }
  const emails = emailMatches(text);
  for (const email of emails) linkedLength += email.end - email.start;
  let hints = 0;
  for (const match of text.matchAll(HINT_PATTERN)) if (match[0] !== '') hints++;
  return { urls, emails: emails.length, linkedLength, hints, bytes: utf8Length(text) };
}

/** Scorecard's Security-Policy score for a policy file with this text: 6 for links, 3 for text, 1 for hints. */
export function scorecardScore(text: string): number {
  const counts = scorecardCounts(text);
  const links = counts.urls + counts.emails;
  return (
    (links > 0 ? 6 : 0) +
    (counts.bytes > 1 && counts.bytes > counts.linkedLength + links * 2 ? 3 : 0) +
    (counts.hints > 1 ? 1 : 0)
  );
}

export const tooShort: Rule<PolicyModel> = {
  meta: {
    id: 'policy/too-short',
    kind: 'policy',
    defaultSeverity: 'warning',
    description:
      "The policy is too thin to act on, by OpenSSF Scorecard's measure: no written-out link or email, nothing beyond them, or fewer than two mentions of vulnerabilities, disclosure or a number.",
    messages: {
      noLink:
        'No written-out link or email address: give the reporting channel as an https:// link or a full address (OpenSSF Scorecard looks for one).',
      onlyLinks:
        'The policy is little more than its links: say how to report, what happens next and which versions get fixes.',
      fewHints:
        'Too thin to act on: mention vulnerabilities, disclosure or a timeline at least twice (found {{hints}}; OpenSSF Scorecard wants two).',
    },
  },
  check(model, context) {
    // Without a real contact, policy/no-contact or policy/placeholder-contact already report an error.
    if (realContacts(model).length === 0) return;
    const counts = scorecardCounts(model.text);
    const links = counts.urls + counts.emails;
    if (links === 0) {
      context.report({ messageId: 'noLink', ...documentAnchor(model) });
    } else if (!(counts.bytes > 1 && counts.bytes > counts.linkedLength + links * 2)) {
      context.report({ messageId: 'onlyLinks', ...documentAnchor(model) });
    } else if (counts.hints < 2) {
      context.report({ messageId: 'fewHints', data: { hints: counts.hints }, ...documentAnchor(model) });
    }
  },
};
