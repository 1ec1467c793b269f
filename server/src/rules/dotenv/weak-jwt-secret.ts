import type { Rule } from '../../engine/types';
import type { DotenvModel } from '../../formats/dotenv';
import { credentialFindings } from './helpers';

export const dotenvWeakJwtSecret: Rule<DotenvModel> = {
  meta: {
    id: 'dotenv/weak-jwt-secret',
    kind: 'dotenv',
    defaultSeverity: 'error',
    description: 'A JWT, session or signing secret in a .env file holds less than 32 random bytes.',
  },
  check(model, context) {
    for (const finding of credentialFindings(model, 'weak-jwt-secret')) {
      context.report({ message: finding.message, start: finding.start, end: finding.end });
    }
  },
};
