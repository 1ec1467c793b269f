import { dotenvEmptyPassword } from '../../../../server/src/rules/dotenv/empty-password';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(dotenvEmptyPassword, {
  valid: [
    { name: 'a set password', code: 'MYSQL_PASSWORD=Zq8kL2vB9xY4wR7pT1mN\n' },
    { name: 'an empty value under a key that is not a password', code: 'MYSQL_DATABASE=\n' },
    { name: 'an empty token is not a password', code: 'API_TOKEN=\n' },
  ],
  invalid: [
    {
      name: 'an empty password points at its key',
      code: 'MYSQL_PASSWORD=\n',
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 15,
          messageId: 'emptyPassword',
          data: { name: 'MYSQL_PASSWORD' },
          message: 'MYSQL_PASSWORD is empty.',
        },
      ],
      output: null,
    },
    {
      name: 'empty quotes are empty too',
      code: 'A=1\nREDIS_PASSWORD=""\n',
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 15 }],
      output: null,
    },
  ],
});
