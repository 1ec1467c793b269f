import { isNotASecret, randomSecret, secretWeakness, type Weakness } from '../../engine/secrets';
import type { Fix, Rule } from '../../engine/types';
import type { ComposeModel } from '../../formats/compose';
import {
  defaultVariable,
  dotenvFix,
  dotenvValueFixes,
  isCredentialKey,
  isSecretReference,
  isSigningKey,
  masked,
  originNote,
  reportOnce,
  requireFix,
  siteContext,
  siteRange,
  siteVariable,
  valueSites,
} from './helpers';

const DESCRIPTIONS: Record<Weakness, string> = {
  default: 'a well-known default password',
  short: 'a password shorter than 8 characters',
  guessable: 'an easily guessed password',
};

export const defaultPassword: Rule<ComposeModel> = {
  meta: {
    id: 'compose/default-password',
    kind: 'compose',
    defaultSeverity: 'error',
    description: 'A credential is set to a well-known default, a trivially short or an easily guessed value.',
  },
  check(model, context) {
    const report = reportOnce(context);
    for (const site of valueSites(model, context.facts)) {
      // Signing keys are judged by compose/weak-jwt-secret, against a stricter bar.
      if (site.kind !== 'command' && (!isCredentialKey(site.name) || isSigningKey(site.name))) continue;
      const value = site.resolved.value;
      if (value === undefined || value === '' || isSecretReference(value) || isNotASecret(value)) continue;
      const weakness = secretWeakness(value, siteContext(model, site));
      if (!weakness) continue;
      const variable = siteVariable(site, defaultVariable(site));
      const fixes: Fix[] = [];
      if (site.origin?.file === 'dotenv') {
        fixes.push(...dotenvValueFixes(site, randomSecret(24), 'a strong random value', context.facts));
      } else {
        const required = requireFix(site, variable);
        const generated = dotenvFix(
          `Write a strong random ${variable} to .env and require it`,
          site,
          variable,
          randomSecret(24),
          context.facts,
        );
        if (required) fixes.push(required);
        if (required && generated) fixes.push(generated);
      }
      report(
        {
          message: `${site.name} in service "${site.service.name}" is ${DESCRIPTIONS[weakness]} ${masked(value)}${originNote(site)}.`,
          ...siteRange(site),
          fixes,
        },
        site.kind === 'env_file' ? `.env:${site.name}` : undefined,
      );
    }
  },
};
