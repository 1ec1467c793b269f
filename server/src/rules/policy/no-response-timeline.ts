import type { Rule } from '../../engine/types';
import type { Duration, PolicyModel } from '../../formats/policy';
import { documentAnchor, insertSection, insertSubsection, sectionsWith } from './helpers';

/** Words that make a duration a commitment to answer a reporter. */
const RESPONSE_WORDS =
  /acknowledg|\brespon[sd]|\brepl(?:y|ies|ied)\b|hear (?:back )?from|get back to|\btriage|\bconfirm|initial (?:assessment|response)|\breceipt\b|\bcontact you\b/i;

export function isResponseCommitment(duration: Duration): boolean {
  return RESPONSE_WORDS.test(duration.block.source) || duration.block.section?.meaning === 'response';
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
    if (model.durations.some(isResponseCommitment)) return;
    const reporting = sectionsWith(model, 'reporting')[0];
    context.report({
      message: 'No response timeline: say how soon reporters get an acknowledgement, e.g. "within 3 business days".',
      ...(reporting ? { start: reporting.headingStart, end: reporting.headingEnd } : documentAnchor(model)),
      fixes: [
        {
          title: 'Add a "What to Expect" section with response times',
          edits: [
            reporting
              ? insertSubsection(model, reporting, 'What to Expect', WHAT_TO_EXPECT)
              : insertSection(model, 'response', 'What to Expect', WHAT_TO_EXPECT),
          ],
          preferred: true,
        },
      ],
    });
  },
};
