import type { Nodes } from 'mdast';
import type { Rule } from '../../engine/types';
import { nodeRange } from '../../formats/markdown';
import type { Duration, PolicyModel } from '../../formats/policy';
import { documentAnchor, insertAfter, insertSection, insertSubsection, sectionsWith } from './helpers';

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

const WHAT_TO_EXPECT = [
  'We acknowledge every report within 3 business days and send a first assessment within 10 business days.',
  'We keep you informed until the issue is fixed and disclosed, and credit you unless you prefer otherwise.',
];

export const noResponseTimeline: Rule<PolicyModel> = {
  meta: {
    id: 'policy/no-response-timeline',
    kind: 'policy',
    defaultSeverity: 'warning',
    description: 'The policy does not say how soon a reporter will hear back (an acknowledgement with a duration).',
  },
  check(model, context) {
    if (model.durations.some((duration) => isResponseCommitment(duration, model))) return;
    // A "What to Expect" (or "Process", "Timeline") section without a duration gets the times, not a twin.
    const response = sectionsWith(model, 'response').find((section) => section.depth >= model.sectionDepth);
    const reporting = sectionsWith(model, 'reporting')[0];
    const anchor = response ?? reporting;
    context.report({
      message: 'No response timeline: say how soon reporters get an acknowledgement, e.g. "within 3 business days".',
      ...(anchor ? { start: anchor.headingStart, end: anchor.headingEnd } : documentAnchor(model)),
      fixes: [
        {
          title: response
            ? `Add response times to "${response.title}"`
            : 'Add a "What to Expect" section with response times',
          edits: [
            response
              ? insertAfter(model, response.bodyEnd, WHAT_TO_EXPECT)
              : reporting
                ? insertSubsection(model, reporting, 'What to Expect', WHAT_TO_EXPECT)
                : insertSection(model, 'response', 'What to Expect', WHAT_TO_EXPECT),
          ],
          preferred: true,
          // The inserted text is a commitment or a placeholder the maintainers must check.
          needsReview: true,
        },
      ],
    });
  },
};
