import { missingReference } from '../../../../server/src/rules/compose/missing-reference';
import { ruleTester } from '../../../helpers/rule-tester';

/** Linted alone, a file can read none of the files it names: each is reported where it is named. */
ruleTester(missingReference, {
  valid: [
    { name: 'names no other file', code: 'services:\n  app:\n    image: nginx:1.27\n' },
    {
      name: 'extends a service of the same file',
      code: 'services:\n  base:\n    image: nginx:1.27\n  app:\n    extends: base\n',
    },
    {
      name: 'an env_file that may be missing',
      code: 'services:\n  app:\n    image: nginx:1.27\n    env_file:\n      - path: ./local.env\n        required: false\n',
    },
  ],
  invalid: [
    {
      name: 'an included file',
      code: 'include:\n  - ./db/compose.yaml\nservices:\n  app:\n    image: nginx:1.27\n',
      errors: [
        {
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 22,
          messageId: 'include',
          data: { written: '"./db/compose.yaml"', reason: 'no such file' },
          message:
            'The included file "./db/compose.yaml" cannot be read (no such file): its services are not checked, and docker compose will not start.',
        },
      ],
      output: null,
    },
    {
      name: 'the long include syntax, with a list of paths',
      code: 'include:\n  - path: [a.yml, b.yml]\n',
      errors: [
        {
          line: 2,
          column: 12,
          endLine: 2,
          endColumn: 17,
          messageId: 'include',
          data: { written: '"a.yml"', reason: 'no such file' },
        },
        {
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 24,
          messageId: 'include',
          data: { written: '"b.yml"', reason: 'no such file' },
        },
      ],
      output: null,
    },
    {
      name: 'a base in another file',
      code: 'services:\n  app:\n    extends:\n      file: common.yml\n      service: web\n',
      errors: [
        {
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 23,
          messageId: 'extends',
          data: { written: '"common.yml"', reason: 'no such file' },
          message:
            'The base "common.yml" that a service extends cannot be read (no such file): what the service inherits from it is not checked.',
        },
      ],
      output: null,
    },
    {
      name: 'a base service this file does not have',
      code: 'services:\n  app:\n    extends: web\n    image: nginx:1.27\n',
      errors: [
        {
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 17,
          messageId: 'missingService',
          message: 'This file has no service "web" to extend: what the service inherits is not checked.',
        },
      ],
      output: null,
    },
    {
      name: 'a required env_file, short and long syntax',
      code: 'services:\n  app:\n    image: nginx:1.27\n    env_file:\n      - app.env\n      - path: db.env\n',
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 16,
          messageId: 'envFile',
          data: { written: '"app.env"', reason: 'no such file' },
          message:
            'The env_file "app.env" cannot be read (no such file): its values are not checked, and docker compose will not start without it.',
        },
        {
          line: 6,
          column: 15,
          endLine: 6,
          endColumn: 21,
          messageId: 'envFile',
          data: { written: '"db.env"', reason: 'no such file' },
        },
      ],
      output: null,
    },
  ],
});
