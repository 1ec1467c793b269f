import type { Rule } from '../../core/types';
import type { ComposeModel } from '../../formats/compose/model';

export const invalidYaml: Rule<ComposeModel> = {
  meta: {
    id: 'compose/invalid-yaml',
    kind: 'compose',
    defaultSeverity: 'error',
    reportsUnreadable: true,
    description: 'The file is not valid YAML, so Compose cannot read it and the other checks see only part of it.',
    messages: {
      invalid: 'Invalid YAML: {{problem}}',
    },
  },
  check(model, context) {
    for (const problem of model.problems) {
      context.report({
        messageId: 'invalid',
        data: { problem: problem.message },
        start: problem.start,
        end: problem.end,
      });
    }
  },
};
