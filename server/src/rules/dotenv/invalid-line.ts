import type { Rule } from '../../core/types';
import { MAX_INTERPOLATED_LENGTH } from '../../formats/compose/interpolation';
import { expansionBudget, type DotenvModel } from '../../formats/dotenv';

export const dotenvInvalidLine: Rule<DotenvModel> = {
  meta: {
    id: 'dotenv/invalid-line',
    kind: 'dotenv',
    defaultSeverity: 'error',
    reportsUnreadable: true,
    description: 'A line Compose cannot read, or a value that expands past any real setting.',
    messages: {
      notAnEntry: 'Not a KEY=value line: Compose refuses a .env file that holds one.',
      unterminatedQuote: 'The quoted value of {{name}} is never closed: Compose stops reading the file here.',
      tooLong:
        '{{name}} expands to more than {{limit}} characters, far past any real setting: its value is not judged.',
      expansionBudget:
        "{{name}} and the values after it are not expanded: this file's variables expand to more than {{limit}} characters in all.",
    },
  },
  check(model, context) {
    for (const problem of model.problems) {
      const where = { start: problem.start, end: problem.end };
      const name = problem.name ?? '';
      switch (problem.kind) {
        case 'not-an-entry':
          context.report({ messageId: 'notAnEntry', ...where });
          break;
        case 'unterminated-quote':
          context.report({ messageId: 'unterminatedQuote', data: { name }, ...where });
          break;
        case 'too-long':
          context.report({
            messageId: 'tooLong',
            data: { name, limit: MAX_INTERPOLATED_LENGTH.toLocaleString('en') },
            severity: 'warning',
            ...where,
          });
          break;
        case 'expansion-budget':
          context.report({
            messageId: 'expansionBudget',
            data: { name, limit: expansionBudget(model.text).toLocaleString('en') },
            severity: 'warning',
            ...where,
          });
          break;
      }
    }
  },
};
