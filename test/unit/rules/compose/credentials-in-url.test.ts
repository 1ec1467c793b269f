import assert from 'node:assert/strict';
import { urlPasswords } from '../../../../server/src/formats/compose/specs';
import { credentialsInUrl } from '../../../../server/src/rules/compose/credentials-in-url';
import { ruleTester, runRule } from '../../../helpers/rule-tester';

const dotenv = (text: string) => ({ dotenv: { path: '/project/.env', text } });
const api = (lines: string) => `services:\n  api:\n    image: acme/api:1\n    environment:\n${lines}`;
const TAKE_DB = 'Take the password from DATABASE_PASSWORD (${DATABASE_PASSWORD:?…})';
const REQUIRED_DB = '${DATABASE_PASSWORD:?set DATABASE_PASSWORD in .env}';

ruleTester(credentialsInUrl, {
  valid: [
    { name: 'an interpolated password', code: api('      DATABASE_URL: postgres://app:${DB_PASSWORD}@db:5432/app\n') },
    { name: 'the whole URL from .env', code: api('      DATABASE_URL: ${DATABASE_URL:?required}\n') },
    { name: 'a user with no password', code: api('      - GIT_URL=ssh://git@github.com/acme/app.git\n') },
    { name: 'an empty password', code: api('      REDIS_URL: redis://:@cache:6379\n') },
    {
      name: 'a masked example',
      code: api('      DATABASE_URL: postgres://app:****@db/app\n      MONGO_URL: mongodb://u:<password>@m/x\n'),
    },
    {
      name: 'host and port, no credentials',
      code: api('      API_URL: http://backend:8080/api\n      PROXY: socks5://127.0.0.1:1080\n'),
    },
    {
      name: '$$ leaves a variable to the container',
      code: api('      DATABASE_URL: postgres://app:$${DB_PASSWORD}@db/app\n'),
    },
    {
      name: 'a URL password in .env, read with env_file: .env, is where it belongs',
      code: 'services:\n  api:\n    image: ghcr.io/acme/api:2.4.1\n    env_file: .env\n',
      files: { '.env': 'DATABASE_URL=postgres://app:s3cr3t-Pw@db/app\n' },
      facts: { dotenv: { path: '/project/.env', text: 'DATABASE_URL=postgres://app:s3cr3t-Pw@db/app\n' } },
    },
    { name: 'an @ in the path is not credentials', code: api('      FEED: https://example.com/users/me:x/@feed\n') },
  ],
  invalid: [
    {
      name: 'a URL password in a committed env_file: reported on its env_file line, pointing at the value',
      code: 'services:\n  api:\n    image: ghcr.io/acme/api:2.4.1\n    env_file:\n      - common.env\n      - backend.env\n',
      files: {
        'common.env': 'TZ=UTC\n',
        'backend.env': 'CACHE_URL=redis://cache:6379/0\nDATABASE_URL=postgres://saleor:saleor@db/saleor\n',
      },
      errors: [
        {
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 20,
          messageId: 'urlPasswordInFile',
          data: {
            name: 'DATABASE_URL',
            service: 'api',
            scheme: 'postgres',
            masked: 'sa****',
            origin: ' from backend.env line 2',
          },
          message:
            'DATABASE_URL in service "api" has a literal password in its postgres:// URL (sa****) from backend.env line 2: keep the password in its own variable, set outside the repository.',
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: 'a literal password in DATABASE_URL, map form: only the password is reported and replaced',
      code: api('      DATABASE_URL: postgres://app:s3cr3t-Pw@db:5432/app\n'),
      errors: [
        {
          line: 5,
          column: 36,
          endLine: 5,
          endColumn: 45,
          messageId: 'urlPassword',
          data: { name: 'DATABASE_URL', service: 'api', scheme: 'postgres', masked: 's3*******' },
          message:
            'DATABASE_URL in service "api" has a literal password in its postgres:// URL (s3*******): interpolate it from .env instead.',
          severity: 'error',
          fixes: [TAKE_DB],
        },
      ],
      output: api(`      DATABASE_URL: postgres://app:${REQUIRED_DB}@db:5432/app\n`),
    },
    {
      name: 'list form, a password with no user, and a project .env',
      code: api('      - REDIS_URL=redis://:hunter2@cache:6379/0\n'),
      facts: dotenv('TZ=UTC\n'),
      errors: [
        {
          line: 5,
          column: 28,
          endLine: 5,
          endColumn: 35,
          messageId: 'urlPassword',
          data: { name: 'REDIS_URL', service: 'api', scheme: 'redis', masked: 'hu*****' },
          fixes: [
            'Take the password from REDIS_PASSWORD (${REDIS_PASSWORD:?…})',
            'Move the password to .env as REDIS_PASSWORD',
          ],
        },
      ],
      output: api('      - REDIS_URL=redis://:${REDIS_PASSWORD:?set REDIS_PASSWORD in .env}@cache:6379/0\n'),
    },
    {
      name: 'a URL in a default',
      code: api('      DATABASE_URL: ${DATABASE_URL:-postgres://app:devpass@db/app}\n'),
      errors: [{ line: 5, column: 52, endLine: 5, endColumn: 59 }],
      output: api(`      DATABASE_URL: \${DATABASE_URL:-postgres://app:${REQUIRED_DB}@db/app}\n`),
    },
    {
      name: 'a flow map value is quoted by the fix',
      code: 'services:\n  api:\n    image: acme/api:1\n    environment: { DATABASE_URL: mysql://root:pw@db/app }\n',
      errors: [
        {
          line: 4,
          column: 47,
          endLine: 4,
          endColumn: 49,
          messageId: 'urlPassword',
          data: { name: 'DATABASE_URL', service: 'api', scheme: 'mysql', masked: '***' },
        },
      ],
      output: `services:\n  api:\n    image: acme/api:1\n    environment: { DATABASE_URL: "mysql://root:${REQUIRED_DB}@db/app" }\n`,
    },
    {
      name: 'a URL on the command line, in a flow list',
      code: 'services:\n  worker:\n    image: acme/worker:1\n    command: ["worker", "--broker", amqp://guest:guest@rabbit:5672/]\n',
      errors: [
        {
          line: 4,
          column: 50,
          endLine: 4,
          endColumn: 55,
          messageId: 'urlPasswordInCommand',
          data: { key: 'command', service: 'worker', article: 'an', scheme: 'amqp', masked: 'gu***' },
          message:
            'The command of service "worker" has a literal password in an amqp:// URL (gu***): interpolate it from .env instead.',
          fixes: ['Take the password from WORKER_PASSWORD (${WORKER_PASSWORD:?…})'],
        },
      ],
      output:
        'services:\n  worker:\n    image: acme/worker:1\n    command: ["worker", "--broker", "amqp://guest:${WORKER_PASSWORD:?set WORKER_PASSWORD in .env}@rabbit:5672/"]\n',
    },
    {
      name: 'two hosts in a MongoDB URL',
      code: api('      MONGO_URI: mongodb://root:example@mongo1:27017,mongo2:27017/app?replicaSet=rs0\n'),
      errors: [
        {
          line: 5,
          column: 33,
          endLine: 5,
          endColumn: 40,
          fixes: ['Take the password from MONGO_PASSWORD (${MONGO_PASSWORD:?…})'],
        },
      ],
      output: api(
        '      MONGO_URI: mongodb://root:${MONGO_PASSWORD:?set MONGO_PASSWORD in .env}@mongo1:27017,mongo2:27017/app?replicaSet=rs0\n',
      ),
    },
  ],
});

describe('compose/credentials-in-url parsing', () => {
  it('takes the last @ of the authority, and the password as written', () => {
    assert.deepEqual(urlPasswords('https://u:p%40ss@host/a@b'), [
      { start: 10, end: 16, password: 'p%40ss', scheme: 'https' },
    ]);
  });

  it('moves the password to .env as written, percent-encoding included', () => {
    const [finding] = runRule(credentialsInUrl, api('      DATABASE_URL: postgres://app:p%40ss@db/app\n'), dotenv(''));
    assert.deepEqual(finding.fixes![1].edits[1], {
      path: '/project/.env',
      start: 0,
      end: 0,
      newText: 'DATABASE_PASSWORD=p%40ss\n',
    });
  });
});
