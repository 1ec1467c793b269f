import assert from 'node:assert/strict';
import {
  credentialKind,
  isAuthMethod,
  isClientCredentialKey,
  isCredentialKey,
  isIdentityKey,
  isPasswordKey,
  isSecretReference,
  keyWords,
  PASSWORD_FLAGS,
  type CredentialKind,
} from '../../../server/src/secrets/names';

/** Each name with what it holds; undefined for names that hold no credential. */
const KINDS: [string, CredentialKind | undefined][] = [
  // Passwords, in one word and with PW.
  ['POSTGRES_PASSWORD', 'password'],
  ['AUTHENTIK_POSTGRESQL__PASSWORD', 'password'],
  ['spring.datasource.password', 'password'],
  ['WEBPASSWORD', 'password'],
  ['DBPASSWORD', 'password'],
  ['PGPASSWORD', 'password'],
  ['adminPassword', 'password'],
  ['PAPERLESS_DBPASS', 'password'],
  ['RABBITMQ_DEFAULT_PASS', 'password'],
  ['PYCROFT_LDAP_BIND_PW', 'password'],
  ['DB_PW', 'password'],
  ['BACKUP_PASSPHRASE', 'password'],
  // Look-alikes of passwords.
  ['BYPASS', undefined],
  ['COMPASS_URL', undefined],
  ['PASSPORT_STRATEGY', undefined],
  ['PASSWORD_MIN_LENGTH', undefined],
  ['ADMIN_PASSWORD_HASH', undefined],
  ['POSTGRES_PASSWORD_FILE', undefined],
  ['MYSQL_ALLOW_EMPTY_PASSWORD', undefined],
  ['MYSQL_RANDOM_ROOT_PASSWORD', undefined],
  // Secrets and tokens, plural too.
  ['OIDC_CLIENT_SECRET', 'secret'],
  ['CLIENT_SECRETS', 'secret'],
  ['JWTSECRET', 'secret'],
  ['GITHUB_TOKEN', 'token'],
  ['INIT_FRONTEND_API_TOKENS', 'token'],
  ['ACCESSTOKEN', 'token'],
  ['ELASTIC_APM_SECRET_TOKEN', 'token'],
  // Look-alikes of tokens: identifiers, settings, counts, switches of a socket proxy.
  ['ETCD_INITIAL_CLUSTER_TOKEN', undefined],
  ['OAUTH_TOKEN_URL', undefined],
  ['TOKEN_EXPIRY', undefined],
  ['OPENAI_MAX_TOKENS', undefined],
  ['CONTEXT_TOKENS', undefined],
  ['SECRETS', undefined],
  ['TOKENS', undefined],
  ['NEXT_PUBLIC_MAPBOX_TOKEN', undefined],
  // Keys.
  ['STRIPE_API_KEY', 'key'],
  ['APIKEY', 'key'],
  ['TS_AUTHKEY', 'key'],
  ['MINIO_SECRET_KEY', 'key'],
  ['AWS_SECRET_ACCESS_KEY', 'key'],
  ['ENCRYPTION_KEY', 'key'],
  ['SOGO_URL_ENCRYPTION_KEY', 'key'],
  ['N8N_ENCRYPTION_KEY', 'key'],
  ['DATA_AES_256_KEY', 'key'],
  ['FERNET_KEY', 'key'],
  ['SWDD_HASH_KEY', 'key'],
  ['MEILI_MASTER_KEY', 'key'],
  ['ED25519_PRIVATE_KEY_HEX', 'key'],
  ['B2_APPLICATION_KEY', 'key'],
  ['API_KEYS', 'key'],
  ['SECRET_KEY_BASE', 'key'],
  // Look-alikes of keys: account ids, key ids, public keys, authorized keys.
  ['AWS_ACCESS_KEY', undefined],
  ['MINIO_ACCESS_KEY', undefined],
  ['ACCESS_KEY', undefined],
  ['B2_APPLICATION_KEY_ID', undefined],
  ['JWT_PUBLIC_KEY', undefined],
  ['VAPID_PUBLIC_KEY', undefined],
  ['SSH_AUTHORIZED_KEYS', undefined],
  ['CACHE_KEY', undefined],
  // Salts and auth strings.
  ['SALT', 'salt'],
  ['SECURITY_PASSWORD_SALT', 'salt'],
  ['HASHIDS_SALT', 'salt'],
  ['BCRYPT_SALT_ROUNDS', undefined],
  ['REDIS_AUTH', 'auth'],
  ['NEO4J_AUTH', 'auth'],
  ['BASIC_AUTH', 'auth'],
  ['SMTP_AUTH', undefined],
  ['WEBUI_AUTH', undefined],
  ['DISABLE_AUTH', undefined],
  // Credentials, whatever form they are written in.
  ['GOOGLE_CREDENTIALS', 'credential'],
  ['LETS_ENCRYPT_DNS_CREDENTIAL_ITEM', 'credential'],
  ['GCP_CREDENTIALS_JSON', 'credential'],
];

describe('secrets/names', () => {
  describe('credentialKind', () => {
    for (const [name, kind] of KINDS) {
      it(`${name}: ${kind ?? 'none'}`, () => {
        assert.equal(credentialKind(name), kind);
        assert.equal(isCredentialKey(name), kind !== undefined);
        assert.equal(isPasswordKey(name), kind === 'password');
      });
    }
  });

  it('reads the words of a key at _, . and -', () => {
    assert.deepEqual(keyWords('xpack.security.enabled'), ['XPACK', 'SECURITY', 'ENABLED']);
    assert.deepEqual(keyWords('AUTHENTIK_POSTGRESQL__PASSWORD'), ['AUTHENTIK', 'POSTGRESQL', 'PASSWORD']);
    assert.deepEqual(keyWords('my-key'), ['MY', 'KEY']);
    assert.deepEqual(keyWords('__'), []);
  });

  it('tells client credentials from the ones a server checks', () => {
    for (const name of [
      'SMTP_PASSWORD',
      'PYCROFT_SMTP_PASSWORD',
      'MAIL_PASSWORD',
      'EMAIL_HOST_PASSWORD',
      'SMTP_PASS',
      'SMTPPASSWORD',
      'IMAP_PASSWORD',
      'OIDC_CLIENT_SECRET',
      'KAFKA_CLIENT_PASSWORD',
      'LDAP_BIND_PASSWORD',
    ]) {
      assert.ok(isClientCredentialKey(name), name);
    }
    for (const name of [
      'POSTGRES_PASSWORD',
      'MAILMAN_ADMIN_PASSWORD',
      'EMAILER_SECRET',
      'CLIENTS_MAX',
      'WEBPASSWORD',
    ]) {
      assert.ok(!isClientCredentialKey(name), name);
    }
  });

  it('names the settings that hold a user or a database', () => {
    for (const name of [
      'POSTGRES_USER',
      'MYSQL_DATABASE',
      'POSTGRES_DB',
      'DB_NAME',
      'PGUSER',
      'DB_USERNAME',
      'MINIO_ROOT_USER',
    ]) {
      assert.ok(isIdentityKey(name), name);
    }
    for (const name of ['POSTGRES_PASSWORD', 'DB_HOST', 'REDIS_DB_INDEX', 'USERS_ALLOWED']) {
      assert.ok(!isIdentityKey(name), name);
    }
  });

  it('takes auth methods for what they are', () => {
    assert.ok(isAuthMethod('basic'));
    assert.ok(isAuthMethod(' LDAP '));
    assert.ok(!isAuthMethod('admin:s3cret'));
  });

  it('reads references to secrets kept elsewhere, key files included', () => {
    for (const value of [
      '/run/secrets/db_password',
      'vault:secret/data/db',
      '/etc/ssl/private/server.key',
      './certs/client.pem',
      '~/gcp/credentials.json',
    ]) {
      assert.ok(isSecretReference(value), value);
    }
    for (const value of ['/not a path.key', '/secret', 'server.key', 'Xk9#mQ2!vLp7wTz', '/abc.def/ghi']) {
      assert.ok(!isSecretReference(value), value);
    }
  });

  it('knows password flags by their last word, and not flags that take no secret', () => {
    for (const flag of [
      '--requirepass',
      '--masterauth',
      '--password',
      '--admin-password',
      '--db-root-password',
      '--http-api-token',
      '--token',
    ]) {
      assert.ok(PASSWORD_FLAGS.test(flag), flag);
    }
    for (const flag of [
      '--password-file',
      '--no-password',
      '--requirepass-file',
      '--ask-pass',
      '--token-ttl',
      '--pass-through',
    ]) {
      assert.ok(!PASSWORD_FLAGS.test(flag), flag);
    }
  });
});
