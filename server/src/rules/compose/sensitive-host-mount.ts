import type { Fix, Rule } from '../../core/types';
import type { ComposeModel } from '../../formats/compose/model';
import { hostPath, isRuntimeSocket, isRuntimeSocketFolder, sensitiveHostPath } from '../../formats/compose/host-paths';
import { bindMounts, dotenvLookup } from '../../formats/compose/resolve';
import { readOnlyEdit } from '../utils/compose-edits';
import { reportOnce } from '../utils/report-once';

export const sensitiveHostMount: Rule<ComposeModel> = {
  meta: {
    id: 'compose/sensitive-host-mount',
    kind: 'compose',
    defaultSeverity: 'error',
    description: 'A sensitive host path (/, /etc, /proc, /var/lib/docker, ~/.ssh…) is bind-mounted into a container.',
    messages: {
      writableMount: 'Service "{{service}}" mounts {{path}} ({{what}}) writable: the container can change the host.',
      readOnlyMount:
        'Service "{{service}}" mounts {{path}} ({{what}}) read-only: the container can still read everything in it.',
      deviceMount:
        'Service "{{service}}" mounts {{path}} ({{what}}): ":ro" does not stop writes to a device, so the container can use it either way.',
    },
    fixable: 'review',
  },
  check(model, context) {
    const report = reportOnce(context);
    const lookup = dotenvLookup(context.facts);
    for (const service of model.services) {
      for (const mount of bindMounts(model, service, lookup)) {
        const path = hostPath(mount.written, mount.source);
        // Runtime sockets and the run-time folders that hold them are compose/docker-socket's;
        // `/` and `/var` are both rules' business.
        if (isRuntimeSocket(path) || isRuntimeSocketFolder(path)) continue;
        const sensitive = sensitiveHostPath(path);
        if (!sensitive) continue;
        const data = { service: service.name, path: mount.written, what: sensitive.what };
        const where = { start: mount.start, end: mount.end };
        if (sensitive.exposure === 'device') {
          report({ messageId: 'deviceMount', data, ...where });
          continue;
        }
        if (mount.readOnly) {
          if (sensitive.exposure === 'read')
            report({ messageId: 'readOnlyMount', data, ...where, severity: 'warning' });
          continue;
        }
        const edit = sensitive.readOnlyFix ? readOnlyEdit(model, mount) : undefined;
        const fixes: Fix[] = edit
          ? [
              {
                title: mount.short ? 'Mount it read-only (":ro")' : 'Mount it read-only (read_only: true)',
                edits: [edit],
                preferred: true,
                needsReview: true,
              },
            ]
          : [];
        report({ messageId: 'writableMount', data, ...where, fixes });
      }
    }
  },
};
