import type { Rule } from '../../core/types';
import type { PolicyModel } from '../../formats/policy/model';
import { quote, realContacts, removeBlocks, replacePublicInstruction, sentenceRange } from '../utils/policy-edits';

export const publicIssueReporting: Rule<PolicyModel> = {
  meta: {
    id: 'policy/public-issue-reporting',
    kind: 'policy',
    defaultSeverity: 'error',
    description:
      'The policy tells reporters to open a public issue, discussion or pull request, alone or beside a private channel.',
    messages: {
      // `instruction` arrives quoted (and shortened when long).
      publicRoute:
        'Public reporting: {{instruction}} publishes the vulnerability before a fix. Point reporters to a private channel.',
      besidePrivate:
        'Public reporting: {{instruction}} publishes the vulnerability before a fix, even beside a private channel. Send every report to the private one.',
    },
    fixable: 'review',
  },
  check(model, context) {
    // A public route offered beside a private one ("open an issue or email us") still publishes what is sent that
    // way: it is reported, as a warning, since reports also have a private way in. With a private channel there,
    // the fix removes the instruction instead of rewriting it.
    const privateChannel = realContacts(model).length > 0;
    const { githubRepository } = context.facts;
    model.publicReportInstructions.forEach((instruction, index) => {
      // The first instruction becomes the private route (policy/no-contact offers the same edit);
      // any others are removed, so the policy does not say both.
      const replace = index === 0 && !privateChannel ? replacePublicInstruction(model, githubRepository) : undefined;
      const range = sentenceRange(instruction.sentence);
      // A sentence that also holds the private channel ("open an issue or email security@…") is left to the author.
      const holdsContact = model.contacts.some((contact) => contact.start >= range.start && contact.start < range.end);
      const whole = range.start === instruction.sentence.block.start && instruction.sentence.block.topLevel;
      // A sentence inside a paragraph goes with the space before it.
      const spaced = model.text[range.start - 1] === ' ' ? { start: range.start - 1, end: range.end } : range;
      const remove = whole ? removeBlocks(model, range.start, range.end) : { ...spaced, newText: '' };
      context.report({
        messageId: privateChannel ? 'besidePrivate' : 'publicRoute',
        data: { instruction: quote(instruction.text) },
        ...(privateChannel ? { severity: 'warning' as const } : {}),
        start: instruction.start,
        end: instruction.end,
        fixes: replace
          ? [
              {
                title: githubRepository
                  ? 'Replace with GitHub private vulnerability reporting'
                  : 'Replace with a private security email (then edit the placeholder address)',
                edits: [replace],
                preferred: true,
                needsReview: true,
              },
            ]
          : holdsContact
            ? []
            : [{ title: 'Remove this instruction', edits: [remove], preferred: true, needsReview: true }],
      });
    });
  },
};
