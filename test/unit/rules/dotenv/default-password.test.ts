import { dotenvDefaultPassword } from '../../../../server/src/rules/dotenv/default-password';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(dotenvDefaultPassword, {
  valid: [
    { name: 'a strong value', code: 'POSTGRES_PASSWORD=Zq8kL2vB9xY4wR7pT1mN\n' },
    { name: 'a key that is not a credential', code: 'POSTGRES_USER=postgres\n' },
    { name: 'a *_FILE key points at a file', code: 'POSTGRES_PASSWORD_FILE=/run/secrets/db\n' },
    { name: 'a comment holding a default', code: '# POSTGRES_PASSWORD=postgres\n' },
    { name: 'an empty value is another rule', code: 'POSTGRES_PASSWORD=\n' },
  ],
  invalid: [
    {
      name: 'a default password',
      code: 'POSTGRES_PASSWORD=postgres\n',
      errors: [
        {
          line: 1,
          column: 19,
          endLine: 1,
          endColumn: 27,
          messageId: 'weakPassword',
          data: { name: 'POSTGRES_PASSWORD', weakness: 'a well-known default password', masked: 'po******' },
          message: 'POSTGRES_PASSWORD is a well-known default password (po******).',
        },
      ],
      output: null,
    },
    {
      name: 'quoted, with export, after a blank line and a comment',
      code: '# database\n\nexport REDIS_PASSWORD="changeme" # set me\n',
      errors: [{ line: 3, column: 24, endLine: 3, endColumn: 32, severity: 'error' }],
      output: null,
    },
    {
      name: 'CRLF line endings',
      code: 'MODE=prod\r\nADMIN_PASSWORD=admin\r\n',
      errors: [{ line: 2, column: 16, endLine: 2, endColumn: 21 }],
      output: null,
    },
  ],
});
