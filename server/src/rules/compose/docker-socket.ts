import type { Fix, Rule } from '../../core/types';
import type { ComposeModel } from '../../formats/compose/model';
import { isRuntimeSocket } from '../../formats/compose/host-paths';
import { bindMounts, dotenvLookup } from '../../formats/compose/resolve';
import { readOnlyEdit } from '../utils/compose-edits';
import { reportOnce } from '../utils/report-once';

export const dockerSocket: Rule<ComposeModel> = {
  meta: {
    id: 'compose/docker-socket',
    kind: 'compose',
    defaultSeverity: 'error',
    description:
      'A container runtime socket (or its folder) is mounted into a container, giving it control of the host.',
    messages: {
      writableSocket:
        'Service "{{service}}" mounts the container runtime socket {{source}} writable: the container can control the host.',
      readOnlySocket:
        'Service "{{service}}" mounts the container runtime socket {{source}}; ":ro" does not stop API calls, use a filtering socket proxy.',
    },
    fixable: 'unattended',
  },
  check(model, context) {
    const report = reportOnce(context);
    const lookup = dotenvLookup(context.facts);
    for (const service of model.services) {
      for (const mount of bindMounts(model, service, lookup)) {
        if (!isRuntimeSocket(mount.source)) continue;
        if (mount.readOnly) {
          report({
            messageId: 'readOnlySocket',
            data: { service: service.name, source: mount.written },
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
        report({
          messageId: 'writableSocket',
          data: { service: service.name, source: mount.written },
          start: mount.start,
          end: mount.end,
          fixes,
        });
      }
    }
  },
};
