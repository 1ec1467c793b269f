import type { Fix, Rule } from '../../core/types';
import type { SecurityTxtModel, SecurityTxtProblem } from '../../formats/securitytxt';
import { fixFor } from '../utils/securitytxt-edits';

function fixesFor(model: SecurityTxtModel, problem: SecurityTxtProblem): Fix[] {
  if (!problem.edit) return [];
  return [fixFor(model, { title: 'Remove the blank before the colon', edits: [problem.edit], preferred: true })];
}

export const securityTxtInvalidLine: Rule<SecurityTxtModel> = {
  meta: {
    id: 'securitytxt/invalid-line',
    kind: 'securitytxt',
    defaultSeverity: 'error',
    description:
      'A line is not a field, a comment or blank, a field has no value, or the PGP signature wrapping is broken.',
  },
  check(model, context) {
    for (const problem of model.problems) {
      context.report({
        message: problem.message,
        start: problem.start,
        end: problem.end,
        fixes: fixesFor(model, problem),
      });
    }
  },
};
