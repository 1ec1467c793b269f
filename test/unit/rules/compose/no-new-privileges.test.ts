import { noNewPrivileges } from '../../../../server/src/rules/compose/no-new-privileges';
import { ruleTester } from '../../../helpers/rule-tester';

const ADD = 'Add no-new-privileges:true to security_opt';

ruleTester(noNewPrivileges, {
  valid: [
    {
      name: 'set with a colon',
      code: 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:true\n',
    },
    {
      name: 'set with =, in a flow list',
      code: 'services:\n  web:\n    image: nginx:1.27\n    security_opt: ["no-new-privileges=true"]\n',
    },
    {
      name: 'set alone',
      code: 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges\n',
    },
    {
      name: 'merged from an x- template',
      code: 'x-hardened: &hardened\n  security_opt:\n    - no-new-privileges:true\nservices:\n  web:\n    <<: *hardened\n    image: nginx:1.27\n',
    },
    {
      name: 'an override file adding to a service defined elsewhere says nothing about it',
      code: 'services:\n  web:\n    environment:\n      DEBUG: "1"\n    ports:\n      - 8080:80\n',
    },
    {
      name: 'a service that extends another',
      code: 'services:\n  web:\n    extends:\n      file: base.yaml\n      service: web\n',
    },
  ],
  invalid: [
    {
      name: 'missing: security_opt is added after the image line, comment kept',
      code: 'services:\n  web:\n    image: nginx:1.27 # pinned\n    ports:\n      - 80:80\n',
      errors: [
        {
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          messageId: 'missing',
          data: { service: 'web' },
          message:
            'Service "web" does not set no-new-privileges: a setuid program in the image can still raise a process\'s privileges.',
          severity: 'info',
          fixes: [ADD],
        },
      ],
      output:
        'services:\n  web:\n    image: nginx:1.27 # pinned\n    security_opt:\n      - no-new-privileges:true\n    ports:\n      - 80:80\n',
    },
    {
      name: 'a built service without image: security_opt goes first',
      code: 'services:\n  api:\n    build: ./api\n    restart: always\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 6, messageId: 'missing', data: { service: 'api' } }],
      output:
        'services:\n  api:\n    security_opt:\n      - no-new-privileges:true\n    build: ./api\n    restart: always\n',
    },
    {
      name: 'an existing security_opt list gets the entry',
      code: 'services:\n  worker:\n    build: .\n    security_opt:\n      - apparmor:docker-default\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 9 }],
      output:
        'services:\n  worker:\n    build: .\n    security_opt:\n      - apparmor:docker-default\n      - no-new-privileges:true\n',
    },
    {
      name: 'an existing flow list',
      code: 'services:\n  worker:\n    image: acme/w:1\n    security_opt: [apparmor:docker-default]\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 9 }],
      output:
        'services:\n  worker:\n    image: acme/w:1\n    security_opt: [apparmor:docker-default, no-new-privileges:true]\n',
    },
    {
      name: 'no-new-privileges:false',
      code: 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:false\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 6 }],
      output:
        'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:false\n      - no-new-privileges:true\n',
    },
    {
      name: 'a flow-style service: reported, no fix',
      code: 'services:\n  web: { image: "nginx:1.27" }\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 6, fixes: [] }],
      output: null,
    },
    {
      name: 'CRLF line endings',
      code: 'services:\r\n  web:\r\n    image: nginx:1.27\r\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 6 }],
      output: 'services:\r\n  web:\r\n    image: nginx:1.27\r\n    security_opt:\r\n      - no-new-privileges:true\r\n',
    },
  ],
});
