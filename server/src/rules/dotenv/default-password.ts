import type { Rule } from '../../engine/types';
import type { DotenvModel } from '../../formats/dotenv';
import { credentialFindings } from './helpers';

export const dotenvDefaultPassword: Rule<DotenvModel> = {
  meta: {
    id: 'dotenv/default-password',
    kind: 'dotenv',
    defaultSeverity: 'error',
    description: 'A credential in a .env file is a well-known default, a short or an easily guessed value.',
  },
  check(model, context) {
    for (const finding of credentialFindings(model, 'default-password')) {
      context.report({ message: finding.message, start: finding.start, end: finding.end });
    }
  },
};
