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
      name: 'a connection URL with no password, and URL-named arguments that are not a data store',
      code: 'services:\n  app:\n    build:\n      context: .\n      args:\n        DATABASE_URL: postgres://db:5432/app\n        NEXT_PUBLIC_WEBAPP_URL: ${NEXT_PUBLIC_WEBAPP_URL}\n        API_URL: https://api.example.com\n',
    },
    {
      name: 'a connection URL from .env that carries no password',
      code: 'services:\n  app:\n    build:\n      context: .\n      args:\n        REDIS_URL: ${REDIS_URL}\n',
      facts: { dotenv: { path: '.env', text: 'REDIS_URL=redis://cache:6379/0\n' } },
    },
    {
      name: 'an empty value passes nothing',
      code: 'services:\n  app:\n    build:\n      context: .\n      args:\n        - NPM_TOKEN=\n',
    },
  ],
  invalid: [
    {
      name: 'connection URLs: one that .env cannot vouch for, one with a password (masked), one whose password comes from .env',
      code: 'services:\n  app:\n    build:\n      context: .\n      args:\n        DATABASE_DIRECT_URL: ${DATABASE_URL}\n        MONGO_URI: mongodb://root:example@mongo\n        CELERY_BROKER_URL: amqp://app:${RABBIT_PASSWORD}@mq\n',
      facts: { dotenv: { path: '.env', text: 'RABBIT_PASSWORD=s3cr3t-rabbit\n' } },
      errors: [
        {
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 45,
          messageId: 'secretArg',
          data: { name: 'DATABASE_DIRECT_URL', service: 'app' },
        },
        {
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 48,
          messageId: 'literalSecretArg',
          data: { name: 'MONGO_URI', service: 'app', masked: 'mo********' },
        },
        {
          line: 8,
          column: 9,
          endLine: 8,
          endColumn: 60,
          messageId: 'secretArg',
          data: { name: 'CELERY_BROKER_URL', service: 'app' },
        },
      ],
      output: null,
    },
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
