import { fileName } from '../../core/paths';
import type { Rule } from '../../core/types';
import type { ComposeModel } from '../../formats/compose/model';
import { policyPromises } from '../../formats/policy/parse';
import { breachesIn, promiseScope, servicesOf } from '../utils/promises';

/** A promise as a message quotes it: its first words. */
const QUOTED = 100;

export const unkeptPromise: Rule<ComposeModel> = {
  meta: {
    id: 'compose/unkept-promise',
    kind: 'compose',
    defaultSeverity: 'warning',
    description: "A setting breaks a promise the repository's SECURITY.md makes about the deployment.",
    messages: {
      breaks: 'This breaks a promise of {{policy}}: "{{promise}}". {{what}}',
    },
  },
  check(model, context) {
    const policy = context.facts.policy?.();
    if (!policy) return;
    const promises = policyPromises(policy.text);
    if (promises.length === 0) return;
    const services = servicesOf(model);
    const policyName = fileName(policy.path);
    for (const promise of promises) {
      const scope = promiseScope(promise, services);
      for (const breach of breachesIn(model, promise, scope, context.facts, context)) {
        const text = promise.text.replace(/[.;:]$/, '');
        const quoted = text.length > QUOTED ? `${text.slice(0, QUOTED - 1)}…` : text;
        context.report({
          messageId: 'breaks',
          data: { policy: policyName, promise: quoted, what: breach.what },
          start: breach.start,
          end: breach.end,
          related: [{ path: policy.path, start: promise.start, end: promise.end, message: 'The promise' }],
          ...(breach.fixes ? { fixes: breach.fixes } : {}),
          ...(promise.hedged ? { severity: 'info' as const } : {}),
        });
      }
    }
  },
};
