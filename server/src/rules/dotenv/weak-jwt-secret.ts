import type { Rule } from '../../core/types';
import type { DotenvModel } from '../../formats/dotenv';
import { maskSecret } from '../../secrets/mask';
import { describeWeakSigningKey } from '../../secrets/verdict';
import { dotenvVerdicts } from '../utils/dotenv-credentials';

export const dotenvWeakJwtSecret: Rule<DotenvModel> = {
  meta: {
    id: 'dotenv/weak-jwt-secret',
    kind: 'dotenv',
    defaultSeverity: 'error',
    description: 'A JWT, session or signing secret in a .env file holds less than 32 random bytes.',
    messages: {
      // `reason`: "about 60 bits of entropy, where 256 … are needed" or "a well-known default or placeholder";
      // `masked`: the value masked, never in full.
      weakSigningKey: '{{name}} is too weak to sign tokens: {{reason}} ({{masked}}).',
    },
  },
  check(model, context) {
    for (const { entry, verdict } of dotenvVerdicts(model)) {
      if (verdict.kind !== 'weak-signing-key') continue;
      context.report({
        messageId: 'weakSigningKey',
        data: { name: entry.name, reason: describeWeakSigningKey(verdict), masked: maskSecret(entry.value!) },
        start: entry.valueStart,
        end: entry.valueEnd,
      });
    }
  },
};
