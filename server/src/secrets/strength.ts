import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/** Recognises credentials that ship with images, docs and tutorials, or are too short to resist guessing. */

const KNOWN_DEFAULTS = new Set(
  [
    'admin',
    'administrator',
    'changeit',
    'changeme',
    'correct horse battery staple',
    'correcthorsebatterystaple',
    'correct-horse-battery-staple',
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

/**
 * Placeholder shapes: "change_me_please", "your-secret-here", "password123", "admin1",
 * "<your token>", "xxxxxxxx", "...".
 */
const PLACEHOLDER =
  /^(?:please[-_ ]?)?(?:change|replace|set)[-_ ]?(?:me|it|this)\b|^your[-_ ]?(?:own[-_ ]?)?(?:secret|password|pass|token|key)|^(?:my|super|some)?[-_]?(?:secret|password|pass|admin|root|test|example|default)[-_]?(?:key|password|pass|value|here)?[-_]?\d{0,4}$|^(?:123456\d{0,4}|1234|12345|abc123|qwerty\d*)$|^<[^<>]*>$|^\.{3,}$|^x{3,}$/i;

export type Weakness = 'default' | 'short' | 'guessable';

/** Values that switch a credential off or mark it unset rather than being one (`none`, `disabled`, `invalid`). */
const NOT_A_SECRET =
  /^(?:true|false|yes|no|on|off|null|nil|none|disabled?|enabled?|invalid|unset|undefined|required|optional)$/i;

export function isNotASecret(value: string): boolean {
  return NOT_A_SECRET.test(value.trim());
}

let zxcvbn: ZxcvbnFactory | undefined;

const verdicts = new Map<string, ZxcvbnResult>();

/**
 * zxcvbn's estimate for `value`, with `context` (service, image and variable names) counted as
 * words an attacker tries first. Results are kept, since rules run on every keystroke.
 */
function estimate(value: string, context: readonly string[]): ZxcvbnResult {
  const key = `${value}\u0000${context.join('\u0000')}`;
  let result = verdicts.get(key);
  if (!result) {
    zxcvbn ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, maxLength: 128 });
    result = zxcvbn.check(value, [...context]);
    if (verdicts.size > 500) verdicts.clear();
    verdicts.set(key, result);
  }
  return result;
}

/** The words of names such as `POSTGRES_PASSWORD` or `ghcr.io/acme/infra-api:2.1`: `postgres`, `acme`, `infra`… */
export function contextWords(...names: (string | undefined)[]): string[] {
  const words = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    for (const word of name.toLowerCase().split(/[^a-z0-9]+/)) if (word.length >= 3) words.add(word);
  }
  return [...words];
}

/**
 * Why a secret value is weak, or undefined when it is not: a known default or placeholder, shorter
 * than 8 characters, or guessed in under a million tries by zxcvbn (which also tries the `context` words).
 */
export function secretWeakness(value: string, context: readonly string[] = []): Weakness | undefined {
  const normalised = value.trim().toLowerCase();
  if (normalised === '') return undefined;
  if (KNOWN_DEFAULTS.has(normalised) || PLACEHOLDER.test(normalised)) return 'default';
  if (normalised.length < 8 || /^(.)\1*$/.test(normalised)) return 'short';
  if (estimate(value, context).score <= 1) return 'guessable';
  return undefined;
}

/** Bits per character of the smallest common alphabet that holds every character of `value`. */
function alphabetBits(value: string): number {
  if (/^[0-9]+$/.test(value)) return Math.log2(10);
  if (/^[0-9a-f]+$/.test(value) || /^[0-9A-F]+$/.test(value)) return 4;
  if (/^[a-z]+$/.test(value) || /^[A-Z]+$/.test(value)) return Math.log2(26);
  if (/^[a-z0-9]+$/.test(value) || /^[A-Z0-9]+$/.test(value)) return Math.log2(36);
  if (/^[A-Za-z0-9]+$/.test(value)) return Math.log2(62);
  if (/^[A-Za-z0-9+/_-]+=*$/.test(value)) return 6;
  return Math.log2(95);
}

/**
 * Roughly how many bits of entropy `value` holds as a key: random-looking stretches count at their
 * alphabet's width, and words, dates, keyboard walks and repeats count at what zxcvbn needs to guess
 * them. `base64:` values (Laravel's APP_KEY) count their decoded bytes.
 */
export function entropyBits(value: string): number {
  const base64 = /^base64:([A-Za-z0-9+/]+)(={0,2})$/.exec(value);
  if (base64) return Math.floor((base64[1].length * 6) / 8) * 8;
  const perCharacter = alphabetBits(value);
  const byAlphabet = value.length * perCharacter;
  let byPattern = 0;
  for (const match of estimate(value, []).sequence) {
    byPattern +=
      match.pattern === 'bruteforce' ? match.token.length * perCharacter : Math.log2(Math.max(match.guesses, 1));
  }
  // Random strings hold short runs that look like dates or words by chance: only structure that
  // takes away a fifth or more of the bits counts as structure.
  return Math.round(byPattern < byAlphabet * 0.8 ? byPattern : byAlphabet);
}
