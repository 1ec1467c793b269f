import type { Rule } from '../../core/types';
import type { ComposeModel } from '../../formats/compose/model';
import { acmeStaging } from './acme-staging';
import { credentialsInUrl } from './credentials-in-url';
import { dangerousCapability } from './dangerous-capability';
import { defaultPassword } from './default-password';
import { dockerSocket } from './docker-socket';
import { emptyPassword } from './empty-password';
import { exposedInternalService } from './exposed-internal-service';
import { hardcodedSecret } from './hardcoded-secret';
import { hostNamespace } from './host-namespace';
import { invalidYaml } from './invalid-yaml';
import { missingReference } from './missing-reference';
import { noNewPrivileges } from './no-new-privileges';
import { privileged } from './privileged';
import { runsAsRoot } from './runs-as-root';
import { secretInBuildArgs } from './secret-in-build-args';
import { sensitiveHostMount } from './sensitive-host-mount';
import { unconfinedProfile } from './unconfined-profile';
import { unpinnedImage } from './unpinned-image';
import { weakJwtSecret } from './weak-jwt-secret';
import { writableRootFilesystem } from './writable-root-filesystem';
import { unkeptPromise } from './unkept-promise';

/** Every Compose rule, one line each. */
export const composeRules: Rule<ComposeModel>[] = [
  acmeStaging,
  credentialsInUrl,
  dangerousCapability,
  defaultPassword,
  dockerSocket,
  emptyPassword,
  exposedInternalService,
  hardcodedSecret,
  hostNamespace,
  invalidYaml,
  missingReference,
  noNewPrivileges,
  privileged,
  runsAsRoot,
  secretInBuildArgs,
  sensitiveHostMount,
  unconfinedProfile,
  unpinnedImage,
  weakJwtSecret,
  writableRootFilesystem,
  // Last: it reads what the other rules found.
  unkeptPromise,
];
