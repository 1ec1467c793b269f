import type { Report, Rule, TextEdit } from '../../core/types';
import { type ComposeModel, type EnvEntry, type Service } from '../../formats/compose/model';
import { commandTokens } from '../../formats/compose/specs';
import { getNode, stringRef } from '../../formats/compose/yaml';
import { originNote, valueSites, type ValueSite } from '../../formats/compose/resolve';
import { removeListItemLine } from '../utils/compose-edits';
import { reportOnce } from '../utils/report-once';

/**
 * Variables that switch an ACME client (acme-companion, swag, certbot wrappers) to the staging CA;
 * acme-companion reads `LETSENCRYPT_TEST` on each proxied container.
 */
const STAGING_KEY =
  /^(?:(?:LETSENCRYPT|LE|ACME|CERTBOT|CERT|SSL|TLS|CA)_?)?(?:STAGING|TEST_?CERT)$|^LETSENCRYPT_TEST$/i;
const TRUE = /^(?:true|1|yes|on|y)$/i;
const STAGING_HOST = 'acme-staging-v02.api.letsencrypt.org';
const PRODUCTION_HOST = 'acme-v02.api.letsencrypt.org';
/** ACME clients' flags that request untrusted test certificates. */
const STAGING_FLAGS = /^--(?:staging|test-cert)$/;
/** Images of ACME clients, and command words that run one: other programs' `--staging` means something else. */
const ACME_IMAGE = /certbot|acme|letsencrypt/i;
const ACME_WORD = /^(?:(?:.*\/)?(?:certbot|acme\.sh|lego)|certonly|renew)$/;

function isAcmeClient(model: ComposeModel, service: Service): boolean {
  const image = stringRef(model.text, getNode(model.doc, service.map, 'image'));
  if (image && ACME_IMAGE.test(image.value)) return true;
  return (['command', 'entrypoint'] as const).some((key) =>
    commandTokens(model, service.map, key).some((token) => ACME_WORD.test(token.value)),
  );
}

/** Where a `KEY: value` entry ends, the closing quote of a quoted value included. */
function entryEnd(text: string, entry: EnvEntry): number {
  const quote = text[entry.valueStart - 1];
  const closed =
    entry.form === 'map' && entry.exact && (quote === '"' || quote === "'") && text[entry.valueEnd] === quote;
  return closed ? entry.valueEnd + 1 : entry.valueEnd;
}

function checkEnvironment(model: ComposeModel, sites: ValueSite[], report: (report: Report, key?: string) => void) {
  for (const site of sites) {
    if (site.kind === 'command') continue;
    const { service, resolved } = site;
    // `${LE_STAGING:-true}` is judged, and fixed, at its default; `${LE_STAGING}` at its .env value.
    if (STAGING_KEY.test(site.name) && resolved.value !== undefined && TRUE.test(resolved.value.trim())) {
      const entry = site.entry;
      const inCompose = site.origin?.file === 'compose' && entry !== undefined;
      const edit: TextEdit | undefined =
        inCompose && entry.exact && resolved.source
          ? {
              start: entry.valueStart + resolved.source.start,
              end: entry.valueStart + resolved.source.end,
              newText: 'false',
            }
          : undefined;
      report(
        {
          messageId: 'stagingSwitch',
          data: { name: site.name, service: service.name, origin: originNote(site) },
          start: inCompose ? entry.nameStart : site.start,
          end: inCompose ? entryEnd(model.text, entry) : site.end,
          fixes: edit ? [{ title: `Set ${site.name} to false`, edits: [edit], preferred: true }] : [],
        },
        site.kind === 'env_file' ? `.env:${site.name}` : undefined,
      );
      continue;
    }
    const value = site.kind === 'environment' ? site.raw : undefined;
    const at = value?.indexOf(STAGING_HOST) ?? -1;
    if (at !== -1) {
      const start = site.exact ? site.start + at : site.start;
      report({
        messageId: 'stagingServer',
        data: { name: site.name, service: service.name, origin: '' },
        start,
        end: site.exact ? start + STAGING_HOST.length : site.end,
        fixes: site.exact
          ? [
              {
                title: 'Use the production CA',
                edits: [{ start, end: start + STAGING_HOST.length, newText: PRODUCTION_HOST }],
                preferred: true,
              },
            ]
          : [],
      });
    } else if (site.origin?.file === 'dotenv' && resolved.value?.includes(STAGING_HOST)) {
      report(
        {
          messageId: 'stagingServer',
          data: { name: site.name, service: service.name, origin: originNote(site) },
          start: site.start,
          end: site.end,
        },
        site.kind === 'env_file' ? `.env:${site.name}` : undefined,
      );
    }
  }
}

function checkCommand(model: ComposeModel, service: Service, report: (report: Report) => void) {
  for (const key of ['command', 'entrypoint'] as const) {
    for (const token of commandTokens(model, service.map, key)) {
      if (STAGING_FLAGS.test(token.value) && isAcmeClient(model, service)) {
        // A flag that is a list item of its own goes with its line; one inside a string goes with its space.
        const removal =
          token.item && String(token.node.value).trim() === token.value
            ? removeListItemLine(model.text, token.node)
            : token.exact && model.text[token.start - 1] === ' '
              ? { start: token.start - 1, end: token.end, newText: '' }
              : undefined;
        report({
          messageId: 'stagingFlag',
          data: { flag: token.value, service: service.name },
          start: token.start,
          end: token.end,
          fixes: removal ? [{ title: `Remove ${token.value}`, edits: [removal], preferred: true }] : [],
        });
        continue;
      }
      const at = token.value.indexOf(STAGING_HOST);
      if (at === -1) continue;
      const start = token.exact ? token.start + at : token.start;
      report({
        messageId: 'stagingServerInCommand',
        data: { key, service: service.name },
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
    messages: {
      stagingSwitch:
        '{{name}} in service "{{service}}" turns on the Let\'s Encrypt staging CA{{origin}}: browsers will not trust its certificates.',
      stagingServer: '{{name}} in service "{{service}}" points at the Let\'s Encrypt staging CA{{origin}}.',
      stagingFlag: '{{flag}} in service "{{service}}" requests untrusted Let\'s Encrypt staging certificates.',
      stagingServerInCommand:
        'The {{key}} of service "{{service}}" points the ACME client at the Let\'s Encrypt staging CA.',
    },
    fixable: 'unattended',
  },
  check(model, context) {
    const report = reportOnce(context);
    checkEnvironment(model, valueSites(model, context.facts), report);
    for (const service of model.services) checkCommand(model, service, report);
  },
};
