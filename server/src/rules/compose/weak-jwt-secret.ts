import { entropyBits, isNotASecret, randomBase64Key, randomSecret, secretWeakness } from '../../engine/secrets';
import type { Fix, Rule } from '../../engine/types';
import type { ComposeModel } from '../../formats/compose';
import {
  dotenvFix,
  dotenvValueFixes,
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

/** HS256 wants a key as long as its hash: 256 bits (RFC 7518, section 3.2). */
export const SIGNING_KEY_BITS = 256;

export const weakJwtSecret: Rule<ComposeModel> = {
  meta: {
    id: 'compose/weak-jwt-secret',
    kind: 'compose',
    defaultSeverity: 'error',
    description: 'A JWT, session or signing secret holds less than 32 random bytes, so tokens can be forged.',
  },
  check(model, context) {
    const report = reportOnce(context);
    for (const site of valueSites(model, context.facts)) {
      if (site.kind === 'command' || !isSigningKey(site.name)) continue;
      const value = site.resolved.value;
      if (value === undefined || value === '' || isSecretReference(value) || isNotASecret(value)) continue;
      const weakness = secretWeakness(value, siteContext(model, site));
      const bits = entropyBits(value);
      if (!weakness && bits >= SIGNING_KEY_BITS) continue;
      const strength =
        weakness === 'default'
          ? 'a well-known default or placeholder'
          : `about ${Math.min(bits, SIGNING_KEY_BITS - 1)} bits of entropy, where ${SIGNING_KEY_BITS} (32 random bytes) are needed`;
      const variable = siteVariable(site, site.name);
      const laravel = /^APP_KEY$/i.test(site.name) || value.startsWith('base64:');
      const fresh = laravel ? randomBase64Key(32) : randomSecret(32);
      const fixes: Fix[] = [];
      if (site.origin?.file === 'dotenv') {
        fixes.push(...dotenvValueFixes(site, fresh, '32 random bytes', context.facts));
      } else {
        const required = requireFix(site, variable);
        const generated = dotenvFix(
          `Write 32 random bytes for ${variable} to .env and require it`,
          site,
          variable,
          fresh,
          context.facts,
        );
        if (required) fixes.push(required);
        if (required && generated) fixes.push(generated);
      }
      report(
        {
          message: `${site.name} in service "${site.service.name}" is too weak to sign tokens: ${strength} ${masked(value)}${originNote(site)}.`,
          ...siteRange(site),
          fixes,
        },
        site.kind === 'env_file' ? `.env:${site.name}` : undefined,
      );
    }
  },
};
