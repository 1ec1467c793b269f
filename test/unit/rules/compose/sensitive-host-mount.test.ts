import { sensitiveHostMount } from '../../../../server/src/rules/compose/sensitive-host-mount';
import { ruleTester } from '../../../helpers/rule-tester';

const agent = (lines: string) => `services:\n  agent:\n    image: acme/agent:1\n    volumes:\n${lines}`;
const RO = 'Mount it read-only (":ro")';
const WRITABLE = (path: string, what: string) => ({
  messageId: 'writableMount',
  data: { service: 'agent', path, what },
});
const READ_ONLY = (path: string, what: string) => ({
  messageId: 'readOnlyMount',
  data: { service: 'agent', path, what },
});
const DEVICE = (path: string, what: string) => ({
  messageId: 'deviceMount',
  data: { service: 'agent', path, what },
});
const HOME_CREDENTIALS = 'credentials kept in a home folder';
const CONTAINERS = "every container's files and secrets";
const KEYS = 'private keys, certificates or secrets';

ruleTester(sensitiveHostMount, {
  valid: [
    {
      name: 'project folders, named volumes and the usual read-only host files',
      code: agent(
        '      - ./data:/data\n      - db-data:/var/lib/postgresql/data\n      - /etc/localtime:/etc/localtime:ro\n      - /etc/timezone:/etc/timezone:ro\n      - /srv/app/uploads:/uploads\n',
      ),
    },
    {
      name: 'application folders under /opt and /srv are not host system locations',
      code: agent('      - /opt/stacks:/opt/stacks\n      - /opt/app/data:/data\n      - /srv/app:/srv/app\n'),
    },
    {
      name: '/etc/localtime and /etc/timezone, even writable',
      code: agent('      - /etc/localtime:/etc/localtime\n      - /etc/timezone:/etc/timezone\n'),
    },
    {
      name: 'program folders and harmless /etc files read-only',
      code: agent(
        '      - /usr/share/fonts:/usr/share/fonts:ro\n      - /lib/modules:/lib/modules:ro\n      - /etc/passwd:/etc/passwd:ro\n      - /etc/os-release:/host/etc/os-release:ro\n      - /etc/ssl/certs:/etc/ssl/certs:ro\n      - /var/log:/var/log:ro\n',
      ),
    },
    {
      name: "an application's configuration under /etc, read-only",
      code: agent('      - /etc/pihole:/etc/pihole:ro\n'),
    },
    {
      name: 'device nodes every container gets, and the syslog socket',
      code: agent('      - /dev/net/tun:/dev/net/tun\n      - /dev/null:/dev/null\n      - /dev/log:/dev/log\n'),
    },
    { name: 'a deeper home folder', code: agent('      - /home/deploy/app/config:/config\n') },
    {
      name: 'look-alike paths: names that only start like system folders, relative paths',
      code: agent(
        '      - /etcetera:/x\n      - /devices:/d\n      - /procfs:/p\n      - /system:/s\n      - /optional:/o\n      - ./etc/pihole:/etc/pihole\n      - /var/lib/mysql:/var/lib/mysql\n',
      ),
    },
    {
      name: "the runtime socket and its run-time folders are compose/docker-socket's",
      code: agent(
        '      - /var/run/docker.sock:/var/run/docker.sock\n      - /run:/run\n      - /var/run:/var/run:ro\n',
      ),
    },
    { name: 'an anonymous volume at a sensitive container path', code: agent('      - /etc\n') },
    {
      name: 'a long-syntax named volume',
      code: agent('      - type: volume\n        source: etc\n        target: /etc\n'),
    },
  ],
  invalid: [
    {
      name: "the host's root, writable: :ro is added",
      code: agent('      - /:/host\n'),
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 16,
          ...WRITABLE('/', "the host's whole filesystem"),
          message:
            'Service "agent" mounts / (the host\'s whole filesystem) writable: the container can change the host.',
          severity: 'error',
          fixes: [RO],
        },
      ],
      output: agent('      - /:/host:ro\n'),
    },
    {
      name: "the host's root read-only is still reported (compose/docker-socket reports its socket too)",
      code: agent('      - /:/rootfs:ro\n'),
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 21,
          ...READ_ONLY('/', "the host's whole filesystem"),
          severity: 'warning',
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: '/etc read-only is a warning, with no fix',
      code: agent('      - /etc:/host/etc:ro\n'),
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 26,
          ...READ_ONLY('/etc', "the host's configuration, /etc/shadow included"),
          message:
            'Service "agent" mounts /etc (the host\'s configuration, /etc/shadow included) read-only: the container can still read everything in it.',
          severity: 'warning',
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: "an application's folder under /etc, writable: host configuration",
      code: agent('      - "/etc/pihole/:/etc/pihole/"\n      - /etc/netclient:/etc/netclient\n'),
      errors: [
        {
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 35,
          ...WRITABLE('/etc/pihole/', 'host configuration'),
          severity: 'error',
          fixes: [RO],
        },
        { line: 6, column: 9, endLine: 6, endColumn: 38, ...WRITABLE('/etc/netclient', 'host configuration') },
      ],
      output: agent('      - "/etc/pihole/:/etc/pihole/:ro"\n      - /etc/netclient:/etc/netclient:ro\n'),
    },
    {
      name: 'keys and certificates under /etc are reported read-only too',
      code: agent(
        '      - /etc/traefik/certs:/certs:ro\n      - /etc/nginx/ssl/site.key:/site.key:ro\n      - /etc/letsencrypt:/etc/letsencrypt:ro\n',
      ),
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 37,
          ...READ_ONLY('/etc/traefik/certs', KEYS),
          severity: 'warning',
        },
        { line: 6, column: 9, endLine: 6, endColumn: 45, ...READ_ONLY('/etc/nginx/ssl/site.key', KEYS) },
        {
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 45,
          ...READ_ONLY('/etc/letsencrypt', 'private keys, certificates or credentials'),
        },
      ],
      output: null,
    },
    {
      name: "the host's machine ID, writable and read-only",
      code: agent('      - /etc/machine-id:/etc/machine-id\n      - /etc/machine-id:/host/machine-id:ro\n'),
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 40,
          ...WRITABLE('/etc/machine-id', "the host's machine ID, which systemd says to keep confidential"),
          severity: 'error',
        },
        {
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 44,
          ...READ_ONLY('/etc/machine-id', "the host's machine ID, which systemd says to keep confidential"),
          severity: 'warning',
        },
      ],
      output: agent('      - /etc/machine-id:/etc/machine-id:ro\n      - /etc/machine-id:/host/machine-id:ro\n'),
    },
    {
      name: "look-alike: the host's public CA certificates matter only when writable",
      code: agent('      - /etc/ssl/certs:/etc/ssl/certs\n'),
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 38,
          ...WRITABLE('/etc/ssl/certs', "the host's trusted CA certificates"),
        },
      ],
      output: agent('      - /etc/ssl/certs:/etc/ssl/certs:ro\n'),
    },
    {
      name: 'devices: ":ro" does not protect them, so read-only is the same error, with no fix',
      code: agent(
        '      - /dev:/host/dev:ro\n      - /dev/input:/dev/input\n      - /dev/net:/dev/net:z\n      - /dev/sda:/dev/sda:ro\n      - /dev/dri:/dev/dri\n',
      ),
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 26,
          ...DEVICE('/dev', 'every host device, raw disks included'),
          message:
            'Service "agent" mounts /dev (every host device, raw disks included): ":ro" does not stop writes to a device, so the container can use it either way.',
          severity: 'error',
          fixes: [],
        },
        { line: 6, column: 9, endLine: 6, endColumn: 30, ...DEVICE('/dev/input', 'host keyboards and mice') },
        { line: 7, column: 9, endLine: 7, endColumn: 28, ...DEVICE('/dev/net', 'host TUN/TAP network devices') },
        { line: 8, column: 9, endLine: 8, endColumn: 29, ...DEVICE('/dev/sda', 'a raw disk'), severity: 'error' },
        { line: 9, column: 9, endLine: 9, endColumn: 26, ...DEVICE('/dev/dri', 'a host device') },
      ],
      output: null,
    },
    {
      name: "the host's shared memory: reported, and no :ro fix (shm_size is the fix)",
      code: agent('      - /dev/shm:/dev/shm\n      - /dev/shm:/host/shm:ro\n'),
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 26,
          ...WRITABLE('/dev/shm', "the host's shared memory, other programs' data in it"),
          severity: 'error',
          fixes: [],
        },
        {
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 30,
          ...READ_ONLY('/dev/shm', "the host's shared memory, other programs' data in it"),
          severity: 'warning',
        },
      ],
      output: null,
    },
    {
      name: 'an SELinux label is kept and rw replaced',
      code: agent('      - ~/.ssh:/root/.ssh:z\n      - /var/lib/docker/:/var/lib/docker:rw # backups\n'),
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 28, ...WRITABLE('~/.ssh', HOME_CREDENTIALS) },
        { line: 6, column: 9, endLine: 6, endColumn: 44, ...WRITABLE('/var/lib/docker/', CONTAINERS) },
      ],
      output: agent('      - ~/.ssh:/root/.ssh:z,ro\n      - /var/lib/docker/:/var/lib/docker:ro # backups\n'),
    },
    {
      name: "the runtime's container logs, Podman's storage and a rootless storage in the home folder",
      code: agent(
        '      - /var/lib/docker/containers:/var/lib/docker/containers:ro\n      - /var/lib/containers/storage:/storage:Z\n      - ${HOME}/.local/share/containers/storage:/hostfs/storage:Z\n',
      ),
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 65,
          ...READ_ONLY('/var/lib/docker/containers', CONTAINERS),
          severity: 'warning',
        },
        { line: 6, column: 9, endLine: 6, endColumn: 47, ...WRITABLE('/var/lib/containers/storage', CONTAINERS) },
        {
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 66,
          ...WRITABLE(
            '${HOME}/.local/share/containers/storage',
            "rootless Podman's or Docker's storage: every container's files",
          ),
        },
      ],
      output: agent(
        '      - /var/lib/docker/containers:/var/lib/docker/containers:ro\n      - /var/lib/containers/storage:/storage:Z,ro\n      - ${HOME}/.local/share/containers/storage:/hostfs/storage:Z,ro\n',
      ),
    },
    {
      name: "/var and /var/lib hold every container's files",
      code: agent('      - /var:/host/var:ro\n      - /var/lib:/host/var/lib\n'),
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 26,
          ...READ_ONLY('/var', "the host's /var: container data, logs and the runtime socket"),
        },
        {
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 31,
          ...WRITABLE('/var/lib', "the host's service data, every container's included"),
        },
      ],
      output: agent('      - /var:/host/var:ro\n      - /var/lib:/host/var/lib:ro\n'),
    },
    {
      name: '${HOME} and a whole home folder, quoted',
      code: agent('      - ${HOME}/.aws:/root/.aws:ro\n      - "/home/alice:/home/alice"\n'),
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 35,
          severity: 'warning',
          ...READ_ONLY('${HOME}/.aws', HOME_CREDENTIALS),
        },
        {
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 33,
          severity: 'error',
          ...WRITABLE('/home/alice', 'a whole home folder, with its SSH keys and tokens'),
        },
      ],
      output: agent('      - ${HOME}/.aws:/root/.aws:ro\n      - "/home/alice:/home/alice:ro"\n'),
    },
    {
      name: 'program folders matter when writable: /usr, /lib, and /opt itself (not an application folder in it)',
      code: agent('      - /usr/local/bin:/host/bin\n      - /lib/modules:/lib/modules\n      - /opt:/host/opt\n'),
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 33, ...WRITABLE('/usr/local/bin', 'host programs and libraries') },
        { line: 6, column: 9, endLine: 6, endColumn: 34, ...WRITABLE('/lib/modules', 'host programs and libraries') },
        {
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 23,
          ...WRITABLE('/opt', 'host add-on programs, container network plugins included'),
        },
      ],
      output: agent(
        '      - /usr/local/bin:/host/bin:ro\n      - /lib/modules:/lib/modules:ro\n      - /opt:/host/opt:ro\n',
      ),
    },
    {
      name: 'long syntax: read_only: true is added under source',
      code: agent('      - type: bind\n        source: /proc\n        target: /host/proc\n'),
      errors: [
        {
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 22,
          ...WRITABLE('/proc', "the host's processes and kernel settings"),
          fixes: ['Mount it read-only (read_only: true)'],
        },
      ],
      output: agent('      - type: bind\n        source: /proc\n        read_only: true\n        target: /host/proc\n'),
    },
    {
      name: 'a path from a default in the Compose file',
      code: agent('      - ${HOST_ROOT:-/}:/host\n'),
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 30,
          ...WRITABLE('${HOST_ROOT:-/}', "the host's whole filesystem"),
        },
      ],
      output: agent('      - ${HOST_ROOT:-/}:/host:ro\n'),
    },
    {
      name: 'a path from .env',
      code: agent('      - ${HOST_ETC}:/host/etc\n'),
      facts: { dotenv: { path: '/project/.env', text: 'HOST_ETC=/etc\n' } },
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 30,
          ...WRITABLE('${HOST_ETC}', "the host's configuration, /etc/shadow included"),
        },
      ],
      output: agent('      - ${HOST_ETC}:/host/etc:ro\n'),
    },
  ],
});
