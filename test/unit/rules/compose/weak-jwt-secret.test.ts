import assert from 'node:assert/strict';
import { entropyBits } from '../../../../server/src/secrets/strength';
import { weakJwtSecret } from '../../../../server/src/rules/compose/weak-jwt-secret';
import { ruleTester, runRule } from '../../../helpers/rule-tester';

const dotenv = (text: string) => ({ dotenv: { path: '/project/.env', text } });
/** An `api` service whose `environment:` block holds `lines`. */
const api = (lines: string) => `services:\n  api:\n    image: ghcr.io/acme/api:2.1\n    environment:\n${lines}`;
const REQUIRE_JWT = 'Require JWT_SECRET from the environment (${JWT_SECRET:?…})';
const REQUIRED_JWT = '${JWT_SECRET:?set JWT_SECRET in .env}';
/** 32 random bytes, as `openssl rand -base64 32 | tr '+/' '-_'` and `openssl rand -hex 32` print them. */
const STRONG_BASE64 = 'SnymyW9LtHHrrvWnI7QeR_U834qoBfSqFMASTQnKtWA';
const STRONG_HEX = '07683ecd00e515e946b5127e8cece34bfbadd388ab0c676e9179719f71d253a0';
/** 16 random bytes: strong as a password, half what HS256 needs. */
const HALF_HEX = 'dd716937ebf0ab6975fc6f2bfc22afd2';
/** Why a key is too weak, as the message words it. */
const BITS = (bits: number) => `about ${bits} bits of entropy, where 256 (32 random bytes) are needed`;
const weak = (name: string, service: string, weakness: string, masked: string, origin = '') => ({
  messageId: 'weak',
  data: { name, service, weakness, masked, origin },
});

ruleTester(weakJwtSecret, {
  valid: [
    { name: '32 random bytes, base64url', code: api(`      JWT_SECRET: ${STRONG_BASE64}\n`) },
    { name: '32 random bytes, hex, list form', code: api(`      - SESSION_SECRET=${STRONG_HEX}\n`) },
    {
      name: "Laravel's APP_KEY with 32 bytes",
      code: api('      APP_KEY: base64:Ag7Y0s3o8W2Q1nq2b0bqkq4m0Z3K8xkYp3kq1Lx6m4A=\n'),
    },
    { name: 'a required variable', code: api(`      JWT_SECRET: ${REQUIRED_JWT}\n`) },
    { name: '${VAR} with no .env is not judged', code: api('      JWT_SECRET: ${JWT_SECRET}\n') },
    {
      name: 'a strong .env value',
      code: api('      JWT_SECRET: ${JWT_SECRET}\n'),
      facts: dotenv(`JWT_SECRET=${STRONG_HEX}\n`),
    },
    {
      name: 'settings about tokens and *_FILE keys hold no key',
      code: api('      JWT_EXPIRES_IN: 3600\n      JWT_ALGORITHM: HS256\n      JWT_SECRET_FILE: /run/secrets/jwt\n'),
    },
    {
      name: 'object-storage secret keys are passwords, for compose/default-password',
      code: api('      MINIO_SECRET_KEY: short\n      AWS_SECRET_ACCESS_KEY: short\n'),
    },
    { name: 'a Docker secret path', code: api('      SECRET_KEY: /run/secrets/django_key\n') },
  ],
  invalid: [
    {
      name: 'a guessable JWT secret, map form',
      code: api('      JWT_SECRET: supersecretjwtkey\n'),
      errors: [
        {
          line: 5,
          column: 19,
          endLine: 5,
          endColumn: 36,
          ...weak('JWT_SECRET', 'api', BITS(44), 'su********'),
          message:
            'JWT_SECRET in service "api" is too weak to sign tokens: about 44 bits of entropy, where 256 (32 random bytes) are needed (su********).',
          severity: 'error',
          fixes: [REQUIRE_JWT],
        },
      ],
      output: api(`      JWT_SECRET: ${REQUIRED_JWT}\n`),
    },
    {
      name: 'a long phrase is still far from 32 random bytes, list form',
      code: api('      - SESSION_SECRET=my-very-long-session-secret-value\n'),
      errors: [
        { line: 5, column: 24, endLine: 5, endColumn: 57, ...weak('SESSION_SECRET', 'api', BITS(118), 'my********') },
      ],
      output: api('      - SESSION_SECRET=${SESSION_SECRET:?set SESSION_SECRET in .env}\n'),
    },
    {
      name: '16 random bytes are strong as a password, but half what HS256 needs',
      code: api(`      SECRET_KEY_BASE: "${HALF_HEX}"\n`),
      errors: [
        { line: 5, column: 25, endLine: 5, endColumn: 57, ...weak('SECRET_KEY_BASE', 'api', BITS(128), 'dd********') },
      ],
      output: api('      SECRET_KEY_BASE: "${SECRET_KEY_BASE:?set SECRET_KEY_BASE in .env}"\n'),
    },
    {
      name: '${VAR:-default} is judged at its default, and the fix keeps the variable',
      code: api('      JWT_SECRET: ${API_JWT_SECRET:-changeme}\n'),
      errors: [
        {
          line: 5,
          column: 37,
          endLine: 5,
          endColumn: 45,
          ...weak('JWT_SECRET', 'api', 'a well-known default or placeholder', 'ch******'),
          fixes: ['Require API_JWT_SECRET from the environment (${API_JWT_SECRET:?…})'],
        },
      ],
      output: api('      JWT_SECRET: ${API_JWT_SECRET:?set API_JWT_SECRET in .env}\n'),
    },
    {
      name: "Laravel's APP_KEY with 16 bytes",
      code: 'services:\n  app:\n    image: acme/laravel-app:1.0\n    environment:\n      APP_KEY: base64:TOkeccF1cKbyxcK4K+HK2w==\n',
      errors: [{ line: 5, column: 16, endLine: 5, endColumn: 47, ...weak('APP_KEY', 'app', BITS(128), 'ba********') }],
      output:
        'services:\n  app:\n    image: acme/laravel-app:1.0\n    environment:\n      APP_KEY: ${APP_KEY:?set APP_KEY in .env}\n',
    },
    {
      name: 'with a project .env, a second fix writes 32 random bytes there',
      code: api('      JWT_SECRET: supersecretjwtkey\n'),
      facts: dotenv(''),
      errors: [
        {
          line: 5,
          column: 19,
          endLine: 5,
          endColumn: 36,
          fixes: [REQUIRE_JWT, 'Write 32 random bytes for JWT_SECRET to .env and require it'],
        },
      ],
      output: api(`      JWT_SECRET: ${REQUIRED_JWT}\n`),
    },
    {
      name: 'a short value in .env is reported where the Compose file uses it',
      code: api('      JWT_SECRET: ${JWT_SECRET}\n'),
      facts: dotenv(`JWT_SECRET=${HALF_HEX}\n`),
      errors: [
        {
          line: 5,
          column: 19,
          endLine: 5,
          endColumn: 32,
          ...weak('JWT_SECRET', 'api', BITS(128), 'dd********', ' from .env line 1'),
          message:
            'JWT_SECRET in service "api" is too weak to sign tokens: about 128 bits of entropy, where 256 (32 random bytes) are needed (dd********) from .env line 1.',
          fixes: ['Write 32 random bytes for JWT_SECRET to .env', 'Remove JWT_SECRET from .env and require it'],
        },
      ],
      output: null,
    },
    {
      name: 'env_file: .env gives the container a weak NEXTAUTH_SECRET',
      code: 'services:\n  web:\n    image: acme/web:3\n    env_file:\n      - .env\n',
      facts: dotenv('NEXTAUTH_URL=https://example.com\nNEXTAUTH_SECRET=secret\n'),
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 13,
          ...weak('NEXTAUTH_SECRET', 'web', 'a well-known default or placeholder', 'se****', ' from .env line 2'),
        },
      ],
      output: null,
    },
    {
      name: 'a key shared through an anchor is reported once, where it is written',
      code: 'x-env: &env\n  SESSION_SECRET: hunter2hunter2\nservices:\n  a:\n    image: acme/a:1\n    environment: *env\n  b:\n    image: acme/b:1\n    environment:\n      <<: *env\n',
      errors: [
        { line: 2, column: 19, endLine: 2, endColumn: 33, ...weak('SESSION_SECRET', 'a', BITS(14), 'hu********') },
      ],
      output:
        'x-env: &env\n  SESSION_SECRET: ${SESSION_SECRET:?set SESSION_SECRET in .env}\nservices:\n  a:\n    image: acme/a:1\n    environment: *env\n  b:\n    image: acme/b:1\n    environment:\n      <<: *env\n',
    },
  ],
});

describe('compose/weak-jwt-secret entropy', () => {
  it('counts random strings at their alphabet and structure at what zxcvbn needs', () => {
    assert.ok(entropyBits(STRONG_BASE64) >= 256);
    assert.ok(entropyBits(STRONG_HEX) >= 256);
    assert.equal(entropyBits(HALF_HEX), 128);
    assert.ok(entropyBits('correct horse battery staple, and then some more words') < 256);
  });

  it('generates 32 random bytes for Laravel keys in their base64: form', () => {
    const [finding] = runRule(
      weakJwtSecret,
      'services:\n  app:\n    image: acme/app:1\n    environment:\n      APP_KEY: base64:TOkeccF1cKbyxcK4K+HK2w==\n',
      dotenv(''),
    );
    const written = finding.fixes![1].edits[1].newText;
    assert.match(written, /^APP_KEY=base64:[A-Za-z0-9+/]{43}=\n$/);
  });
});
