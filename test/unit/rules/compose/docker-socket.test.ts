import { dockerSocket } from '../../../../server/src/rules/compose/docker-socket';
import { ruleTester, type InvalidCase } from '../../../helpers/rule-tester';

const SHORT_FIX = 'Mount the socket read-only (":ro")';
const LONG_FIX = 'Mount the socket read-only (read_only: true)';
const SOCK = '/var/run/docker.sock:/var/run/docker.sock';
const WRITABLE = (service: string, source: string) => ({ messageId: 'writableSocket', data: { service, source } });
const READ_ONLY = (service: string, source: string) => ({ messageId: 'readOnlySocket', data: { service, source } });

/** A `traefik` service whose `volumes:` block holds `lines`. */
const traefik = (lines: string) => `services:\n  traefik:\n    image: traefik:v3.1\n    volumes:\n${lines}`;

const invalid: InvalidCase[] = [
  {
    name: 'short syntax without a mode: writable',
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
        fixes: [SHORT_FIX],
      },
    ],
    output: traefik(`      - ${SOCK}:ro\n`),
  },
  {
    name: 'short syntax with :ro is still reported, as a warning with no fix',
    code: traefik(`      - ${SOCK}:ro\n`),
    errors: [
      {
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 53,
        ...READ_ONLY('traefik', '/var/run/docker.sock'),
        message:
          'Service "traefik" mounts the container runtime socket /var/run/docker.sock; ":ro" does not stop API calls, use a filtering socket proxy.',
        severity: 'warning',
        fixes: [],
      },
    ],
    output: null,
  },
  {
    name: ':rw is replaced by :ro',
    code: traefik(`      - ${SOCK}:rw\n`),
    errors: [{ line: 5, column: 9, endLine: 5, endColumn: 53, severity: 'error', fixes: [SHORT_FIX] }],
    output: traefik(`      - ${SOCK}:ro\n`),
  },
  {
    name: 'an SELinux :z label is writable, and kept by the fix',
    code: traefik(`      - ${SOCK}:z\n`),
    errors: [{ line: 5, column: 9, endLine: 5, endColumn: 52, severity: 'error' }],
    output: traefik(`      - ${SOCK}:z,ro\n`),
  },
  {
    name: ':ro,z is read-only',
    code: traefik(`      - ${SOCK}:ro,z\n`),
    errors: [{ line: 5, column: 9, endLine: 5, endColumn: 55, severity: 'warning' }],
    output: null,
  },
  {
    name: ':rw,Z loses rw and gains ro',
    code: traefik(`      - ${SOCK}:rw,Z\n`),
    errors: [{ line: 5, column: 9, endLine: 5, endColumn: 55, severity: 'error' }],
    output: traefik(`      - ${SOCK}:Z,ro\n`),
  },
  {
    name: 'double-quoted item: the range and the fix stay inside the quotes',
    code: traefik(`      - "${SOCK}"\n`),
    errors: [{ line: 5, column: 10, endLine: 5, endColumn: 51, ...WRITABLE('traefik', '/var/run/docker.sock') }],
    output: traefik(`      - "${SOCK}:ro"\n`),
  },
  {
    name: 'single-quoted item',
    code: traefik(`      - '${SOCK}'\n`),
    errors: [{ line: 5, column: 10, endLine: 5, endColumn: 51 }],
    output: traefik(`      - '${SOCK}:ro'\n`),
  },
  {
    name: '/run/docker.sock is the same socket',
    code: traefik('      - /run/docker.sock:/var/run/docker.sock\n'),
    errors: [{ line: 5, column: 9, endLine: 5, endColumn: 46, ...WRITABLE('traefik', '/run/docker.sock') }],
    output: traefik('      - /run/docker.sock:/var/run/docker.sock:ro\n'),
  },
  {
    name: 'the /var/run folder holds the socket',
    code: traefik('      - /var/run:/var/run\n'),
    errors: [{ line: 5, column: 9, endLine: 5, endColumn: 26, ...WRITABLE('traefik', '/var/run') }],
    output: traefik('      - /var/run:/var/run:ro\n'),
  },
  {
    name: 'the /var/run/ folder read-only',
    code: traefik('      - /var/run/:/host/run:ro\n'),
    errors: [{ line: 5, column: 9, endLine: 5, endColumn: 31, ...READ_ONLY('traefik', '/var/run/') }],
    output: null,
  },
  {
    name: 'the podman socket',
    code: traefik('      - /run/podman/podman.sock:/var/run/docker.sock\n'),
    errors: [{ line: 5, column: 9, endLine: 5, endColumn: 53, ...WRITABLE('traefik', '/run/podman/podman.sock') }],
    output: traefik('      - /run/podman/podman.sock:/var/run/docker.sock:ro\n'),
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
        severity: 'warning',
      },
    ],
    output: null,
  },
  {
    name: 'the containerd socket',
    code: traefik('      - /run/containerd/containerd.sock:/run/containerd/containerd.sock\n'),
    errors: [
      {
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 72,
        ...WRITABLE('traefik', '/run/containerd/containerd.sock'),
      },
    ],
    output: traefik('      - /run/containerd/containerd.sock:/run/containerd/containerd.sock:ro\n'),
  },
  {
    name: '${VAR:-/var/run/docker.sock} is judged at its default',
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
    output: traefik('      - ${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock:ro\n'),
  },
  {
    name: "Docker Desktop's socket in the home folder",
    code: traefik('      - ~/.docker/run/docker.sock:/var/run/docker.sock\n'),
    errors: [{ line: 5, column: 9, endLine: 5, endColumn: 55 }],
    output: traefik('      - ~/.docker/run/docker.sock:/var/run/docker.sock:ro\n'),
  },
  {
    name: 'long syntax without read_only: the fix adds it under source',
    code: traefik('      - type: bind\n        source: /var/run/docker.sock\n        target: /var/run/docker.sock\n'),
    errors: [
      {
        line: 6,
        column: 17,
        endLine: 6,
        endColumn: 37,
        ...WRITABLE('traefik', '/var/run/docker.sock'),
        severity: 'error',
        fixes: [LONG_FIX],
      },
    ],
    output: traefik(
      '      - type: bind\n        source: /var/run/docker.sock\n        read_only: true\n        target: /var/run/docker.sock\n',
    ),
  },
  {
    name: 'long syntax with read_only: true is a warning',
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
        severity: 'warning',
        fixes: [],
      },
    ],
    output: null,
  },
  {
    name: 'long syntax with read_only: false is set to true',
    code: traefik(
      '      - type: bind\n        source: /var/run/docker.sock\n        target: /var/run/docker.sock\n        read_only: false\n',
    ),
    errors: [{ line: 6, column: 17, endLine: 6, endColumn: 37, fixes: [LONG_FIX] }],
    output: traefik(
      '      - type: bind\n        source: /var/run/docker.sock\n        target: /var/run/docker.sock\n        read_only: true\n',
    ),
  },
  {
    name: 'long syntax: a quoted source with a comment on the last line, no final line break',
    code: traefik(
      '      - type: bind\n        target: /var/run/docker.sock\n        source: "/var/run/docker.sock" # the host API',
    ),
    errors: [{ line: 7, column: 18, endLine: 7, endColumn: 38 }],
    output: traefik(
      '      - type: bind\n        target: /var/run/docker.sock\n        source: "/var/run/docker.sock" # the host API\n        read_only: true',
    ),
  },
  {
    name: 'long syntax in a flow map without read_only: reported, no fix',
    code: traefik('      - { type: bind, source: /var/run/docker.sock, target: /var/run/docker.sock }\n'),
    errors: [{ line: 5, column: 31, endLine: 5, endColumn: 51, fixes: [] }],
    output: null,
  },
  {
    name: 'long syntax in a flow map with read_only: false',
    code: traefik(
      '      - { type: bind, source: /var/run/docker.sock, target: /var/run/docker.sock, read_only: false }\n',
    ),
    errors: [{ line: 5, column: 31, endLine: 5, endColumn: 51, fixes: [LONG_FIX] }],
    output: traefik(
      '      - { type: bind, source: /var/run/docker.sock, target: /var/run/docker.sock, read_only: true }\n',
    ),
  },
  {
    name: 'CRLF line endings, short syntax',
    code: `services:\r\n  agent:\r\n    volumes:\r\n      - ${SOCK}\r\n`,
    errors: [{ line: 4, column: 9, endLine: 4, endColumn: 50, ...WRITABLE('agent', '/var/run/docker.sock') }],
    output: `services:\r\n  agent:\r\n    volumes:\r\n      - ${SOCK}:ro\r\n`,
  },
  {
    name: 'CRLF line endings, long syntax: the inserted line ends in CRLF too',
    code: 'services:\r\n  agent:\r\n    volumes:\r\n      - type: bind\r\n        source: /var/run/docker.sock\r\n        target: /var/run/docker.sock\r\n',
    errors: [{ line: 5, column: 17, endLine: 5, endColumn: 37 }],
    output:
      'services:\r\n  agent:\r\n    volumes:\r\n      - type: bind\r\n        source: /var/run/docker.sock\r\n        read_only: true\r\n        target: /var/run/docker.sock\r\n',
  },
  {
    name: 'an anchored x- mount used by two services is reported once, at the anchor',
    code: `x-docker-sock: &docker-sock ${SOCK}\nservices:\n  traefik:\n    volumes: [*docker-sock]\n  watchtower:\n    volumes:\n      - *docker-sock\n`,
    errors: [{ line: 1, column: 29, endLine: 1, endColumn: 70, ...WRITABLE('traefik', '/var/run/docker.sock') }],
    output: `x-docker-sock: &docker-sock ${SOCK}:ro\nservices:\n  traefik:\n    volumes: [*docker-sock]\n  watchtower:\n    volumes:\n      - *docker-sock\n`,
  },
  {
    name: 'volumes merged from an x- template with <<',
    code: `x-agent: &agent\n  volumes:\n    - ${SOCK}\nservices:\n  agent:\n    <<: *agent\n    image: portainer/agent\n`,
    errors: [{ line: 3, column: 7, endLine: 3, endColumn: 48, ...WRITABLE('agent', '/var/run/docker.sock') }],
    output: `x-agent: &agent\n  volumes:\n    - ${SOCK}:ro\nservices:\n  agent:\n    <<: *agent\n    image: portainer/agent\n`,
  },
  {
    name: 'an !override volume list',
    code: `services:\n  agent:\n    volumes: !override\n      - ${SOCK}\n`,
    errors: [{ line: 4, column: 9, endLine: 4, endColumn: 50 }],
    output: `services:\n  agent:\n    volumes: !override\n      - ${SOCK}:ro\n`,
  },
  {
    name: 'a flow volume list',
    code: `services:\n  agent:\n    volumes: [${SOCK}, ./data:/data]\n`,
    errors: [{ line: 3, column: 15, endLine: 3, endColumn: 56 }],
    output: `services:\n  agent:\n    volumes: [${SOCK}:ro, ./data:/data]\n`,
  },
  {
    name: 'a comment after the item is kept',
    code: traefik(`      - ${SOCK} # needed for discovery\n`),
    errors: [{ line: 5, column: 9, endLine: 5, endColumn: 50 }],
    output: traefik(`      - ${SOCK}:ro # needed for discovery\n`),
  },
  {
    name: 'one read-only and one writable mount in two services',
    code: `services:\n  a:\n    volumes:\n      - ${SOCK}:ro\n  b:\n    volumes:\n      - ${SOCK}\n`,
    errors: [
      { line: 4, column: 9, endLine: 4, endColumn: 53, severity: 'warning' },
      { line: 7, column: 9, endLine: 7, endColumn: 50, severity: 'error' },
    ],
    output: `services:\n  a:\n    volumes:\n      - ${SOCK}:ro\n  b:\n    volumes:\n      - ${SOCK}:ro\n`,
  },
  {
    name: 'a socket path from .env',
    code: traefik('      - ${DOCKER_SOCK}:/var/run/docker.sock\n'),
    facts: { dotenv: { path: '/project/.env', text: 'DOCKER_SOCK=/var/run/docker.sock\n' } },
    errors: [{ line: 5, column: 9, endLine: 5, endColumn: 44, ...WRITABLE('traefik', '${DOCKER_SOCK}') }],
    output: traefik('      - ${DOCKER_SOCK}:/var/run/docker.sock:ro\n'),
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
  ],
  invalid,
});
