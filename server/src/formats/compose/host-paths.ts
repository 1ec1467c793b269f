/** What host paths mean to a container that mounts them. */

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
