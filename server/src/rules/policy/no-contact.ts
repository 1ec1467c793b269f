import type { Rule } from '../../engine/types';
import type { PolicyModel } from '../../formats/policy';
import { documentAnchor, insertAfter, insertSection, sectionsWith } from './helpers';

function contactLine(githubRepository: string | undefined): string {
  if (githubRepository) {
    return `Please report vulnerabilities privately through [GitHub private vulnerability reporting](https://github.com/${githubRepository}/security/advisories/new). Do not open a public issue.`;
  }
  return 'Please report vulnerabilities privately by email to security@example.com. Do not open a public issue.';
}

export const noContact: Rule<PolicyModel> = {
  meta: {
    id: 'policy/no-contact',
    kind: 'policy',
    defaultSeverity: 'error',
    description:
      'The policy gives no private way to report a vulnerability: no email, advisory link, bug bounty or form.',
  },
  check(model, context) {
    if (model.contacts.length > 0) return;
    const reporting = sectionsWith(model, 'reporting')[0];
    const line = contactLine(context.facts.githubRepository);
    context.report({
      message: 'No private channel for reporting a vulnerability: add an email address or a private advisory link.',
      ...(reporting ? { start: reporting.headingStart, end: reporting.headingEnd } : documentAnchor(model)),
      fixes: [
        {
          title: context.facts.githubRepository
            ? 'Add a GitHub private vulnerability reporting link'
            : 'Add a security contact email (then edit the placeholder address)',
          edits: [
            reporting
              ? insertAfter(model, reporting.bodyEnd, [line])
              : insertSection(model, 'reporting', 'Reporting a Vulnerability', [line]),
          ],
          preferred: true,
          // The inserted text is a commitment or a placeholder the maintainers must check.
          needsReview: true,
        },
      ],
    });
  },
};
