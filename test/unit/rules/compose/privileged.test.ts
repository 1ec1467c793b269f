import { privileged } from '../../../../server/src/rules/compose/privileged';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(privileged, {
  valid: [
    { name: 'privileged: false', code: 'services:\n  agent:\n    image: acme/agent:1\n    privileged: false\n' },
    { name: 'no privileged key', code: 'services:\n  agent:\n    image: acme/agent:1\n' },
    {
      name: '!reset drops an inherited value',
      code: 'services:\n  agent:\n    image: acme/agent:1\n    privileged: !reset null\n',
    },
    {
      name: 'an x- field no service uses',
      code: 'x-debug:\n  privileged: true\nservices:\n  agent:\n    image: acme/agent:1\n',
    },
  ],
  invalid: [
    {
      name: 'privileged: true, with a comment: the line goes, comment and all',
      code: 'services:\n  agent:\n    image: acme/agent:1\n    privileged: true # needs /dev\n    restart: always\n',
      errors: [
        {
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 21,
          messageId: 'privileged',
          data: { service: 'agent' },
          message:
            'Service "agent" runs privileged: it gets every capability and every host device, with seccomp, AppArmor and SELinux off, so a compromise of the container is a compromise of the host.',
          severity: 'error',
          fixes: ['Remove privileged: true'],
        },
      ],
      output: 'services:\n  agent:\n    image: acme/agent:1\n    restart: always\n',
    },
    {
      name: 'the last key of the service, no final line break',
      code: 'services:\n  agent:\n    image: acme/agent:1\n    privileged: true',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 21 }],
      output: 'services:\n  agent:\n    image: acme/agent:1\n',
    },
    {
      name: 'merged from an x- template: reported once, at the template, which keeps a map to merge',
      code: 'x-priv: &priv\n  privileged: "true"\nservices:\n  a:\n    <<: *priv\n    image: x:1\n  b:\n    <<: *priv\n    image: y:1\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 21, messageId: 'privileged', data: { service: 'a' } }],
      output:
        'x-priv: &priv\n  {}\nservices:\n  a:\n    <<: *priv\n    image: x:1\n  b:\n    <<: *priv\n    image: y:1\n',
    },
    {
      name: 'a flow map: reported, no fix',
      code: 'services:\n  a: { image: "x:1", privileged: true }\n',
      errors: [{ line: 2, column: 22, endLine: 2, endColumn: 38, fixes: [] }],
      output: null,
    },
    {
      name: 'CRLF line endings',
      code: 'services:\r\n  a:\r\n    privileged: true\r\n    image: x:1\r\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 21 }],
      output: 'services:\r\n  a:\r\n    image: x:1\r\n',
    },
  ],
});
