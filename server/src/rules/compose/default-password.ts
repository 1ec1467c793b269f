import type { Fix, Rule } from '../../core/types';
import type { ComposeModel } from '../../formats/compose/model';
import { originNote, siteRange, siteVerdict, valueSites } from '../../formats/compose/resolve';
import { randomSecret } from '../../secrets/generate';
import { maskSecret } from '../../secrets/mask';
import { describeWeakness } from '../../secrets/verdict';
import {
  defaultVariable,
  dotenvFix,
  dotenvValueFixes,
  requireFix,
  sharedValueEdits,
  sharedVariable,
  siteVariable,
} from '../utils/compose-fixes';
import { reportOnce } from '../utils/report-once';

export const defaultPassword: Rule<ComposeModel> = {
  meta: {
    id: 'compose/default-password',
    kind: 'compose',
    defaultSeverity: 'error',
    description: 'A credential is set to a well-known default, a trivially short or an easily guessed value.',
    messages: {
      weak: '{{name}} in service "{{service}}" is {{weakness}} ({{masked}}){{origin}}.',
    },
    fixable: 'review',
  },
  check(model, context) {
    const report = reportOnce(context);
    for (const site of valueSites(model, context.facts)) {
      const value = site.resolved.value;
      if (value === undefined) continue;
      // Signing keys are judged by compose/weak-jwt-secret, against a stricter bar.
      const verdict = siteVerdict(model, site);
      if (verdict?.kind !== 'weak') continue;
      const variable = sharedVariable(model, site, context.facts) ?? siteVariable(site, defaultVariable(site));
      const also = sharedValueEdits(model, site, variable, context.facts);
      const fixes: Fix[] = [];
      if (site.origin?.file === 'dotenv') {
        fixes.push(
          ...dotenvValueFixes(site, randomSecret(context.randomBytes, 24), 'a strong random value', context.facts),
        );
      } else {
        const required = requireFix(site, variable, true, also);
        const generated = dotenvFix(
          `Write a strong random ${variable} to .env and require it`,
          site,
          variable,
          randomSecret(context.randomBytes, 24),
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
            weakness: describeWeakness(verdict.weakness),
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
