import { secretInBuildArgs } from '../../../../server/src/rules/compose/secret-in-build-args';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(secretInBuildArgs, {
  valid: [
    {
      name: 'ordinary build arguments',
      code: 'services:\n  app:\n    build:\n      context: .\n      args:\n        NODE_ENV: production\n        BUILD_DATE: "2024-05-01"\n',
    },
    {
      name: 'a build secret',
      code: 'services:\n  app:\n    build:\n      context: .\n      secrets:\n        - npm_token\nsecrets:\n  npm_token:\n    environment: NPM_TOKEN\n',
    },
    { name: 'build as a path', code: 'services:\n  app:\n    build: ./app\n' },
    {
      name: 'an empty value passes nothing',
      code: 'services:\n  app:\n    build:\n      context: .\n      args:\n        - NPM_TOKEN=\n',
    },
  ],
  invalid: [
    {
      name: 'map form, interpolated: the value still ends up in the image',
      code: 'services:\n  app:\n    build:\n      context: .\n      args:\n        NPM_TOKEN: ${NPM_TOKEN}\n        NODE_ENV: production\n',
      errors: [
        {
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 32,
          messageId: 'secretArg',
          data: { name: 'NPM_TOKEN', service: 'app' },
          message:
            'Build argument NPM_TOKEN of service "app" is recorded in the image\'s history and metadata, where anyone who pulls the image can read it. Pass it as a build secret (build.secrets) instead.',
          severity: 'warning',
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: 'list form: passed through from the shell, and a literal (masked)',
      code: 'services:\n  app:\n    build:\n      context: .\n      args:\n        - GITHUB_TOKEN\n        - DB_PASSWORD=hunter2hunter2\n        - BUILD_DATE=2024\n',
      errors: [
        {
          line: 6,
          column: 11,
          endLine: 6,
          endColumn: 23,
          messageId: 'secretArg',
          data: { name: 'GITHUB_TOKEN', service: 'app' },
        },
        {
          line: 7,
          column: 11,
          endLine: 7,
          endColumn: 37,
          messageId: 'literalSecretArg',
          data: { name: 'DB_PASSWORD', service: 'app', masked: 'hu********' },
          message:
            'Build argument DB_PASSWORD of service "app" (hu********) is recorded in the image\'s history and metadata, where anyone who pulls the image can read it. Pass it as a build secret (build.secrets) instead.',
        },
      ],
      output: null,
    },
  ],
});
