import type { Rule } from '../../core/types';
import type { DotenvModel } from '../../formats/dotenv';
import { dotenvVerdicts } from '../utils/dotenv-credentials';

export const dotenvEmptyPassword: Rule<DotenvModel> = {
  meta: {
    id: 'dotenv/empty-password',
    kind: 'dotenv',
    defaultSeverity: 'error',
    description: 'A password in a .env file is empty.',
    messages: {
      emptyPassword: '{{name}} is empty.',
    },
  },
  check(model, context) {
    for (const { entry, verdict } of dotenvVerdicts(model)) {
      if (verdict.kind !== 'empty') continue;
      context.report({
        messageId: 'emptyPassword',
        data: { name: entry.name },
        start: entry.nameStart,
        end: entry.nameEnd,
      });
    }
  },
};
