import type { Rule } from '../../core/types';
import type { DotenvModel } from '../../formats/dotenv';
import { dotenvVerdicts } from '../utils/dotenv-credentials';

export const dotenvEmptyPassword: Rule<DotenvModel> = {
  meta: {
    id: 'dotenv/empty-password',
    kind: 'dotenv',
    defaultSeverity: 'error',
    description: 'A password in a .env file is empty.',
  },
  check(model, context) {
    for (const { entry, verdict } of dotenvVerdicts(model)) {
      if (verdict.kind !== 'empty') continue;
      context.report({ message: `${entry.name} is empty.`, start: entry.nameStart, end: entry.nameEnd });
    }
  },
};
