import { githubPolicyUrl } from '../../../../common/security-txt';
import type { Rule } from '../../core/types';
import type { SecurityTxtModel } from '../../formats/securitytxt';
import { appendFieldEdit, fieldsNamed, fixFor } from '../utils/securitytxt-edits';

export const securityTxtNoPolicy: Rule<SecurityTxtModel> = {
  meta: {
    id: 'securitytxt/no-policy',
    kind: 'securitytxt',
    defaultSeverity: 'info',
    description: 'The security.txt does not link to a vulnerability disclosure policy (Policy field).',
    messages: {
      missing:
        'No Policy field: link to the disclosure policy so researchers know the scope and the rules (RFC 9116 section 2.5.7).',
    },
    fixable: 'review',
  },
  check(model, context) {
    if (fieldsNamed(model, 'policy').length > 0) return;
    const { githubRepository } = context.facts;
    context.report({
      messageId: 'missing',
      ...model.anchor,
      fixes: githubRepository
        ? [
            fixFor(model, {
              title: "Add a Policy link to the repository's SECURITY.md",
              edits: [appendFieldEdit(model, `Policy: ${githubPolicyUrl(githubRepository)}`)],
              preferred: true,
              needsReview: true,
            }),
          ]
        : [],
    });
  },
};
