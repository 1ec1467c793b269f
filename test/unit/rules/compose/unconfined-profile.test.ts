import { unconfinedProfile } from '../../../../server/src/rules/compose/unconfined-profile';
import { ruleTester } from '../../../helpers/rule-tester';

const app = (lines: string) => `services:\n  app:\n    image: acme/app:1\n    security_opt:\n${lines}`;
const UNCONFINED = (option: string, effect: string) => ({
  messageId: 'unconfined',
  data: { service: 'app', option, effect },
});
const SECCOMP_OFF = 'turns seccomp off: every system call is open to the container, including the ones escapes use';
const APPARMOR_OFF = 'turns AppArmor off for the container';

ruleTester(unconfinedProfile, {
  valid: [
    {
      name: 'hardening options',
      code: app('      - no-new-privileges:true\n      - seccomp:./seccomp.json\n      - apparmor:docker-default\n'),
    },
    { name: 'an SELinux level', code: app('      - label:level:s0:c100,c200\n') },
  ],
  invalid: [
    {
      name: 'seccomp and AppArmor unconfined: each line goes',
      code: app(
        '      - seccomp:unconfined\n      - apparmor:unconfined # photoprism docs\n      - no-new-privileges:true\n',
      ),
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 27,
          ...UNCONFINED('seccomp:unconfined', SECCOMP_OFF),
          message:
            'Service "app" sets seccomp:unconfined, which turns seccomp off: every system call is open to the container, including the ones escapes use.',
          severity: 'error',
          fixes: ['Remove seccomp:unconfined'],
        },
        {
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 28,
          ...UNCONFINED('apparmor:unconfined', APPARMOR_OFF),
          fixes: ['Remove apparmor:unconfined'],
        },
      ],
      output: app('      - no-new-privileges:true\n'),
    },
    {
      name: 'label=disable, the only entry: the list is emptied',
      code: app('      - label=disable\n'),
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 22,
          ...UNCONFINED('label=disable', 'turns SELinux separation off for the container'),
        },
      ],
      output: 'services:\n  app:\n    image: acme/app:1\n    security_opt: []\n',
    },
    {
      name: 'what a review misses: the spc_t type and unmasked system paths',
      code: app('      - "label:type:spc_t"\n      - systempaths=unconfined\n      - no-new-privileges:true\n'),
      errors: [
        {
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 26,
          ...UNCONFINED(
            'label:type:spc_t',
            'runs the container as spc_t, the SELinux type for super-privileged containers',
          ),
        },
        {
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 31,
          ...UNCONFINED(
            'systempaths=unconfined',
            'unmasks /proc and /sys paths the runtime hides, such as /proc/kcore and /proc/sysrq-trigger',
          ),
        },
      ],
      output: app('      - no-new-privileges:true\n'),
    },
    {
      name: 'every entry reported: each fix empties the list, so that they agree when applied together',
      code: app('      - seccomp=unconfined\n      - apparmor=unconfined\n'),
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 27, ...UNCONFINED('seccomp=unconfined', SECCOMP_OFF) },
        { line: 6, column: 9, endLine: 6, endColumn: 28, ...UNCONFINED('apparmor=unconfined', APPARMOR_OFF) },
      ],
      output: 'services:\n  app:\n    image: acme/app:1\n    security_opt: []\n',
    },
    {
      name: 'a flow list: reported, no fix',
      code: 'services:\n  app:\n    image: acme/app:1\n    security_opt: [seccomp=unconfined]\n',
      errors: [{ line: 4, column: 20, endLine: 4, endColumn: 38, fixes: [] }],
      output: null,
    },
  ],
});
