import { insecureLink } from '../../../../server/src/rules/policy/insecure-link';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(insecureLink, {
  valid: [
    {
      name: 'https links',
      code: '# Security\n\nUse [the form](https://acme.dev/report) or https://acme.dev/security.\n',
    },
    {
      name: 'local addresses: localhost, 127.0.0.1 and reserved test domains',
      code: '# Security\n\nTest locally at http://localhost:8080 or http://127.0.0.1:3000/ and http://app.test/.\n',
    },
    {
      name: 'examples in inline code, code blocks and comments, and a longer scheme',
      code: '# Security\n\nRun `curl http://acme.dev/x` first.\n\n```\nhttp://acme.dev\n```\n\n<!-- http://acme.dev -->\n\nThe string shttp://acme.dev is not a link.\n',
    },
  ],
  invalid: [
    {
      name: 'an inline link, a bare URL, an autolink, a table cell and a reference definition',
      code: '# Security\n\nSee [our form](http://acme.dev/report) or http://www.acme.dev/security, <http://keys.acme.dev/pgp.asc>, and [the key][key].\n\n| Mirror | Link |\n| --- | --- |\n| EU | http://eu.acme.dev |\n\n[key]: http://acme.dev/key.asc\n',
      errors: [
        {
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 31,
          severity: 'warning',
          messageId: 'insecure',
          data: { host: 'acme.dev' },
          message: 'Insecure link to acme.dev: use https:// so reporters reach the real page.',
          fixes: ['Use https://'],
        },
        { line: 3, column: 43, endLine: 3, endColumn: 62, messageId: 'insecure', data: { host: 'www.acme.dev' } },
        { line: 3, column: 74, endLine: 3, endColumn: 94, messageId: 'insecure', data: { host: 'keys.acme.dev' } },
        { line: 7, column: 8, endLine: 7, endColumn: 26, messageId: 'insecure', data: { host: 'eu.acme.dev' } },
        { line: 9, column: 8, endLine: 9, endColumn: 23, messageId: 'insecure', data: { host: 'acme.dev' } },
      ],
      output:
        '# Security\n\nSee [our form](https://acme.dev/report) or https://www.acme.dev/security, <https://keys.acme.dev/pgp.asc>, and [the key][key].\n\n| Mirror | Link |\n| --- | --- |\n| EU | https://eu.acme.dev |\n\n[key]: https://acme.dev/key.asc\n',
    },
    {
      name: 'credentials in the URL do not hide the host',
      code: '# Security\n\nUpload to http://guest@files.acme.dev/drop.\n',
      errors: [
        { line: 3, column: 11, endLine: 3, endColumn: 38, messageId: 'insecure', data: { host: 'files.acme.dev' } },
      ],
      output: '# Security\n\nUpload to https://guest@files.acme.dev/drop.\n',
    },
  ],
});
