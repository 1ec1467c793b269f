import type * as ZxcvbnCore from '@zxcvbn-ts/core';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type * as ZxcvbnCommon from '@zxcvbn-ts/language-common';
import { isIdentityKey } from './names';
import { remembers } from '../core/memo';

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

/**
 * Why a value is weak: a default or placeholder, too short, easily guessed (zxcvbn, or made of
 * words an attacker tries first), or, for a key or token, far less entropy than a random one.
 */
export type Weakness = 'default' | 'short' | 'guessable' | 'low-entropy';

/** Values that switch a credential off or mark it unset rather than being one (`none`, `disabled`, `invalid`). */
const NOT_A_SECRET =
  /^(?:true|false|yes|no|on|off|null|nil|none|disabled?|enabled?|invalid|unset|undefined|required|optional)$/i;

export function isNotASecret(value: string): boolean {
  return NOT_A_SECRET.test(value.trim());
}

let zxcvbn: ZxcvbnFactory | undefined;

/**
 * zxcvbn and its dictionaries, loaded on the first credential to judge: unpacking and ranking the
 * word lists is a large share of start-up, and most runs (every policy, most Compose files) never
 * judge a credential.
 */
function loadZxcvbn(): ZxcvbnFactory {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see above */
  const { ZxcvbnFactory: Factory } = require('@zxcvbn-ts/core') as typeof ZxcvbnCore;
  const { adjacencyGraphs, dictionary } = require('@zxcvbn-ts/language-common') as typeof ZxcvbnCommon;
  /* eslint-enable @typescript-eslint/no-require-imports */
  // Each look-alike substitution multiplies the dictionary passes: past ten, a value costs tens of
  // milliseconds and scores the same (readAsWords reads look-alike words on its own).
  return new Factory({ dictionary, graphs: adjacencyGraphs, maxLength: 128, l33tMaxSubstitutions: 10 });
}

/** What is read of zxcvbn's estimate: its score, and the patterns it cut the value into. */
interface Estimate {
  score: number;
  sequence: { pattern: string; length: number; guesses: number }[];
}

/**
 * Estimates kept across lints (rules run on every keystroke), the least recently used dropped
 * first: room for every credential of a large file, so that no lint judges them all again.
 */
const MAX_KEPT_ESTIMATES = 4096;
const estimates = new Map<string, Estimate>();

/**
 * zxcvbn's estimate for `value`, with `context` (service, image and variable names) counted as
 * words an attacker tries first.
 */
function estimate(value: string, context: readonly string[]): Estimate {
  const words = wordsWithin(value, context);
  const key = `${value}\u0000${words.join('\u0000')}`;
  let result = remembers() ? estimates.get(key) : undefined;
  if (result) {
    estimates.delete(key);
  } else {
    zxcvbn ??= loadZxcvbn();
    const { score, sequence } = zxcvbn.check(value, words);
    result = {
      score,
      sequence: sequence.map((match) => ({
        pattern: match.pattern,
        length: match.token.length,
        guesses: match.guesses,
      })),
    };
    if (estimates.size >= MAX_KEPT_ESTIMATES) estimates.delete(estimates.keys().next().value!);
  }
  if (remembers()) estimates.set(key, result);
  return result;
}

/** Whether `char` of a value can stand for `letter`: itself in any case, or a digit or symbol read as it. */
function canStandFor(char: string, letter: string): boolean {
  return char.toLowerCase() === letter || !isLetter(char);
}

/** Whether `word` can be read in `value` at `at`, forwards or backwards, look-alikes allowed. */
function readsAt(value: string, word: string, at: number, backwards: boolean): boolean {
  for (let i = 0; i < word.length; i++) {
    if (!canStandFor(value[at + i], word[backwards ? word.length - 1 - i : i])) return false;
  }
  return true;
}

/**
 * The context words that could occur in `value`, as zxcvbn reads it: as written, reversed, or with
 * any digit or symbol standing for a letter. zxcvbn matches user inputs only inside the value, so the
 * others change nothing; leaving them out spares it rebuilding its dictionary and lets one value
 * judged at several places share one estimate.
 */
function wordsWithin(value: string, context: readonly string[]): string[] {
  return context.filter((word) => {
    const lower = word.toLowerCase();
    for (let at = 0; at + lower.length <= value.length; at++) {
      if (readsAt(value, lower, at, false) || readsAt(value, lower, at, true)) return true;
    }
    return false;
  });
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

/** The longest value of a user or database name taken as a guess: longer ones are not names. */
const MAX_IDENTITY_LENGTH = 64;

/**
 * The words of the user and database names set beside a credential (`POSTGRES_USER: hedgedoc`,
 * `MYSQL_DATABASE: bookstack-dev`, `PGUSER`, `DB_NAME`): a password equal to the user name, or built
 * from it, is the first guess. Values that are not plain names (variables, URLs, switches) are skipped.
 */
export function identityWords(settings: Iterable<{ name: string; value?: string }>): string[] {
  const values: string[] = [];
  for (const { name, value } of settings) {
    if (value === undefined || value.length > MAX_IDENTITY_LENGTH || !isIdentityKey(name)) continue;
    if (value.includes('$') || value.includes('://') || isNotASecret(value)) continue;
    values.push(value);
  }
  return contextWords(...values);
}

/**
 * Words people build lazy secrets and placeholders from: `guac_pass`, `secrettokengoeshere`,
 * `thisisnotsecure`, `CHANGE_ME_TOO`, `default:development.unleash-insecure-api-token`.
 */
const SECRET_WORDS = (
  'password passwords passwd passw pass pwd pw passphrase phrase word secret secrets token tokens key ' +
  'keys salt hash auth login admin administrator root superuser super user users guest owner master ' +
  'manager operator system sys test testing tests demo sample example examples tutorial default ' +
  'defaults dev develop development prod production stage staging localhost db database data sql ' +
  'api app apps web www site server service client frontend backend internal access private public ' +
  'shared session cookie jwt signing encryption crypt cluster node replica replication repl monitor ' +
  'monitoring metrics backup read write readonly mail smtp change changed changeit changeme replace ' +
  'replaced set me it this that is not no secure insecure unsecure unsafe safe strong weak very really ' +
  'my mine your yours our own some here there goes go value values please put insert enter fill in to ' +
  'be the and for with of too also new old temp tmp dummy fake placeholder todo fixme generate ' +
  'generated random long longer simple easy basic plain top ultra mega hello world welcome letmein ' +
  'qwerty abc foo bar baz docker compose container stack project home lab homelab local one two first ' +
  'initial init setup install config real actual'
).split(' ');

/** Words that mark a placeholder: a value of generic words only that holds one of them was never meant to be used. */
const PLACEHOLDER_WORDS = new Set(
  (
    'change changed changeit changeme replace replaced your yours here goes placeholder ' +
    'example examples sample dummy fake todo fixme insecure unsecure not please insert enter fill'
  ).split(' '),
);

const GENERIC_WORDS = new Set([...SECRET_WORDS, ...KNOWN_DEFAULTS]);

/** Common look-alike substitutions: `k3str4` is `kestra`, `p@ssw0rd` is `password`. */
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};

/** Characters that join words (`guac_pass`, `roundcube-mysql-pw`, `default:development.api-token`): free. */
const SEPARATORS = new Set([' ', '-', '_', '.', ':', '/', ',', ';', '+']);

/** How many digits or symbols beyond the words a guessable value may hold: `hedgedoc2024`, `CHANGE_ME!!`. */
const MAX_EXTRAS = 4;
/** Values longer than this are not read as words. */
const MAX_WORDS_LENGTH = 96;
/** The longest word looked for. */
const MAX_WORD_LENGTH = 32;
/** The shortest prefix of a context word that counts as the word (`guac` for `guacamole`). */
const MIN_PREFIX = 4;

/**
 * The context words by their first two letters, so that a piece of a value is looked up among a
 * few words rather than the whole list; built per call, in one pass over the words.
 */
function contextIndex(context: readonly string[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const word of context) {
    const lower = word.toLowerCase();
    if (lower.length < 2 || lower.length > MAX_WORD_LENGTH) continue;
    const head = lower.slice(0, 2);
    const bucket = index.get(head);
    if (bucket) bucket.push(lower);
    else index.set(head, [lower]);
  }
  return index;
}

/** Whether `piece` is a context word, or the first letters of one (`guac` for `guacamole`). */
function inContext(index: Map<string, string[]>, piece: string): boolean {
  const bucket = index.get(piece.slice(0, 2));
  return (
    bucket !== undefined &&
    bucket.some((word) => word === piece || (piece.length >= MIN_PREFIX && word.startsWith(piece)))
  );
}

/** How `value` reads as words: which words, whether any came from the context, and how many other characters. */
export interface WordReading {
  words: string[];
  extras: number;
  contextual: boolean;
}

function isLetter(char: string): boolean {
  return (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z');
}

/**
 * Reads `value` as a run of words from the generic secret words and the `context` words (and their
 * prefixes): split at separators and, by dynamic programming, at word boundaries inside run-together
 * words, case ignored, look-alike digits read as letters. Undefined when some letters belong to no
 * word. Linear in the value's length (each position tries words up to MAX_WORD_LENGTH long).
 */
export function readAsWords(value: string, context: readonly string[] = []): WordReading | undefined {
  if (value.length === 0 || value.length > MAX_WORDS_LENGTH) return undefined;
  const lower = value.toLowerCase();
  const decoded = [...lower].map((char) => LEET[char] ?? char).join('');
  const decodedL = decoded.replace(/i/g, (char, at: number) => (lower[at] === '1' ? 'l' : char));
  const index = contextIndex(context);
  const n = lower.length;
  // cost[i]: fewest extra characters that leave value[0, i) read; from[i]: how position i was reached.
  const cost: number[] = new Array<number>(n + 1).fill(Infinity);
  const from: { start: number; word?: string; contextual?: boolean }[] = new Array(n + 1);
  cost[0] = 0;
  for (let i = 0; i < n; i++) {
    if (cost[i] === Infinity) continue;
    const char = lower[i];
    const step = SEPARATORS.has(char) ? 0 : isLetter(char) ? Infinity : 1;
    if (cost[i] + step < cost[i + 1]) {
      cost[i + 1] = cost[i] + step;
      from[i + 1] = { start: i };
    }
    let letters = false;
    for (let end = i + 1; end <= Math.min(n, i + MAX_WORD_LENGTH); end++) {
      letters ||= isLetter(lower[end - 1]);
      if (!letters || end - i < 2) continue;
      for (const text of [lower, decoded, decodedL]) {
        const word = text.slice(i, end);
        const contextual = inContext(index, word);
        if ((contextual || GENERIC_WORDS.has(word)) && cost[i] < cost[end]) {
          cost[end] = cost[i];
          from[end] = { start: i, word, contextual: contextual && !GENERIC_WORDS.has(word) };
          break;
        }
      }
    }
  }
  if (cost[n] === Infinity) return undefined;
  const words: string[] = [];
  let contextual = false;
  for (let at = n; at > 0; at = from[at].start) {
    const step = from[at];
    if (step.word !== undefined) words.unshift(step.word);
    contextual ||= step.contextual === true;
  }
  return words.length > 0 ? { words, extras: cost[n], contextual } : undefined;
}

/** `<your-cloudflare-api-token>` among other words: a placeholder left in a value. */
function holdsPlaceholder(value: string): boolean {
  return value.split(/\s+/).some((part) => /^<[^<>]*>$/.test(part) && part.length > 2);
}

/**
 * Why a secret value is weak, or undefined when it is not: a known default or placeholder, shorter
 * than 8 characters, made only of generic secret words and the `context` words (the service, image,
 * variable, user and database names) with at most a few digits or symbols, or guessed in under a
 * million tries by zxcvbn (which also tries the `context` words).
 */
export function secretWeakness(value: string, context: readonly string[] = []): Weakness | undefined {
  const normalised = value.trim().toLowerCase();
  if (normalised === '') return undefined;
  if (KNOWN_DEFAULTS.has(normalised) || PLACEHOLDER.test(normalised) || holdsPlaceholder(normalised)) return 'default';
  if (/^(.)\1*$/.test(normalised)) return normalised.length < 8 ? 'short' : 'default';
  if (normalised.length < 8) return 'short';
  const reading = readAsWords(value.trim(), context);
  if (reading && reading.extras <= MAX_EXTRAS) {
    const placeholder = !reading.contextual && reading.words.some((word) => PLACEHOLDER_WORDS.has(word));
    return placeholder ? 'default' : 'guessable';
  }
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
    byPattern += match.pattern === 'bruteforce' ? match.length * perCharacter : Math.log2(Math.max(match.guesses, 1));
  }
  // Random strings hold short runs that look like dates or words by chance: only structure that
  // takes away a fifth or more of the bits counts as structure.
  return Math.round(byPattern < byAlphabet * 0.8 ? byPattern : byAlphabet);
}
