import type { Rule } from '../engine/types';
import type { ComposeModel } from '../formats/compose';
import type { DotenvModel } from '../formats/dotenv';
import type { PolicyModel } from '../formats/policy';
import type { SecurityTxtModel } from '../formats/securitytxt';
import { composeRules } from './compose';
import { dotenvRules } from './dotenv';
import { policyRules } from './policy';
import { securityTxtRules } from './securitytxt';

export type AnyRule = Rule<PolicyModel> | Rule<ComposeModel> | Rule<DotenvModel> | Rule<SecurityTxtModel>;

/** Every rule; each kind keeps its own registry beside its rules. */
export const allRules: readonly AnyRule[] = [...policyRules, ...composeRules, ...dotenvRules, ...securityTxtRules];

export const ruleIds: ReadonlySet<string> = new Set(allRules.map((rule) => rule.meta.id));
