import type { Rule, RuleContext } from '../../engine/types';
import { commandTokens, type ComposeModel, type Service } from '../../formats/compose';
import { removeListItemLine, replaceEnvValue } from './helpers';

/** Variables that switch an ACME client (acme-companion, swag, certbot wrappers) to the staging CA. */
const STAGING_KEY = /^(?:(?:LETSENCRYPT|LE|ACME|CERTBOT|CERT|SSL|TLS|CA)_?)?(?:STAGING|TEST_?CERT)$/i;
const TRUE = /^(?:true|1|yes|on|y)$/i;
const STAGING_HOST = 'acme-staging-v02.api.letsencrypt.org';
const PRODUCTION_HOST = 'acme-v02.api.letsencrypt.org';
/** ACME clients' flags that request untrusted test certificates. */
const STAGING_FLAGS = /^--(?:staging|test-cert)$/;

function checkEnvironment(service: Service, context: RuleContext) {
  for (const entry of service.environment) {
    if (entry.value === undefined) continue;
    if (STAGING_KEY.test(entry.name) && TRUE.test(entry.value.trim())) {
      const edit = replaceEnvValue(entry, 'false');
      context.report({
        message: `${entry.name} in service "${service.name}" turns on the Let's Encrypt staging CA: browsers will not trust its certificates.`,
        start: entry.nameStart,
        end: entry.valueEnd,
        fixes: edit ? [{ title: `Set ${entry.name} to false`, edits: [edit], preferred: true }] : [],
      });
      continue;
    }
    const at = entry.value.indexOf(STAGING_HOST);
    if (at !== -1) {
      const start = entry.exact ? entry.valueStart + at : entry.valueStart;
      context.report({
        message: `${entry.name} in service "${service.name}" points at the Let's Encrypt staging CA.`,
        start,
        end: entry.exact ? start + STAGING_HOST.length : entry.valueEnd,
        fixes: entry.exact
          ? [
              {
                title: 'Use the production CA',
                edits: [{ start, end: start + STAGING_HOST.length, newText: PRODUCTION_HOST }],
                preferred: true,
              },
            ]
          : [],
      });
    }
  }
}

function checkCommand(model: ComposeModel, service: Service, context: RuleContext) {
  for (const key of ['command', 'entrypoint'] as const) {
    for (const token of commandTokens(model, service.map, key)) {
      if (STAGING_FLAGS.test(token.value)) {
        // A flag that is a list item of its own goes with its line; one inside a string goes with its space.
        const removal =
          token.item && String(token.node.value).trim() === token.value
            ? removeListItemLine(model.text, token.node)
            : token.exact && model.text[token.start - 1] === ' '
              ? { start: token.start - 1, end: token.end, newText: '' }
              : undefined;
        context.report({
          message: `${token.value} in service "${service.name}" requests untrusted Let's Encrypt staging certificates.`,
          start: token.start,
          end: token.end,
          fixes: removal ? [{ title: `Remove ${token.value}`, edits: [removal], preferred: true }] : [],
        });
        continue;
      }
      const at = token.value.indexOf(STAGING_HOST);
      if (at === -1) continue;
      const start = token.exact ? token.start + at : token.start;
      context.report({
        message: `The ${key} of service "${service.name}" points the ACME client at the Let's Encrypt staging CA.`,
        start,
        end: token.exact ? start + STAGING_HOST.length : token.end,
        fixes: token.exact
          ? [
              {
                title: 'Use the production CA',
                edits: [{ start, end: start + STAGING_HOST.length, newText: PRODUCTION_HOST }],
                preferred: true,
              },
            ]
          : [],
      });
    }
  }
}

export const acmeStaging: Rule<ComposeModel> = {
  meta: {
    id: 'compose/acme-staging',
    kind: 'compose',
    defaultSeverity: 'warning',
    description: "Let's Encrypt staging is left on, so the deployment serves certificates no browser trusts.",
  },
  check(model, context) {
    for (const service of model.services) {
      checkEnvironment(service, context);
      checkCommand(model, service, context);
    }
  },
};
