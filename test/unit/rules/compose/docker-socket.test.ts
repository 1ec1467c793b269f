import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { applyEdits } from '../../../../server/src/engine/fixes';
import { dockerSocket } from '../../../../server/src/rules/compose/docker-socket';
import { ruleTester, runRule, type InvalidCase } from '../../../helpers/rule-tester';

const PROXY_FIX = (service: string, proxy = 'docker-socket-proxy') =>
  `Move the socket to a filtering proxy service "${proxy}" and point "${service}" at it (review the API sections it allows)`;
const REUSE_FIX = (service: string, proxy: string) =>
  `Point "${service}" at the socket proxy "${proxy}" instead of the socket (review the API sections it allows)`;
const SOCK = '/var/run/docker.sock:/var/run/docker.sock';
const WRITABLE = (service: string, source: string) => ({ messageId: 'writableSocket', data: { service, source } });
const READ_ONLY = (service: string, source: string) => ({ messageId: 'readOnlySocket', data: { service, source } });
const FOLDER = (service: string, source: string) => ({ messageId: 'socketFolder', data: { service, source } });

/** A `traefik` service whose `volumes:` block holds `lines`. */
const traefik = (lines: string) => `services:\n  traefik:\n    image: traefik:v3.1\n    volumes:\n${lines}`;

/** What the consumer gains from the fix when it had no `environment:` and no `networks:`. */
const POINTED = (proxy = 'docker-socket-proxy', eol = '\n') =>
  [
    '    environment:',
    `      DOCKER_HOST: tcp://${proxy}:2375`,
    '    networks:',
    '      - default',
    `      - ${proxy}`,
    '',
  ].join(eol);

/** The proxy service the fix adds at the end of `services:`, and its internal network. */
const PROXY = (consumer: string, source = '/var/run/docker.sock', name = 'docker-socket-proxy', extra: string[] = []) =>
  [
    `  ${name}:`,
    '    image: tecnativa/docker-socket-proxy:0.3',
    '    environment:',
    `      CONTAINERS: 1 # enable only the API sections "${consumer}" needs`,
    '      POST: 0 # refuse every request that changes something',
    '    volumes:',
    `      - ${source}:/var/run/docker.sock:ro`,
    '    security_opt:',
    '      - no-new-privileges:true',
    '    networks:',
    `      - ${name}`,
    ...extra,
    '',
  ].join('\n');
const INTERNAL = (name = 'docker-socket-proxy') => `networks:\n  ${name}:\n    internal: true\n`;

/** The whole `traefik(…)` file once the socket, its only mount, has moved behind the proxy. */
const traefikProxied = (source = '/var/run/docker.sock') =>
  `services:\n  traefik:\n    image: traefik:v3.1\n${POINTED()}${PROXY('traefik', source)}${INTERNAL()}`;

const invalid: InvalidCase[] = [
  {
    name: 'short syntax without a mode: writable; the fix adds a proxy service and points the consumer at it',
    code: traefik(`      - ${SOCK}\n`),
    errors: [
      {
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 50,
        ...WRITABLE('traefik', '/var/run/docker.sock'),
        message:
          'Service "traefik" mounts the container runtime socket /var/run/docker.sock writable: the container can control the host.',
        severity: 'error',
        fixes: [PROXY_FIX('traefik')],
      },
    ],
    output: `services:
  traefik:
    image: traefik:v3.1
    environment:
      DOCKER_HOST: tcp://docker-socket-proxy:2375
    networks:
      - default
      - docker-socket-proxy
  docker-socket-proxy:
    image: tecnativa/docker-socket-proxy:0.3
    environment:
      CONTAINERS: 1 # enable only the API sections "traefik" needs
      POST: 0 # refuse every request that changes something
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock:ro
    security_opt:
      - no-new-privileges:true
    networks:
      - docker-socket-proxy
networks:
  docker-socket-proxy:
    internal: true
`,
  },
  {
    name: 'short syntax with :ro is an error too: ":ro" does not stop API calls',
    code: traefik(`      - ${SOCK}:ro\n`),
    errors: [
      {
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 53,
        ...READ_ONLY('traefik', '/var/run/docker.sock'),
        message:
          'Service "traefik" mounts the container runtime socket /var/run/docker.sock; ":ro" does not stop API calls, so the container can still control the host: use a filtering socket proxy.',
        severity: 'error',
        fixes: [PROXY_FIX('traefik')],
      },
    ],
    output: traefikProxied(),
  },
  {
    name: ':rw is writable',
    code: traefik(`      - ${SOCK}:rw\n`),
    errors: [{ line: 5, column: 9, endLine: 5, endColumn: 53, ...WRITABLE('traefik', '/var/run/docker.sock') }],
    output: traefikProxied(),
  },
  {
    name: 'an SELinux :z label is writable',
    code: traefik(`      - ${SOCK}:z\n`),
    errors: [{ line: 5, column: 9, endLine: 5, endColumn: 52, ...WRITABLE('traefik', '/var/run/docker.sock') }],
    output: traefikProxied(),
  },
  {
    name: ':ro,z is read-only, and still an error',
    code: traefik(`      - ${SOCK}:ro,z\n`),
    errors: [
      {
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 55,
        ...READ_ONLY('traefik', '/var/run/docker.sock'),
        severity: 'error',
      },
    ],
    output: traefikProxied(),
  },
  {
    name: 'double-quoted item: the range stays inside the quotes, and the item goes',
    code: traefik(`      - "${SOCK}"\n`),
    errors: [{ line: 5, column: 10, endLine: 5, endColumn: 51, ...WRITABLE('traefik', '/var/run/docker.sock') }],
    output: traefikProxied(),
  },
  {
    name: '/run/docker.sock is the same socket: the proxy mounts it as written',
    code: traefik('      - /run/docker.sock:/var/run/docker.sock\n'),
    errors: [{ line: 5, column: 9, endLine: 5, endColumn: 46, ...WRITABLE('traefik', '/run/docker.sock') }],
    output: traefikProxied('/run/docker.sock'),
  },
  {
    name: "Docker Desktop's raw socket",
    code: traefik('      - /var/run/docker.sock.raw:/var/run/docker.sock\n'),
    errors: [{ line: 5, column: 9, endLine: 5, endColumn: 54, ...WRITABLE('traefik', '/var/run/docker.sock.raw') }],
    output: traefikProxied('/var/run/docker.sock.raw'),
  },
  {
    name: 'the /var/run folder holds the socket: no fix, the folder is more than the socket',
    code: traefik('      - /var/run:/var/run\n'),
    errors: [
      {
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 26,
        ...FOLDER('traefik', '/var/run'),
        message:
          'Service "traefik" mounts /var/run, which holds the container runtime socket: the container can control the host, read-only or not.',
        severity: 'error',
        fixes: [],
      },
    ],
    output: null,
  },
  {
    name: 'the /var/run/ folder read-only is the same error',
    code: traefik('      - /var/run/:/host/run:ro\n'),
    errors: [{ line: 5, column: 9, endLine: 5, endColumn: 31, ...FOLDER('traefik', '/var/run/'), severity: 'error' }],
    output: null,
  },
  {
    name: "the host's / read-only holds /var/run/docker.sock",
    code: traefik('      - /:/rootfs:ro\n'),
    errors: [
      { line: 5, column: 9, endLine: 5, endColumn: 21, ...FOLDER('traefik', '/'), severity: 'error', fixes: [] },
    ],
    output: null,
  },
  {
    name: "the host's / from .env, and /var",
    code: traefik('      - ${HOST_FILESYSTEM}:/hostfs:ro\n      - /var:/host/var\n'),
    facts: { dotenv: { path: '/project/.env', text: 'HOST_FILESYSTEM=/\n' } },
    errors: [
      { line: 5, column: 9, endLine: 5, endColumn: 38, ...FOLDER('traefik', '${HOST_FILESYSTEM}') },
      { line: 6, column: 9, endLine: 6, endColumn: 23, ...FOLDER('traefik', '/var') },
    ],
    output: null,
  },
  {
    name: "a user's run-time folder holds rootless Docker's and Podman's sockets",
    code: traefik('      - /run/user/1000:/run/user/1000\n      - /run/containerd:/run/containerd:ro\n'),
    errors: [
      { line: 5, column: 9, endLine: 5, endColumn: 38, ...FOLDER('traefik', '/run/user/1000') },
      { line: 6, column: 9, endLine: 6, endColumn: 43, ...FOLDER('traefik', '/run/containerd') },
    ],
    output: null,
  },
  {
    name: 'the podman socket speaks the Docker API: the proxy stands in for it',
    code: traefik('      - /run/podman/podman.sock:/var/run/docker.sock\n'),
    errors: [{ line: 5, column: 9, endLine: 5, endColumn: 53, ...WRITABLE('traefik', '/run/podman/podman.sock') }],
    output: traefikProxied('/run/podman/podman.sock'),
  },
  {
    name: 'the rootless podman socket under a variable is judged by the path written after it',
    code: traefik('      - ${XDG_RUNTIME_DIR}/podman/podman.sock:/var/run/docker.sock:ro\n'),
    errors: [
      {
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 70,
        ...READ_ONLY('traefik', '${XDG_RUNTIME_DIR}/podman/podman.sock'),
        severity: 'error',
      },
    ],
    output: traefikProxied('${XDG_RUNTIME_DIR}/podman/podman.sock'),
  },
  {
    name: 'the containerd socket is no Docker API: reported, no proxy fix',
    code: traefik('      - /run/containerd/containerd.sock:/run/containerd/containerd.sock:ro\n'),
    errors: [
      {
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 75,
        ...READ_ONLY('traefik', '/run/containerd/containerd.sock'),
        fixes: [],
      },
    ],
    output: null,
  },
  {
    name: '${VAR:-/var/run/docker.sock} is judged at its default, and the proxy mounts it as written',
    code: traefik('      - ${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock\n'),
    errors: [
      {
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 66,
        ...WRITABLE('traefik', '${DOCKER_SOCK:-/var/run/docker.sock}'),
      },
    ],
    output: traefikProxied('${DOCKER_SOCK:-/var/run/docker.sock}'),
  },
  {
    name: 'a socket path from .env',
    code: traefik('      - ${DOCKER_SOCK}:/var/run/docker.sock\n'),
    facts: { dotenv: { path: '/project/.env', text: 'DOCKER_SOCK=/var/run/docker.sock\n' } },
    errors: [{ line: 5, column: 9, endLine: 5, endColumn: 44, ...WRITABLE('traefik', '${DOCKER_SOCK}') }],
    output: traefikProxied('${DOCKER_SOCK}'),
  },
  {
    name: 'a source with a space: the proxy gets it double-quoted',
    code: traefik('      - "/home/my user/.docker/run/docker.sock:/var/run/docker.sock"\n'),
    errors: [
      {
        line: 5,
        column: 10,
        endLine: 5,
        endColumn: 68,
        ...WRITABLE('traefik', '/home/my user/.docker/run/docker.sock'),
      },
    ],
    output: traefikProxied('/home/my user/.docker/run/docker.sock').replace(
      '- /home/my user/.docker/run/docker.sock:/var/run/docker.sock:ro',
      '- "/home/my user/.docker/run/docker.sock:/var/run/docker.sock:ro"',
    ),
  },
  {
    name: "Docker Desktop's socket in the home folder",
    code: traefik('      - ~/.docker/run/docker.sock:/var/run/docker.sock\n'),
    errors: [{ line: 5, column: 9, endLine: 5, endColumn: 55, ...WRITABLE('traefik', '~/.docker/run/docker.sock') }],
    output: traefikProxied('~/.docker/run/docker.sock'),
  },
  {
    name: 'long syntax: the mount over several lines goes, the other mounts stay',
    code: traefik(
      '      - type: bind\n        source: /var/run/docker.sock\n        target: /var/run/docker.sock\n      - ./traefik.yml:/etc/traefik/traefik.yml:ro\n',
    ),
    errors: [
      {
        line: 6,
        column: 17,
        endLine: 6,
        endColumn: 37,
        ...WRITABLE('traefik', '/var/run/docker.sock'),
        fixes: [PROXY_FIX('traefik')],
      },
    ],
    output: `services:\n  traefik:\n    image: traefik:v3.1\n${POINTED()}    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml:ro\n${PROXY('traefik')}${INTERNAL()}`,
  },
  {
    name: 'long syntax with read_only: true is an error too',
    code: traefik(
      '      - type: bind\n        source: /var/run/docker.sock\n        target: /var/run/docker.sock\n        read_only: true\n',
    ),
    errors: [
      {
        line: 6,
        column: 17,
        endLine: 6,
        endColumn: 37,
        ...READ_ONLY('traefik', '/var/run/docker.sock'),
        severity: 'error',
        fixes: [PROXY_FIX('traefik')],
      },
    ],
    output: traefikProxied(),
  },
  {
    name: 'long syntax in a flow map on one line',
    code: traefik('      - { type: bind, source: /var/run/docker.sock, target: /var/run/docker.sock }\n'),
    errors: [{ line: 5, column: 31, endLine: 5, endColumn: 51, ...WRITABLE('traefik', '/var/run/docker.sock') }],
    output: traefikProxied(),
  },
  {
    name: 'CRLF line endings: every inserted line ends in CRLF too',
    code: `services:\r\n  agent:\r\n    image: acme/agent:1\r\n    volumes:\r\n      - ${SOCK}\r\n`,
    errors: [{ line: 5, column: 9, endLine: 5, endColumn: 50, ...WRITABLE('agent', '/var/run/docker.sock') }],
    output: `services:\n  agent:\n    image: acme/agent:1\n${POINTED()}${PROXY('agent')}${INTERNAL()}`.replace(
      /\n/g,
      '\r\n',
    ),
  },
  {
    name: 'a comment after the item goes with it',
    code: traefik(`      - ${SOCK} # needed for discovery\n      - ./acme.json:/acme.json\n`),
    errors: [{ line: 5, column: 9, endLine: 5, endColumn: 50 }],
    output: `services:\n  traefik:\n    image: traefik:v3.1\n${POINTED()}    volumes:\n      - ./acme.json:/acme.json\n${PROXY('traefik')}${INTERNAL()}`,
  },
  {
    name: 'environment and networks lists, profiles and top-level networks: each is extended where it is',
    code: `services:
  agent:
    image: acme/agent:1
    profiles: [monitoring]
    environment:
      - TZ=UTC
    networks:
      - back
    volumes:
      - ${SOCK}:ro
networks:
  back: {}
`,
    errors: [{ line: 10, column: 9, endLine: 10, endColumn: 53, ...READ_ONLY('agent', '/var/run/docker.sock') }],
    output: `services:
  agent:
    image: acme/agent:1
    profiles: [monitoring]
    environment:
      - TZ=UTC
      - DOCKER_HOST=tcp://docker-socket-proxy:2375
    networks:
      - back
      - docker-socket-proxy
${PROXY('agent', '/var/run/docker.sock', 'docker-socket-proxy', ['    profiles: [monitoring]'])}networks:
  back: {}
  docker-socket-proxy:
    internal: true
`,
  },
  {
    name: 'an empty environment map written {} takes DOCKER_HOST inside its braces',
    code: `services:
  agent:
    image: acme/agent:1
    environment: {}
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock
`,
    errors: [{ line: 6, column: 9, endLine: 6, endColumn: 50, ...WRITABLE('agent', '/var/run/docker.sock') }],
    output: `services:
  agent:
    image: acme/agent:1
    networks:
      - default
      - docker-socket-proxy
    environment: { DOCKER_HOST: tcp://docker-socket-proxy:2375 }
${PROXY('agent')}${INTERNAL()}`,
  },
  {
    name: 'an environment map, a networks map and a DOCKER_HOST that named the socket',
    code: `services:
  nginx-proxy:
    image: nginxproxy/nginx-proxy:1.6
    environment:
      DOCKER_HOST: unix:///tmp/docker.sock
      TRUST_DOWNSTREAM_PROXY: "false"
    networks:
      front:
        aliases: [proxy]
    volumes:
      - /var/run/docker.sock:/tmp/docker.sock:ro
      - certs:/etc/nginx/certs
volumes:
  certs: {}
`,
    errors: [{ line: 11, column: 9, endLine: 11, endColumn: 49, ...READ_ONLY('nginx-proxy', '/var/run/docker.sock') }],
    output: `services:
  nginx-proxy:
    image: nginxproxy/nginx-proxy:1.6
    environment:
      DOCKER_HOST: tcp://docker-socket-proxy:2375
      TRUST_DOWNSTREAM_PROXY: "false"
    networks:
      front:
        aliases: [proxy]
      docker-socket-proxy: {}
    volumes:
      - certs:/etc/nginx/certs
${PROXY('nginx-proxy')}volumes:
  certs: {}
${INTERNAL()}`,
  },
  {
    name: 'a service or network already called docker-socket-proxy: the proxy takes the next free name',
    code: `services:
  docker-socket-proxy:
    image: acme/tool:1
  agent:
    image: acme/agent:1
    volumes:
      - ${SOCK}
`,
    errors: [
      {
        line: 7,
        column: 9,
        endLine: 7,
        endColumn: 50,
        ...WRITABLE('agent', '/var/run/docker.sock'),
        fixes: [PROXY_FIX('agent', 'docker-socket-proxy-2')],
      },
    ],
    output: `services:
  docker-socket-proxy:
    image: acme/tool:1
  agent:
    image: acme/agent:1
${POINTED('docker-socket-proxy-2')}${PROXY('agent', '/var/run/docker.sock', 'docker-socket-proxy-2')}${INTERNAL('docker-socket-proxy-2')}`,
  },
  {
    name: 'a socket proxy already in the file: the consumer is pointed at it and joins its network',
    code: `services:
  socket-proxy:
    image: lscr.io/linuxserver/socket-proxy:1.26
    environment:
      CONTAINERS: 1
    volumes:
      - ${SOCK}:ro
    networks: [socket]
  watchtower:
    image: containrrr/watchtower:1.7.1
    volumes:
      - ${SOCK}
networks:
  socket:
    internal: true
`,
    errors: [
      {
        line: 7,
        column: 9,
        endLine: 7,
        endColumn: 53,
        messageId: 'proxySocket',
        data: {
          service: 'socket-proxy',
          source: '/var/run/docker.sock',
          image: 'lscr.io/linuxserver/socket-proxy:1.26',
        },
        severity: 'info',
        fixes: [],
      },
      {
        line: 12,
        column: 9,
        endLine: 12,
        endColumn: 50,
        ...WRITABLE('watchtower', '/var/run/docker.sock'),
        fixes: [REUSE_FIX('watchtower', 'socket-proxy')],
      },
    ],
    output: `services:
  socket-proxy:
    image: lscr.io/linuxserver/socket-proxy:1.26
    environment:
      CONTAINERS: 1
    volumes:
      - ${SOCK}:ro
    networks: [socket]
  watchtower:
    image: containrrr/watchtower:1.7.1
    environment:
      DOCKER_HOST: tcp://socket-proxy:2375
    networks:
      - default
      - socket
networks:
  socket:
    internal: true
`,
  },
  {
    name: 'a socket proxy (read-only) is the mitigation: an info reminder, with no fix',
    code: `services:\n  socket-proxy:\n    image: tecnativa/docker-socket-proxy:0.3\n    volumes:\n      - ${SOCK}:ro\n`,
    errors: [
      {
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 53,
        messageId: 'proxySocket',
        data: {
          service: 'socket-proxy',
          source: '/var/run/docker.sock',
          image: 'tecnativa/docker-socket-proxy:0.3',
        },
        message:
          'Service "socket-proxy" is a socket proxy (tecnativa/docker-socket-proxy:0.3) and the one that mounts /var/run/docker.sock: keep its port unpublished, on an internal network, and allow only the API sections its clients need.',
        severity: 'info',
        fixes: [],
      },
    ],
    output: null,
  },
  {
    name: 'a socket proxy that mounts it writable: a warning, fixed unattended with :ro',
    code: `services:\n  proxy:\n    image: ghcr.io/tecnativa/docker-socket-proxy@sha256:0123abcd\n    volumes:\n      - ${SOCK}\n`,
    errors: [
      {
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 50,
        messageId: 'writableProxySocket',
        data: {
          service: 'proxy',
          source: '/var/run/docker.sock',
          image: 'ghcr.io/tecnativa/docker-socket-proxy@sha256:0123abcd',
        },
        severity: 'warning',
        fixes: ['Mount the socket read-only (":ro")'],
      },
    ],
    output: `services:\n  proxy:\n    image: ghcr.io/tecnativa/docker-socket-proxy@sha256:0123abcd\n    volumes:\n      - ${SOCK}:ro\n`,
  },
  {
    name: 'a socket proxy in long syntax gets read_only: true',
    code: `services:\n  proxy:\n    image: \${PROXY_IMAGE:-wollomatic/socket-proxy:1}\n    volumes:\n      - type: bind\n        source: /var/run/docker.sock\n        target: /var/run/docker.sock\n`,
    errors: [
      {
        line: 6,
        column: 17,
        endLine: 6,
        endColumn: 37,
        messageId: 'writableProxySocket',
        fixes: ['Mount the socket read-only (read_only: true)'],
      },
    ],
    output: `services:\n  proxy:\n    image: \${PROXY_IMAGE:-wollomatic/socket-proxy:1}\n    volumes:\n      - type: bind\n        source: /var/run/docker.sock\n        read_only: true\n        target: /var/run/docker.sock\n`,
  },
  {
    name: 'look-alike: an image whose name only starts like a socket proxy is a consumer',
    code: `services:\n  exporter:\n    image: acme/socket-proxy-exporter:1\n    volumes:\n      - ${SOCK}:ro\n`,
    errors: [{ line: 5, column: 9, endLine: 5, endColumn: 53, ...READ_ONLY('exporter', '/var/run/docker.sock') }],
    output: `services:\n  exporter:\n    image: acme/socket-proxy-exporter:1\n${POINTED()}${PROXY('exporter')}${INTERNAL()}`,
  },
  {
    name: 'network_mode: host cannot join the proxy network: reported, no fix',
    code: `services:\n  agent:\n    image: acme/agent:1\n    network_mode: host\n    volumes:\n      - ${SOCK}\n`,
    errors: [
      { line: 6, column: 9, endLine: 6, endColumn: 50, ...WRITABLE('agent', '/var/run/docker.sock'), fixes: [] },
    ],
    output: null,
  },
  {
    name: 'an anchored x- mount used by two services is reported once, at the anchor, with no fix',
    code: `x-docker-sock: &docker-sock ${SOCK}\nservices:\n  traefik:\n    volumes: [*docker-sock]\n  watchtower:\n    volumes:\n      - *docker-sock\n`,
    errors: [
      { line: 1, column: 29, endLine: 1, endColumn: 70, ...WRITABLE('traefik', '/var/run/docker.sock'), fixes: [] },
    ],
    output: null,
  },
  {
    name: 'volumes merged from an x- template with <<: reported, no fix',
    code: `x-agent: &agent\n  volumes:\n    - ${SOCK}\nservices:\n  agent:\n    <<: *agent\n    image: portainer/agent\n`,
    errors: [
      { line: 3, column: 7, endLine: 3, endColumn: 48, ...WRITABLE('agent', '/var/run/docker.sock'), fixes: [] },
    ],
    output: null,
  },
  {
    name: 'an !override volume list: reported, no fix (removing it would change what is merged)',
    code: `services:\n  agent:\n    volumes: !override\n      - ${SOCK}\n`,
    errors: [{ line: 4, column: 9, endLine: 4, endColumn: 50, fixes: [] }],
    output: null,
  },
  {
    name: 'a flow volume list: reported, no fix',
    code: `services:\n  agent:\n    volumes: [${SOCK}, ./data:/data]\n`,
    errors: [{ line: 3, column: 15, endLine: 3, endColumn: 56, fixes: [] }],
    output: null,
  },
];

ruleTester(dockerSocket, {
  valid: [
    {
      name: 'ordinary bind mounts and named volumes',
      code: traefik('      - ./traefik.yml:/etc/traefik/traefik.yml:ro\n      - certs:/certs\n'),
    },
    {
      name: 'a container path alone is an anonymous volume, not the host socket',
      code: traefik('      - /var/run/docker.sock\n'),
    },
    { name: 'a named volume mounted at the socket path', code: traefik('      - dockersock:/var/run/docker.sock\n') },
    { name: 'a named volume called docker.sock', code: traefik('      - docker.sock:/data\n') },
    {
      name: 'look-alike host paths',
      code: traefik(
        '      - /var/run/docker.sock.bak:/backup\n      - /var/run/postgresql:/var/run/postgresql\n      - ./docker.sock.d:/etc/x\n      - /home/me/run:/run\n',
      ),
    },
    {
      name: 'look-alike folders: beside or below the socket folders, not above them',
      code: traefik(
        '      - /run/udev:/run/udev:ro\n      - /run/user/1000/app:/app\n      - /var/lib/docker:/var/lib/docker:ro\n      - /variable:/v\n      - /opt/stacks:/opt/stacks\n',
      ),
    },
    { name: '${VAR} alone is not judged', code: traefik('      - ${DOCKER_SOCK}:/var/run/docker.sock\n') },
    { name: '$VAR alone is not judged', code: traefik('      - $DOCKER_HOST_SOCK:/var/run/docker.sock\n') },
    { name: 'a default that is not a socket', code: traefik('      - ${DATA_DIR:-./data}:/data\n') },
    {
      name: 'long syntax: a volume whose target, not source, is the socket path',
      code: traefik('      - type: bind\n        source: ./fake.sock\n        target: /var/run/docker.sock\n'),
    },
    {
      name: 'long syntax: a named volume called docker.sock',
      code: traefik('      - type: volume\n        source: docker.sock\n        target: /data\n'),
    },
    {
      name: 'an x- extension field that no service uses',
      code: `x-volumes:\n  - ${SOCK}\nservices:\n  app:\n    image: nginx\n`,
    },
    { name: '!reset empties an inherited volume list', code: 'services:\n  app:\n    volumes: !reset []\n' },
    {
      name: 'a socket path in a label is not a mount',
      code: `services:\n  app:\n    labels:\n      - "sock=${SOCK}"\n`,
    },
    {
      name: 'a consumer pointed at a proxy with DOCKER_HOST mounts nothing',
      code: `services:\n  traefik:\n    image: traefik:v3.1\n    environment:\n      DOCKER_HOST: tcp://docker-socket-proxy:2375\n`,
    },
  ],
  invalid,
});

describe('compose/docker-socket: two consumers, fixed one after the other', () => {
  const code = `services:\n  traefik:\n    image: traefik:v3.1\n    volumes:\n      - ${SOCK}:ro\n  watchtower:\n    image: containrrr/watchtower:1.7.1\n    volumes:\n      - ${SOCK}\n`;

  it('adds the proxy for the first, then points the second at the same proxy', () => {
    const [first, second] = runRule(dockerSocket, code);
    assert.deepEqual(
      first.fixes?.map((fix) => fix.title),
      [PROXY_FIX('traefik')],
    );
    assert.deepEqual(
      second.fixes?.map((fix) => fix.title),
      [PROXY_FIX('watchtower')],
    );
    const once = applyEdits(code, first.fixes![0].edits);
    const again = runRule(dockerSocket, once).find((finding) => finding.data?.service === 'watchtower')!;
    assert.deepEqual(
      again.fixes?.map((fix) => fix.title),
      [REUSE_FIX('watchtower', 'docker-socket-proxy')],
    );
    const twice = applyEdits(once, again.fixes![0].edits);
    assert.equal(
      twice,
      `services:\n  traefik:\n    image: traefik:v3.1\n${POINTED()}  watchtower:\n    image: containrrr/watchtower:1.7.1\n${POINTED()}${PROXY('traefik')}${INTERNAL()}`,
    );
    assert.deepEqual(parseDocument(twice).errors, []);
    assert.deepEqual(
      runRule(dockerSocket, twice).map((finding) => [finding.messageId, finding.severity]),
      [['proxySocket', 'info']],
    );
  });

  it('never offers the proxy for unattended fixing', () => {
    for (const finding of runRule(dockerSocket, code)) {
      assert.ok(finding.fixes?.every((fix) => fix.needsReview));
    }
  });
});
