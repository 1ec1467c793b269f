import type { Rule } from '../../core/types';
import type { PolicyModel } from '../../formats/policy/model';
import {
  documentAnchor,
  insertAfter,
  insertSection,
  privateRouteLine,
  replacePublicInstruction,
  sectionsWith,
} from '../utils/policy-edits';

export const noContact: Rule<PolicyModel> = {
  meta: {
    id: 'policy/no-contact',
    kind: 'policy',
    defaultSeverity: 'error',
    description:
      'The policy gives no private way to report a vulnerability: no email, advisory link, bug bounty or form.',
    messages: {
      noChannel: 'No private channel for reporting a vulnerability: add an email address or a private advisory link.',
    },
    fixable: 'review',
  },
  check(model, context) {
    if (model.contacts.length > 0) return;
    const reporting = sectionsWith(model, 'reporting')[0];
    const { githubRepository } = context.facts;
    const line = privateRouteLine(githubRepository);
    // A sentence that sends reporters to a public issue is rewritten rather than contradicted
    // (policy/public-issue-reporting offers the same edit, so fix-all applies it once).
    const edit =
      replacePublicInstruction(model, githubRepository) ??
      (reporting ? insertAfter(model, reporting.bodyEnd, [line]) : insertSection(model, 'reporting', [line]));
    context.report({
      messageId: 'noChannel',
      ...(reporting ? { start: reporting.headingStart, end: reporting.headingEnd } : documentAnchor(model)),
      fixes: [
        {
          title: githubRepository
            ? 'Add a GitHub private vulnerability reporting link'
            : 'Add a security contact email (then edit the placeholder address)',
          edits: [edit],
          preferred: true,
          // The inserted text is a commitment or a placeholder the maintainers must check.
          needsReview: true,
        },
      ],
    });
  },
};
