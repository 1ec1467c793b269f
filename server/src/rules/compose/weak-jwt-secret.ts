import type { Fix, Rule } from '../../core/types';
import type { ComposeModel } from '../../formats/compose/model';
import { originNote, siteRange, siteVerdict, valueSites } from '../../formats/compose/resolve';
import { randomBase64Key, randomSecret } from '../../secrets/generate';
import { maskSecret } from '../../secrets/mask';
import { describeWeakSigningKey } from '../../secrets/verdict';
import {
  dotenvFix,
  dotenvValueFixes,
  requireFix,
  sharedValueEdits,
  sharedVariable,
  siteVariable,
} from '../utils/compose-fixes';
import { reportOnce } from '../utils/report-once';

export const weakJwtSecret: Rule<ComposeModel> = {
  meta: {
    id: 'compose/weak-jwt-secret',
    kind: 'compose',
    defaultSeverity: 'error',
    description: 'A JWT, session or signing secret holds less than 32 random bytes, so tokens can be forged.',
    messages: {
      weak: '{{name}} in service "{{service}}" is too weak to sign tokens: {{weakness}} ({{masked}}){{origin}}.',
    },
    fixable: 'review',
  },
  check(model, context) {
    const report = reportOnce(context);
    for (const site of valueSites(model, context.facts)) {
      const value = site.resolved.value;
      if (site.kind === 'command' || value === undefined) continue;
      const verdict = siteVerdict(model, site);
      if (verdict?.kind !== 'weak-signing-key') continue;
      const variable = sharedVariable(model, site, context.facts) ?? siteVariable(site, site.name);
      const also = sharedValueEdits(model, site, variable, context.facts);
      const laravel = /^APP_KEY$/i.test(site.name) || value.startsWith('base64:');
      const fresh = laravel ? randomBase64Key(context.randomBytes, 32) : randomSecret(context.randomBytes, 32);
      const fixes: Fix[] = [];
      if (site.origin?.file === 'dotenv') {
        fixes.push(...dotenvValueFixes(site, fresh, '32 random bytes', context.facts));
      } else {
        const required = requireFix(site, variable, true, also);
        const generated = dotenvFix(
          `Write 32 random bytes for ${variable} to .env and require it`,
          site,
          variable,
          fresh,
          context.facts,
          also,
        );
        if (required) fixes.push(required);
        if (required && generated) fixes.push(generated);
      }
      report(
        {
          messageId: 'weak',
          data: {
            name: site.name,
            service: site.service.name,
            weakness: describeWeakSigningKey(verdict),
            masked: maskSecret(value),
            origin: originNote(site),
          },
          ...siteRange(site),
          fixes,
        },
        site.kind === 'env_file' ? `.env:${site.name}` : undefined,
      );
    }
  },
};
