/** Which names hold credentials: environment keys, signing keys, command-line flags, and references to secrets kept elsewhere. */

/**
 * The words of a key: `POSTGRES_PASSWORD`, `xpack.security.enabled`, `AUTHENTIK_POSTGRESQL__PASSWORD`
 * read as upper-case words, split at `_`, `.` and `-`. Split by hand, with no expression to backtrack.
 */
export function keyWords(name: string): string[] {
  const words: string[] = [];
  let word = '';
  for (const char of name.toUpperCase()) {
    if (char === '_' || char === '.' || char === '-') {
      if (word !== '') words.push(word);
      word = '';
    } else {
      word += char;
    }
  }
  if (word !== '') words.push(word);
  return words;
}

/** A set of the space-separated words of `text`. */
function wordSet(text: string): Set<string> {
  return new Set(text.split(' '));
}

/**
 * Words after the credential word that say how it is written, not what it is:
 * `ED25519_PRIVATE_KEY_HEX`, `LETS_ENCRYPT_DNS_CREDENTIAL_ITEM`, `GOOGLE_CREDENTIALS_JSON`.
 */
const FORM_WORDS = new Set(['HEX', 'B64', 'BASE64', 'JSON', 'ITEM', 'VALUE', 'STRING', 'RAW', 'PLAIN', 'PLAINTEXT']);

/** Switches about a credential, such as `MYSQL_ALLOW_EMPTY_PASSWORD` or `MYSQL_RANDOM_ROOT_PASSWORD`. */
const SWITCH_WORDS = new Set(['ALLOW', 'RANDOM', 'EMPTY', 'GENERATE', 'SKIP', 'DISABLE', 'ENABLE', 'REQUIRE']);

/** Counts of tokens (`OPENAI_MAX_TOKENS`, `CONTEXT_TOKENS`): a language model's budget, not a credential. */
const QUANTITY_WORDS = wordSet(
  'MAX MIN NUM NUMBER LIMIT COUNT TOTAL CONTEXT INPUT OUTPUT PROMPT COMPLETION RESPONSE CHUNK OVERLAP',
);

/** Password words: the key names something a person or a program types to log in. */
const PASSWORD_WORDS = new Set(['PASSWORD', 'PASSWORDS', 'PASSWD', 'PASS', 'PWD', 'PW', 'PASSPHRASE']);

/** Words glued to `PASS`, `PWD` or `PW` in one word (`DBPASS`, `ADMINPWD`); `BYPASS` and `COMPASS` are not among them. */
const GLUED_PREFIXES = wordSet('DB PG SQL ADMIN ROOT USER WEB UI BIND MASTER RCON VNC');

/** Words that, glued before PASSWORD, make it a switch or a setting (`NOPASSWORD`, `RESETPASSWORD`). */
const NOT_GLUED = wordSet('NO ALLOW EMPTY RANDOM SKIP REQUIRE FORGOT RESET SHOW HIDE CHANGE');

/** Which kind of `…_KEY` holds a secret: `API_KEY`, `ENCRYPTION_KEY`, `FERNET_KEY`, `AES_256_KEY`… */
const SECRET_KEY_KINDS = wordSet(
  'API PRIVATE SECRET AUTH APP APPLICATION CONSUMER ACCOUNT STORAGE ENCRYPTION ENCRYPT DECRYPTION CRYPT CRYPTO ' +
    'CIPHER AES AES128 AES256 FERNET HASH HMAC SIGNING SESSION COOKIE MASTER SHARED PSK SIGN JWT',
);

/** One-word keys (`APIKEY`, `TS_AUTHKEY`, `JWTSECRET`). */
const GLUED_KEYS = new Set(['APIKEY', 'AUTHKEY', 'SECRETKEY', 'PRIVATEKEY', 'MASTERKEY', 'ENCRYPTIONKEY', 'APPKEY']);

/**
 * Servers and schemes whose `*_AUTH` setting is the password itself or `user:password`
 * (`REDIS_AUTH`, `NEO4J_AUTH`, `BASIC_AUTH`); elsewhere `*_AUTH` names a method (`SMTP_AUTH=login`,
 * `KAFKA_SSL_CLIENT_AUTH=required`).
 */
const AUTH_HOLDERS = new Set(['REDIS', 'VALKEY', 'KEYDB', 'NEO4J', 'BASIC', 'HTTP', 'PROXY', 'MASTER', 'RCON']);

/** Values of an `*_AUTH` key that name a method, not a secret. */
const AUTH_METHODS = wordSet(
  'plain login basic digest bearer htpasswd none password token jwt oauth oauth2 oidc ldap internal local header',
);

/** Whether an `*_AUTH` value names a way to log in (`basic`, `ldap`) rather than holding a secret. */
export function isAuthMethod(value: string): boolean {
  return AUTH_METHODS.has(value.trim().toLowerCase());
}

/** What the credential word of a key says it holds. */
export type CredentialKind = 'password' | 'secret' | 'token' | 'key' | 'salt' | 'auth' | 'credential';

function passwordWord(word: string): boolean {
  if (PASSWORD_WORDS.has(word)) return true;
  // WEBPASSWORD, DBPASSWORD, PGPASSWORD, adminPassword
  for (const ending of ['PASSWORD', 'PASSWD', 'PASSPHRASE']) {
    const prefix = word.slice(0, -ending.length);
    if (word.endsWith(ending) && prefix.length >= 2 && !NOT_GLUED.has(prefix)) return true;
  }
  for (const ending of ['PASS', 'PWD', 'PW']) {
    if (word.endsWith(ending) && GLUED_PREFIXES.has(word.slice(0, -ending.length))) return true;
  }
  return false;
}

/**
 * What a key holds, read word by word from its end: `POSTGRES_PASSWORD` a password, `GITHUB_TOKEN`
 * a token, `SOGO_URL_ENCRYPTION_KEY` a key, `SECURITY_PASSWORD_SALT` a salt, `REDIS_AUTH` an auth
 * string. Undefined when it holds none: settings about a credential (`PASSWORD_MIN_LENGTH`,
 * `TOKEN_EXPIRY`, `*_TOKEN_URL`, `*_KEY_ID`, `*_SALT_ROUNDS`), `*_FILE` keys, which point at a file,
 * switches (`MYSQL_ALLOW_EMPTY_PASSWORD`), public keys, token counts (`OPENAI_MAX_TOKENS`) and
 * identifiers that are called tokens or keys: an access key alone (`AWS_ACCESS_KEY`) names the
 * account, like a user name, and etcd's `ETCD_INITIAL_CLUSTER_TOKEN` tells clusters apart.
 */
export function credentialKind(name: string): CredentialKind | undefined {
  const words = keyWords(name);
  while (words.length > 1 && FORM_WORDS.has(words[words.length - 1])) words.pop();
  if (words.length > 1 && words[words.length - 1] === 'BASE' && words[words.length - 2] === 'KEY') words.pop();
  const last = words[words.length - 1];
  if (last === undefined) return undefined;
  const before = words.slice(0, -1);
  if (before.some((word) => SWITCH_WORDS.has(word) || word === 'PUBLIC' || word === 'PUBLISHABLE')) return undefined;
  const previous = before[before.length - 1];
  if (passwordWord(last)) return 'password';
  // A plural alone (`SECRETS=0`) is a switch about them, as in socket proxies; `API_TOKENS` holds some.
  if ((last === 'SECRETS' || last === 'TOKENS' || last === 'KEYS') && previous === undefined) return undefined;
  if (last === 'SECRET' || last === 'SECRETS' || (last.length > 6 && last.endsWith('SECRET'))) return 'secret';
  if (last === 'TOKEN' || last === 'TOKENS' || (last.length > 5 && last.endsWith('TOKEN'))) {
    if (previous !== undefined && QUANTITY_WORDS.has(previous)) return undefined;
    if (previous === 'CLUSTER' && before[before.length - 2] === 'INITIAL') return undefined;
    return 'token';
  }
  if (last === 'KEY' || last === 'KEYS') {
    // AES_256_KEY: the key size stands between the kind and the word KEY.
    const kind = before.filter((word) => !/^[0-9]+$/.test(word)).pop();
    if (kind === 'ACCESS') return before[before.length - 2] === 'SECRET' ? 'key' : undefined;
    return kind !== undefined && SECRET_KEY_KINDS.has(kind) ? 'key' : undefined;
  }
  if (GLUED_KEYS.has(last)) return 'key';
  if (last === 'SALT') return 'salt';
  if (last === 'AUTH' && previous !== undefined && AUTH_HOLDERS.has(previous)) return 'auth';
  if (last === 'CREDENTIAL' || last === 'CREDENTIALS') return 'credential';
  return undefined;
}

/** Whether a key holds a credential (see `credentialKind`). */
export function isCredentialKey(name: string): boolean {
  return credentialKind(name) !== undefined;
}

/** Words of a data store or broker, whose connection URL carries the password to it. */
const STORE_WORDS = wordSet(
  'DATABASE DB POSTGRES POSTGRESQL PG MYSQL MARIADB MONGO MONGODB REDIS VALKEY AMQP RABBITMQ BROKER CELERY KAFKA NATS ELASTICSEARCH',
);
const URL_WORDS = wordSet('URL URI DSN CONNECTION CONN');

/**
 * A connection URL to a data store or broker: `DATABASE_URL`, `DATABASE_DIRECT_URL`, `MONGO_URI`,
 * `REDIS_DSN`, `DB_CONNECTION_STRING`. Such a value usually carries the password (`postgres://u:p@db`).
 */
export function isConnectionUrlKey(name: string): boolean {
  const words = keyWords(name).filter((word) => word !== 'STRING');
  const last = words[words.length - 1];
  return last !== undefined && URL_WORDS.has(last) && words.slice(0, -1).some((word) => STORE_WORDS.has(word));
}

/** Password-shaped keys: an empty token or API key usually turns a feature off, an empty password lets anyone in. */
export function isPasswordKey(name: string): boolean {
  return credentialKind(name) === 'password';
}

/** Words that make a credential a client's: the service logs in somewhere else with it (mail, or any `*_CLIENT_*`, an LDAP bind). */
const CLIENT_WORDS = new Set(['SMTP', 'MAIL', 'EMAIL', 'MAILER', 'IMAP', 'POP', 'POP3', 'CLIENT', 'BIND']);

/**
 * A credential the service presents to another server rather than one it checks: `SMTP_PASSWORD`,
 * `MAIL_PASSWORD`, `EMAIL_HOST_PASSWORD`, `OIDC_CLIENT_SECRET`, `LDAP_BIND_PASSWORD`. Left empty it
 * means "log in without one" (no SMTP authentication), not a server that lets anyone in.
 */
export function isClientCredentialKey(name: string): boolean {
  return keyWords(name).some((word) => CLIENT_WORDS.has(word) || word.startsWith('SMTP') || word.endsWith('SMTP'));
}

/** `<WORD>_SECRET` and `<WORD>_KEY` names that hold signing keys. */
const SIGNING_PAIRS = new Set([
  'SESSION_SECRET',
  'SESSION_KEY',
  'COOKIE_SECRET',
  'COOKIE_KEY',
  'COOKIES_SECRET',
  'SIGNING_SECRET',
  'SIGNING_KEY',
  'HMAC_SECRET',
  'HMAC_KEY',
  'TOKEN_SECRET',
  'AUTH_SECRET',
]);

const SIGNING_NAMES = new Set(['APP_KEY', 'APP_SECRET', 'SECRET_KEY', 'UTILS_SECRET', 'NEXTAUTH_SECRET', 'JWTSECRET']);

/** Applications whose `<APP>_SECRET_KEY` signs sessions and tokens. */
const SIGNING_APPS = new Set([
  'DJANGO',
  'FLASK',
  'PAPERLESS',
  'NETBOX',
  'SUPERSET',
  'AIRFLOW_WEBSERVER',
  'AIRFLOW_API',
  'SEARXNG',
  'WEBUI',
  'OUTLINE',
  'PLAUSIBLE',
  'N8N',
]);

/**
 * Keys that hold a key for signing or encrypting tokens and sessions (`JWT_SECRET`, `GOTRUE_JWT_SECRET`,
 * `SESSION_SECRET`, `COOKIE_SECRET`, Rails' `SECRET_KEY_BASE`, Django's `SECRET_KEY`, Laravel's
 * `APP_KEY`, `NEXTAUTH_SECRET`), as opposed to a password someone types. Object-storage secret keys
 * (`MINIO_SECRET_KEY`), auth keys handed out by a service (`TS_AUTHKEY`) and public keys are not.
 * Read word by word, with no regular expression to backtrack.
 */
export function isSigningKey(name: string): boolean {
  const words = name
    .toUpperCase()
    .split('_')
    .filter((word) => word !== '');
  const last = words[words.length - 1];
  if (last === undefined || last === 'FILE' || words.includes('PUBLIC')) return false;
  const joined = words.join('_');
  if (SIGNING_NAMES.has(joined) || joined.endsWith('SECRET_KEY_BASE')) return true;
  const signingWord = last === 'SECRET' || last === 'KEY';
  if (signingWord && (words.includes('JWT') || words.includes('JWTSECRET'))) return true;
  if (words.length >= 2 && SIGNING_PAIRS.has(`${words[words.length - 2]}_${last}`)) return true;
  return joined.endsWith('_SECRET_KEY') && SIGNING_APPS.has(joined.slice(0, -'_SECRET_KEY'.length));
}

/** Files that hold keys and credentials, by extension: a value naming one is a path, not the secret. */
const KEY_FILE_EXTENSIONS = new Set(['pem', 'key', 'crt', 'cer', 'p12', 'pfx', 'jks', 'json', 'txt', 'asc', 'gpg']);

/**
 * A value that names where a secret is kept rather than holding it: a Docker secret, a secret
 * manager's reference, or a path to a key file (`/etc/ssl/private/server.key`, `./gcp.json`).
 */
export function isSecretReference(value: string): boolean {
  if (/^(?:\/run\/secrets\/|\/var\/run\/secrets\/|file:|vault:|awssm:|op:\/\/|env:)/i.test(value)) return true;
  const path = value.trim();
  if (!(path.startsWith('/') || path.startsWith('./') || path.startsWith('../') || path.startsWith('~/'))) return false;
  if (/\s/.test(path)) return false;
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') && KEY_FILE_EXTENSIONS.has(path.slice(dot + 1).toLowerCase());
}

/**
 * Command-line flags whose next word (or `=value`) is a password or token: `--requirepass`,
 * `--masterauth`, `--password`, `--token`, and those with a role or server before the word
 * (`--admin-password`, `--db-root-password`, `--http-api-token`). Not `--password-file`, nor
 * `--no-password`, which take no secret.
 */
export const PASSWORD_FLAGS =
  /^--(?:(?:admin|root|db|db-root|user|auth|redis|mysql|mariadb|postgres|pg|mongo|mongodb|rabbitmq|bind|ldap|superuser|initial-admin|default|master|replication|api|access|http-api)-)?(?:requirepass|masterauth|password|pass|passwd|token)$/i;

/** Keys whose values name a user or a database (`POSTGRES_USER`, `MYSQL_DATABASE`, `PGUSER`, `DB_NAME`). */
export function isIdentityKey(name: string): boolean {
  const last = keyWords(name).pop();
  if (last === undefined || isCredentialKey(name)) return false;
  return (
    last === 'DB' ||
    last === 'NAME' ||
    last === 'LOGIN' ||
    last.endsWith('USER') ||
    last.endsWith('USERNAME') ||
    last.endsWith('DATABASE')
  );
}

/** HS256 wants a key as long as its hash: 256 bits (RFC 7518, section 3.2). */
export const SIGNING_KEY_BITS = 256;
