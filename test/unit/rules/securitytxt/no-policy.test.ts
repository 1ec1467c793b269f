import { securityTxtNoPolicy } from '../../../../server/src/rules/securitytxt/no-policy';
import { ruleTester } from '../../../helpers/rule-tester';

const facts = { now: '2026-11-22T00:00:00Z' };
const message =
  'No Policy field: link to the disclosure policy so researchers know the scope and the rules (RFC 9116 section 2.5.7).';

ruleTester(securityTxtNoPolicy, {
  valid: [
    { name: 'a Policy link', code: 'Contact: mailto:security@acme.org\nPolicy: https://acme.org/policy\n', facts },
    { name: 'in lower case', code: 'policy: https://acme.org/policy\n', facts },
  ],
  invalid: [
    {
      name: 'no Policy, no repository: nothing to insert',
      code: 'Contact: mailto:security@acme.org\n',
      facts,
      errors: [
        { line: 1, column: 1, endLine: 1, endColumn: 34, messageId: 'missing', message, severity: 'info', fixes: [] },
      ],
      output: null,
    },
    {
      name: 'with a GitHub repository: its SECURITY.md page, for review',
      code: 'Contact: mailto:security@acme.org\r\n',
      facts: { ...facts, githubRepository: 'acme/widget' },
      errors: [
        { line: 1, column: 1, endLine: 1, endColumn: 34, fixes: ["Add a Policy link to the repository's SECURITY.md"] },
      ],
      output: 'Contact: mailto:security@acme.org\r\nPolicy: https://github.com/acme/widget/security/policy\r\n',
    },
    {
      name: 'a look-alike: Policies is another field',
      code: 'Policies: https://acme.org/policy\n',
      facts,
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 34 }],
      output: null,
    },
    {
      name: 'a Policy outside the signed message does not count',
      code: '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nContact: mailto:security@acme.org\n-----BEGIN PGP SIGNATURE-----\n\niQIz\n-----END PGP SIGNATURE-----\nPolicy: https://acme.org/policy\n',
      facts: { ...facts, githubRepository: 'acme/widget' },
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 35,
          fixes: ["Add a Policy link to the repository's SECURITY.md (then sign the file again)"],
        },
      ],
      output:
        '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nContact: mailto:security@acme.org\nPolicy: https://github.com/acme/widget/security/policy\n-----BEGIN PGP SIGNATURE-----\n\niQIz\n-----END PGP SIGNATURE-----\nPolicy: https://acme.org/policy\n',
    },
  ],
});
