import type { Fix, Rule } from '../../core/types';
import type { ComposeModel } from '../../formats/compose/model';
import { siteRange, siteVerdict, valueSites } from '../../formats/compose/resolve';
import { maskSecret } from '../../secrets/mask';
import {
  defaultVariable,
  dotenvFix,
  requireFix,
  sharedValueEdits,
  sharedVariable,
  siteVariable,
} from '../utils/compose-fixes';
import { reportOnce } from '../utils/report-once';

export const hardcodedSecret: Rule<ComposeModel> = {
  meta: {
    id: 'compose/hardcoded-secret',
    kind: 'compose',
    defaultSeverity: 'warning',
    description: 'A credential is written in the Compose file itself instead of coming from .env or a secret.',
    messages: {
      hardcoded:
        '{{name}} in service "{{service}}" is written in the Compose file ({{masked}}): anyone who can read the file has it. Keep it in .env or a secret.',
      hardcodedDefault:
        '{{name}} in service "{{service}}" has a default written in the Compose file ({{masked}}): anyone who can read the file has it. Keep it in .env or a secret.',
    },
    fixable: 'review',
  },
  check(model, context) {
    const report = reportOnce(context);
    for (const site of valueSites(model, context.facts)) {
      if (site.kind === 'env_file' || site.origin?.file !== 'compose') continue;
      const value = site.resolved.value;
      if (value === undefined) continue;
      // Weak values belong to compose/default-password and compose/weak-jwt-secret.
      if (siteVerdict(model, site)?.kind !== 'strong') continue;
      const variable = sharedVariable(model, site, context.facts) ?? siteVariable(site, defaultVariable(site));
      const also = sharedValueEdits(model, site, variable, context.facts);
      const fixes: Fix[] = [];
      const moved = dotenvFix(`Move ${variable} to .env and require it`, site, variable, value, context.facts, also);
      const required = requireFix(site, variable, false, also);
      // Both or neither: alone, dropping the value would be applied without asking.
      if (moved && required) fixes.push(moved, { ...required, needsReview: true });
      report({
        messageId: site.resolved.literal ? 'hardcoded' : 'hardcodedDefault',
        data: { name: site.name, service: site.service.name, masked: maskSecret(value) },
        ...siteRange(site),
        fixes,
      });
    }
  },
};
