import type { Nodes } from 'mdast';
import { nodeRange } from '../markdown';
import type { Duration, Hedge, PolicyModel, Sentence, TextBlock } from './model';
import { hedgesIn, refersBack, type Span } from './hedges';
import { memoizeByText } from '../../core/memo';
import { plainRange } from './prose';

// Durations: "48 hours", "three (3) business days", "24-48h", "innerhalb von 48 Stunden", "24時間以内", "48 小时内"

const NUMBER_WORDS: Record<string, number> = {
  // An approximate count still bounds the time ("within a few days"); listed before "a" so the
  // longer words are read first.
  'a few': 3,
  'a couple of': 2,
  several: 3,
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  sixty: 60,
  ninety: 90,
  // German
  ein: 1,
  eine: 1,
  einem: 1,
  einen: 1,
  einer: 1,
  eines: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  vierzehn: 14,
  dreißig: 30,
};

/**
 * The units of a duration and their length in hours, in the languages policies are written in. A
 * business or working day counts as a day. Words stand alone (`\b` around them); Japanese and
 * Chinese units follow the number directly, without a word boundary.
 */
const WORD_UNITS: [string, number][] = [
  ['hours?|hrs?|h|stunden?|std', 1],
  ['days?|tage[ns]?|werktag(?:e|en|es)?|arbeitstag(?:e|en|es)?', 24],
  ['weeks?|wochen?', 24 * 7],
  ['months?|monat(?:e|en|s)?', 24 * 30],
];
const CJK_UNITS: [string, number][] = [
  ['時間|小时|小時', 1],
  ['営業日|工作日|日|天', 24],
  ['週間|周|週|星期', 24 * 7],
  ['[かヶカケ个個]月', 24 * 30],
];
const UNIT_HOURS: [RegExp, number][] = [...WORD_UNITS, ...CJK_UNITS].map(([words, hours]) => [
  new RegExp(`^(?:${words})$`, 'i'),
  hours,
]);

const NUMBER = `(\\d{1,4}(?:\\.\\d{1,2})?|${Object.keys(NUMBER_WORDS).join('|')})(?: ?\\(\\d{1,4}\\))?`;
const RANGE = `(?: ?(?:-|–|—|to|or|bis) ?${NUMBER})?`;
const alternation = (units: [string, number][]) => units.map(([words]) => words).join('|');

interface DurationShape {
  pattern: RegExp;
  /** The first and last number (undefined for one) and the unit of a match. */
  read: (match: RegExpMatchArray) => [first: string | undefined, last: string | undefined, unit: string];
}

/** The ways a duration is written. */
const DURATIONS: DurationShape[] = [
  {
    // "48 hours", "24-48 hours", "2 business days", "one week", "72h", "7-day", "three (3) business days"
    pattern: new RegExp(
      `\\b${NUMBER}${RANGE}[ -]?(?:(?:business|working|calendar)[ -])?(${alternation(WORD_UNITS)})\\b`,
      'gi',
    ),
    read: ([, first, last, unit]) => [first, last, unit],
  },
  {
    // "24時間以内", "3営業日", "1-4週間", "48 小时内"; not the day of a date ("3月1日")
    pattern: new RegExp(`(?<![\\d月年])(\\d{1,4})(?: ?[-~〜～–] ?(\\d{1,4}))? ?(${alternation(CJK_UNITS)})`, 'g'),
    read: ([, first, last, unit]) => [first, last, unit],
  },
  {
    // "by the next business day"
    pattern: /\bnext (?:business|working) (day)\b/gi,
    read: ([, unit]) => [undefined, undefined, unit],
  },
];

function amount(word: string | undefined): number {
  if (word === undefined) return 1;
  return NUMBER_WORDS[word.toLowerCase()] ?? Number(word);
}

export function unitHours(unit: string): number {
  return UNIT_HOURS.find(([pattern]) => pattern.test(unit))?.[1] ?? 24;
}

interface Found {
  text: string;
  from: number;
  to: number;
  hours: number;
  /** "24-48 hours", "1-4 weeks": two numbers. */
  range: boolean;
}

/** The durations of a text, in order, each counted once. */
const findDurations = memoizeByText((plain: string): Found[] => {
  const found: Found[] = [];
  for (const { pattern, read } of DURATIONS) {
    for (const match of plain.matchAll(pattern)) {
      const from = match.index;
      const to = from + match[0].length;
      if (found.some((other) => other.from < to && from < other.to)) continue;
      const [first, last, unit] = read(match);
      found.push({
        text: match[0],
        from,
        to,
        hours: amount(last ?? first) * unitHours(unit),
        range: last !== undefined,
      });
    }
  }
  return found.sort((a, b) => a.from - b.from);
});

/** The end of `words` written at `at` of `source` with any run of whitespace between them, if they are. */
function wordsEnd(source: string, at: number, words: string[]): number | undefined {
  let position = at;
  for (const [i, word] of words.entries()) {
    if (i > 0) {
      const before = position;
      while (/\s/.test(source[position] ?? '')) position++;
      if (position === before) return undefined;
    }
    if (!source.startsWith(word, position)) return undefined;
    position += word.length;
  }
  return position;
}

/**
 * The document range of `block.plain` from `from` to `to`. Where the parser dropped characters (the
 * indentation of a list item's later lines, escapes) the plain offsets drift: the words are then
 * looked up in the block's source, nearest first.
 */
function sourceRange(block: TextBlock, from: number, to: number): { start: number; end: number } {
  const range = plainRange(block, from, to);
  const text = block.plain.slice(from, to);
  if (block.source.slice(range.start - block.start, range.end - block.start) === text) return range;
  const words = text.split(' ');
  let best: { start: number; end: number } | undefined;
  for (let at = block.source.indexOf(words[0]); at !== -1; at = block.source.indexOf(words[0], at + 1)) {
    // "a week" is not the end of "data week".
    const end = /\w/.test(block.source[at - 1] ?? '') ? undefined : wordsEnd(block.source, at, words);
    const start = block.start + at;
    if (end !== undefined && (!best || Math.abs(start - range.start) < Math.abs(best.start - range.start))) {
      best = { start, end: block.start + end };
    }
  }
  return best ?? range;
}

function hedgesOf(block: TextBlock, sentence: Sentence, next: Sentence | undefined, found: Found): Hedge[] {
  const hedge =
    (where: Sentence, offset: number) =>
    (span: Span): Hedge => {
      const at = where.plainStart + offset + span.index;
      return { text: block.plain.slice(at, at + span.length), ...sourceRange(block, at, at + span.length) };
    };
  const from = found.from - sentence.plainStart;
  // A semicolon ends the reach of a hedge: only the part of the sentence around the duration counts.
  const partStart = sentence.plain.lastIndexOf(';', from - 1) + 1;
  const partEnd = sentence.plain.indexOf(';', from);
  const part = sentence.plain.slice(partStart, partEnd === -1 ? undefined : partEnd);
  const place = { from: from - partStart, to: found.to - sentence.plainStart - partStart };
  const hedges = hedgesIn(part, found.range, place).map(hedge(sentence, partStart));
  if (next && refersBack(next.plain)) hedges.push(...hedgesIn(next.plain, found.range).map(hedge(next, 0)));
  return hedges;
}

export function collectDurations(blocks: TextBlock[]): Duration[] {
  const durations: Duration[] = [];
  for (const block of blocks) {
    for (const found of findDurations(block.plain)) {
      const index = block.sentences.findIndex(
        (each) => each.plainStart <= found.from && found.from < each.plainStart + each.plain.length,
      );
      const sentence = block.sentences[index];
      const { start, end } = sourceRange(block, found.from, found.to);
      durations.push({
        text: found.text,
        start,
        end,
        hours: found.hours,
        block,
        sentence,
        hedges: sentence ? hedgesOf(block, sentence, block.sentences[index + 1], found) : [],
      });
    }
  }
  return durations;
}

// What a duration is about

/**
 * Words that make a duration a commitment to answer a reporter or to fix what they reported.
 * "respon(d|se)" leaves out "responsibly"; "confirm" leaves out "confirmed vulnerabilities";
 * "addressed" leaves out an email address.
 */
const ANSWER_OR_FIX =
  /acknowledg|\brespon(?:d|se)|\brepl(?:y|ies|ied)\b|\banswer|hear(?:d)? (?:back|from)|get back to|\breach out\b|\bget in touch\b|\btriag|\bconfirm(?!ed\b)|\bassess|\bevaluat|\binvestigat|\breviewed\b|\bconversation\b|\binitial (?:assessment|response)|\breceipt\b|\bsla\b|\bturnaround\b|\bcontact (?:you|the reporter)|\b(?:update|notify|inform) you\b|\baddressed\b|\bfix(?:es|ed|ing)?\b|\bpatch(?:es|ed|ing)?\b|\bresol(?:ve|ved|ves|ving|ution)\b|\bremediat|\bmitigat|bestätig|antwort|rückmeld|reagier|beheb|確認|返信|回答|返答|連絡|対応|評価|修正|确认|回复|回覆|答复|响应|回應|处理|處理|评估|修复|修復/i;

/** Words that make a duration about something else: disclosure, an embargo, an advisory, a support window. */
const OTHER_SUBJECT =
  /\bdisclos|\bembargo|\bannounce|\badvisor(?:y|ies)\b|\bcves?\b|\bsupported\b|\bmaintained\b|end[- ]of[- ]life|\beol\b|veröffentlich|offenleg|公開|開示|公开|披露/i;

/** "for 90 days", "at least a week", "older than 6 months": a period, not a deadline. */
const PERIOD_BEFORE =
  /\b(?:for|during|at least|a minimum of|older than|(?:the )?(?:last|past))(?: (?:the|a|an|up to|about|over))? ?$/i;

/** "a week ahead of the release", "7 days before disclosure", "30 days' notice": a lead time. */
const LEAD_AFTER = /^['’]? ?(?:ahead|before|prior|in advance|beforehand|ago|old|notice)\b/i;

/** "within 90 days of disclosure", "from the date of the report": when the clock starts, not what it measures. */
const CLOCK_START =
  /^ ?(?:of|from|after|following|since) (?:the |your |our )?(?:(?:date|time|day) (?:of )?(?:the |your )?)?(?:initial |first |public |private |original )?(?:disclosure|report|reporting|notification|submission|receipt|contact)\b/i;

function lastIndex(text: string, pattern: RegExp): number {
  let last = -1;
  for (const match of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) last = match.index;
  return last;
}

/** For a cell of a table: the header row and the cell's row, where the words naming the duration are. */
function tableRowText(model: PolicyModel, offset: number): string | undefined {
  const inside = (node: Nodes) => {
    const { start, end } = nodeRange(node);
    return start <= offset && offset < end;
  };
  const find = (node: Nodes): string | undefined => {
    if (node.type === 'table') {
      const [header, ...rows] = node.children;
      const row = rows.find(inside);
      return [header, row]
        .map((each) => (each ? model.text.slice(nodeRange(each).start, nodeRange(each).end) : ''))
        .join('\n');
    }
    if (!('children' in node)) return undefined;
    const child = (node.children as Nodes[]).find(inside);
    return child ? find(child) : undefined;
  };
  return find(model.root);
}

/** Where a duration stands in its block's plain text (its text may appear there more than once). */
function plainIndex({ block, text, start }: Duration): number {
  let at = block.plain.indexOf(text);
  while (at !== -1 && sourceRange(block, at, at + text.length).start !== start) at = block.plain.indexOf(text, at + 1);
  return at;
}

/**
 * Whether a duration promises to answer a reporter or to fix what they reported. In prose, the
 * subject word nearest before the duration decides (or the first after it): "acknowledge … within
 * 48 hours" is a promise, "the disclosure date … 14 days" and "publish the advisory" are not. With
 * neither, the section decides: one about the response, or one whose title names the fix.
 */
export function promisesAnswerOrFix(duration: Duration, model: PolicyModel): boolean {
  const { block, sentence } = duration;
  const section = block.section;
  const inResponseSection = section?.meaning === 'response' || ANSWER_OR_FIX.test(section?.title ?? '');
  if (block.type === 'tableCell')
    return ANSWER_OR_FIX.test(tableRowText(model, block.start) ?? '') || inResponseSection;
  if (!sentence) return false;
  const from = plainIndex(duration) - sentence.plainStart;
  const to = from + duration.text.length;
  const before = sentence.plain.slice(0, from);
  let after = sentence.plain.slice(to);
  if (PERIOD_BEFORE.test(before) || LEAD_AFTER.test(after)) return false;
  after = after.replace(CLOCK_START, '');
  const promise = lastIndex(before, ANSWER_OR_FIX);
  const other = lastIndex(before, OTHER_SUBJECT);
  if (promise !== other) return promise > other;
  const promiseAfter = after.search(ANSWER_OR_FIX);
  const otherAfter = after.search(OTHER_SUBJECT);
  if (promiseAfter !== otherAfter) return otherAfter === -1 || (promiseAfter !== -1 && promiseAfter < otherAfter);
  return inResponseSection;
}
