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
const HOME_CREDENTIALS = 'credentials kept in a home folder';

ruleTester(sensitiveHostMount, {
  valid: [
    {
      name: 'project folders, named volumes and the usual read-only host files',
      code: agent(
        '      - ./data:/data\n      - db-data:/var/lib/postgresql/data\n      - /etc/localtime:/etc/localtime:ro\n      - /etc/timezone:/etc/timezone:ro\n      - /srv/app/uploads:/uploads\n',
      ),
    },
    {
      name: 'program folders read-only',
      code: agent('      - /usr/share/fonts:/usr/share/fonts:ro\n      - /lib/modules:/lib/modules:ro\n'),
    },
    { name: 'a deeper home folder', code: agent('      - /home/deploy/app/config:/config\n') },
    {
      name: "the runtime socket is compose/docker-socket's",
      code: agent('      - /var/run/docker.sock:/var/run/docker.sock\n      - /run:/run\n'),
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
      name: 'an SELinux label is kept and rw replaced',
      code: agent('      - ~/.ssh:/root/.ssh:z\n      - /var/lib/docker/:/var/lib/docker:rw # backups\n'),
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 28,
          ...WRITABLE('~/.ssh', HOME_CREDENTIALS),
        },
        {
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 44,
          ...WRITABLE('/var/lib/docker/', "every container's files and secrets"),
        },
      ],
      output: agent('      - ~/.ssh:/root/.ssh:z,ro\n      - /var/lib/docker/:/var/lib/docker:ro # backups\n'),
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
      name: 'program folders matter when writable',
      code: agent('      - /usr/local/bin:/host/bin\n'),
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 33, ...WRITABLE('/usr/local/bin', 'host programs and libraries') },
      ],
      output: agent('      - /usr/local/bin:/host/bin:ro\n'),
    },
    {
      name: 'long syntax: read_only: true is added under source',
      code: agent('      - type: bind\n        source: /proc\n        target: /host/proc\n'),
      errors: [{ line: 6, column: 17, endLine: 6, endColumn: 22, fixes: ['Mount it read-only (read_only: true)'] }],
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
