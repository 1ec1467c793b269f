import type { Rule } from '../../core/types';
import type { DotenvModel } from '../../formats/dotenv';
import { maskSecret } from '../../secrets/mask';
import { describeWeakness } from '../../secrets/verdict';
import { dotenvVerdicts } from '../utils/dotenv-credentials';

export const dotenvDefaultPassword: Rule<DotenvModel> = {
  meta: {
    id: 'dotenv/default-password',
    kind: 'dotenv',
    defaultSeverity: 'error',
    description: 'A credential in a .env file is a well-known default, a short or an easily guessed value.',
    messages: {
      // `weakness`: "a well-known default password" and its kin; `masked`: the value masked, never in full.
      weakPassword: '{{name}} is {{weakness}} ({{masked}}).',
    },
  },
  check(model, context) {
    for (const { entry, verdict } of dotenvVerdicts(model)) {
      if (verdict.kind !== 'weak') continue;
      context.report({
        messageId: 'weakPassword',
        data: { name: entry.name, weakness: describeWeakness(verdict.weakness), masked: maskSecret(entry.value!) },
        start: entry.valueStart,
        end: entry.valueEnd,
      });
    }
  },
};
