import { entropyBits, isNotASecret, secretWeakness } from '../../engine/secrets';
import type { Fix, Rule } from '../../engine/types';
import type { ComposeModel } from '../../formats/compose';
import {
  defaultVariable,
  dotenvFix,
  isCredentialKey,
  isSecretReference,
  isSigningKey,
  masked,
  reportOnce,
  requireFix,
  siteContext,
  siteRange,
  siteVariable,
  valueSites,
} from './helpers';
import { SIGNING_KEY_BITS } from './weak-jwt-secret';

export const hardcodedSecret: Rule<ComposeModel> = {
  meta: {
    id: 'compose/hardcoded-secret',
    kind: 'compose',
    defaultSeverity: 'warning',
    description: 'A credential is written in the Compose file itself instead of coming from .env or a secret.',
  },
  check(model, context) {
    const report = reportOnce(context);
    for (const site of valueSites(model, context.facts)) {
      if (site.kind === 'env_file' || site.origin?.file !== 'compose') continue;
      if (site.kind === 'environment' && !isCredentialKey(site.name)) continue;
      const value = site.resolved.value;
      if (value === undefined || value.trim() === '' || isSecretReference(value) || isNotASecret(value)) continue;
      // Weak values belong to compose/default-password and compose/weak-jwt-secret.
      if (secretWeakness(value, siteContext(model, site))) continue;
      if (site.kind === 'environment' && isSigningKey(site.name) && entropyBits(value) < SIGNING_KEY_BITS) continue;
      const variable = siteVariable(site, defaultVariable(site));
      const fixes: Fix[] = [];
      const moved = dotenvFix(`Move ${variable} to .env and require it`, site, variable, value, context.facts);
      const required = requireFix(site, variable, false);
      // Both or neither: alone, dropping the value would be applied without asking.
      if (moved && required) fixes.push(moved, { ...required, needsReview: true });
      const where = site.resolved.literal
        ? 'is written in the Compose file'
        : 'has a default written in the Compose file';
      report({
        message: `${site.name} in service "${site.service.name}" ${where} ${masked(value)}: anyone who can read the file has it. Keep it in .env or a secret.`,
        ...siteRange(site),
        fixes,
      });
    }
  },
};
