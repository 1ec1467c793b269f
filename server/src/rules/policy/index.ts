import type { Rule } from '../../engine/types';
import type { PolicyModel } from '../../formats/policy';
import { noContact } from './no-contact';
import { noResponseTimeline } from './no-response-timeline';
import { noSupportedVersions } from './no-supported-versions';

/** Every SECURITY.md rule, one line each. */
export const policyRules: Rule<PolicyModel>[] = [noContact, noResponseTimeline, noSupportedVersions];
