import { randomSecret } from '../../secrets/generate';
import type { Fix, MessageData, Report, Rule } from '../../core/types';
import type { ComposeModel, Service } from '../../formats/compose/model';
import { originNote, siteRange, valueSites, type ValueSite } from '../../formats/compose/resolve';
import { entrySpanEnd, removeEntryEdit, requiredVariable } from '../utils/compose-edits';
import { dotenvValueFixes, requireFix, siteVariable } from '../utils/compose-fixes';
import { reportOnce } from '../utils/report-once';
import { isCredentialKey } from '../../secrets/names';

/** The official MySQL and MariaDB images start without a root password when one of these is set to anything. */
const EMPTY_ROOT_SWITCH =
  /^(?:MYSQL_ALLOW_EMPTY_PASSWORD|MARIADB_ALLOW_EMPTY_ROOT_PASSWORD|MARIADB_ALLOW_EMPTY_PASSWORD)$/i;
/** What else gives those images a root password. */
const ROOT_PASSWORD = /^(?:MYSQL|MARIADB)_(?:ROOT_PASSWORD(?:_FILE|_HASH)?|RANDOM_ROOT_PASSWORD)$/i;
/** Bitnami images' switch, which they read as a boolean. */
const BITNAMI_SWITCH = /^(?:[A-Z0-9]+_)?ALLOW_EMPTY_PASSWORD$/i;
const TRUE = /^(?:yes|true|1|on|y)$/i;
/** Password-shaped keys: an empty token or API key usually turns a feature off, an empty password lets anyone in. */
const PASSWORD_KEY = /(?:^|_)(?:PASSWORD|PASSWD|PASS|PWD)$/i;
/** initdb options that let every host connection in without a password. */
const INITDB_TRUST = /(?:^|\s)--auth(?:-host)?[= ]trust(?:\s|$)/;

function removalFix(model: ComposeModel, site: ValueSite, title: string, also?: ValueSite): Fix[] {
  if (site.kind !== 'environment' || !site.entry) return [];
  const edit = removeEntryEdit(model.text, site.entry);
  if (!edit) return [];
  // An empty root password beside the switch would be next: it is required in the same fix.
  const required = also?.replace ? also.replace(requiredVariable(also.name)) : undefined;
  return required
    ? [{ title: `${title} and require ${also!.name}`, edits: [edit, required], preferred: true }]
    : [{ title, edits: [edit], preferred: true }];
}

export const emptyPassword: Rule<ComposeModel> = {
  meta: {
    id: 'compose/empty-password',
    kind: 'compose',
    defaultSeverity: 'error',
    description: 'A service is told to accept an empty password or no password at all (trust authentication).',
    messages: {
      emptyRootSwitch:
        '{{name}} in service "{{service}}" is on{{origin}}: MySQL or MariaDB then starts with an empty root password.',
      emptyRootSwitchValue:
        '{{name}} in service "{{service}}" is "{{value}}"{{origin}}, which the MySQL and MariaDB images read as on: any non-empty value starts the database with an empty root password.',
      noPasswordSwitch: '{{name}} in service "{{service}}" is on{{origin}}: the service runs without a password.',
      trustAuth:
        'POSTGRES_HOST_AUTH_METHOD in service "{{service}}" is trust{{origin}}: every client that reaches PostgreSQL logs in as any user, with no password.',
      initdbTrust:
        'POSTGRES_INITDB_ARGS in service "{{service}}" sets trust authentication{{origin}}: clients log in with no password.',
      empty:
        '{{name}} in service "{{service}}" is empty{{origin}}: depending on the image, the service runs without a password, falls back to a built-in default, or refuses to start.',
    },
    fixable: 'unattended',
  },
  check(model, context) {
    const report = reportOnce(context);
    const sites = valueSites(model, context.facts);
    const byService = new Map<Service, ValueSite[]>();
    for (const site of sites) {
      const list = byService.get(site.service);
      if (list) list.push(site);
      else byService.set(site.service, [site]);
    }
    const emit = (site: ValueSite, messageId: string, data: MessageData, fixes: Fix[]) => {
      const found: Report = { messageId, data, ...siteRange(site), fixes };
      if (site.kind === 'environment' && site.entry && site.origin?.file === 'compose') {
        // The entry is what has to go: it is reported whole, its closing quote included.
        found.start = site.entry.nameStart;
        found.end = entrySpanEnd(model.text, site.entry);
      }
      report(found, site.kind === 'env_file' ? `.env:${site.name}` : undefined);
    };
    for (const site of sites) {
      if (site.kind === 'command') continue;
      const value = site.resolved.value?.trim();
      if (value === undefined) continue;
      const service = site.service;
      const origin = originNote(site);
      if (EMPTY_ROOT_SWITCH.test(site.name) && value !== '') {
        const emptyRoot = byService
          .get(service)!
          .find(
            (other) =>
              other.kind === 'environment' &&
              /^(?:MYSQL|MARIADB)_ROOT_PASSWORD$/i.test(other.name) &&
              other.resolved.literal &&
              other.resolved.value === '',
          );
        if (TRUE.test(value)) {
          emit(
            site,
            'emptyRootSwitch',
            { name: site.name, service: service.name, origin },
            removalFix(model, site, `Remove ${site.name}`, emptyRoot),
          );
        } else {
          // The images test for a non-empty value: "no" and "false" switch it on too.
          const hasRoot = byService
            .get(service)!
            .some((other) => ROOT_PASSWORD.test(other.name) && other.resolved.value !== '');
          if (!hasRoot) {
            emit(
              site,
              'emptyRootSwitchValue',
              { name: site.name, service: service.name, value, origin },
              removalFix(model, site, `Remove ${site.name}`, emptyRoot),
            );
          }
        }
        continue;
      }
      if (BITNAMI_SWITCH.test(site.name) && !EMPTY_ROOT_SWITCH.test(site.name) && TRUE.test(value)) {
        emit(
          site,
          'noPasswordSwitch',
          { name: site.name, service: service.name, origin },
          removalFix(model, site, `Remove ${site.name}`),
        );
        continue;
      }
      if (/^POSTGRES_HOST_AUTH_METHOD$/i.test(site.name) && /^trust$/i.test(value)) {
        emit(
          site,
          'trustAuth',
          { service: service.name, origin },
          removalFix(model, site, 'Remove POSTGRES_HOST_AUTH_METHOD (PostgreSQL then asks for a password)'),
        );
        continue;
      }
      if (/^POSTGRES_INITDB_ARGS$/i.test(site.name) && INITDB_TRUST.test(value)) {
        emit(site, 'initdbTrust', { service: service.name, origin }, []);
        continue;
      }
      // `${VAR:-}` says "empty unless set": like `${VAR}`, its value is left to whoever deploys.
      const written = site.resolved.literal || site.origin?.file === 'dotenv';
      const allowsEmpty = byService
        .get(service)!
        .some((other) => EMPTY_ROOT_SWITCH.test(other.name) && (other.resolved.value ?? '') !== '');
      // An empty root password beside a switch that allows it is reported once, on the switch.
      const covered = allowsEmpty && ROOT_PASSWORD.test(site.name);
      if (value === '' && written && !covered && PASSWORD_KEY.test(site.name) && isCredentialKey(site.name)) {
        const fixes: Fix[] = [];
        if (site.origin?.file === 'dotenv') {
          fixes.push(
            ...dotenvValueFixes(site, randomSecret(context.randomBytes, 24), 'a strong random value', context.facts),
          );
        } else {
          const required = requireFix(site, siteVariable(site, site.name));
          if (required) fixes.push(required);
        }
        emit(site, 'empty', { name: site.name, service: service.name, origin }, fixes);
      }
    }
  },
};
