import { runsAsRoot } from '../../../../server/src/rules/compose/runs-as-root';
import { ruleTester } from '../../../helpers/rule-tester';

const app = (user: string) => `services:\n  app:\n    image: acme/app:1\n    user: ${user}\n`;

ruleTester(runsAsRoot, {
  valid: [
    { name: 'an unprivileged uid and gid', code: app('"1000:1000"') },
    { name: 'a named user', code: app('node') },
    { name: 'root group, not root user', code: app('"1000:0"') },
    { name: 'a variable with no .env', code: app('${PUID}:${PGID}') },
    { name: 'no user: the image decides', code: 'services:\n  app:\n    image: acme/app:1\n' },
  ],
  invalid: [
    {
      name: 'user: root',
      code: app('root'),
      errors: [
        {
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 15,
          messageId: 'root',
          data: { service: 'app', user: 'root' },
          message:
            'Service "app" runs as root (user: root): whoever takes over its process is root in the container, and root on the host if they get out. Run it as an unprivileged user.',
          severity: 'warning',
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: 'uid 0 as a number',
      code: app('0'),
      errors: [
        { line: 4, column: 11, endLine: 4, endColumn: 12, messageId: 'root', data: { service: 'app', user: '0' } },
      ],
      output: null,
    },
    {
      name: '"0:0"',
      code: app('"0:0"'),
      errors: [
        { line: 4, column: 12, endLine: 4, endColumn: 15, messageId: 'root', data: { service: 'app', user: '0:0' } },
      ],
      output: null,
    },
    {
      name: 'from .env',
      code: app('${APP_UID}'),
      facts: { dotenv: { path: '/project/.env', text: 'APP_UID=0\n' } },
      errors: [
        { line: 4, column: 11, endLine: 4, endColumn: 21, messageId: 'root', data: { service: 'app', user: '0' } },
      ],
      output: null,
    },
  ],
});
