import type { Rule } from '../../core/types';
import type { PolicyModel } from '../../formats/policy/model';
import { quote, realContacts } from '../utils/policy-edits';

export const placeholderContact: Rule<PolicyModel> = {
  meta: {
    id: 'policy/placeholder-contact',
    kind: 'policy',
    defaultSeverity: 'error',
    description:
      "The policy's only contacts are a template's stand-ins (security@example.com, <email>, {{contact}}, github.com/OWNER/REPO), so reports go nowhere.",
    messages: {
      // `contact` arrives quoted (and shortened when long).
      placeholder: 'Placeholder contact {{contact}}: replace it with an address or link your security team reads.',
    },
  },
  check(model, context) {
    // Beside a real channel, reports still arrive: policy/template-placeholder reports the leftover instead.
    if (realContacts(model).length > 0) return;
    for (const placeholder of model.placeholders) {
      if (placeholder.kind !== 'contact') continue;
      context.report({
        messageId: 'placeholder',
        data: { contact: quote(placeholder.text, 60) },
        start: placeholder.start,
        end: placeholder.end,
      });
    }
  },
};
