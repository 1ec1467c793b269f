import { dangerousCapability } from '../../../../server/src/rules/compose/dangerous-capability';
import { ruleTester } from '../../../helpers/rule-tester';

const vpn = (lines: string) => `services:\n  vpn:\n    image: qmcgaw/gluetun:v3\n${lines}`;

ruleTester(dangerousCapability, {
  valid: [
    {
      name: 'capabilities that stay inside the container',
      code: vpn('    cap_add:\n      - CHOWN\n      - NET_BIND_SERVICE\n'),
    },
    { name: 'dropping is the good direction', code: vpn('    cap_drop:\n      - ALL\n') },
    { name: 'an empty list', code: vpn('    cap_add: []\n') },
  ],
  invalid: [
    {
      name: 'NET_ADMIN and CAP_SYS_MODULE in a block list: each line goes, comments with it',
      code: vpn('    cap_add:\n      - NET_ADMIN\n      - CAP_SYS_MODULE # for wireguard\n      - CHOWN\n'),
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 18,
          messageId: 'dangerous',
          data: {
            service: 'vpn',
            capability: 'NET_ADMIN',
            risk: "change the host's network: interfaces, routes and firewall rules",
          },
          message: `Service "vpn" adds NET_ADMIN: change the host's network: interfaces, routes and firewall rules.`,
          severity: 'error',
          fixes: ['Remove NET_ADMIN from cap_add'],
        },
        {
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 23,
          messageId: 'dangerous',
          data: {
            service: 'vpn',
            capability: 'SYS_MODULE',
            risk: 'load kernel modules, which run with full control of the host',
          },
          fixes: ['Remove CAP_SYS_MODULE from cap_add'],
        },
      ],
      output: vpn('    cap_add:\n      - CHOWN\n'),
    },
    {
      name: 'the only entry: the list is emptied',
      code: vpn('    cap_add:\n      - ALL\n    cap_drop: [ALL]\n'),
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 12,
          messageId: 'dangerous',
          data: {
            service: 'vpn',
            capability: 'ALL',
            risk: 'every capability, the same as privileged without the devices',
          },
        },
      ],
      output: vpn('    cap_add: []\n    cap_drop: [ALL]\n'),
    },
    {
      name: 'lower case, quoted',
      code: vpn('    cap_add:\n      - "sys_ptrace"\n      - CHOWN\n'),
      errors: [
        {
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 20,
          messageId: 'dangerous',
          data: {
            service: 'vpn',
            capability: 'SYS_PTRACE',
            risk: 'trace and inject code into other processes, and read their memory',
          },
        },
      ],
      output: vpn('    cap_add:\n      - CHOWN\n'),
    },
    {
      name: 'a flow list: reported, no fix',
      code: vpn('    cap_add: [SYS_ADMIN, CHOWN]\n'),
      errors: [{ line: 4, column: 15, endLine: 4, endColumn: 24, fixes: [] }],
      output: null,
    },
    {
      name: 'DAC_READ_SEARCH and BPF',
      code: vpn('    cap_add:\n      - DAC_READ_SEARCH\n      - BPF\n'),
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 24,
          messageId: 'dangerous',
          data: {
            service: 'vpn',
            capability: 'DAC_READ_SEARCH',
            risk: 'read any file on the filesystems it sees, past permissions (the "shocker" escape)',
          },
        },
        {
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 12,
          messageId: 'dangerous',
          data: { service: 'vpn', capability: 'BPF', risk: 'load eBPF programs into the kernel' },
        },
      ],
      output: vpn('    cap_add: []\n'),
    },
  ],
});
