import assert from 'node:assert/strict';
import {
  contextWords,
  entropyBits,
  identityWords,
  readAsWords,
  secretWeakness,
  type Weakness,
} from '../../../server/src/secrets/strength';

/** Values, the words an attacker tries first for them, and the weakness expected (undefined: strong). */
const WEAKNESS: [string, string[], Weakness | undefined][] = [
  // Defaults and placeholders.
  ['changeme', [], 'default'],
  ['CHANGE_ME_TOO', [], 'default'],
  ['secrettokengoeshere', [], 'default'],
  ['thisisnotsecure', [], 'default'],
  ['<your-cloudflare-api-token>', [], 'default'],
  ['dns_cloudflare_api_token <your-cloudflare-api-token>', [], 'default'],
  ['xxxx', [], 'default'],
  ['0'.repeat(64), [], 'default'],
  // Short.
  ['hunter2', [], 'short'],
  ['key', [], 'short'],
  ['k3str4', ['kestra'], 'short'],
  // Built from generic words and the project's own words, with a few digits or symbols.
  ['TOKEN_VALUE', [], 'guessable'],
  ['supersecretpassword', [], 'default'],
  ['adminsecret_please', [], 'default'],
  ['demotoken', [], 'guessable'],
  ['p@ssw0rd_2024', [], 'guessable'],
  ['guac_pass', ['guacamole'], 'guessable'],
  ['concourse_pass', ['concourse'], 'guessable'],
  ['hedgedoc', ['hedgedoc'], 'guessable'],
  ['bookstack-test', ['bookstack', 'dev'], 'guessable'],
  ['teamcity_password', ['jetbrains', 'teamcity', 'server'], 'guessable'],
  ['roundcube-mysql-pw', ['roundcubedb', 'roundcube', 'roundcubemail'], 'guessable'],
  ['mongoexpresspass', ['mongo', 'express'], 'guessable'],
  ['minioadminpassword', ['minio'], 'guessable'],
  ['SOGoSuperSecret0', ['sogo', 'mailcow'], 'guessable'],
  ['k3str4_admin', ['kestra'], 'guessable'],
  ['mautic_db_pwd', ['mautic'], 'guessable'],
  ['default:development.unleash-insecure-api-token', ['unleash', 'server'], 'guessable'],
  // A project word written backwards is still tried first; words the value does not hold change nothing.
  ['anafarg1986', ['grafana'], 'guessable'],
  ['anafarg1986', ['grafana', 'postgres', 'server'], 'guessable'],
  ['anafarg1986', ['postgres', 'server'], undefined],
  // Strong: random, or words nobody here would try first.
  ['Xk9#mQ2!vLp7wTz', [], undefined],
  ['q3Vb7kX9mP2sT8wZ1cR5yN4hJ6gF0dL3', [], undefined],
  ['maple-quasar-violin-orbit', [], undefined],
  // Look-alikes: a project word with too many other characters around it.
  ['hedgedoc-7Hq2#xLm9Z', ['hedgedoc'], undefined],
];

describe('secrets/strength', () => {
  describe('secretWeakness', () => {
    for (const [value, context, weakness] of WEAKNESS) {
      it(`${value.slice(0, 40)}: ${weakness ?? 'strong'}`, () => {
        assert.equal(secretWeakness(value, context), weakness);
      });
    }
    it('has nothing to say about an empty value', () => {
      assert.equal(secretWeakness('  '), undefined);
    });
  });

  describe('readAsWords', () => {
    it('splits at separators, at case changes and inside run-together words, and undoes l33t', () => {
      assert.deepEqual(readAsWords('thisisnotsecure')?.words, ['this', 'is', 'not', 'secure']);
      assert.deepEqual(readAsWords('SOGoSuperSecret0', ['sogo']), {
        words: ['sogo', 'supersecret'],
        extras: 1,
        contextual: true,
      });
      assert.deepEqual(readAsWords('k3str4', ['kestra'])?.words, ['kestra']);
      assert.deepEqual(readAsWords('CHANGE_ME!!'), { words: ['change', 'me'], extras: 2, contextual: false });
    });
    it('counts the prefix of a project word as the word', () => {
      assert.deepEqual(readAsWords('guac_pass', ['guacamole'])?.words, ['guac', 'pass']);
      assert.equal(readAsWords('gua_pass', ['guacamole']), undefined);
    });
    it('reads nothing into random letters, digits alone or an over-long value', () => {
      assert.equal(readAsWords('kXmQvLpwTzNbRsYd'), undefined);
      assert.equal(readAsWords('12345678'), undefined);
      assert.equal(readAsWords('password'.repeat(20)), undefined);
      assert.equal(readAsWords(''), undefined);
    });
    it('stays linear on long runs of near-words', () => {
      const started = process.hrtime.bigint();
      for (let i = 0; i < 200; i++) readAsWords(`${'pas'.repeat(31)}x`, ['passw', 'pass', 'passwo']);
      assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 2000);
    });
  });

  describe('context words', () => {
    it('takes the words of names, three letters or more', () => {
      assert.deepEqual(contextWords('POSTGRES_PASSWORD', 'ghcr.io/acme/infra-api:2.1', undefined), [
        'postgres',
        'password',
        'ghcr',
        'acme',
        'infra',
        'api',
      ]);
    });
    it('takes the user and database names set beside a credential, not secrets, switches or variables', () => {
      assert.deepEqual(
        identityWords([
          { name: 'MYSQL_USER', value: 'bookstack-test' },
          { name: 'MYSQL_DATABASE', value: 'bookstack-dev' },
          { name: 'MYSQL_PASSWORD', value: 'bookstack-test' },
          { name: 'PGUSER', value: '${PGUSER}' },
          { name: 'DB_NAME', value: 'true' },
          { name: 'DB_HOST', value: 'mariadb' },
          { name: 'POSTGRES_USER' },
        ]),
        ['bookstack', 'test', 'dev'],
      );
    });
  });

  describe('entropyBits', () => {
    it('counts random keys at their width and structure at what it takes to guess', () => {
      assert.ok(entropyBits('46BKJoQYlPPOexq0OhDZnIlNepKFf87WFwLbfzqDDho=') >= 256);
      assert.ok(entropyBits('0'.repeat(64)) < 64);
      assert.ok(entropyBits('a1b2c3d4e5f6a7b8') < 64);
    });
  });
});
