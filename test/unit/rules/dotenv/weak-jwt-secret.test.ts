import { dotenvWeakJwtSecret } from '../../../../server/src/rules/dotenv/weak-jwt-secret';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(dotenvWeakJwtSecret, {
  valid: [
    { name: '32 random bytes in base64', code: 'JWT_SECRET=q3Vb7kX9mP2sT8wZ1cR5yN4hJ6gF0dL3aE7uI2oK9xM=\n' },
    { name: 'a short value under a key that signs nothing', code: 'LOG_LEVEL=debug\n' },
  ],
  invalid: [
    {
      name: 'a short signing secret',
      code: 'JWT_SECRET=shortjwt\n',
      errors: [
        {
          line: 1,
          column: 12,
          endLine: 1,
          endColumn: 20,
          messageId: 'weakSigningKey',
          data: {
            name: 'JWT_SECRET',
            reason: 'about 25 bits of entropy, where 256 (32 random bytes) are needed',
            masked: 'sh******',
          },
          message:
            'JWT_SECRET is too weak to sign tokens: about 25 bits of entropy, where 256 (32 random bytes) are needed (sh******).',
        },
      ],
      output: null,
    },
    {
      name: 'a session secret left at a placeholder',
      code: 'SESSION_SECRET="changeme"\n',
      errors: [
        {
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 25,
          messageId: 'weakSigningKey',
          data: { name: 'SESSION_SECRET', reason: 'a well-known default or placeholder', masked: 'ch******' },
          severity: 'error',
        },
      ],
      output: null,
    },
  ],
});
