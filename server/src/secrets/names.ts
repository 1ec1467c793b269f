/** Which names hold credentials: environment keys, signing keys, command-line flags, and references to secrets kept elsewhere. */

/**
 * Key names that hold credentials: the credential word ends the name (`POSTGRES_PASSWORD`,
 * `SECRET_KEY_BASE`); settings about one (`PASSWORD_MIN_LENGTH`, `TOKEN_EXPIRY`) and `*_FILE`
 * variants, which point at a file, are not credentials. An access key alone (`AWS_ACCESS_KEY`,
 * `MINIO_ACCESS_KEY`) names the account, like a user name; its secret key is the credential.
 */
const CREDENTIAL_KEY =
  /(?:^|_)(?:PASSWORD|PASSWD|PASS|PWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|SECRET_ACCESS_?KEY|SECRET_?KEY|AUTH_?KEY|CREDENTIALS?|APP_KEY)(?:_BASE)?$/i;

/** Switches about a credential, such as `MYSQL_ALLOW_EMPTY_PASSWORD` or `MYSQL_RANDOM_ROOT_PASSWORD`. */
const CREDENTIAL_SWITCH = /(?:^|_)(?:ALLOW|RANDOM|EMPTY|GENERATE|SKIP|DISABLE|ENABLE|REQUIRE)_/i;

export function isCredentialKey(name: string): boolean {
  return CREDENTIAL_KEY.test(name) && !CREDENTIAL_SWITCH.test(name) && !/_FILE$/i.test(name);
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

/** A value that names where a secret is kept rather than holding it: a file path or a Docker secret. */
export function isSecretReference(value: string): boolean {
  return /^(?:\/run\/secrets\/|\/var\/run\/secrets\/|file:|vault:|awssm:|op:\/\/|env:)/i.test(value);
}

/** Command-line flags whose next word (or `=value`) is a password. */
export const PASSWORD_FLAGS =
  /^--(?:requirepass|masterauth|password|pass|passwd|auth-password|admin-password|root-password|db-password|redis-password|token|api-token|auth-token|access-token|http-api-token)$/i;

/** Password-shaped keys: an empty token or API key usually turns a feature off, an empty password lets anyone in. */
const PASSWORD_KEY = /(?:^|_)(?:PASSWORD|PASSWD|PASS|PWD)$/i;

export function isPasswordKey(name: string): boolean {
  return PASSWORD_KEY.test(name);
}

/** HS256 wants a key as long as its hash: 256 bits (RFC 7518, section 3.2). */
export const SIGNING_KEY_BITS = 256;
