import type { Rule } from '../../core/types';
import type { PolicyModel } from '../../formats/policy/model';
import { quote, realContacts, removeBlocks } from '../utils/policy-edits';

export const templatePlaceholder: Rule<PolicyModel> = {
  meta: {
    id: 'policy/template-placeholder',
    kind: 'policy',
    defaultSeverity: 'error',
    description:
      "Text left over from a template: GitHub's instructions and example versions, TODO, TBD, [insert …], {{…}}, $PROJECT, and stand-in contacts beside real ones.",
    messages: {
      boilerplate: "GitHub's template instructions are still here: remove them and say how your project does this.",
      exampleRows: "These rows ({{rows}}) are GitHub's example: list the versions you actually support.",
      // `placeholder` arrives quoted (and shortened when long).
      unfilled: 'Unfilled template placeholder {{placeholder}}: write the real text before publishing.',
      // `contact` arrives quoted (and shortened when long).
      leftoverContact:
        'Placeholder contact {{contact}} beside the real ones: remove it, or replace it with an address your security team reads.',
    },
    fixable: 'unattended',
  },
  check(model, context) {
    // With no real contact, stand-in contacts are policy/placeholder-contact's: the policy has no channel.
    const leftoverContacts = realContacts(model).length > 0;
    for (const placeholder of model.placeholders) {
      const { start, end } = placeholder;
      if (placeholder.kind === 'boilerplate') {
        context.report({
          messageId: 'boilerplate',
          start,
          end,
          fixes: [
            { title: 'Remove the template instructions', edits: [removeBlocks(model, start, end)], preferred: true },
          ],
        });
      } else if (placeholder.kind === 'example-rows') {
        context.report({
          messageId: 'exampleRows',
          data: { rows: placeholder.text },
          start,
          end,
        });
      } else if (placeholder.kind === 'contact' && leftoverContacts) {
        context.report({
          messageId: 'leftoverContact',
          data: { contact: quote(placeholder.text, 60) },
          start,
          end,
        });
      } else if (placeholder.kind === 'template') {
        context.report({
          messageId: 'unfilled',
          data: { placeholder: quote(placeholder.text) },
          start,
          end,
        });
      }
    }
  },
};
