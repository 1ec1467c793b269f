/** What host paths mean to a container that mounts them. */

/**
 * The host path to judge: `$HOME` and `${HOME}` as `~` (the shell sets them, not .env), the path
 * Compose resolved otherwise, trailing slashes dropped (`/var/run/` is `/var/run`, `/` stays `/`).
 */
export function hostPath(written: string, resolved: string): string {
  const home = /^(?:\$\{HOME\}|\$HOME)(?=\/|$)/.exec(written);
  const path = home ? `~${written.slice(home[0].length)}` : resolved;
  let end = path.length;
  while (end > 1 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}

/**
 * Container runtime API sockets given as a host path: whoever can connect to one controls the
 * host, whatever the mount mode. A bare `docker.sock` is a named volume, not a host path.
 */
const RUNTIME_SOCKET = /\/(?:docker|podman|containerd|crio|cri-dockerd|dockershim)\.sock(?:\.raw)?$/;
/** The sockets that speak the Docker Engine API (Podman's is compatible): a filtering proxy can stand in for them. */
const DOCKER_API_SOCKET = /\/(?:docker|podman)\.sock(?:\.raw)?$/;
/** Folders that hold those sockets (`/run/user/1000` holds rootless Docker's and Podman's). */
const SOCKET_FOLDER =
  /^(?:\/var)?\/run(?:\/(?:docker|containerd|podman|crio|user(?:\/\d+(?:\/(?:docker|podman))?)?))?$/;
/** System folders above the socket folders: `/` and `/var` bring `/var/run/docker.sock` along. */
const SOCKET_ANCESTOR = /^\/(?:var)?$/;

/**
 * Judges the path Compose would use (see hostPath): `${SOCK:-/var/run/docker.sock}` at its default
 * or its `.env` value, `${XDG_RUNTIME_DIR}/podman/podman.sock` by the part that is written.
 */
export function isRuntimeSocket(path: string): boolean {
  return RUNTIME_SOCKET.test(path);
}

/** Whether a runtime socket speaks the Docker Engine API, so that a filtering proxy can replace it. */
export function isDockerApiSocket(path: string): boolean {
  return DOCKER_API_SOCKET.test(path);
}

/** A run-time folder that holds a runtime socket and little else a reviewer flags (`/var/run`, `/run/containerd`). */
export function isRuntimeSocketFolder(path: string): boolean {
  return SOCKET_FOLDER.test(path);
}

/** Whether mounting a folder mounts a runtime socket too: its run-time folder, or `/` and `/var` above it. */
export function holdsRuntimeSocket(path: string): boolean {
  return SOCKET_FOLDER.test(path) || SOCKET_ANCESTOR.test(path);
}

/**
 * How a sensitive host path hurts:
 * - `read`: reading it is the harm (keys, password hashes, every container's files), so a
 *   read-only mount is still reported;
 * - `write`: harmless to read, but a writer plants code, changes host configuration or erases traces;
 * - `device`: device nodes, which a read-only mount does not stop anyone writing to (the kernel
 *   checks the mount mode for files and folders, not for devices).
 */
export type Exposure = 'read' | 'write' | 'device';

export interface SensitivePath {
  /** What the path holds, in a few words for the message. */
  what: string;
  exposure: Exposure;
  /** Whether making the mount read-only is a fix worth offering (not for `/dev/shm`, whose users need to write). */
  readOnlyFix: boolean;
}

type Entry = [pattern: RegExp, what: string, exposure: Exposure, readOnlyFix?: boolean];

/** The `/etc` files that only say what time it is: not sensitive at all. */
const HARMLESS_ETC = /^\/etc\/(?:localtime|timezone)$/;
/** Public CA certificates under `/etc`: mounted read-only to trust the host's CAs. */
const PUBLIC_CERTIFICATES = /^\/etc\/(?:ssl\/certs|ca-certificates|pki\/(?:ca-trust|tls\/certs))(?:\/|$)/;
/** A folder or file under `/etc` named for keys and certificates: `/etc/traefik/certs`, `/etc/nginx/ssl/site.key`. */
const KEY_SEGMENT = /^(?:certs?|ssl|tls|private|keys?|secrets?|acme|[^/]*\.(?:key|p12|pfx|jks|keytab))$/;
/** Device nodes Docker lets every container open, and the syslog socket: nothing gained by mounting them. */
const DEFAULT_DEVICES = /^\/dev\/(?:null|zero|full|random|urandom|tty|console|ptmx|pts|net\/tun|log)(?:\/|$)/;

/**
 * The catalog of the host's system locations: what each holds, and how it hurts (see Exposure).
 * Checked in order; the first match wins.
 */
const CATALOG: Entry[] = [
  [/^\/$/, "the host's whole filesystem", 'read'],
  [/^\/etc$/, "the host's configuration, /etc/shadow included", 'read'],
  [/^\/etc\/g?shadow-?$/, "the host's password hashes", 'read'],
  [/^\/etc\/(?:ssh|sudoers(?:\.d)?|security)(?:\/|$)/, 'host SSH keys or sudo rules', 'read'],
  [
    /^\/etc\/(?:letsencrypt|ssl|pki|kubernetes|docker|rancher|wireguard|openvpn|ipsec\.secrets|ipsec\.d|krb5\.keytab|NetworkManager\/system-connections)(?:\/|$)/,
    'private keys, certificates or credentials',
    'read',
  ],
  [/^\/etc\/machine-id$/, "the host's machine ID, which systemd says to keep confidential", 'read'],
  [/^\/root(?:\/|$)/, "root's home folder", 'read'],
  [/^~$|^\/home(?:\/[^/]+)?$|^\/Users(?:\/[^/]+)?$/, 'a whole home folder, with its SSH keys and tokens', 'read'],
  [
    /(?:^~|^\/home\/[^/]+|^\/Users\/[^/]+)\/\.(?:ssh|aws|kube|docker|gnupg|config\/gcloud|azure|netrc)(?:\/|$)/,
    'credentials kept in a home folder',
    'read',
  ],
  [
    /(?:^~|^\/home\/[^/]+|^\/Users\/[^/]+)\/\.local\/share\/(?:containers|docker)(?:\/|$)/,
    "rootless Podman's or Docker's storage: every container's files",
    'read',
  ],
  [/^\/proc(?:\/|$)/, "the host's processes and kernel settings", 'read'],
  [/^\/sys(?:\/|$)/, "the host's kernel and hardware settings", 'read'],
  [/^\/boot(?:\/|$)/, 'the kernel and boot loader', 'read'],
  [/^\/dev\/(?:shm|mqueue)(?:\/|$)/, "the host's shared memory, other programs' data in it", 'read', false],
  [/^\/dev$/, 'every host device, raw disks included', 'device'],
  [/^\/dev\/input(?:\/|$)/, 'host keyboards and mice', 'device'],
  [/^\/dev\/(?:mem|kmem|port)$/, "the host's memory", 'device'],
  [/^\/dev\/kmsg$/, "the host's kernel log", 'device'],
  [/^\/dev\/net$/, 'host TUN/TAP network devices', 'device'],
  [/^\/dev\/(?:[sv]d|xvd|hd|nvme|mmcblk|loop|dm-|md|sr)[^/]*$|^\/dev\/(?:disk|mapper)(?:\/|$)/, 'a raw disk', 'device'],
  [/^\/dev\//, 'a host device', 'device'],
  [/^\/var$/, "the host's /var: container data, logs and the runtime socket", 'read'],
  [/^\/var\/lib$/, "the host's service data, every container's included", 'read'],
  [/^\/var\/lib\/(?:docker|containerd|containers|kubelet)(?:\/|$)/, "every container's files and secrets", 'read'],
  [/^\/(?:usr|bin|sbin|lib|lib32|lib64|libx32)(?:\/|$)/, 'host programs and libraries', 'write'],
  [/^\/opt(?:\/(?:cni|containerd)(?:\/|$)|$)/, 'host add-on programs, container network plugins included', 'write'],
  [
    /^\/etc\/(?:passwd|group|cron\.[^/]+|crontab|systemd|init\.d|rc\.local|profile(?:\.d)?|environment|ld\.so\.preload|modprobe\.d|udev)(?:\/|$)/,
    'host accounts or start-up files',
    'write',
  ],
  [/^\/var\/(?:log|spool\/cron)(?:\/|$)/, 'host logs or scheduled jobs', 'write'],
];

/**
 * What a host path exposes to a container that mounts it, or undefined for a path that is not a
 * system location of the host: an application folder (`/opt/stacks`, `/srv/app`, `./data`, a
 * folder deep in a home) is the application's business.
 */
export function sensitiveHostPath(path: string): SensitivePath | undefined {
  if (HARMLESS_ETC.test(path)) return undefined;
  if (path.startsWith('/dev/') && DEFAULT_DEVICES.test(path)) return undefined;
  if (PUBLIC_CERTIFICATES.test(path)) {
    return { what: "the host's trusted CA certificates", exposure: 'write', readOnlyFix: true };
  }
  for (const [pattern, what, exposure, readOnlyFix = true] of CATALOG) {
    if (pattern.test(path)) return { what, exposure, readOnlyFix: readOnlyFix && exposure !== 'device' };
  }
  if (path.startsWith('/etc/')) {
    // An application's folder under /etc: its keys and certificates are read out, the rest is
    // host configuration that a root daemon reads.
    const keys = path
      .split('/')
      .slice(2)
      .some((segment) => KEY_SEGMENT.test(segment));
    return keys
      ? { what: 'private keys, certificates or secrets', exposure: 'read', readOnlyFix: true }
      : { what: 'host configuration', exposure: 'write', readOnlyFix: true };
  }
  return undefined;
}
