import type { DotenvEntry, DotenvModel } from '../../formats/dotenv';
import { credentialVerdict, type CredentialVerdict } from '../../secrets/verdict';
import { contextWords, identityWords } from '../../secrets/strength';

/**
 * Each entry of a `.env` document with the verdict on its value. The other keys of the file are
 * the words an attacker tries first, with the entry's own name.
 */
export function dotenvVerdicts(model: DotenvModel): { entry: DotenvEntry; verdict: CredentialVerdict }[] {
  const context = [...contextWords(...model.entries.map((entry) => entry.name)), ...identityWords(model.entries)];
  const judged: { entry: DotenvEntry; verdict: CredentialVerdict }[] = [];
  for (const entry of model.entries) {
    if (entry.value === undefined) continue;
    const verdict = credentialVerdict(entry.name, entry.value, [...context, ...contextWords(entry.name)]);
    if (verdict) judged.push({ entry, verdict });
  }
  return judged;
}
