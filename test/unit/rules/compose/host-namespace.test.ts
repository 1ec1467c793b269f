import { hostNamespace } from '../../../../server/src/rules/compose/host-namespace';
import { ruleTester } from '../../../helpers/rule-tester';

const app = (lines: string) => `services:\n  app:\n    image: acme/app:1\n${lines}`;
const NETWORK =
  "the host's network: it can bind any host port, reach services that listen on localhost only, and sniff traffic";
const SHARES = (service: string, key: string, shared: string) => ({
  messageId: 'hostNamespace',
  data: { service, key, shared },
});

ruleTester(hostNamespace, {
  valid: [
    {
      name: 'a bridge network and a shared service namespace',
      code: app('    network_mode: bridge\n    pid: "service:db"\n    ipc: shareable\n'),
    },
    { name: 'another container', code: app('    network_mode: "container:vpn"\n') },
    { name: 'a user namespace', code: app('    userns_mode: "keep-id"\n') },
  ],
  invalid: [
    {
      name: 'network_mode: host',
      code: app('    network_mode: host\n'),
      errors: [
        {
          line: 4,
          column: 19,
          endLine: 4,
          endColumn: 23,
          ...SHARES('app', 'network_mode', NETWORK),
          message:
            'Service "app" sets network_mode: host, so it shares the host\'s network: it can bind any host port, reach services that listen on localhost only, and sniff traffic.',
          severity: 'error',
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: 'pid, ipc, uts, userns_mode and cgroup, quoted or not',
      code: app('    pid: "host"\n    ipc: host\n    uts: host\n    userns_mode: host\n    cgroup: host\n'),
      errors: [
        {
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 15,
          ...SHARES(
            'app',
            'pid',
            "the host's processes: it can see them, their command lines and environments, and signal them",
          ),
        },
        {
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 14,
          ...SHARES('app', 'ipc', "the host's shared memory and IPC objects"),
        },
        {
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 14,
          ...SHARES('app', 'uts', "the host's hostname, which it can change"),
        },
        {
          line: 7,
          column: 18,
          endLine: 7,
          endColumn: 22,
          ...SHARES('app', 'userns_mode', 'no user namespace: root in the container is root on the host'),
        },
        { line: 8, column: 13, endLine: 8, endColumn: 17, ...SHARES('app', 'cgroup', "the host's cgroup namespace") },
      ],
      output: null,
    },
    {
      name: 'merged from an x- template',
      code: 'x-hostnet: &hostnet\n  network_mode: host\nservices:\n  a:\n    <<: *hostnet\n    image: x:1\n',
      errors: [
        {
          line: 2,
          column: 17,
          endLine: 2,
          endColumn: 21,
          ...SHARES('a', 'network_mode', NETWORK),
        },
      ],
      output: null,
    },
  ],
});
