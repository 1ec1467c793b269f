import { emptyPassword } from '../../../../server/src/rules/compose/empty-password';
import { ruleTester } from '../../../helpers/rule-tester';

const dotenv = (text: string) => ({ dotenv: { path: '/project/.env', text } });
const mysql = (lines: string) => `services:\n  db:\n    image: mysql:8\n    environment:\n${lines}`;
const postgres = (lines: string) => `services:\n  db:\n    image: postgres:16\n    environment:\n${lines}`;
const ON = {
  messageId: 'emptyRootSwitch',
  data: { name: 'MYSQL_ALLOW_EMPTY_PASSWORD', service: 'db', origin: '' },
};
const EMPTY = (name: string, service = 'db', origin = '') => ({
  messageId: 'empty',
  data: { name, service, origin },
});

ruleTester(emptyPassword, {
  valid: [
    { name: 'a root password', code: mysql('      MYSQL_ROOT_PASSWORD: ${MYSQL_ROOT_PASSWORD:?required}\n') },
    {
      name: '"no" beside a root password changes nothing',
      code: mysql('      MYSQL_ALLOW_EMPTY_PASSWORD: "no"\n      MYSQL_ROOT_PASSWORD_FILE: /run/secrets/root\n'),
    },
    {
      name: 'an empty switch is off',
      code: mysql('      - MYSQL_ALLOW_EMPTY_PASSWORD=\n      - MYSQL_RANDOM_ROOT_PASSWORD=yes\n'),
    },
    { name: 'scram-sha-256 authentication', code: postgres('      POSTGRES_HOST_AUTH_METHOD: scram-sha-256\n') },
    {
      name: 'trust for local socket connections only',
      code: postgres('      POSTGRES_INITDB_ARGS: --auth-local=trust --auth-host=scram-sha-256\n'),
    },
    {
      name: 'Bitnami switch off',
      code: 'services:\n  cache:\n    image: bitnami/redis:7.2\n    environment:\n      - ALLOW_EMPTY_PASSWORD=no\n',
    },
    {
      name: '${VAR} and ${VAR:-} leave the value to whoever deploys',
      code: postgres('      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n      REDIS_PASSWORD: ${REDIS_PASSWORD:-}\n'),
    },
    { name: 'a key with no value is taken from the shell', code: postgres('      POSTGRES_PASSWORD:\n') },
    {
      name: 'an empty token or API key turns a feature off',
      code: postgres('      OPENAI_API_KEY: ""\n      SENTRY_TOKEN: ""\n'),
    },
    {
      name: 'a .env value that is set',
      code: postgres('      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n'),
      facts: dotenv('POSTGRES_PASSWORD=Xk9mQ2vLp7wTz\n'),
    },
  ],
  invalid: [
    {
      name: 'MYSQL_ALLOW_EMPTY_PASSWORD, map form: the fix removes the entry',
      code: mysql('      MYSQL_ALLOW_EMPTY_PASSWORD: "yes"\n      MYSQL_DATABASE: app\n'),
      errors: [
        {
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 40,
          ...ON,
          message:
            'MYSQL_ALLOW_EMPTY_PASSWORD in service "db" is on: MySQL or MariaDB then starts with an empty root password.',
          severity: 'error',
          fixes: ['Remove MYSQL_ALLOW_EMPTY_PASSWORD'],
        },
      ],
      output: mysql('      MYSQL_DATABASE: app\n'),
    },
    {
      name: '"no" without a root password: the images only test for a non-empty value',
      code: mysql('      - MYSQL_DATABASE=app\n      - MYSQL_ALLOW_EMPTY_PASSWORD=no\n'),
      errors: [
        {
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 38,
          messageId: 'emptyRootSwitchValue',
          data: { name: 'MYSQL_ALLOW_EMPTY_PASSWORD', service: 'db', value: 'no', origin: '' },
          message:
            'MYSQL_ALLOW_EMPTY_PASSWORD in service "db" is "no", which the MySQL and MariaDB images read as on: any non-empty value starts the database with an empty root password.',
        },
      ],
      output: mysql('      - MYSQL_DATABASE=app\n'),
    },
    {
      name: 'the only entry: the list is emptied, so environment: keeps a value',
      code: 'services:\n  db:\n    image: mariadb:11\n    environment:\n      - MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=1\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 44, fixes: ['Remove MARIADB_ALLOW_EMPTY_ROOT_PASSWORD'] }],
      output: 'services:\n  db:\n    image: mariadb:11\n    environment:\n      []\n',
    },
    {
      name: 'an empty root password beside the switch is reported once, and required by the same fix',
      code: mysql('      MYSQL_ALLOW_EMPTY_PASSWORD: "1"\n      MYSQL_ROOT_PASSWORD: ""\n'),
      errors: [
        {
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 38,
          ...ON,
          fixes: ['Remove MYSQL_ALLOW_EMPTY_PASSWORD and require MYSQL_ROOT_PASSWORD'],
        },
      ],
      output: mysql('      MYSQL_ROOT_PASSWORD: "${MYSQL_ROOT_PASSWORD:?set MYSQL_ROOT_PASSWORD in .env}"\n'),
    },
    {
      name: 'the switch set from .env: reported where the Compose file uses it',
      code: mysql('      MYSQL_ALLOW_EMPTY_PASSWORD: ${ALLOW_EMPTY}\n      MYSQL_DATABASE: app\n'),
      facts: dotenv('ALLOW_EMPTY=true\n'),
      errors: [
        {
          line: 5,
          column: 35,
          endLine: 5,
          endColumn: 49,
          messageId: 'emptyRootSwitch',
          data: { name: 'MYSQL_ALLOW_EMPTY_PASSWORD', service: 'db', origin: ' from .env line 1' },
        },
      ],
      output: mysql('      MYSQL_DATABASE: app\n'),
    },
    {
      name: 'POSTGRES_HOST_AUTH_METHOD=trust, with a comment on the line',
      code: postgres('      POSTGRES_HOST_AUTH_METHOD: trust # dev only\n      POSTGRES_DB: app\n'),
      errors: [
        {
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 39,
          messageId: 'trustAuth',
          data: { service: 'db', origin: '' },
          message:
            'POSTGRES_HOST_AUTH_METHOD in service "db" is trust: every client that reaches PostgreSQL logs in as any user, with no password.',
          fixes: ['Remove POSTGRES_HOST_AUTH_METHOD (PostgreSQL then asks for a password)'],
        },
      ],
      output: postgres('      POSTGRES_DB: app\n'),
    },
    {
      name: 'trust set through initdb options',
      code: postgres('      POSTGRES_INITDB_ARGS: --auth-host=trust\n'),
      errors: [
        {
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 46,
          messageId: 'initdbTrust',
          data: { service: 'db', origin: '' },
          message: 'POSTGRES_INITDB_ARGS in service "db" sets trust authentication: clients log in with no password.',
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: "Bitnami's ALLOW_EMPTY_PASSWORD",
      code: 'services:\n  cache:\n    image: bitnami/redis:7.2\n    environment:\n      - REDIS_DISABLE_COMMANDS=FLUSHALL\n      - ALLOW_EMPTY_PASSWORD=yes\n',
      errors: [
        {
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 33,
          messageId: 'noPasswordSwitch',
          data: { name: 'ALLOW_EMPTY_PASSWORD', service: 'cache', origin: '' },
          message: 'ALLOW_EMPTY_PASSWORD in service "cache" is on: the service runs without a password.',
        },
      ],
      output:
        'services:\n  cache:\n    image: bitnami/redis:7.2\n    environment:\n      - REDIS_DISABLE_COMMANDS=FLUSHALL\n',
    },
    {
      name: 'an empty password in the list form: the whole entry is reported',
      code: postgres('      - POSTGRES_PASSWORD=\n'),
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 27,
          ...EMPTY('POSTGRES_PASSWORD'),
          message:
            'POSTGRES_PASSWORD in service "db" is empty: depending on the image, the service runs without a password, falls back to a built-in default, or refuses to start.',
          fixes: ['Require POSTGRES_PASSWORD from the environment (${POSTGRES_PASSWORD:?…})'],
        },
      ],
      output: postgres('      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}\n'),
    },
    {
      name: 'an empty quoted password in the map form',
      code: 'services:\n  grafana:\n    image: grafana/grafana:11.1.0\n    environment:\n      GF_SECURITY_ADMIN_PASSWORD: ""\n',
      errors: [
        {
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 37,
          ...EMPTY('GF_SECURITY_ADMIN_PASSWORD', 'grafana'),
        },
      ],
      output:
        'services:\n  grafana:\n    image: grafana/grafana:11.1.0\n    environment:\n      GF_SECURITY_ADMIN_PASSWORD: "${GF_SECURITY_ADMIN_PASSWORD:?set GF_SECURITY_ADMIN_PASSWORD in .env}"\n',
    },
    {
      name: 'an empty .env value',
      code: postgres('      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n'),
      facts: dotenv('POSTGRES_PASSWORD=\n'),
      errors: [
        {
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 46,
          ...EMPTY('POSTGRES_PASSWORD', 'db', ' from .env line 1'),
          message:
            'POSTGRES_PASSWORD in service "db" is empty from .env line 1: depending on the image, the service runs without a password, falls back to a built-in default, or refuses to start.',
          fixes: [
            'Write a strong random value for POSTGRES_PASSWORD to .env',
            'Remove POSTGRES_PASSWORD from .env and require it',
          ],
        },
      ],
      output: null,
    },
    {
      name: 'CRLF line endings',
      code: 'services:\r\n  db:\r\n    image: mysql:8\r\n    environment:\r\n      MYSQL_ALLOW_EMPTY_PASSWORD: "yes"\r\n      MYSQL_DATABASE: app\r\n',
      errors: [{ line: 5, column: 7, endLine: 5, endColumn: 40, ...ON }],
      output: 'services:\r\n  db:\r\n    image: mysql:8\r\n    environment:\r\n      MYSQL_DATABASE: app\r\n',
    },
    {
      name: 'a flow map: reported, no fix',
      code: 'services:\n  db:\n    image: mysql:8\n    environment: { MYSQL_ALLOW_EMPTY_PASSWORD: "yes", MYSQL_DATABASE: app }\n',
      errors: [{ line: 4, column: 20, endLine: 4, endColumn: 53, fixes: [] }],
      output: null,
    },
  ],
});
