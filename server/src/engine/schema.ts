import { ruleDocUrl } from './docs';
import { PRESET_DESCRIPTIONS, PRESET_NAMES } from './config';
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
      'A preset and severity overrides for secpolicy rules. The nearest file upward from the linted file takes precedence over the secpolicy.preset and secpolicy.rules settings, which take precedence over the defaults.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      preset: {
        type: 'string',
        enum: PRESET_NAMES,
        markdownEnumDescriptions: PRESET_NAMES.map((name) => PRESET_DESCRIPTIONS[name]),
        description: 'The rules to start from; entries in "rules" override it. Default: recommended.',
      },
      rules: {
        type: 'object',
        description: 'Severity by rule id: off, info, warning or error. Wins over the preset.',
        additionalProperties: false,
        properties: Object.fromEntries(
          rules.map(({ meta }) => [
            meta.id,
            {
              type: 'string',
              enum: ['off', 'info', 'warning', 'error'],
              markdownDescription: `${meta.description}\n\nDefault: \`${meta.defaultSeverity}\`${meta.defaultSeverity === 'off' ? ' (`info` with the `strict` preset)' : ''}. [Documentation](${ruleDocUrl(meta.id)})`,
            },
          ]),
        ),
      },
    },
  };
}
