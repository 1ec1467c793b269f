import type { Rule } from '../../engine/types';
import type { ComposeModel } from '../../formats/compose';
import { acmeStaging } from './acme-staging';
import { defaultPassword } from './default-password';
import { dockerSocket } from './docker-socket';
import { invalidYaml } from './invalid-yaml';

/** Every Compose rule, one line each. */
export const composeRules: Rule<ComposeModel>[] = [acmeStaging, defaultPassword, dockerSocket, invalidYaml];
