import { dotenvEmptyPassword } from '../../../../server/src/rules/dotenv/empty-password';
import { ruleTester } from '../../../helpers/rule-tester';

const EMPTY = (name: string) => ({ messageId: 'emptyPassword', data: { name } });

ruleTester(dotenvEmptyPassword, {
  valid: [
    { name: 'a set password', code: 'MYSQL_PASSWORD=Zq8kL2vB9xY4wR7pT1mN\n' },
    { name: 'an empty value under a key that is not a password', code: 'MYSQL_DATABASE=\n' },
    { name: 'an empty token is not a password', code: 'API_TOKEN=\n' },
    {
      name: 'an empty mail client password means "no SMTP authentication"',
      code: 'SMTP_PASSWORD=\nMAIL_PASSWORD=\nEMAIL_HOST_PASSWORD=""\nSMTP_PASS=\nIMAP_PASSWORD=\n',
    },
    {
      name: 'other client credentials: an OAuth client, an LDAP bind',
      code: 'OIDC_CLIENT_PASSWORD=\nLDAP_BIND_PW=\n',
    },
    { name: 'look-alike keys: PASS inside a word, settings about a password', code: 'BYPASS=\nPASSWORD_MIN_LENGTH=\n' },
    { name: 'a key with no value is taken from the shell', code: 'POSTGRES_PASSWORD\n' },
    { name: 'a *_FILE key points at a file', code: 'POSTGRES_PASSWORD_FILE=\n' },
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
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 15, ...EMPTY('REDIS_PASSWORD') }],
      output: null,
    },
    {
      name: 'passwords named in one word (WEBPASSWORD, PGPASSWORD, DBPASS) or with PW',
      code: 'WEBPASSWORD=\nPGPASSWORD=\nPAPERLESS_DBPASS=\nADMIN_PW=\n',
      errors: [
        { line: 1, column: 1, endLine: 1, endColumn: 12, ...EMPTY('WEBPASSWORD') },
        { line: 2, column: 1, endLine: 2, endColumn: 11, ...EMPTY('PGPASSWORD') },
        { line: 3, column: 1, endLine: 3, endColumn: 17, ...EMPTY('PAPERLESS_DBPASS') },
        { line: 4, column: 1, endLine: 4, endColumn: 9, ...EMPTY('ADMIN_PW') },
      ],
      output: null,
    },
    {
      name: 'a server password beside a client one: only the server one is reported',
      code: 'SMTP_PASSWORD=\nMAILMAN_ADMIN_PASSWORD=\n',
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 23, ...EMPTY('MAILMAN_ADMIN_PASSWORD') }],
      output: null,
    },
  ],
});
