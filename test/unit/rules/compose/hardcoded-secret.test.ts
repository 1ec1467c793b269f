import assert from 'node:assert/strict';
import { hardcodedSecret } from '../../../../server/src/rules/compose/hardcoded-secret';
import { ruleTester, runRule } from '../../../helpers/rule-tester';

const dotenv = (text: string) => ({ dotenv: { path: '/project/.env', text } });
const db = (lines: string) => `services:\n  db:\n    image: postgres:16\n    environment:\n${lines}`;
const STRONG = 'Xk9#mQ2!vLp7wTz';
const LITERAL = (name: string, service: string, masked: string) => ({
  messageId: 'hardcoded',
  data: { name, service, masked },
});
const MOVE = 'Move POSTGRES_PASSWORD to .env and require it';
const REQUIRE = 'Require POSTGRES_PASSWORD from the environment (${POSTGRES_PASSWORD:?…})';

ruleTester(hardcodedSecret, {
  valid: [
    {
      name: '${VAR} takes the value from .env or the shell',
      code: db('      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n'),
    },
    { name: 'a required variable', code: db('      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD:?required}\n') },
    {
      name: 'a strong value in .env is where it belongs',
      code: db('      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n'),
      facts: dotenv(`POSTGRES_PASSWORD='${STRONG}'\n`),
    },
    {
      name: 'env_file: .env values are in .env',
      code: 'services:\n  db:\n    image: postgres:16\n    env_file: .env\n',
      facts: dotenv(`POSTGRES_PASSWORD='${STRONG}'\n`),
    },
    { name: 'weak values are compose/default-password findings', code: db('      POSTGRES_PASSWORD: postgres\n') },
    {
      name: 'short signing keys are compose/weak-jwt-secret findings',
      code: db('      JWT_SECRET: dd716937ebf0ab6975fc6f2bfc22afd2\n'),
    },
    {
      name: 'switches, files and Docker secrets hold no secret',
      code: db(
        '      POSTGRES_PASSWORD_FILE: /run/secrets/db\n      REDIS_PASSWORD: "false"\n      API_TOKEN: disabled\n      MYSQL_RANDOM_ROOT_PASSWORD: "yes"\n',
      ),
    },
    {
      name: 'user and database names are not secrets',
      code: db('      POSTGRES_USER: app_owner_2024\n      POSTGRES_DB: inventory\n'),
    },
    {
      name: '$$VAR on a command line is left for the shell in the container',
      code: 'services:\n  redis:\n    image: redis:7\n    command: sh -c "redis-server --requirepass $$REDIS_PASSWORD"\n',
    },
    { name: 'an empty value', code: db('      POSTGRES_PASSWORD: ""\n') },
  ],
  invalid: [
    {
      name: 'a strong password written in the file, map form, quoted',
      code: db(`      POSTGRES_PASSWORD: "${STRONG}"\n`),
      errors: [
        {
          line: 5,
          column: 27,
          endLine: 5,
          endColumn: 42,
          ...LITERAL('POSTGRES_PASSWORD', 'db', 'Xk********'),
          message:
            'POSTGRES_PASSWORD in service "db" is written in the Compose file (Xk********): anyone who can read the file has it. Keep it in .env or a secret.',
          severity: 'warning',
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: 'with a project .env: move it there, or require it; neither is applied unattended',
      code: db(`      - POSTGRES_PASSWORD=${STRONG}\n`),
      facts: dotenv('TZ=UTC\n'),
      errors: [{ line: 5, column: 27, endLine: 5, endColumn: 42, fixes: [MOVE, REQUIRE] }],
      output: null,
    },
    {
      name: 'a default written in the file ships with it',
      code: db(`      - POSTGRES_PASSWORD=\${DB_PASSWORD:-${STRONG}}\n`),
      errors: [
        {
          line: 5,
          column: 42,
          endLine: 5,
          endColumn: 57,
          messageId: 'hardcodedDefault',
          data: { name: 'POSTGRES_PASSWORD', service: 'db', masked: 'Xk********' },
          message:
            'POSTGRES_PASSWORD in service "db" has a default written in the Compose file (Xk********): anyone who can read the file has it. Keep it in .env or a secret.',
        },
      ],
      output: null,
    },
    {
      name: 'a password on the command line',
      code: 'services:\n  cache:\n    image: redis:7\n    command: redis-server --requirepass Xk9mQ2vLp7wTz\n',
      errors: [{ line: 4, column: 41, endLine: 4, endColumn: 54, ...LITERAL('--requirepass', 'cache', 'Xk********') }],
      output: null,
    },
    {
      name: 'a strong signing key is still a secret written in the file',
      code: db('      JWT_SECRET: SnymyW9LtHHrrvWnI7QeR_U834qoBfSqFMASTQnKtWA\n'),
      errors: [{ line: 5, column: 19, endLine: 5, endColumn: 62, ...LITERAL('JWT_SECRET', 'db', 'Sn********') }],
      output: null,
    },
    {
      name: '$$ is a literal dollar in a password',
      code: db('      ADMIN_PASSWORD: $$Kq8-vLp7wTz-Rm42\n'),
      errors: [{ line: 5, column: 23, endLine: 5, endColumn: 41, ...LITERAL('ADMIN_PASSWORD', 'db', '$K********') }],
      output: null,
    },
    {
      name: 'an API token',
      code: db('      STRIPE_API_KEY: sk_live_51H8x2vKq9Lm3Np7Qr\n'),
      errors: [{ line: 5, column: 23, endLine: 5, endColumn: 49, ...LITERAL('STRIPE_API_KEY', 'db', 'sk********') }],
      output: null,
    },
  ],
});

describe('compose/hardcoded-secret fixes', () => {
  it('moves the value to .env as written (quoted where .env needs it) and requires the variable', () => {
    const code = db(`      POSTGRES_PASSWORD: "${STRONG}" # ops\n`);
    const [finding] = runRule(hardcodedSecret, code, dotenv('TZ=UTC'));
    const [move, require] = finding.fixes!;
    assert.equal(move.needsReview, true);
    assert.equal(require.needsReview, true);
    assert.ok(!move.preferred && !require.preferred);
    assert.deepEqual(move.edits, [
      { start: 82, end: 97, newText: '${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}' },
      { path: '/project/.env', start: 6, end: 6, newText: `\nPOSTGRES_PASSWORD='${STRONG}'\n` },
    ]);
  });

  it('changes an existing .env line rather than adding a second one', () => {
    const code = db(`      POSTGRES_PASSWORD: ${STRONG}\n`);
    const [finding] = runRule(hardcodedSecret, code, dotenv('POSTGRES_PASSWORD=\n'));
    assert.deepEqual(finding.fixes![0].edits[1], { path: '/project/.env', start: 18, end: 18, newText: `'${STRONG}'` });
  });
});
