import type { Rule } from '../../core/types';
import { promisesAnswerOrFix } from '../../formats/policy/durations';
import type { PolicyModel } from '../../formats/policy/model';
import { documentAnchor, insertAfter, insertSection, insertSubsection, sectionsWith } from '../utils/policy-edits';
import { SECTION_TITLES } from '../../formats/policy/vocabulary';

const WHAT_TO_EXPECT = [
  'We acknowledge every report within 3 business days and send a first assessment within 10 business days.',
  'We keep you informed until the issue is fixed and disclosed, and credit you unless you prefer otherwise.',
];

export const noResponseTimeline: Rule<PolicyModel> = {
  meta: {
    id: 'policy/no-response-timeline',
    kind: 'policy',
    defaultSeverity: 'warning',
    description: 'The policy does not say how soon a report is answered or fixed (a duration for either).',
    messages: {
      noTimeline: 'No response timeline: say how soon reporters get an acknowledgement, e.g. "within 3 business days".',
    },
    fixable: 'review',
  },
  check(model, context) {
    if (model.durations.some((duration) => promisesAnswerOrFix(duration, model))) return;
    // A "What to Expect" (or "Process", "Timeline") section without a duration gets the times, not a twin.
    const response = sectionsWith(model, 'response').find((section) => section.depth >= model.sectionDepth);
    const reporting = sectionsWith(model, 'reporting')[0];
    const anchor = response ?? reporting;
    context.report({
      messageId: 'noTimeline',
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
                ? insertSubsection(model, reporting, SECTION_TITLES.response, WHAT_TO_EXPECT)
                : insertSection(model, 'response', WHAT_TO_EXPECT),
          ],
          preferred: true,
          // The inserted text is a commitment or a placeholder the maintainers must check.
          needsReview: true,
        },
      ],
    });
  },
};
