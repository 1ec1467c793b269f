import {
  credentialKind,
  isAuthMethod,
  isClientCredentialKey,
  isSecretReference,
  isSigningKey,
  SIGNING_KEY_BITS,
} from './names';
import { entropyBits, isNotASecret, secretWeakness, type Weakness } from './strength';

/**
 * What a credential's value is worth, judged the same way wherever it is written: in a Compose
 * file, in the project `.env` or in an `env_file`.
 */
export type CredentialVerdict =
  /** A password left empty. */
  | { kind: 'empty' }
  /** A password, token or key that is a default, a placeholder, short or easily guessed. */
  | { kind: 'weak'; weakness: Weakness }
  /** A key that signs tokens or sessions, weaker than 32 random bytes. */
  | { kind: 'weak-signing-key'; weakness?: Weakness; bits: number }
  /** A value that would hold against guessing: a secret all the same, to be kept out of files people read. */
  | { kind: 'strong'; signingKey: boolean };

/**
 * The least entropy a key, token or secret that a program generates should hold: 64 bits (16 hex
 * digits, or 11 random letters and digits). A person's password is judged by zxcvbn instead.
 */
export const KEY_MIN_BITS = 64;

/**
 * Whether an empty value under `name` leaves a server open: a password the service checks, not
 * one it presents elsewhere (an empty SMTP password means "no SMTP authentication").
 */
export function isServerPasswordKey(name: string): boolean {
  return credentialKind(name) === 'password' && !isClientCredentialKey(name);
}

/**
 * The verdict on `value` set for `name`: an environment key, or (`flag`) a command-line flag such
 * as `--requirepass` whose value is a password whatever it is called. Undefined when the name holds
 * no credential, or the value is none (a reference to a secret file, `none`, `disabled`, blank, an
 * authentication method such as `SMTP_AUTH=login`). `context` gives the words an attacker tries first
 * (service, image, variable, user and database names), asked for only when the value is judged.
 */
export function credentialVerdict(
  name: string,
  value: string,
  context: () => readonly string[],
  source: 'key' | 'flag' = 'key',
): CredentialVerdict | undefined {
  const signingKey = source === 'key' && isSigningKey(name);
  const kind = source === 'flag' ? 'password' : credentialKind(name);
  if (!signingKey && kind === undefined) return undefined;
  if (isSecretReference(value) || isNotASecret(value)) return undefined;
  if (kind === 'auth' && isAuthMethod(value)) return undefined;
  if (value.trim() === '') {
    return value === '' && source === 'key' && isServerPasswordKey(name) ? { kind: 'empty' } : undefined;
  }
  const weakness = secretWeakness(value, context());
  if (signingKey) {
    const bits = entropyBits(value);
    if (weakness || bits < SIGNING_KEY_BITS)
      return { kind: 'weak-signing-key', ...(weakness ? { weakness } : {}), bits };
    return { kind: 'strong', signingKey };
  }
  if (weakness) return { kind: 'weak', weakness };
  // A password is typed by a person and judged by zxcvbn above; a key or token is generated, and
  // one with little entropy (a run of zeros, a word and a year) is not.
  if (kind !== 'password' && kind !== 'auth' && entropyBits(value) < KEY_MIN_BITS) {
    return { kind: 'weak', weakness: 'low-entropy' };
  }
  return { kind: 'strong', signingKey };
}

const WEAKNESS_WORDS: Record<Weakness, string> = {
  default: 'a well-known default password',
  short: 'a password shorter than 8 characters',
  guessable: 'an easily guessed password',
  'low-entropy': `a key with less than ${KEY_MIN_BITS} bits of entropy`,
};

/** "a well-known default password" and its kin, for messages. */
export function describeWeakness(weakness: Weakness): string {
  return WEAKNESS_WORDS[weakness];
}

/** Why a signing key is too weak, for messages. */
export function describeWeakSigningKey(verdict: { weakness?: Weakness; bits: number }): string {
  return verdict.weakness === 'default'
    ? 'a well-known default or placeholder'
    : `about ${Math.min(verdict.bits, SIGNING_KEY_BITS - 1)} bits of entropy, where ${SIGNING_KEY_BITS} (32 random bytes) are needed`;
}
