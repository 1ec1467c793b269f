import assert from 'node:assert/strict';
import { defaultPassword } from '../../../../server/src/rules/compose/default-password';
import { randomSecret } from '../../../../server/src/secrets/generate';
import { fixedRandomBytes, ruleTester, runRule, type InvalidCase } from '../../../helpers/rule-tester';

const REQUIRE_POSTGRES = 'Require POSTGRES_PASSWORD from the environment (${POSTGRES_PASSWORD:?…})';
const REQUIRE_REDIS = 'Require REDIS_PASSWORD from the environment (${REDIS_PASSWORD:?…})';
const DEFAULT = 'a well-known default password';
const SHORT = 'a password shorter than 8 characters';
const GUESSED = 'an easily guessed password';
/** What a finding says: its message id, and the data its message is filled with. */
const weak = (name: string, service: string, weakness: string, masked: string, origin = '') => ({
  messageId: 'weak',
  data: { name, service, weakness, masked, origin },
});
const POSTGRES_DEFAULT = weak('POSTGRES_PASSWORD', 'db', DEFAULT, 'po******');
const REQUIRED_POSTGRES = '${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}';
const REQUIRED_REDIS = '${REDIS_PASSWORD:?set REDIS_PASSWORD in .env}';

/** The project .env beside the Compose file, as the caller reads it. */
const dotenv = (text: string) => ({ dotenv: { path: '/project/.env', text } });
const WRITE_POSTGRES = 'Write a strong random POSTGRES_PASSWORD to .env and require it';

/** A `db` service whose `environment:` block holds `lines`. */
const db = (lines: string) => `services:\n  db:\n    image: postgres:16\n    environment:\n${lines}`;
/** A `redis` service with `command` as written. */
const redis = (command: string) => `services:\n  redis:\n    image: redis:7\n    command: ${command}\n`;

const invalid: InvalidCase[] = [
  {
    name: 'list form: the value after = is the default password',
    code: db('      - POSTGRES_PASSWORD=postgres\n'),
    errors: [
      {
        line: 5,
        column: 27,
        endLine: 5,
        endColumn: 35,
        ...POSTGRES_DEFAULT,
        message: 'POSTGRES_PASSWORD in service "db" is a well-known default password (po******).',
        severity: 'error',
        fixes: [REQUIRE_POSTGRES],
      },
    ],
    output: db(`      - POSTGRES_PASSWORD=${REQUIRED_POSTGRES}\n`),
  },
  {
    name: 'map form',
    code: db('      POSTGRES_PASSWORD: postgres\n'),
    errors: [
      {
        line: 5,
        column: 26,
        endLine: 5,
        endColumn: 34,
        ...POSTGRES_DEFAULT,
        severity: 'error',
        fixes: [REQUIRE_POSTGRES],
      },
    ],
    output: db(`      POSTGRES_PASSWORD: ${REQUIRED_POSTGRES}\n`),
  },
  {
    name: 'map form, double-quoted: the range is inside the quotes, which stay',
    code: db('      POSTGRES_PASSWORD: "postgres"\n'),
    errors: [{ line: 5, column: 27, endLine: 5, endColumn: 35, ...POSTGRES_DEFAULT }],
    output: db(`      POSTGRES_PASSWORD: "${REQUIRED_POSTGRES}"\n`),
  },
  {
    name: 'map form, single-quoted',
    code: db("      POSTGRES_PASSWORD: 'postgres'\n"),
    errors: [{ line: 5, column: 27, endLine: 5, endColumn: 35, ...POSTGRES_DEFAULT }],
    output: db(`      POSTGRES_PASSWORD: '${REQUIRED_POSTGRES}'\n`),
  },
  {
    name: 'list form, double-quoted item',
    code: db('      - "POSTGRES_PASSWORD=postgres"\n'),
    errors: [{ line: 5, column: 28, endLine: 5, endColumn: 36, ...POSTGRES_DEFAULT }],
    output: db(`      - "POSTGRES_PASSWORD=${REQUIRED_POSTGRES}"\n`),
  },
  {
    name: 'list form, single-quoted item',
    code: db("      - 'POSTGRES_PASSWORD=postgres'\n"),
    errors: [{ line: 5, column: 28, endLine: 5, endColumn: 36, ...POSTGRES_DEFAULT }],
    output: db(`      - 'POSTGRES_PASSWORD=${REQUIRED_POSTGRES}'\n`),
  },
  {
    name: 'a password under 8 characters is weak even when it is not a known default',
    code: db('      DB_PASS: hunter2\n'),
    errors: [
      {
        line: 5,
        column: 16,
        endLine: 5,
        endColumn: 23,
        ...weak('DB_PASS', 'db', SHORT, 'hu*****'),
        fixes: ['Require DB_PASS from the environment (${DB_PASS:?…})'],
      },
    ],
    output: db('      DB_PASS: ${DB_PASS:?set DB_PASS in .env}\n'),
  },
  {
    name: 'a number is a password too, and a short one is masked whole',
    code: db('      DB_PASS: 1234\n'),
    errors: [
      {
        line: 5,
        column: 16,
        endLine: 5,
        endColumn: 20,
        ...weak('DB_PASS', 'db', DEFAULT, '****'),
      },
    ],
    output: db('      DB_PASS: ${DB_PASS:?set DB_PASS in .env}\n'),
  },
  {
    name: '${VAR:-default} is judged at the default, and the fix requires the same variable',
    code: db('      POSTGRES_PASSWORD: ${DB_PASSWORD:-postgres}\n'),
    errors: [
      {
        line: 5,
        column: 41,
        endLine: 5,
        endColumn: 49,
        ...POSTGRES_DEFAULT,
        fixes: ['Require DB_PASSWORD from the environment (${DB_PASSWORD:?…})'],
      },
    ],
    output: db('      POSTGRES_PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD in .env}\n'),
  },
  {
    name: '${VAR:-default} in a quoted list item',
    code: db('      - "POSTGRES_PASSWORD=${DB_PASSWORD:-postgres}"\n'),
    errors: [{ line: 5, column: 43, endLine: 5, endColumn: 51, ...POSTGRES_DEFAULT }],
    output: db('      - "POSTGRES_PASSWORD=${DB_PASSWORD:?set DB_PASSWORD in .env}"\n'),
  },
  {
    name: '${VAR-default} (without the colon) is judged at the default too',
    code: db('      POSTGRES_PASSWORD: ${DB_PASSWORD-postgres}\n'),
    errors: [{ line: 5, column: 40, endLine: 5, endColumn: 48, ...POSTGRES_DEFAULT }],
    output: db('      POSTGRES_PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD in .env}\n'),
  },
  {
    name: '$$ is a literal dollar: the value is "$ecret", which is short',
    code: db('      ADMIN_PASSWORD: $$ecret\n'),
    errors: [
      {
        line: 5,
        column: 23,
        endLine: 5,
        endColumn: 30,
        ...weak('ADMIN_PASSWORD', 'db', SHORT, '$e****'),
      },
    ],
    output: db('      ADMIN_PASSWORD: ${ADMIN_PASSWORD:?set ADMIN_PASSWORD in .env}\n'),
  },
  {
    name: 'an anchored x- environment used by alias and by << merge is reported once, at the anchor',
    code: 'x-db-env: &db-env\n  POSTGRES_PASSWORD: postgres\nservices:\n  db:\n    environment: *db-env\n  replica:\n    environment:\n      <<: *db-env\n      POSTGRES_USER: replica\n',
    errors: [{ line: 2, column: 22, endLine: 2, endColumn: 30, ...POSTGRES_DEFAULT }],
    output: `x-db-env: &db-env\n  POSTGRES_PASSWORD: ${REQUIRED_POSTGRES}\nservices:\n  db:\n    environment: *db-env\n  replica:\n    environment:\n      <<: *db-env\n      POSTGRES_USER: replica\n`,
  },
  {
    name: 'a service that merges an x- template inherits its environment',
    code: 'x-mysql: &mysql\n  image: mysql:8\n  environment:\n    MYSQL_ROOT_PASSWORD: root\nservices:\n  db:\n    <<: *mysql\n',
    errors: [
      {
        line: 4,
        column: 26,
        endLine: 4,
        endColumn: 30,
        ...weak('MYSQL_ROOT_PASSWORD', 'db', DEFAULT, '****'),
      },
    ],
    output:
      'x-mysql: &mysql\n  image: mysql:8\n  environment:\n    MYSQL_ROOT_PASSWORD: ${MYSQL_ROOT_PASSWORD:?set MYSQL_ROOT_PASSWORD in .env}\nservices:\n  db:\n    <<: *mysql\n',
  },
  {
    name: 'an !override environment is read like any other',
    code: 'services:\n  db:\n    environment: !override\n      POSTGRES_PASSWORD: postgres\n',
    errors: [{ line: 4, column: 26, endLine: 4, endColumn: 34, ...POSTGRES_DEFAULT }],
    output: `services:\n  db:\n    environment: !override\n      POSTGRES_PASSWORD: ${REQUIRED_POSTGRES}\n`,
  },
  {
    name: 'command as a string: redis-server --requirepass changeme',
    code: redis('redis-server --requirepass changeme'),
    errors: [
      {
        line: 4,
        column: 41,
        endLine: 4,
        endColumn: 49,
        ...weak('--requirepass', 'redis', DEFAULT, 'ch******'),
        severity: 'error',
        fixes: [REQUIRE_REDIS],
      },
    ],
    output: redis(`redis-server --requirepass ${REQUIRED_REDIS}`),
  },
  {
    name: 'command as a flow list of quoted words',
    code: redis('["redis-server", "--requirepass", "changeme"]'),
    errors: [
      { line: 4, column: 49, endLine: 4, endColumn: 57, ...weak('--requirepass', 'redis', DEFAULT, 'ch******') },
    ],
    output: redis(`["redis-server", "--requirepass", "${REQUIRED_REDIS}"]`),
  },
  {
    name: 'command as a block list',
    code: 'services:\n  redis:\n    image: redis:7\n    command:\n      - redis-server\n      - --requirepass\n      - changeme\n',
    errors: [{ line: 7, column: 9, endLine: 7, endColumn: 17, fixes: [REQUIRE_REDIS] }],
    output: `services:\n  redis:\n    image: redis:7\n    command:\n      - redis-server\n      - --requirepass\n      - ${REQUIRED_REDIS}\n`,
  },
  {
    name: '--requirepass=changeme',
    code: redis('redis-server --requirepass=changeme'),
    errors: [
      { line: 4, column: 41, endLine: 4, endColumn: 49, ...weak('--requirepass', 'redis', DEFAULT, 'ch******') },
    ],
    output: redis(`redis-server --requirepass=${REQUIRED_REDIS}`),
  },
  {
    name: 'a plain word in a flow list is quoted by the fix, since { and } would end it',
    code: redis('[redis-server, --requirepass, changeme]'),
    errors: [{ line: 4, column: 44, endLine: 4, endColumn: 52 }],
    output: redis(`[redis-server, --requirepass, "${REQUIRED_REDIS}"]`),
  },
  {
    name: 'a password inside sh -c "…"',
    code: redis('sh -c "redis-server --requirepass changeme"'),
    errors: [{ line: 4, column: 48, endLine: 4, endColumn: 56 }],
    output: redis(`sh -c "redis-server --requirepass ${REQUIRED_REDIS}"`),
  },
  {
    name: 'a default in a command is judged at the default and keeps its variable',
    code: redis('redis-server --requirepass ${REDIS_PASS:-changeme}'),
    errors: [
      {
        line: 4,
        column: 55,
        endLine: 4,
        endColumn: 63,
        fixes: ['Require REDIS_PASS from the environment (${REDIS_PASS:?…})'],
      },
    ],
    output: redis('redis-server --requirepass ${REDIS_PASS:?set REDIS_PASS in .env}'),
  },
  {
    name: 'entrypoint, and a variable named after the service',
    code: 'services:\n  cache-1:\n    image: redis:7\n    entrypoint: redis-server --masterauth redis\n',
    errors: [
      {
        line: 4,
        column: 43,
        endLine: 4,
        endColumn: 48,
        ...weak('--masterauth', 'cache-1', DEFAULT, 're***'),
        fixes: ['Require CACHE_1_PASSWORD from the environment (${CACHE_1_PASSWORD:?…})'],
      },
    ],
    output:
      'services:\n  cache-1:\n    image: redis:7\n    entrypoint: redis-server --masterauth ${CACHE_1_PASSWORD:?set CACHE_1_PASSWORD in .env}\n',
  },
  {
    name: 'a command string in a flow service map is quoted whole',
    code: 'services:\n  redis: { image: "redis:7", command: redis-server --requirepass changeme }\n',
    errors: [{ line: 2, column: 66, endLine: 2, endColumn: 74 }],
    output: `services:\n  redis: { image: "redis:7", command: "redis-server --requirepass ${REQUIRED_REDIS}" }\n`,
  },
  {
    name: 'flow map environment: a plain value is quoted by the fix',
    code: 'services:\n  db:\n    environment: { POSTGRES_USER: app, POSTGRES_PASSWORD: postgres }\n',
    errors: [{ line: 3, column: 59, endLine: 3, endColumn: 67, ...POSTGRES_DEFAULT }],
    output: `services:\n  db:\n    environment: { POSTGRES_USER: app, POSTGRES_PASSWORD: "${REQUIRED_POSTGRES}" }\n`,
  },
  {
    name: 'flow map environment: a quoted value is not quoted twice',
    code: 'services:\n  db:\n    environment: { POSTGRES_PASSWORD: "postgres" }\n',
    errors: [{ line: 3, column: 40, endLine: 3, endColumn: 48 }],
    output: `services:\n  db:\n    environment: { POSTGRES_PASSWORD: "${REQUIRED_POSTGRES}" }\n`,
  },
  {
    name: 'flow list environment: the whole KEY=value item is quoted by the fix',
    code: 'services:\n  db:\n    environment: [POSTGRES_PASSWORD=postgres, POSTGRES_USER=app]\n',
    errors: [{ line: 3, column: 37, endLine: 3, endColumn: 45, ...POSTGRES_DEFAULT }],
    output: `services:\n  db:\n    environment: ["POSTGRES_PASSWORD=${REQUIRED_POSTGRES}", POSTGRES_USER=app]\n`,
  },
  {
    name: 'CRLF line endings, map form',
    code: 'services:\r\n  db:\r\n    environment:\r\n      POSTGRES_PASSWORD: postgres\r\n',
    errors: [{ line: 4, column: 26, endLine: 4, endColumn: 34, ...POSTGRES_DEFAULT }],
    output: `services:\r\n  db:\r\n    environment:\r\n      POSTGRES_PASSWORD: ${REQUIRED_POSTGRES}\r\n`,
  },
  {
    name: 'CRLF line endings, list form',
    code: 'services:\r\n  db:\r\n    environment:\r\n      - POSTGRES_PASSWORD=postgres\r\n',
    errors: [{ line: 4, column: 27, endLine: 4, endColumn: 35, ...POSTGRES_DEFAULT }],
    output: `services:\r\n  db:\r\n    environment:\r\n      - POSTGRES_PASSWORD=${REQUIRED_POSTGRES}\r\n`,
  },
  {
    name: 'an escape in a double-quoted value: reported on the whole scalar, with no fix',
    code: 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: "po\\x73tgres"\n',
    errors: [{ line: 4, column: 26, endLine: 4, endColumn: 39, ...POSTGRES_DEFAULT, fixes: [] }],
    output: null,
  },
  {
    name: 'a comment after the value is kept',
    code: 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: postgres # change before going live\n',
    errors: [{ line: 4, column: 26, endLine: 4, endColumn: 34 }],
    output: `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${REQUIRED_POSTGRES} # change before going live\n`,
  },
  {
    name: 'several services and image defaults are all fixed in one pass',
    code: 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: postgres\n  grafana:\n    environment:\n      - GF_SECURITY_ADMIN_PASSWORD=admin\n  rabbit:\n    environment:\n      RABBITMQ_DEFAULT_PASS: guest\n      MINIO_SECRET_KEY: minioadmin\n',
    errors: [
      { line: 4, column: 26, endLine: 4, endColumn: 34, ...POSTGRES_DEFAULT },
      {
        line: 7,
        column: 36,
        endLine: 7,
        endColumn: 41,
        ...weak('GF_SECURITY_ADMIN_PASSWORD', 'grafana', DEFAULT, 'ad***'),
      },
      {
        line: 10,
        column: 30,
        endLine: 10,
        endColumn: 35,
        ...weak('RABBITMQ_DEFAULT_PASS', 'rabbit', DEFAULT, 'gu***'),
      },
      {
        line: 11,
        column: 25,
        endLine: 11,
        endColumn: 35,
        ...weak('MINIO_SECRET_KEY', 'rabbit', DEFAULT, 'mi********'),
      },
    ],
    output:
      'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}\n  grafana:\n    environment:\n      - GF_SECURITY_ADMIN_PASSWORD=${GF_SECURITY_ADMIN_PASSWORD:?set GF_SECURITY_ADMIN_PASSWORD in .env}\n  rabbit:\n    environment:\n      RABBITMQ_DEFAULT_PASS: ${RABBITMQ_DEFAULT_PASS:?set RABBITMQ_DEFAULT_PASS in .env}\n      MINIO_SECRET_KEY: ${MINIO_SECRET_KEY:?set MINIO_SECRET_KEY in .env}\n',
  },
  {
    name: 'zxcvbn: a password made of a name used in the file is easily guessed',
    code: 'services:\n  nc:\n    image: nextcloud:29\n    environment:\n      - MYSQL_PASSWORD=nextcloud1\n',
    errors: [
      {
        line: 5,
        column: 24,
        endLine: 5,
        endColumn: 34,
        ...weak('MYSQL_PASSWORD', 'nc', GUESSED, 'ne********'),
        fixes: ['Require MYSQL_PASSWORD from the environment (${MYSQL_PASSWORD:?…})'],
      },
    ],
    output:
      'services:\n  nc:\n    image: nextcloud:29\n    environment:\n      - MYSQL_PASSWORD=${MYSQL_PASSWORD:?set MYSQL_PASSWORD in .env}\n',
  },
  {
    name: 'the name of another service in the file counts too',
    code: 'services:\n  wordpress:\n    image: wordpress:6\n  db:\n    image: mysql:8\n    environment:\n      MYSQL_PASSWORD: wordpress2024\n',
    errors: [
      { line: 7, column: 23, endLine: 7, endColumn: 36, ...weak('MYSQL_PASSWORD', 'db', GUESSED, 'wo********') },
    ],
    output:
      'services:\n  wordpress:\n    image: wordpress:6\n  db:\n    image: mysql:8\n    environment:\n      MYSQL_PASSWORD: ${MYSQL_PASSWORD:?set MYSQL_PASSWORD in .env}\n',
  },
  {
    name: 'a token flag on the command line',
    code: 'services:\n  watchtower:\n    image: containrrr/watchtower:1.7.1\n    command: --http-api-token demotoken --interval 30\n',
    errors: [
      {
        line: 4,
        column: 31,
        endLine: 4,
        endColumn: 40,
        ...weak('--http-api-token', 'watchtower', GUESSED, 'de*******'),
        fixes: ['Require WATCHTOWER_PASSWORD from the environment (${WATCHTOWER_PASSWORD:?…})'],
      },
    ],
    output:
      'services:\n  watchtower:\n    image: containrrr/watchtower:1.7.1\n    command: --http-api-token ${WATCHTOWER_PASSWORD:?set WATCHTOWER_PASSWORD in .env} --interval 30\n',
  },
  {
    name: 'with a project .env, a second fix writes a strong random value there',
    code: db('      POSTGRES_PASSWORD: postgres\n'),
    facts: dotenv('TZ=UTC\n'),
    errors: [
      {
        line: 5,
        column: 26,
        endLine: 5,
        endColumn: 34,
        ...POSTGRES_DEFAULT,
        fixes: [REQUIRE_POSTGRES, WRITE_POSTGRES],
      },
    ],
    output: db(`      POSTGRES_PASSWORD: ${REQUIRED_POSTGRES}\n`),
  },
  {
    name: '${VAR} is judged at its .env value, reported where the Compose file uses it',
    code: db('      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n'),
    facts: dotenv('# database\nPOSTGRES_PASSWORD=postgres\n'),
    errors: [
      {
        line: 5,
        column: 26,
        endLine: 5,
        endColumn: 46,
        ...weak('POSTGRES_PASSWORD', 'db', DEFAULT, 'po******', ' from .env line 2'),
        message: 'POSTGRES_PASSWORD in service "db" is a well-known default password (po******) from .env line 2.',
        fixes: [
          'Write a strong random value for POSTGRES_PASSWORD to .env',
          'Remove POSTGRES_PASSWORD from .env and require it',
        ],
      },
    ],
    output: null,
  },
  {
    name: 'a .env value used through ${VAR:?err}: removing it needs no change to the Compose file',
    code: db('      - POSTGRES_PASSWORD=${DB_PASSWORD:?set it}\n'),
    facts: dotenv('export DB_PASSWORD="changeme"\n'),
    errors: [
      {
        line: 5,
        column: 27,
        endLine: 5,
        endColumn: 49,
        ...weak('POSTGRES_PASSWORD', 'db', DEFAULT, 'ch******', ' from .env line 1'),
        fixes: ['Write a strong random value for DB_PASSWORD to .env', 'Remove DB_PASSWORD from .env'],
      },
    ],
    output: null,
  },
  {
    name: 'a .env value wins over a default in the Compose file',
    code: db('      POSTGRES_PASSWORD: ${DB_PASSWORD:-Xk9#mQ2!vLp7wTz}\n'),
    facts: dotenv('DB_PASSWORD=admin # set by the installer\n'),
    errors: [
      {
        line: 5,
        column: 26,
        endLine: 5,
        endColumn: 57,
        ...weak('POSTGRES_PASSWORD', 'db', DEFAULT, 'ad***', ' from .env line 1'),
      },
    ],
    output: null,
  },
  {
    name: 'env_file: .env hands the .env values to the container: reported on the env_file entry',
    code: 'services:\n  db:\n    image: postgres:16\n    env_file: .env\n',
    facts: dotenv('POSTGRES_USER=app\nPOSTGRES_PASSWORD=postgres\n'),
    errors: [
      {
        line: 4,
        column: 15,
        endLine: 4,
        endColumn: 19,
        ...weak('POSTGRES_PASSWORD', 'db', DEFAULT, 'po******', ' from .env line 2'),
        fixes: ['Write a strong random value for POSTGRES_PASSWORD to .env', 'Remove POSTGRES_PASSWORD from .env'],
      },
    ],
    output: null,
  },
  {
    name: 'env_file in the long form, in a list',
    code: 'services:\n  db:\n    image: postgres:16\n    env_file:\n      - path: ./.env\n        required: false\n',
    facts: dotenv('POSTGRES_PASSWORD=postgres\n'),
    errors: [
      {
        line: 5,
        column: 15,
        endLine: 5,
        endColumn: 21,
        ...weak('POSTGRES_PASSWORD', 'db', DEFAULT, 'po******', ' from .env line 1'),
      },
    ],
    output: null,
  },
];

ruleTester(defaultPassword, {
  valid: [
    { name: 'a strong password, list form', code: db('      - POSTGRES_PASSWORD=Xk9#mQ2!vLp7wTz\n') },
    { name: 'a strong password, map form', code: db('      POSTGRES_PASSWORD: "Xk9#mQ2!vLp7wTz"\n') },
    {
      name: '${VAR} is not judged: its value comes from elsewhere',
      code: db('      POSTGRES_PASSWORD: ${DB_PASSWORD}\n'),
    },
    { name: '${VAR} in the list form', code: db('      - POSTGRES_PASSWORD=${DB_PASSWORD}\n') },
    { name: '$VAR without braces', code: db('      POSTGRES_PASSWORD: $DB_PASSWORD\n') },
    {
      name: '${VAR:?err} makes Compose refuse to start without a value',
      code: db('      POSTGRES_PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD in .env}\n'),
    },
    { name: '${VAR?err}', code: db('      - POSTGRES_PASSWORD=${DB_PASSWORD?required}\n') },
    {
      name: '${VAR:-} has an empty default, not a weak one',
      code: db('      POSTGRES_PASSWORD: "${DB_PASSWORD:-}"\n'),
    },
    { name: '$$ escapes a dollar in a long value', code: db('      POSTGRES_PASSWORD: $$Kq8-vLp7wTz-Rm42\n') },
    {
      name: '*_FILE keys name a file, and user or database names are not secrets',
      code: db(
        '      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n      POSTGRES_USER: postgres\n      POSTGRES_DB: postgres\n',
      ),
    },
    { name: 'a *_FILE key in the list form', code: db('      - MYSQL_ROOT_PASSWORD_FILE=root\n') },
    {
      name: 'look-alike keys: PASS inside a word, or settings about a password',
      code: db(
        '      PASSPORT_STRATEGY: admin\n      BYPASS: admin\n      COMPASS_URL: root\n      PASSWORD_MIN_LENGTH: 12\n      PASSWORD_POLICY: strict\n      TOKEN_EXPIRY: 3600\n',
      ),
    },
    {
      name: 'switches about a password hold no password',
      code: db('      MYSQL_RANDOM_ROOT_PASSWORD: "yes"\n      MARIADB_ALLOW_EMPTY_ROOT_PASSWORD: "1"\n'),
    },
    {
      name: 'a key with no value is taken from the shell',
      code: db('      - POSTGRES_PASSWORD\n      - POSTGRES_USER\n'),
    },
    { name: 'a key with no value, map form', code: db('      POSTGRES_PASSWORD:\n') },
    { name: 'an empty value is not a default password', code: db('      POSTGRES_PASSWORD: ""\n') },
    { name: '!reset removes an inherited value', code: db('      POSTGRES_PASSWORD: !reset null\n') },
    { name: '!reset on the whole environment', code: 'services:\n  db:\n    environment: !reset {}\n' },
    {
      name: 'an x- extension field that no service uses',
      code: 'x-notes:\n  POSTGRES_PASSWORD: postgres\nservices:\n  db:\n    image: postgres:16\n',
    },
    {
      name: "a service's own environment replaces a merged one (<< is shallow)",
      code: 'x-db: &db\n  image: postgres:16\n  environment:\n    POSTGRES_PASSWORD: postgres\nservices:\n  db:\n    <<: *db\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD:?required}\n',
    },
    { name: 'a strong password on the command line', code: redis('redis-server --requirepass Xk9mQ2vLp7wTz') },
    {
      name: 'a required variable on the command line',
      code: redis('redis-server --requirepass ${REDIS_PASSWORD:?required}'),
    },
    {
      name: '$$VAR is left for the shell in the container',
      code: redis('sh -c "redis-server --requirepass $$REDIS_PASSWORD"'),
    },
    { name: 'a password flag with nothing after it', code: redis('redis-server --requirepass') },
    { name: 'a password flag followed by another flag', code: redis('redis-server --requirepass --port 6380') },
    {
      name: 'look-alike flags that take a file',
      code: redis('redis-server --requirepass-file /run/secrets/redis --password-file /x'),
    },
    { name: 'a weak word that follows no password flag', code: redis('["redis-server", "--user", "admin"]') },
    {
      name: 'values that switch a credential off are not passwords',
      code: db('      API_KEY: ${API_KEY:-invalid}\n      REDIS_PASSWORD: none\n      SMTP_PASSWORD: "false"\n'),
    },
    {
      name: 'an access key alone names the account, like a user name',
      code: db('      AWS_ACCESS_KEY: sentry\n      MINIO_ACCESS_KEY: minio\n'),
    },
    {
      name: 'a strong .env value',
      code: db('      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n'),
      facts: dotenv('POSTGRES_PASSWORD=Xk9#mQ2!vLp7wTz\n'),
    },
    {
      name: "a service's own environment wins over env_file",
      code: 'services:\n  db:\n    image: postgres:16\n    env_file: .env\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD:?required}\n',
      facts: dotenv('POSTGRES_PASSWORD=postgres\n'),
    },
    {
      name: 'env_file naming another file is not the project .env',
      code: 'services:\n  db:\n    image: postgres:16\n    env_file: ./db.env\n',
      facts: dotenv('POSTGRES_PASSWORD=postgres\n'),
    },
    {
      name: 'a .env line without a value leaves it to the shell',
      code: db('      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n'),
      facts: dotenv('POSTGRES_PASSWORD\n'),
    },
    {
      name: 'signing keys are judged by compose/weak-jwt-secret',
      code: db('      JWT_SECRET: changeme\n      SECRET_KEY_BASE: secret\n'),
    },
  ],
  invalid,
});

describe('compose/default-password messages', () => {
  for (const testCase of invalid) {
    it(`never shows the whole secret: ${testCase.name}`, () => {
      for (const finding of runRule(defaultPassword, testCase.code, testCase.facts)) {
        // A value from .env is not where the finding points: it is the .env line's value.
        const fromDotenv = /from \.env line (\d+)/.exec(finding.message);
        const secret = fromDotenv
          ? /=\s*["']?([^"'\s#]*)/.exec(testCase.facts!.dotenv!.text.split('\n')[Number(fromDotenv[1]) - 1])![1]
          : testCase.code.slice(finding.start, finding.end).replace(/^["']|["']$/g, '');
        assert.ok(!finding.message.includes(secret), `${JSON.stringify(finding.message)} shows ${secret}`);
        const data = JSON.stringify(finding.data);
        assert.ok(!data.includes(secret), `${data} holds ${secret}`);
      }
    });
  }
});

describe('compose/default-password .env fixes', () => {
  it('writes a fresh 24-byte value to .env and requires it in the Compose file', () => {
    const code = db('      POSTGRES_PASSWORD: postgres\n');
    const [finding] = runRule(defaultPassword, code, dotenv('TZ=UTC'));
    const fix = finding.fixes![1];
    assert.equal(fix.preferred, undefined);
    assert.equal(fix.needsReview, true);
    const [compose, env] = fix.edits;
    assert.deepEqual(compose, { start: 81, end: 89, newText: REQUIRED_POSTGRES });
    assert.equal(env.path, '/project/.env');
    assert.deepEqual([env.start, env.end], [6, 6]);
    assert.equal(env.newText, `\nPOSTGRES_PASSWORD=${randomSecret(fixedRandomBytes, 24)}\n`);
    assert.match(env.newText, /^\nPOSTGRES_PASSWORD=[A-Za-z0-9_-]{32}\n$/);
  });

  it('replaces the value on its .env line, keeping the rest of the file', () => {
    const code = db('      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n');
    const text = 'A=1\nPOSTGRES_PASSWORD="postgres" # weak\nB=2\n';
    const [finding] = runRule(defaultPassword, code, dotenv(text));
    const [write, remove] = finding.fixes!;
    assert.equal(write.edits.length, 1);
    assert.deepEqual([write.edits[0].start, write.edits[0].end], [22, 32]);
    assert.equal(write.edits[0].newText, randomSecret(fixedRandomBytes, 24));
    assert.deepEqual(remove.edits, [
      { start: 81, end: 101, newText: REQUIRED_POSTGRES },
      { path: '/project/.env', start: 4, end: 40, newText: '' },
    ]);
  });
});
