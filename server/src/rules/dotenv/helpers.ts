import type { DotenvModel } from '../../formats/dotenv';
import { dotenvCredentialFindings, type DotenvCredentialFinding } from '../compose/helpers';
import { SIGNING_KEY_BITS } from '../compose/weak-jwt-secret';

const computed = new WeakMap<DotenvModel, DotenvCredentialFinding[]>();

/** The credential findings of a `.env` document, computed once per parse for all three rules. */
export function credentialFindings(
  model: DotenvModel,
  rule: DotenvCredentialFinding['rule'],
): DotenvCredentialFinding[] {
  let findings = computed.get(model);
  if (!findings) {
    findings = dotenvCredentialFindings(model, SIGNING_KEY_BITS);
    computed.set(model, findings);
  }
  return findings.filter((finding) => finding.rule === rule);
}
