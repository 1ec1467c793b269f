import { firstAtLeast, firstStartingIn } from './ranges';
import type { Nodes, Root } from 'mdast';
import { nodeRange } from '../markdown';
import type { PublicReportInstruction, Sentence } from './model';
import { memoizeByText } from '../../core/memo';
import { isNegated } from './negation';
import { inSpans, plainRange } from './prose';

/**
 * Where reporters are sent in public: "open a GitHub issue", "via GitHub Discussions", "we will be using the issues
 * tab", and a label without a verb ("Where to report (GitHub issues…)"). A "private issue" on GitHub is still public
 * (only GitLab's confidential issues are not, and those links are told apart by their address).
 */
const VENUE =
  /\b(?:open|file|create|raise|log|post|submit|start|use|via|through|as|on|in|go to|head to)(?: (?:a|an|our|new|public|private|regular|normal|standard|ordinary|github|gitlab|github's|empty|separate|plain)){0,4} (?:issues?|bug reports?|discussions?|pull requests?|tickets?)\b|\b(?:use|using|via|through|on|in|go to|head to|open|to)(?: (?:the|our|public|github|gitlab|github's|project's)){0,3} (?:(?:issue|bug) trackers?|issues? (?:tabs?|pages?|section))\b|\bwhere to (?:report|file|submit) ?[(:–—-] ?(?:(?:in|on|via|the|our|github|gitlab|public) ){0,3}(?:issues?|(?:issue|bug) trackers?|discussions)\b/gi;

/** The same in Japanese, where the verb follows its place: "Issues に報告", "Pull Request を挙げて". */
const VENUE_JA =
  /(?:issues?|pull requests?|イシュー|プルリクエスト) ?(?:に|で|を|へ) ?(?:報告|挙げ|上げ|作成|立て|送|提出|起票|投稿)/gi;

/** A Japanese negation follows the verb: "報告しないで", "挙げないでください", "報告せず". */
const NEGATED_JA = /^し?(?:ないで|ない|ず|ません)|^禁止/;

/** Verbs that make "as a normal pull request", "via GitHub issues" the way a vulnerability is reported or handled. */
const REPORTING_VERB =
  /\b(?:report|disclose|submit|send|post|share|raise|file|open|tell|notify|let us know|create|log|use|go|visit|head)\b|\bbe (?:reported|addressed|handled)\b/i;

const IMPERATIVE_VERB = /\b(?:go|visit|open|file|report|use|submit|create|raise|post|head|check|see)\b/i;

/**
 * Sentences that send only harmless things (non-security bugs, upstream issues) to the public tracker. Low-severity
 * and "non-critical" vulnerabilities are vulnerabilities: a sentence that sends those there is public reporting, and
 * so is one that files them "as regular issues".
 */
const NOT_FOR_VULNERABILITIES =
  /\bnon[- ]?(?:security|sensitive)\b|\bnot (?:a |an )?security\b|\bno security impact\b|\bnot security[- ]related|(?<!\bas )\b(?:regular|general|normal|ordinary|other) (?:bugs?|issues|questions|inquiries|problems)\b|\bfor (?:other )?bugs\b|\bfeature requests?\b|\bsupport (?:questions|requests)\b|\bquestions?\b|do not (?:directly )?(?:lead to|have|pose) (?:a |any )?(?:vulnerab|security)|\bupstream\b|\bdependenc(?:y|ies)\b|\b(?:after|once) (?:the |a )?(?:fix|patch|release|advisory|disclosure)|\bpublicly (?:known|disclosed)\b|\balready (?:public|known|disclosed)\b|\b(?:has|have) been (?:publicly )?(?:disclosed|fixed|patched|published|announced)\b|\bto (?:inform|notify|warn) (?:users|the community)\b|\bto (?:alert|notify|ping) (?:me|us)\b|\bsuggest|\bimprove|\bfeedback\b|\bthis (?:policy|document|file)\b/i;

const PUBLIC_TRACKER_PATH = /\/(?:issues|discussions|pulls?)(?:\/new)?\/?$/i;

/**
 * What a sentence says of public reporting: whether it sends only harmless things there, whether it
 * says "instead", and the words that send reporters to a public venue, affirmed, in the order tried.
 */
const publicVenues = memoizeByText((plain: string) => {
  const venues: { index: number; text: string }[] = [];
  for (const match of plain.matchAll(VENUE)) {
    // "report it via GitHub issues" needs a verb of reporting; "open an issue" is one.
    if (/^(?:via|through|as|on|in)\b/i.test(match[0]) && !REPORTING_VERB.test(plain)) continue;
    if (!isNegated(plain, match.index)) venues.push({ index: match.index, text: match[0] });
  }
  for (const match of plain.matchAll(VENUE_JA)) {
    if (!NEGATED_JA.test(plain.slice(match.index + match[0].length)))
      venues.push({ index: match.index, text: match[0] });
  }
  return {
    notForVulnerabilities: NOT_FOR_VULNERABILITIES.test(plain),
    instead: /\binstead\b/i.test(plain),
    venues,
  };
});

export function collectPublicInstructions(
  root: Root,
  sentences: Sentence[],
  codeSpans: { start: number; end: number }[],
): PublicReportInstruction[] {
  const instructions: PublicReportInstruction[] = [];
  const publicLinks: { start: number; end: number }[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'link' && !/confidential/i.test(node.url)) {
      let parsed: URL | undefined;
      try {
        // A relative link ("../../issues") points into the repository's own forge pages.
        parsed = new URL(node.url, 'https://repository.invalid/');
      } catch {
        parsed = undefined;
      }
      if (parsed && PUBLIC_TRACKER_PATH.test(parsed.pathname)) {
        publicLinks.push(nodeRange(node));
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(root);
  let previous: Sentence | undefined;
  for (const sentence of sentences) {
    const { plain } = sentence;
    const before = previous?.block === sentence.block ? previous : undefined;
    previous = sentence;
    const read = publicVenues(plain);
    if (read.notForVulnerabilities) continue;
    // "Do not report non-security bugs here. Use GitHub issues instead."
    if (read.instead && before && publicVenues(before.plain).notForVulnerabilities) continue;
    let found: PublicReportInstruction | undefined;
    for (const { index, text } of read.venues) {
      const from = sentence.plainStart + index;
      const range = plainRange(sentence.block, from, from + text.length);
      if (inSpans(codeSpans, range.start)) continue;
      found = { ...range, text, sentence };
      break;
    }
    if (found) {
      instructions.push(found);
      continue;
    }
    const link = firstStartingIn(publicLinks, sentence.start, sentence.end);
    if (link && IMPERATIVE_VERB.test(plain)) {
      const index = firstAtLeast(sentence.block.offsets, link.start - sentence.block.start) - sentence.plainStart;
      if (index >= 0 && isNegated(plain, index)) continue;
      const text = sentence.block.source.slice(link.start - sentence.block.start, link.end - sentence.block.start);
      instructions.push({ start: link.start, end: link.end, text, sentence });
    }
  }
  return instructions;
}

// Links over plain HTTP
