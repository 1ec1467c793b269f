import { negatingWord } from './negation';
import { memoize } from '../../core/memo';
import { clauseBefore } from './prose';

// Hedges: the words that take back a response or fix time ("we aim to", "typically", "this may vary")

/** Words that end the reach of a hedge when they stand between it and the time (see `HedgeClass.breaks`). */
const SUBORDINATE = new RegExp(String.raw`\b(?:if|unless|when|whenever|once|until|while|whereas|because|but)\b`, 'i');
const COORDINATE = new RegExp(String.raw`\b(?:and|then)\b|${SUBORDINATE.source}`, 'i');
const CONTRAST = /\b(?:but|however|though|although|yet)\b/i;
const AND = /\band\b/i;
const BREAKS = {
  /** "You may escalate if you get no answer within 6 days": the hedge and the time are in different clauses. */
  subordinate: (between: string) => SUBORDINATE.test(between),
  /** "We usually release on Tuesdays and reply within 2 days": the hedge qualifies the other verb. */
  coordinate: (between: string) => COORDINATE.test(between),
  /** "Reports may be sent by email, and we reply within 2 days": a modal rules its own clause only. */
  clause: (between: string) => between.includes(',') || COORDINATE.test(between),
  /**
   * A sentence-wide hedge is about the time unless the clauses turn: "we cannot promise a fix, but we
   * acknowledge within 2 days" keeps the time. After the time, "but" or "though" brings the hedge back
   * to it ("within 2 days, but this may vary"), while a plain "and" moves on to something else
   * ("within 2 days and fix times depend on severity").
   */
  turn: (between: string, hedgeFirst: boolean) =>
    hedgeFirst ? CONTRAST.test(between) : AND.test(between) && !CONTRAST.test(between),
};

/** "An extension", "these timelines may be extended": the time itself may grow. */
const EXTENSION = String.raw`(?:an|any|further) extensions?|(?:may|might|can|could|will) (?:be )?extend(?:ed)?`;

interface HedgeClass {
  words: RegExp;
  /**
   * Which durations of the sentence the words reach: those after them (`before`: "we aim to respond
   * within…"), on either side (`beside`: "usually within 12 hours", "within 48 hours in most
   * cases"), or before them (`after`: "within 3 days, in rare cases within a month"). `sentence`
   * words also reach the sentence before when theirs refers back to it ("These timelines may vary.").
   */
  reach: 'before' | 'beside' | 'after' | 'sentence';
  /** What may not stand between the words and the time. A hedge opening its sentence ("Normally, …") reaches all of it. */
  breaks?: (between: string, hedgeFirst: boolean) => boolean;
  /**
   * `cancels`: "not just strive" is no hedge. `required`: only a negated word hedges ("we do not
   * guarantee", "no SLA"; "we guarantee" does not). `ignored`: "should not take longer" still hedges.
   */
  negation: 'cancels' | 'required' | 'ignored';
  /** "Please try to include…", "you should follow up": asked of the reporter, not a hedge on our promise… */
  skipAskedOfReporter?: boolean;
  /** …except the reporter receiving our answer: "you should receive a reply within 24 hours". */
  keepReceiving?: boolean;
  /** "1-4 weeks depending on severity" says which end applies; it does not take the range back. */
  skipRange?: boolean;
  /** "Usually within 12 hours, always within two days": a typical time beside a firm bound. */
  skipBesideFirmBound?: boolean;
}

/** The vocabulary of hedges, one entry per way of taking a promise back. */
const HEDGES: HedgeClass[] = [
  // Effort instead of a promise: "we strive to", "we aim to", "our goal is", "Wir werden uns bemühen".
  {
    words:
      /\b(?:strive[sd]?|striving|try|tries|trying|attempts?|endeavou?rs?|aims?|aiming|hopes?|seeks? to|do (?:our|my) best|make (?:every|an|our best) effort|(?:our|the) (?:goal|target|aim|objective) is|bemühen|bemüht|versuchen|anstreben)\b|努め|努力|目指|尽量|尽力|力争|争取/gi,
    reach: 'before',
    breaks: BREAKS.subordinate,
    negation: 'cancels',
    skipAskedOfReporter: true,
  },
  // A modal that makes the time an expectation: "you should receive", "fixes may take".
  {
    words: /\b(?:should|may|might|could)\b/gi,
    reach: 'before',
    breaks: BREAKS.clause,
    negation: 'ignored',
    skipAskedOfReporter: true,
    keepReceiving: true,
  },
  // What usually happens, not what will: "typically", "in most cases", "approximately". Not a faster
  // time beside a bound ("within 3 days, often much sooner").
  {
    words:
      /\b(?:typically|usually|normally|generally|in general|ordinarily|mostly|often|in most cases|most of the time|as a rule|on average|ideally|hopefully|approximately|roughly|in der regel|normalerweise|typischerweise|voraussichtlich)\b(?! (?:much )?(?:sooner|faster|earlier|quicker)\b)|(?<![a-zäöüß])üblicherweise|通常|原則として|一般的に|一般/gi,
    reach: 'beside',
    breaks: BREAKS.coordinate,
    negation: 'cancels',
    skipBesideFirmBound: true,
  },
  // An open time offered beside the number: "within 2 days or as soon as possible".
  {
    words:
      /\b(?:as (?:soon|quickly|fast|promptly) as (?:possible|we can|practical|feasible)|asap|(?:a|an) reasonable (?:time ?frame|time|period|amount of time)|möglichst)\b|できるだけ|可能な限り|尽快/gi,
    reach: 'beside',
    breaks: BREAKS.clause,
    negation: 'cancels',
  },
  // The time depends on something else: "depending on the severity".
  {
    words: /\b(?:depend(?:s|ing|ent)? (?:on|upon)|abhängig)\b/gi,
    reach: 'sentence',
    breaks: BREAKS.turn,
    negation: 'cancels',
    skipRange: true,
  },
  // The time may change: "this may vary", "these timelines may extend", "if an extension is needed", "unless".
  {
    words: new RegExp(
      String.raw`\b(?:(?:may|might|can|could|will) (?:vary|change|take longer|be longer|slip)|varies|vary|subject to change|${EXTENSION}|unless)\b`,
      'gi',
    ),
    reach: 'sentence',
    breaks: BREAKS.turn,
    negation: 'cancels',
  },
  // The time is a target or an estimate: "these are targets", "all timelines below are suggestions".
  {
    words:
      /\b(?:are|is|as) (?:only |just |merely |rough |general )?(?:targets?|goals?|estimates?|guidelines?|suggestions?|approximations?|approximate|indicative|aspirational)\b/gi,
    reach: 'sentence',
    breaks: BREAKS.turn,
    negation: 'cancels',
  },
  // Effort with a way out: "best effort", "as time permits", "where possible", "that is not always possible".
  {
    words:
      /\b(?:best[- ]effort|as time permits|time permitting|as (?:resources|capacity) (?:allow|permit)s?|(?:when|where|if) (?:at all )?possible|not always (?:be )?possible)\b/gi,
    reach: 'sentence',
    breaks: BREAKS.turn,
    negation: 'cancels',
  },
  // A promise disowned: "we do not guarantee", "not guarantees", "cannot commit to", "do not count on", "no SLA".
  {
    words:
      /\b(?:guarantee[sd]?|promise[sd]?|commit(?:s|ted|ment)?(?: to)?|expect(?:ed)?|count on|rely on|sla|(?:fixed |specific |firm |formal )?(?:deadlines?|timelines?|time ?frames?|schedules?))\b/gi,
    reach: 'sentence',
    breaks: BREAKS.turn,
    negation: 'required',
  },
  // An exception to the times before it: "in rare cases", "sometimes", "or longer".
  {
    words: /\b(?:in (?:rare|some|exceptional|certain|complex) cases|occasionally|sometimes|or longer)\b/gi,
    reach: 'after',
    negation: 'cancels',
  },
];

/** "not just strive", "not a best-effort target": a hedge that is denied is no hedge. */
const DENIED = /\b(?:not|never|no)(?: (?:a|an|just|merely|only|simply))? ?$/i;

/** A clause addressed to the reporter: "please try to include…", "you should follow up". */
const TO_THE_REPORTER = /\b(?:please|you|your)\b/i;

/** After the hedge, the reporter receiving our answer: "you should receive a reply". */
const RECEIVING = /^ (?:receive|get|hear|expect|be|see|have)\b/i;

/** A time given as a ceiling, which a typical time beside it does not take back. */
const FIRM_BOUND = /\b(?:always|at the latest|at most|at the outside|no later than)\b/i;

/** A sentence that qualifies the one before: "However, …", "These timelines may vary", "If an extension is needed…". */
const REFERS_BACK = new RegExp(
  String.raw`^(?:but|however|that said|note|please note|keep in mind|bear in mind|this|these|that|those|such|the above|all (?:of )?(?:these|the|our))\b|\b(?:timelines?|time ?frames?|deadlines?|response times?|${EXTENSION})\b`,
  'i',
);

/** At most three words between a negation and what it negates ("do not have a formal SLA"). */
const NEAR = /^ ?(?:\S+ ){0,3}$/;

/** Where a negated hedge starts, with its auxiliary: "do not count on", "don't expect", "no guarantee". */
function negatedStart(text: string, index: number): number | undefined {
  const negation = negatingWord(text, index);
  if (!negation || !NEAR.test(text.slice(negation.index + negation.text.length, index))) return undefined;
  let start = negation.index;
  while (start > 0 && /[a-z]/i.test(text[start - 1])) start--;
  const auxiliary = /\b(?:do|does|did|will|would|should|can|could) $/i.exec(text.slice(0, start));
  return auxiliary ? auxiliary.index : start;
}

export interface Span {
  index: number;
  length: number;
}

/** Whether words at `index`–`end` of `text` reach the duration at `from`–`to` of it. */
function reaches(kind: HedgeClass, text: string, index: number, end: number, from: number, to: number): boolean {
  const first = end <= from;
  if ((kind.reach === 'before' && !first) || (kind.reach === 'after' && index < to)) return false;
  // "Normally, …" rules all of its sentence; "No guarantees, but …" still turns.
  const opensSentence = kind.reach !== 'sentence' && index === 0 && text[end] === ',';
  const between = first ? text.slice(end, from) : text.slice(to, index);
  return opensSentence || !kind.breaks?.(between, first);
}

/**
 * The hedges in `text` that reach a duration at `from`–`to` of it; without a duration, the hedges
 * of a following sentence that refers back (those that reach a whole sentence).
 */
export const hedgesIn = memoize(
  (text: string, range: boolean, duration?: { from: number; to: number }) =>
    `${range ? 'range' : 'one'} ${duration ? `${duration.from}-${duration.to}` : 'none'} ${text}`,
  (text: string, range: boolean, duration?: { from: number; to: number }): Span[] => {
    const found: Span[] = [];
    for (const kind of HEDGES) {
      if (!duration && kind.reach !== 'sentence') continue;
      if ((kind.skipRange && range) || (kind.skipBesideFirmBound && FIRM_BOUND.test(text))) continue;
      for (const match of text.matchAll(kind.words)) {
        const end = match.index + match[0].length;
        if (duration && !reaches(kind, text, match.index, end, duration.from, duration.to)) continue;
        if (kind.negation === 'cancels' && DENIED.test(text.slice(0, match.index))) continue;
        const asked = kind.skipAskedOfReporter && TO_THE_REPORTER.test(clauseBefore(text, match.index));
        if (asked && !(kind.keepReceiving && RECEIVING.test(text.slice(end)))) continue;
        const start = kind.negation === 'required' ? negatedStart(text, match.index) : match.index;
        if (start !== undefined) found.push({ index: start, length: end - start });
      }
    }
    // Overlapping words ("may vary" and "may") count once, as the longer.
    return found
      .sort((a, b) => a.index - b.index || b.length - a.length)
      .filter((hedge, i, all) => !all.slice(0, i).some((other) => other.index + other.length > hedge.index));
  },
);

/** Whether a sentence qualifies the one before it, so that its hedges reach that sentence's times. */
export function refersBack(sentence: string): boolean {
  return REFERS_BACK.test(sentence);
}
