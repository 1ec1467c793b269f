import type { DotenvEntry, DotenvModel } from '../../formats/dotenv';
import { credentialVerdict, type CredentialVerdict } from '../../secrets/verdict';
import { contextWords, identityWords } from '../../secrets/strength';

/**
 * How many of the file's words are tried with each value. Every value is checked against every
 * word: without a cap a generated `.env` of thousands of keys took quadratic time; real files have
 * far fewer words than this.
 */
const MAX_FILE_WORDS = 200;

/**
 * Each entry of a `.env` document with the verdict on its value. The user and database names and
 * the other keys of the file are the words an attacker tries first, with the entry's own name.
 */
export function dotenvVerdicts(model: DotenvModel): { entry: DotenvEntry; verdict: CredentialVerdict }[] {
  const context = [
    ...new Set([...identityWords(model.entries), ...contextWords(...model.entries.map((entry) => entry.name))]),
  ].slice(0, MAX_FILE_WORDS);
  const judged: { entry: DotenvEntry; verdict: CredentialVerdict }[] = [];
  for (const entry of model.entries) {
    if (entry.value === undefined) continue;
    const verdict = credentialVerdict(entry.name, entry.value, () => [...context, ...contextWords(entry.name)]);
    if (verdict) judged.push({ entry, verdict });
  }
  return judged;
}
