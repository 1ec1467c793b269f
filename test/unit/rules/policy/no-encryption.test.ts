import { noEncryption } from '../../../../server/src/rules/policy/no-encryption';
import { ruleTester } from '../../../helpers/rule-tester';

const SECTION =
  '## Encrypted Reports\n\nIf your report holds sensitive details, ask for our PGP key in your first message and we will send it before you\nshare them.';

ruleTester(noEncryption, {
  valid: [
    {
      name: 'a PGP key next to the address',
      code: '# Security\n\nEmail security@acme.dev, encrypted to our [PGP key](https://acme.dev/pgp.asc).\n',
    },
    {
      name: 'a key fingerprint',
      code: '# Security\n\nEmail security@acme.dev. Key fingerprint: 0F3A 11B2 9C4D.\n',
    },
    {
      name: 'GitHub private vulnerability reporting travels over HTTPS',
      code: '# Security\n\nUse [private reporting](https://github.com/acme/app/security/advisories/new) or security@acme.dev.\n',
    },
    { name: 'a section about encryption', code: '# Security\n\nEmail security@acme.dev.\n\n## GPG\n\nAsk us.\n' },
    { name: 'no contact at all', code: '# Security\n\nTell us.\n' },
  ],
  invalid: [
    {
      name: 'plain email only',
      code: '# Security\n\n## Reporting a Vulnerability\n\nEmail security@acme.dev.\n\n## Safe Harbor\n\nWe will not sue.\n',
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 11,
          messageId: 'noEncryption',
          message:
            'Email is the only channel and no PGP key is offered: give reporters a way to encrypt sensitive details.',
          fixes: ['Add an "Encrypted Reports" section'],
        },
      ],
      output: `# Security\n\n## Reporting a Vulnerability\n\nEmail security@acme.dev.\n\n## Safe Harbor\n\nWe will not sue.\n\n${SECTION}\n`,
    },
  ],
});
