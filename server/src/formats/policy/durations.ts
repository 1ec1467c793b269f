import type { Nodes } from 'mdast';
import { nodeRange } from '../markdown';
import type { Duration, Hedge, PolicyModel, Sentence, TextBlock } from './model';
import { clauseBefore, plainRange } from './prose';

const NUMBER_WORDS: Record<string, number> = {
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
};

const NUMBER = `(\\d{1,4}(?:\\.\\d{1,2})?|${Object.keys(NUMBER_WORDS).join('|')})`;

const UNIT_HOURS: [RegExp, number][] = [
  [/^(?:h|hrs?|hours?)$/i, 1],
  [/^days?$/i, 24],
  [/^weeks?$/i, 24 * 7],
  [/^months?$/i, 24 * 30],
];

/** "48 hours", "24-48 hours", "2 business days", "one week", "72h", "7-day". */
const DURATION = new RegExp(
  `\\b${NUMBER}(?:\\s?(?:-|–|—|to|or)\\s?${NUMBER})?[ \\u00a0-]?(?:(?:business|working|calendar)[ \\u00a0-])?(hours?|hrs?|h|days?|weeks?|months?)\\b`,
  'gi',
);

function amount(word: string): number {
  return NUMBER_WORDS[word.toLowerCase()] ?? Number(word);
}

export function unitHours(unit: string): number {
  return UNIT_HOURS.find(([pattern]) => pattern.test(unit))?.[1] ?? 24;
}

/** Words that soften the promise that follows them in the same sentence. */
const HEDGE_BEFORE =
  /\b(?:strive|strives|striving|try|tries|trying|attempt|attempts|endeavou?rs?|hope|hopes|do (?:our|my) best|make (?:every|an|our best) effort|can(?:not|['’]t) (?:promise|commit|guarantee))\b/gi;

/** Disclaimers that take back every promise in their sentence, wherever they stand. */
const DISCLAIMER =
  /\b(?:best[- ]effort|as time permits|time permitting|(?:when|where|if) (?:at all )?possible|no guarantees?|not (?:be )?guaranteed|without (?:any )?guarantees?|can(?:not|['’]t) (?:really )?(?:leave|make|give|offer|provide)? ?(?:any )?guarantees?|(?:do not|don['’]t|should not|shouldn['’]t|cannot|can['’]t) (?:expect|count on|rely on)|can(?:not|['’]t) (?:promise|commit to)|no (?:fixed |specific |firm )?(?:sla|deadline|timeline|time ?frame)s?\b)/gi;

const NEGATED_HEDGE = /\bnot (?:a |an |just |merely |only )?$/i;

const ADDRESSED_TO_REPORTER = /\b(?:please|you|your)\b/i;

/** A following sentence that qualifies the previous one ("However, there are no guarantees."). */
const QUALIFIER_OPENING =
  /^(?:but|however|that said|note that|please note|keep in mind|bear in mind|this is|these are)\b/i;

function hedgesIn(sentence: Sentence, durationPlainIndex: number | undefined): Hedge[] {
  const hedges: Hedge[] = [];
  const { block, plain } = sentence;
  const add = (index: number, length: number) => {
    const from = sentence.plainStart + index;
    const range = plainRange(block, from, from + length);
    hedges.push({ text: plain.slice(index, index + length), ...range });
  };
  for (const match of plain.matchAll(HEDGE_BEFORE)) {
    // "Please try to include …" asks the reporter; "not just try" is no hedge.
    const clause = clauseBefore(plain, match.index);
    if (ADDRESSED_TO_REPORTER.test(clause) || NEGATED_HEDGE.test(plain.slice(0, match.index))) continue;
    if (durationPlainIndex !== undefined && match.index > durationPlainIndex) continue;
    add(match.index, match[0].length);
  }
  for (const match of plain.matchAll(DISCLAIMER)) {
    if (NEGATED_HEDGE.test(plain.slice(0, match.index))) continue;
    if (/^(?:when|where|if)/i.test(match[0]) && ADDRESSED_TO_REPORTER.test(clauseBefore(plain, match.index))) continue;
    add(match.index, match[0].length);
  }
  return hedges;
}

export function collectDurations(blocks: TextBlock[]): Duration[] {
  const durations: Duration[] = [];
  for (const block of blocks) {
    for (const match of block.source.matchAll(DURATION)) {
      const [whole, first, second, unit] = match;
      const factor = UNIT_HOURS.find(([pattern]) => pattern.test(unit))?.[1] ?? 1;
      const start = block.start + match.index;
      const index = block.sentences.findIndex((each) => each.start <= start && start < each.end);
      const sentence = block.sentences[index];
      let hedges: Hedge[] = [];
      if (sentence) {
        const at = block.offsets.findIndex((offset) => offset >= start);
        hedges = hedgesIn(sentence, at === -1 ? undefined : at - sentence.plainStart);
        // "We reply within 2 days. However, there are no guarantees." takes the promise back too.
        const next = block.sentences[index + 1];
        if (next && QUALIFIER_OPENING.test(next.plain)) hedges.push(...hedgesIn(next, -1));
      }
      durations.push({
        text: whole,
        start,
        end: start + whole.length,
        hours: amount(second ?? first) * factor,
        block,
        sentence,
        hedges,
      });
    }
  }
  return durations;
}

// Severity levels and their deadlines

/**
 * Words that make a duration a commitment to answer a reporter. "respon(d|se)" leaves out
 * "responsibly"; "confirm" leaves out "confirmed vulnerabilities are fixed within 90 days".
 */
export const RESPONSE_WORDS =
  /acknowledg|\brespon(?:d|se)|\brepl(?:y|ies|ied)\b|hear (?:back )?from|get back to|\breach out\b|\bget in touch\b|\btriage|\bconfirm(?!ed\b)|initial (?:assessment|response)|\breceipt\b|\bcontact you\b/i;

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

export function isResponseCommitment(duration: Duration, model?: PolicyModel): boolean {
  const { block } = duration;
  const text = (model && block.type === 'tableCell' && tableRowText(model, block.start)) || block.source;
  return RESPONSE_WORDS.test(text) || block.section?.meaning === 'response';
}
