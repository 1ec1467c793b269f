import type { Rule } from '../engine/types';
import type { ComposeModel } from '../formats/compose';
import type { PolicyModel } from '../formats/policy';
import { acmeStaging } from './compose/acme-staging';
import { defaultPassword } from './compose/default-password';
import { dockerSocket } from './compose/docker-socket';
import { invalidYaml } from './compose/invalid-yaml';
import { noContact } from './policy/no-contact';
import { noResponseTimeline } from './policy/no-response-timeline';
import { noSupportedVersions } from './policy/no-supported-versions';

export type AnyRule = Rule<PolicyModel> | Rule<ComposeModel>;

/** Every rule, one line each. */
export const allRules: readonly AnyRule[] = [
  noContact,
  noResponseTimeline,
  noSupportedVersions,
  acmeStaging,
  defaultPassword,
  dockerSocket,
  invalidYaml,
];

export const ruleIds: ReadonlySet<string> = new Set(allRules.map((rule) => rule.meta.id));

export function findRule(id: string): AnyRule | undefined {
  return allRules.find((rule) => rule.meta.id === id);
}
