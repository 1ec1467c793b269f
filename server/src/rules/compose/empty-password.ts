import { randomSecret } from '../../secrets/generate';
import type { Fix, MessageData, Report, Rule } from '../../core/types';
import type { ComposeModel, Service } from '../../formats/compose/model';
import { originNote, siteRange, valueSites, type ValueSite } from '../../formats/compose/resolve';
import { commandTokens, type CommandToken } from '../../formats/compose/specs';
import { entrySpanEnd, removeEntryEdit, requiredVariable } from '../utils/compose-edits';
import { dotenvValueFixes, requireFix, siteVariable } from '../utils/compose-fixes';
import { reportOnce } from '../utils/report-once';
import { credentialKind, keyWords } from '../../secrets/names';
import { isServerPasswordKey } from '../../secrets/verdict';

/** The official MySQL and MariaDB images start without a root password when one of these is set to anything. */
const EMPTY_ROOT_SWITCH =
  /^(?:MYSQL_ALLOW_EMPTY_PASSWORD|MARIADB_ALLOW_EMPTY_ROOT_PASSWORD|MARIADB_ALLOW_EMPTY_PASSWORD)$/i;
/** What else gives those images a root password. */
const ROOT_PASSWORD = /^(?:MYSQL|MARIADB)_(?:ROOT_PASSWORD(?:_FILE|_HASH)?|RANDOM_ROOT_PASSWORD)$/i;
const EMPTY_ROOT = /^(?:MYSQL|MARIADB)_ROOT_PASSWORD$/i;
const RANDOM_ROOT = /^(?:MYSQL|MARIADB)_RANDOM_ROOT_PASSWORD$/i;
/** Bitnami images' switch, which they read as a boolean. */
const BITNAMI_SWITCH = /^(?:[A-Z0-9]+_)?ALLOW_EMPTY_PASSWORD$/i;
const TRUE = /^(?:yes|true|1|on|y)$/i;
const FALSE = /^(?:no|false|0|off|n)$/i;
/** initdb options that let every host connection in without a password. */
const INITDB_TRUST = /(?:^|\s)--auth(?:-host)?[= ]trust(?:\s|$)/;

/**
 * Settings that switch authentication off, as data: the environment keys (`.`, `-` and `_` alike,
 * so `xpack.security.enabled` is `XPACK_SECURITY_ENABLED`), the values that mean off, the image a
 * key belongs to when it alone is too common, another setting that must hold too, and what it does.
 * Documented in docs/rules/compose/empty-password.md.
 */
interface AuthSwitch {
  keys: readonly string[];
  off: RegExp;
  /** A word the image's name must hold. */
  image?: string;
  /** Another setting of the service, and the values that make this one matter. */
  with?: { key: string; value: RegExp };
  effect: string;
}

const AUTH_SWITCHES: readonly AuthSwitch[] = [
  { keys: ['ALLOW_NONE_AUTHENTICATION'], off: TRUE, effect: 'etcd accepts every client without authentication' },
  { keys: ['ALLOW_ANONYMOUS_LOGIN'], off: TRUE, effect: 'ZooKeeper accepts clients that never authenticate' },
  {
    keys: ['XPACK_SECURITY_ENABLED'],
    off: FALSE,
    effect: 'Elasticsearch answers every request, with no user or password',
  },
  {
    keys: ['DISABLE_SECURITY_PLUGIN', 'PLUGINS_SECURITY_DISABLED'],
    off: TRUE,
    effect: 'OpenSearch answers every request, with no user or password',
  },
  {
    keys: ['AUTH_TYPE'],
    image: 'pgbouncer',
    off: /^(?:trust|any)$/i,
    effect: 'PgBouncer lets every client in as any user, with no password',
  },
  {
    keys: ['PGBOUNCER_AUTH_TYPE'],
    off: /^(?:trust|any)$/i,
    effect: 'PgBouncer lets every client in as any user, with no password',
  },
  {
    keys: ['GF_AUTH_ANONYMOUS_ENABLED'],
    off: TRUE,
    with: { key: 'GF_AUTH_ANONYMOUS_ORG_ROLE', value: /^admin$/i },
    effect: 'anyone who reaches Grafana is an organization Admin without logging in',
  },
  {
    keys: ['KESTRA_SERVER_BASICAUTH_ENABLED', 'KESTRA_SERVER_BASIC_AUTH_ENABLED'],
    off: FALSE,
    effect: "Kestra's UI and API, which run any flow, answer anyone without a login",
  },
  { keys: ['NEO4J_AUTH'], off: /^none$/i, effect: 'Neo4j runs with authentication off' },
  { keys: ['ARANGO_NO_AUTH'], off: TRUE, effect: 'ArangoDB runs with authentication off' },
  {
    keys: ['CASSANDRA_AUTHENTICATOR'],
    off: /^(?:org\.apache\.cassandra\.auth\.)?AllowAllAuthenticator$/i,
    effect: 'Cassandra accepts every client without a password',
  },
  {
    keys: ['ME_CONFIG_BASICAUTH', 'ME_CONFIG_BASICAUTH_ENABLED'],
    off: FALSE,
    effect: 'Mongo Express hands the database to anyone who reaches it',
  },
  {
    keys: ['SONAR_FORCEAUTHENTICATION'],
    off: FALSE,
    effect: 'SonarQube shows projects and their code to anyone, logged in or not',
  },
  {
    keys: ['SE_VNC_NO_PASSWORD', 'VNC_NO_PASSWORD'],
    off: TRUE,
    effect: 'the VNC server of the browser session takes no password',
  },
];

/** A command-line flag that switches authentication off, with the value that does (none for a bare flag). */
interface AuthFlag {
  flags: readonly string[];
  off?: RegExp;
  /** Flags (or `.conf` files) that set a password after all, and so make this one harmless. */
  unless?: RegExp;
  /** Whether a password-shaped environment key of the service makes it harmless. */
  unlessPasswordKey?: boolean;
  effect: string;
}

const AUTH_FLAGS: readonly AuthFlag[] = [
  {
    flags: ['--protected-mode'],
    off: /^no$/i,
    unless: /^--(?:requirepass|aclfile|masterauth)(?:=|$)|\.conf$/i,
    unlessPasswordKey: true,
    effect: 'Redis accepts connections from every network, and no password is set',
  },
  {
    flags: ['--skip-grant-tables'],
    effect: 'MySQL lets every client in as any user, with every privilege',
  },
  {
    flags: ['--auth'],
    off: /^none$/i,
    effect: 'the editor, and the shell it opens, take no password',
  },
  {
    flags: ['--without-connection-token'],
    effect: 'the editor, and the shell it opens, take no token',
  },
  {
    flags: ['--notebookapp.token', '--serverapp.token', '--identityprovider.token'],
    off: /^$/,
    unless: /^--(?:NotebookApp|ServerApp|PasswordIdentityProvider)\.(?:password|hashed_password)=./i,
    effect: 'Jupyter runs code for anyone who reaches it',
  },
];

/** MongoDB images that create a root user from MONGO_INITDB_ROOT_USERNAME and _PASSWORD, and run with no access control without them. */
const MONGO_IMAGES = new Set(['mongo', 'mongodb/mongodb-community-server', 'mongodb/mongodb-enterprise-server']);
/** What gives such a MongoDB users or access control after all. */
const MONGO_CREDENTIALS = /^MONGO_INITDB_ROOT_(?:USERNAME|PASSWORD)(?:_FILE)?$/i;
const MONGO_AUTH_FLAGS = /^(?:--auth|--keyFile|--config|-f|--transitionToAuth)(?:=|$)/i;

/** `ghcr.io/library/mongo:7@sha256:…` is `mongo`: the image's name without registry, tag or digest. */
function imageName(image: string): string {
  let name = image.toLowerCase().split('@')[0];
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) name = name.slice(0, colon);
  const parts = name.split('/');
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0])) parts.shift();
  if (parts[0] === 'library') parts.shift();
  return parts.join('/');
}

/** Words between a server's name and PASSWORD that keep it the server's own (`MYSQL_ROOT_PASSWORD`, `MONGO_INITDB_ROOT_PASSWORD`). */
const OWN_ROLES = new Set(['ROOT', 'ADMIN', 'DEFAULT', 'INITDB', 'SUPERUSER', 'SUPER', 'SERVER']);
/**
 * Images that read another family's variables (`MYSQL_*` in MariaDB, `POSTGRES_*` in PostGIS); a
 * database family's variables also belong to a service named `db` or `database`, whatever image a
 * variable picks for it.
 */
const FAMILIES: Record<string, readonly string[]> = {
  MYSQL: ['mariadb', 'percona', 'db', 'database'],
  MARIADB: ['db', 'database'],
  POSTGRES: ['postgis', 'timescaledb', 'pgvector', 'postgresql', 'db', 'database'],
  MONGO: ['db', 'database'],
  REDIS: ['valkey', 'keydb'],
};

/**
 * Whether `name` is the password of the server `service` runs, rather than one it uses to reach
 * another: `ELASTIC_PASSWORD` in an Elasticsearch service, `MYSQL_ROOT_PASSWORD` in MySQL or
 * MariaDB, a bare `PASSWORD`; not `LOGSTASH_INTERNAL_PASSWORD`, a master or replica password
 * (`DOVECOT_MASTER_PASS`, `REDIS_MASTER_PASSWORD`), or `DB_PASSWORD` in an application.
 */
function ownsPassword(service: Service, name: string): boolean {
  const words = keyWords(name).slice(0, -1);
  const subject = words.filter((word) => !OWN_ROLES.has(word));
  if (subject.length === 0) return true;
  if (subject.length > 1) return false;
  const names = [subject[0].toLowerCase(), ...(FAMILIES[subject[0]] ?? [])];
  const serviceWords = `${service.name} ${service.image?.value ?? ''}`.toLowerCase().split(/[^a-z0-9]+/);
  return serviceWords.some((word) =>
    names.some(
      (name) =>
        word === name || (Math.min(word.length, name.length) >= 4 && (word.startsWith(name) || name.startsWith(word))),
    ),
  );
}

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

/** `xpack.security.enabled` and `XPACK_SECURITY_ENABLED` alike. */
function settingKey(name: string): string {
  return keyWords(name).join('_');
}

/** A flag's value: after `=`, or the next word for a flag that takes one. */
function flagValue(tokens: CommandToken[], index: number, takesValue: boolean): CommandToken | undefined {
  const token = tokens[index];
  const equals = token.value.indexOf('=');
  if (equals !== -1) {
    return {
      ...token,
      value: token.value.slice(equals + 1),
      start: token.exact ? token.start + equals + 1 : token.start,
    };
  }
  return takesValue ? tokens[index + 1] : undefined;
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
      emptyRootPassword:
        '{{name}} in service "{{service}}" is empty{{origin}} and {{switch}} lets the database start that way: root logs in with no password.',
      noPasswordSwitch: '{{name}} in service "{{service}}" is on{{origin}}: the service runs without a password.',
      trustAuth:
        'POSTGRES_HOST_AUTH_METHOD in service "{{service}}" is trust{{origin}}: every client that reaches PostgreSQL logs in as any user, with no password.',
      initdbTrust:
        'POSTGRES_INITDB_ARGS in service "{{service}}" sets trust authentication{{origin}}: clients log in with no password.',
      authOff: '{{name}} in service "{{service}}" is "{{value}}"{{origin}}: {{effect}}.',
      authOffFlag: '{{flag}} in the command of service "{{service}}": {{effect}}.',
      noMongoUser:
        'Service "{{service}}" runs MongoDB ({{image}}) with no MONGO_INITDB_ROOT_USERNAME and MONGO_INITDB_ROOT_PASSWORD: it then starts with access control off, and every client that reaches it reads and writes everything.',
      empty:
        '{{name}} in service "{{service}}" is empty{{origin}}: depending on the image, the service runs without a password, falls back to a built-in default, or refuses to start.',
      emptyDefault:
        '{{name}} in service "{{service}}" is empty unless {{variable}} is set: the server then starts with an empty password.',
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
    const reported = new Set<Service>();
    const emit = (site: ValueSite, messageId: string, data: MessageData, fixes: Fix[]) => {
      const found: Report = { messageId, data, ...siteRange(site), fixes };
      if (site.kind === 'environment' && site.entry && site.origin?.file !== 'dotenv') {
        // The entry is what has to go: it is reported whole, its closing quote included.
        found.start = site.entry.nameStart;
        found.end = entrySpanEnd(model.text, site.entry);
      }
      reported.add(site.service);
      report(found, site.kind === 'env_file' ? `.env:${site.name}` : undefined);
    };
    for (const site of sites) {
      if (site.kind === 'command') continue;
      const value = site.resolved.value?.trim();
      if (value === undefined) continue;
      const service = site.service;
      const siblings = byService.get(service)!;
      const origin = originNote(site);
      const emptyRoot = () =>
        siblings.find(
          (other) => other.kind === 'environment' && EMPTY_ROOT.test(other.name) && other.resolved.value === '',
        );
      if (EMPTY_ROOT_SWITCH.test(site.name) && value !== '') {
        if (TRUE.test(value)) {
          emit(
            site,
            'emptyRootSwitch',
            { name: site.name, service: service.name, origin },
            removalFix(model, site, `Remove ${site.name}`, emptyRoot()),
          );
        } else {
          // The images test for a non-empty value: "no" and "false" switch it on too.
          const hasRoot = siblings.some((other) => ROOT_PASSWORD.test(other.name) && other.resolved.value !== '');
          if (!hasRoot) {
            emit(
              site,
              'emptyRootSwitchValue',
              { name: site.name, service: service.name, value, origin },
              removalFix(model, site, `Remove ${site.name}`, emptyRoot()),
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
      // A setting inside a configuration document counts by its whole path (`kestra.server.basicAuth.enabled`).
      const key = settingKey(site.path ?? site.name);
      const authSwitch = AUTH_SWITCHES.find(
        (candidate) =>
          candidate.keys.includes(key) &&
          candidate.off.test(value) &&
          (candidate.image === undefined || (service.image?.value.toLowerCase() ?? '').includes(candidate.image)) &&
          (candidate.with === undefined ||
            siblings.some(
              (other) =>
                settingKey(other.name) === candidate.with!.key &&
                candidate.with!.value.test(other.resolved.value ?? ''),
            )),
      );
      if (authSwitch) {
        const name = site.path ?? site.name;
        emit(site, 'authOff', { name, service: service.name, value, origin, effect: authSwitch.effect }, []);
        continue;
      }
      if (value !== '' || !isServerPasswordKey(site.name)) continue;
      const switchSite = siblings.find(
        (other) => EMPTY_ROOT_SWITCH.test(other.name) && (other.resolved.value ?? '').trim() !== '',
      );
      if (EMPTY_ROOT.test(site.name) && switchSite) {
        // Two settings, two lines to fix; one fix for both, so that neither is left alone.
        const [combined] = removalFix(model, switchSite, `Remove ${switchSite.name}`, site);
        const fixes =
          combined?.edits.length === 2
            ? [{ ...combined, title: `Require ${site.name} and remove ${switchSite.name}` }]
            : [];
        emit(
          site,
          'emptyRootPassword',
          { name: site.name, service: service.name, origin, switch: switchSite.name },
          fixes,
        );
        continue;
      }
      // A random root password makes an empty MYSQL_ROOT_PASSWORD harmless.
      if (
        EMPTY_ROOT.test(site.name) &&
        siblings.some((other) => RANDOM_ROOT.test(other.name) && other.resolved.value)
      ) {
        continue;
      }
      // `${VAR:-}` says "empty unless set": a server's own password then starts empty; a password
      // it uses to reach another server is left to whoever deploys.
      const written = site.resolved.literal || site.origin?.file === 'dotenv';
      if (!written && !ownsPassword(service, site.name)) continue;
      const fixes: Fix[] = [];
      if (site.origin?.file === 'dotenv') {
        fixes.push(
          ...dotenvValueFixes(site, randomSecret(context.randomBytes, 24), 'a strong random value', context.facts),
        );
      } else {
        const required = requireFix(site, siteVariable(site, site.name));
        if (required) fixes.push(required);
      }
      if (written) emit(site, 'empty', { name: site.name, service: service.name, origin }, fixes);
      else {
        // `${DB_PASSWORD:-${MYSQL_PASSWORD:-}}`: either variable would give it a value.
        const variables = [
          ...new Set([...site.raw.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1])),
        ];
        const variable = variables.join(' or ') || siteVariable(site, site.name);
        emit(site, 'emptyDefault', { name: site.name, service: service.name, variable }, fixes);
      }
    }
    for (const service of model.services) {
      const tokens = [
        ...commandTokens(model, service.map, 'command'),
        ...commandTokens(model, service.map, 'entrypoint'),
      ];
      checkFlags(tokens, byService.get(service) ?? [], (start, end, flag, effect) => {
        reported.add(service);
        report({ messageId: 'authOffFlag', data: { flag, service: service.name, effect }, start, end, fixes: [] });
      });
      if (!reported.has(service) && service.image && opensMongo(service, tokens)) {
        report({
          messageId: 'noMongoUser',
          data: { service: service.name, image: service.image.value },
          start: service.image.start,
          end: service.image.end,
          fixes: [],
        });
      }
    }
  },
};

/** Reports each command-line flag of `tokens` that switches authentication off. */
function checkFlags(
  tokens: CommandToken[],
  sites: ValueSite[],
  found: (start: number, end: number, flag: string, effect: string) => void,
): void {
  tokens.forEach((token, index) => {
    const name = token.value.split('=')[0].toLowerCase();
    const entry = AUTH_FLAGS.find((candidate) => candidate.flags.includes(name));
    if (!entry) return;
    const value = entry.off ? flagValue(tokens, index, true) : undefined;
    if (entry.off && (value === undefined || !entry.off.test(value.value))) return;
    if (entry.unless && tokens.some((other) => entry.unless!.test(other.value))) return;
    if (
      entry.unlessPasswordKey &&
      // A value left to the environment (`${REDIS_PASSWORD:?…}`) is a password too.
      sites.some((site) => credentialKind(site.name) === 'password' && site.resolved.value !== '')
    ) {
      return;
    }
    const end = value && value !== token ? Math.max(value.end, token.end) : token.end;
    const written = value && value !== token && value.start > token.end ? `${token.value} ${value.value}` : token.value;
    found(token.start, end, written, entry.effect);
  });
}

/** Whether `service` runs a MongoDB image that would create a root user, without one and without access control set otherwise. */
function opensMongo(service: Service, tokens: CommandToken[]): boolean {
  if (!service.image || !MONGO_IMAGES.has(imageName(service.image.value))) return false;
  // A build or an env_file may give it a user that the file does not show.
  if (service.build || service.envFiles.length > 0) return false;
  if (service.environment.some((entry) => MONGO_CREDENTIALS.test(entry.name))) return false;
  return !tokens.some((token) => MONGO_AUTH_FLAGS.test(token.value));
}
