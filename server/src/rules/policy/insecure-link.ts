import type { Rule } from '../../core/types';
import type { PolicyModel } from '../../formats/policy/model';

export const insecureLink: Rule<PolicyModel> = {
  meta: {
    id: 'policy/insecure-link',
    kind: 'policy',
    defaultSeverity: 'warning',
    description:
      'A link uses plain http://, so the page (or the form a report goes to) can be read or changed in transit.',
    messages: {
      insecure: 'Insecure link to {{host}}: use https:// so reporters reach the real page.',
    },
    fixable: 'unattended',
  },
  check(model, context) {
    for (const link of model.insecureLinks) {
      context.report({
        messageId: 'insecure',
        data: { host: link.host },
        start: link.start,
        end: link.end,
        fixes: [
          {
            title: 'Use https://',
            edits: [{ start: link.start, end: link.start + 'http'.length, newText: 'https' }],
            preferred: true,
          },
        ],
      });
    }
  },
};
