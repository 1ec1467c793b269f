import type { Fix, Rule } from '../../engine/types';
import type { ComposeModel } from '../../formats/compose';
import { bindMounts, dotenvLookup, readOnlyEdit, reportOnce } from './helpers';

/**
 * Container runtime API sockets given as a host path: whoever can write to one controls the host.
 * A bare `docker.sock` is a named volume, not a host path.
 */
const RUNTIME_SOCKET = /\/(?:docker|podman|containerd|crio|cri-dockerd|dockershim)\.sock$/;
/** Folders that hold those sockets: mounting one mounts the socket too. */
const SOCKET_FOLDER = /^(?:\/var)?\/run(?:\/(?:docker|containerd|podman|crio))?\/?$/;

/**
 * Judges the path Compose would use: `${SOCK:-/var/run/docker.sock}` at its default or its `.env`
 * value, `${XDG_RUNTIME_DIR}/podman/podman.sock` by the part that is written.
 */
export function isRuntimeSocket(path: string): boolean {
  return RUNTIME_SOCKET.test(path) || SOCKET_FOLDER.test(path);
}

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
