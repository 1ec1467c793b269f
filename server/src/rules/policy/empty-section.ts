import type { Rule } from '../../core/types';
import type { PolicyModel } from '../../formats/policy/model';

export const emptySection: Rule<PolicyModel> = {
  meta: {
    id: 'policy/empty-section',
    kind: 'policy',
    defaultSeverity: 'warning',
    description:
      'A heading with nothing under it (an HTML comment does not count) promises information the policy lacks.',
    messages: {
      empty: 'Empty section "{{title}}": write what belongs here, or remove the heading.',
    },
  },
  check(model, context) {
    for (const section of model.sections) {
      // The document title of an otherwise empty file is left to the rules about what is missing.
      if (section.depth < model.sectionDepth || section.hasBody || section.hasSubsections) continue;
      context.report({
        messageId: 'empty',
        data: { title: section.title },
        start: section.headingStart,
        end: section.headingEnd,
      });
    }
  },
};
