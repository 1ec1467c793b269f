import assert from 'node:assert/strict';
import {
  credentialVerdict,
  describeWeakness,
  describeWeakSigningKey,
  isServerPasswordKey,
  KEY_MIN_BITS,
  type CredentialVerdict,
} from '../../../server/src/secrets/verdict';

const STRONG_KEY = 'q3Vb7kX9mP2sT8wZ1cR5yN4hJ6gF0dL3aE7uI2oK9xM=';

/** Name, value, context words and the verdict expected (undefined: no credential, or no value to judge). */
const VERDICTS: [string, string, string[], CredentialVerdict | undefined][] = [
  // Empty values: a server's password, not a client's, a token's or a switch's.
  ['POSTGRES_PASSWORD', '', [], { kind: 'empty' }],
  ['WEBPASSWORD', '', [], { kind: 'empty' }],
  ['PYCROFT_LDAP_BIND_PW', '', [], undefined],
  ['PYCROFT_SMTP_PASSWORD', '', [], undefined],
  ['EMAIL_HOST_PASSWORD', '', [], undefined],
  ['API_TOKEN', '', [], undefined],
  ['POSTGRES_PASSWORD', '   ', [], undefined],
  // Weak values under new names.
  ['PYCROFT_LDAP_BIND_PW', 'password', [], { kind: 'weak', weakness: 'default' }],
  ['PAPERLESS_DBPASS', 'paperless', ['paperless', 'ngx'], { kind: 'weak', weakness: 'guessable' }],
  ['SOGO_URL_ENCRYPTION_KEY', 'SOGoSuperSecret0', ['sogo'], { kind: 'weak', weakness: 'guessable' }],
  ['SWDD_HASH_KEY', 'key', [], { kind: 'weak', weakness: 'short' }],
  ['DATA_AES_256_KEY', '0'.repeat(64), [], { kind: 'weak', weakness: 'default' }],
  [
    'INIT_BACKEND_API_TOKENS',
    'default:development.unleash-insecure-api-token',
    ['unleash'],
    { kind: 'weak', weakness: 'guessable' },
  ],
  ['TOKEN', 'TOKEN_VALUE', [], { kind: 'weak', weakness: 'guessable' }],
  ['ELASTIC_APM_SECRET_TOKEN', 'secrettokengoeshere', [], { kind: 'weak', weakness: 'default' }],
  [
    'LETS_ENCRYPT_DNS_CREDENTIAL_ITEM',
    'dns_cloudflare_api_token <your-cloudflare-api-token>',
    [],
    { kind: 'weak', weakness: 'default' },
  ],
  ['REDIS_AUTH', 'redispass', ['redis'], { kind: 'weak', weakness: 'guessable' }],
  // A generated key or token with little entropy: weak, where a person's password of that shape is judged by zxcvbn.
  ['N8N_ENCRYPTION_KEY', 'a1b2c3d4e5f6a7b8', [], { kind: 'weak', weakness: 'low-entropy' }],
  ['GITHUB_TOKEN', 'Kx7pQ2mZ', [], { kind: 'weak', weakness: 'low-entropy' }],
  ['POSTGRES_PASSWORD', 'Kx7pQ2mZ', [], { kind: 'strong', signingKey: false }],
  // Strong values under new names: secrets all the same.
  ['FERNET_KEY', '46BKJoQYlPPOexq0OhDZnIlNepKFf87WFwLbfzqDDho=', [], { kind: 'strong', signingKey: false }],
  [
    'ED25519_PRIVATE_KEY_HEX',
    'dba7c07331693b7beaeae102765568dd3c35cc1b6b3b23adaeeb5ecee406cc71',
    [],
    { kind: 'strong', signingKey: false },
  ],
  // Signing keys keep their stricter bar.
  ['JWT_SECRET', STRONG_KEY, [], { kind: 'strong', signingKey: true }],
  ['SESSION_SECRET', 'changeme', [], { kind: 'weak-signing-key', weakness: 'default', bits: 14 }],
  // No credential, or no secret in the value.
  ['ETCD_INITIAL_CLUSTER_TOKEN', 'tutorial', [], undefined],
  ['AWS_ACCESS_KEY', 'minio', [], undefined],
  ['SMTP_AUTH', 'login', [], undefined],
  ['REDIS_AUTH', 'none', [], undefined],
  ['BASIC_AUTH', 'basic', [], undefined],
  ['TLS_PRIVATE_KEY', '/etc/ssl/private/server.key', [], undefined],
  ['DB_PASSWORD', '/run/secrets/db', [], undefined],
  ['SMTP_PASSWORD', 'false', [], undefined],
];

describe('secrets/verdict', () => {
  describe('credentialVerdict', () => {
    for (const [name, value, context, verdict] of VERDICTS) {
      it(`${name}=${value.slice(0, 24)}: ${verdict ? verdict.kind : 'none'}`, () => {
        const actual = credentialVerdict(name, value, () => context);
        if (verdict?.kind === 'weak-signing-key' && actual?.kind === 'weak-signing-key') {
          assert.equal(actual.weakness, verdict.weakness);
        } else {
          assert.deepEqual(actual, verdict);
        }
      });
    }
  });

  it('judges a flag by its value, whatever it is called, and never as empty', () => {
    assert.deepEqual(
      credentialVerdict('--db-root-password', 'admin', () => [], 'flag'),
      {
        kind: 'weak',
        weakness: 'default',
      },
    );
    assert.deepEqual(
      credentialVerdict('--token', 'Kx7pQ2mZvL9w', () => [], 'flag'),
      { kind: 'strong', signingKey: false },
    );
    assert.equal(
      credentialVerdict('--password', '', () => [], 'flag'),
      undefined,
    );
  });

  it('tells a server password from a client one', () => {
    assert.ok(isServerPasswordKey('ELASTIC_PASSWORD'));
    assert.ok(isServerPasswordKey('PGPASSWORD'));
    assert.ok(!isServerPasswordKey('SMTP_PASSWORD'));
    assert.ok(!isServerPasswordKey('API_TOKEN'));
  });

  it('describes each weakness for messages', () => {
    assert.equal(describeWeakness('default'), 'a well-known default password');
    assert.equal(describeWeakness('low-entropy'), `a key with less than ${KEY_MIN_BITS} bits of entropy`);
    assert.equal(describeWeakSigningKey({ weakness: 'default', bits: 10 }), 'a well-known default or placeholder');
    assert.equal(
      describeWeakSigningKey({ bits: 300 }),
      'about 255 bits of entropy, where 256 (32 random bytes) are needed',
    );
  });
});
