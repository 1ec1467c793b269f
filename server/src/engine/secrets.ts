/** Shows enough of a secret to recognise it, never the whole value: `changeme` becomes `ch******`. */
export function maskSecret(value: string): string {
  if (value.length <= 4) return '*'.repeat(Math.max(value.length, 3));
  return value.slice(0, 2) + '*'.repeat(Math.min(value.length - 2, 8));
}
/** Recognises credentials that ship with images, docs and tutorials, or are too short to resist guessing. */

const KNOWN_DEFAULTS = new Set(
  [
    'admin',
    'administrator',
    'changeit',
    'changeme',
    'default',
    'elastic',
    'example',
    'guest',
    'letmein',
    'mariadb',
    'minioadmin',
    'mongo',
    'mysecretpassword',
    'my-secret-pw',
    'mysql',
    'pass',
    'passw0rd',
    'password',
    'postgres',
    'qwerty',
    'rabbitmq',
    'redis',
    'root',
    'secret',
    'supersecret',
    'test',
    'toor',
    'user',
  ].map((value) => value.toLowerCase()),
);

/** Placeholder shapes: "change_me_please", "your-secret-here", "password123", "admin1". */
const PLACEHOLDER =
  /^(?:please[-_ ]?)?(?:change|replace|set)[-_ ]?(?:me|it|this)\b|^your[-_ ]?(?:own[-_ ]?)?(?:secret|password|pass|token|key)|^(?:my|super|some)?[-_]?(?:secret|password|pass|admin|root|test|example|default)[-_]?(?:key|password|pass|value|here)?[-_]?\d{0,4}$|^(?:123456\d{0,4}|1234|12345|abc123|qwerty\d*)$/i;

export type Weakness = 'default' | 'short';

/** Why a secret value is weak, or undefined when it is not. */
export function secretWeakness(value: string): Weakness | undefined {
  const normalised = value.trim().toLowerCase();
  if (normalised === '') return undefined;
  if (KNOWN_DEFAULTS.has(normalised) || PLACEHOLDER.test(normalised)) return 'default';
  if (normalised.length < 8 || /^(.)\1*$/.test(normalised)) return 'short';
  return undefined;
}
