import type { Rule } from '../../core/types';
import type { DotenvModel } from '../../formats/dotenv';
import { masked } from '../../secrets/mask';
import { describeWeakSigningKey } from '../../secrets/verdict';
import { dotenvVerdicts } from '../utils/dotenv-credentials';

export const dotenvWeakJwtSecret: Rule<DotenvModel> = {
  meta: {
    id: 'dotenv/weak-jwt-secret',
    kind: 'dotenv',
    defaultSeverity: 'error',
    description: 'A JWT, session or signing secret in a .env file holds less than 32 random bytes.',
  },
  check(model, context) {
    for (const { entry, verdict } of dotenvVerdicts(model)) {
      if (verdict.kind !== 'weak-signing-key') continue;
      context.report({
        message: `${entry.name} is too weak to sign tokens: ${describeWeakSigningKey(verdict)} ${masked(entry.value!)}.`,
        start: entry.valueStart,
        end: entry.valueEnd,
      });
    }
  },
};
