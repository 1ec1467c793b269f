import type { Rule } from '../../core/types';
import type { PolicyModel } from '../../formats/policy/model';
import { quote, realContacts, removeBlocks, replacePublicInstruction, sentenceRange } from '../utils/policy-edits';

export const publicIssueReporting: Rule<PolicyModel> = {
  meta: {
    id: 'policy/public-issue-reporting',
    kind: 'policy',
    defaultSeverity: 'error',
    description:
      'The policy tells reporters to open a public issue, discussion or pull request and offers no private channel.',
    messages: {
      // `instruction` arrives quoted (and shortened when long).
      publicRoute:
        'Public reporting: {{instruction}} publishes the vulnerability before a fix. Point reporters to a private channel.',
    },
    fixable: 'review',
  },
  check(model, context) {
    // With a private channel beside it, a public route is a choice (often for low-impact bugs), not a leak.
    if (realContacts(model).length > 0) return;
    const { githubRepository } = context.facts;
    model.publicReportInstructions.forEach((instruction, index) => {
      // The first instruction becomes the private route (policy/no-contact offers the same edit);
      // any others are removed, so the policy does not say both.
      const replace = index === 0 ? replacePublicInstruction(model, githubRepository) : undefined;
      const range = sentenceRange(instruction.sentence);
      const whole = range.start === instruction.sentence.block.start && instruction.sentence.block.topLevel;
      // A sentence inside a paragraph goes with the space before it.
      const spaced = model.text[range.start - 1] === ' ' ? { start: range.start - 1, end: range.end } : range;
      const remove = whole ? removeBlocks(model, range.start, range.end) : { ...spaced, newText: '' };
      context.report({
        messageId: 'publicRoute',
        data: { instruction: quote(instruction.text) },
        start: instruction.start,
        end: instruction.end,
        fixes: [
          replace
            ? {
                title: githubRepository
                  ? 'Replace with GitHub private vulnerability reporting'
                  : 'Replace with a private security email (then edit the placeholder address)',
                edits: [replace],
                preferred: true,
                needsReview: true,
              }
            : { title: 'Remove this instruction', edits: [remove], preferred: true, needsReview: true },
        ],
      });
    });
  },
};
