import type { Fix, Rule } from '../../core/types';
import type { ComposeModel } from '../../formats/compose/model';
import { isRuntimeSocket } from '../../formats/compose/host-paths';
import { bindMounts, dotenvLookup } from '../../formats/compose/resolve';
import { readOnlyEdit } from '../utils/compose-edits';
import { reportOnce } from '../utils/report-once';

const MESSAGE_WRITABLE = (service: string, source: string) =>
  `Service "${service}" mounts the container runtime socket ${source} writable: the container can control the host.`;
const MESSAGE_READ_ONLY = (service: string, source: string) =>
  `Service "${service}" mounts the container runtime socket ${source}; ":ro" does not stop API calls, use a filtering socket proxy.`;

export const dockerSocket: Rule<ComposeModel> = {
  meta: {
    id: 'compose/docker-socket',
    kind: 'compose',
    defaultSeverity: 'error',
    description:
      'A container runtime socket (or its folder) is mounted into a container, giving it control of the host.',
  },
  check(model, context) {
    const report = reportOnce(context);
    const lookup = dotenvLookup(context.facts);
    for (const service of model.services) {
      for (const mount of bindMounts(model, service, lookup)) {
        if (!isRuntimeSocket(mount.source)) continue;
        if (mount.readOnly) {
          report({
            message: MESSAGE_READ_ONLY(service.name, mount.written),
            start: mount.start,
            end: mount.end,
            severity: 'warning',
          });
          continue;
        }
        const edit = readOnlyEdit(model, mount);
        const title = mount.short
          ? 'Mount the socket read-only (":ro")'
          : 'Mount the socket read-only (read_only: true)';
        const fixes: Fix[] = edit ? [{ title, edits: [edit], preferred: true }] : [];
        report({ message: MESSAGE_WRITABLE(service.name, mount.written), start: mount.start, end: mount.end, fixes });
      }
    }
  },
};
