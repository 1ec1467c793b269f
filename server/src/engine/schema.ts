import { ruleDocUrl } from './docs';
import type { RuleMeta } from '../core/types';

/**
 * The JSON schema of `.secpolicy.json`, contributed to VS Code through `jsonValidation` so the
 * editor completes rule ids and severities. `npm run schema` writes it to schemas/.
 */
export function configSchema(rules: readonly { meta: RuleMeta }[]): object {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'secpolicy configuration (.secpolicy.json)',
    description:
      'Severity overrides for secpolicy rules. The nearest file upward from the linted file takes precedence over the secpolicy.rules setting, which takes precedence over the defaults.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        type: 'object',
        description: 'Severity by rule id: off, info, warning or error.',
        additionalProperties: false,
        properties: Object.fromEntries(
          rules.map(({ meta }) => [
            meta.id,
            {
              type: 'string',
              enum: ['off', 'info', 'warning', 'error'],
              markdownDescription: `${meta.description}\n\nDefault: \`${meta.defaultSeverity}\`. [Documentation](${ruleDocUrl(meta.id)})`,
            },
          ]),
        ),
      },
    },
  };
}
