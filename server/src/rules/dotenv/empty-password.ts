import type { Rule } from '../../engine/types';
import type { DotenvModel } from '../../formats/dotenv';
import { credentialFindings } from './helpers';

export const dotenvEmptyPassword: Rule<DotenvModel> = {
  meta: {
    id: 'dotenv/empty-password',
    kind: 'dotenv',
    defaultSeverity: 'error',
    description: 'A password in a .env file is empty.',
  },
  check(model, context) {
    for (const finding of credentialFindings(model, 'empty-password')) {
      context.report({ message: finding.message, start: finding.start, end: finding.end });
    }
  },
};
