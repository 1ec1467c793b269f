import type { Rule } from '../../core/types';
import type { SecurityTxtModel } from '../../formats/securitytxt';
import { appendFieldEdit, fieldsNamed, fixFor } from '../utils/securitytxt-edits';

export const securityTxtNoContact: Rule<SecurityTxtModel> = {
  meta: {
    id: 'securitytxt/no-contact',
    kind: 'securitytxt',
    defaultSeverity: 'error',
    description: 'The security.txt has no Contact field, the one thing it exists to give.',
    messages: {
      missing: 'No Contact field: add one with a mailto:, https:// or tel: URI (RFC 9116 section 2.5.3).',
    },
    fixable: 'review',
  },
  check(model, context) {
    if (fieldsNamed(model, 'contact').length > 0) return;
    const { githubRepository } = context.facts;
    context.report({
      messageId: 'missing',
      ...model.anchor,
      fixes: githubRepository
        ? [
            fixFor(model, {
              title: 'Add a Contact for GitHub private vulnerability reporting',
              edits: [
                appendFieldEdit(model, `Contact: https://github.com/${githubRepository}/security/advisories/new`),
              ],
              preferred: true,
              // A reporting channel is a commitment the maintainers make, never one a tool makes for them.
              needsReview: true,
            }),
          ]
        : [],
    });
  },
};
