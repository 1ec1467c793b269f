import { invalidYaml } from '../../../../server/src/rules/compose/invalid-yaml';
import { ruleTester } from '../../../helpers/rule-tester';

/** A finding of the YAML problem `problem`, as the parser words it. */
const PROBLEM = (problem: string) => ({ messageId: 'invalid', data: { problem } });
const UNIQUE = PROBLEM('Map keys must be unique');

ruleTester(invalidYaml, {
  valid: [
    {
      name: 'a typical file with anchors, aliases, << merge keys and x- fields',
      code: 'x-defaults: &defaults\n  restart: unless-stopped\n  logging:\n    driver: json-file\nx-env: &env\n  TZ: UTC\nservices:\n  web:\n    <<: *defaults\n    image: nginx:1.27\n    environment: *env\n  worker:\n    <<: *defaults\n    image: app:1.0\n    environment:\n      <<: *env\n      QUEUE: jobs\n',
    },
    {
      name: 'the Compose tags !reset and !override are known',
      code: 'services:\n  web:\n    environment: !reset {}\n    ports: !reset []\n    volumes: !override\n      - ./html:/usr/share/nginx/html:ro\n    user: !reset null\n',
    },
    {
      name: 'a list of maps merged with <<',
      code: 'x-a: &a\n  restart: always\nx-b: &b\n  init: true\nservices:\n  web:\n    <<: [*a, *b]\n    image: nginx\n',
    },
    {
      name: 'the same key in two different maps',
      code: 'services:\n  web:\n    image: nginx\n  db:\n    image: postgres\n',
    },
    { name: 'an empty file', code: '' },
    { name: 'comments only', code: '# services will go here\n' },
    {
      name: 'a directive, a document start and a document end',
      code: '%YAML 1.2\n---\nservices:\n  web:\n    image: nginx:1.27\n...\n',
    },
    { name: 'a byte order mark', code: '\uFEFFservices:\n  web:\n    image: nginx:1.27\n' },
    { name: 'JSON is YAML', code: '{"services": {"web": {"image": "nginx:1.27", "ports": ["80:80"]}}}\n' },
    { name: 'a colon-space inside quotes', code: 'services:\n  web:\n    command: \'echo "ready: yes"\'\n' },
    {
      name: 'CRLF line endings',
      code: 'services:\r\n  web:\r\n    image: nginx:1.27\r\n    ports:\r\n      - "80:80"\r\n',
    },
  ],
  invalid: [
    {
      name: 'an unclosed double quote is reported at the last character written',
      code: 'services:\n  web:\n    image: "nginx:1.27\n',
      errors: [
        {
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 23,
          ...PROBLEM('Missing closing "quote'),
          message: 'Invalid YAML: Missing closing "quote',
          severity: 'error',
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: 'an unclosed single quote runs to the end of the file',
      code: "services:\n  web:\n    image: 'nginx:1.27\n    ports:\n      - 80:80\n",
      errors: [{ line: 5, column: 13, endLine: 5, endColumn: 14, ...PROBLEM("Missing closing 'quote") }],
      output: null,
    },
    {
      name: 'a key indented one space less than its siblings',
      code: 'services:\n  web:\n    image: nginx:1.27\n   ports:\n      - 80:80\n',
      errors: [
        {
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 2,
          ...PROBLEM('All mapping items must start at the same column'),
        },
      ],
      output: null,
    },
    {
      name: 'a tab used as indentation',
      code: 'services:\n\tweb:\n    image: nginx:1.27\n',
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 2, ...PROBLEM('Tabs are not allowed as indentation') }],
      output: null,
    },
    {
      name: 'list and map items mixed in one environment block',
      code: 'services:\n  web:\n    environment:\n      - A=b\n      C: d\n',
      errors: [{ line: 5, column: 1, endLine: 5, endColumn: 2 }],
      output: null,
    },
    {
      name: 'an unquoted value holding ": "',
      code: 'services:\n  web:\n    image: nginx:1.27\n    command: echo "ready: yes"\n',
      errors: [
        {
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 15,
          ...PROBLEM('Nested mappings are not allowed in compact mappings'),
        },
      ],
      output: null,
    },
    {
      name: 'an unclosed flow map',
      code: 'services:\n  web: { image: nginx:1.27\n',
      errors: [
        {
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 27,
          ...PROBLEM('Flow map in block collection must be sufficiently indented and end with a }'),
        },
      ],
      output: null,
    },
    {
      name: 'an unclosed flow sequence',
      code: 'services:\n  web:\n    ports: [80:80, 443:443\n',
      errors: [
        {
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 27,
          ...PROBLEM('Flow sequence in block collection must be sufficiently indented and end with a ]'),
        },
      ],
      output: null,
    },
    {
      name: 'a duplicate key in a service, which Compose rejects',
      code: 'services:\n  web:\n    image: nginx:1.27\n    image: httpd:2.4\n',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 6, ...UNIQUE }],
      output: null,
    },
    {
      name: 'a duplicate service name',
      code: 'services:\n  web:\n    image: nginx:1.27\n  web:\n    image: httpd:2.4\n',
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 4, ...UNIQUE }],
      output: null,
    },
    {
      name: 'two << keys in one map (use a list: <<: [*a, *b])',
      code: 'x-a: &a\n  restart: always\nx-b: &b\n  init: true\nservices:\n  web:\n    <<: *a\n    <<: *b\n    image: nginx\n',
      errors: [{ line: 8, column: 5, endLine: 8, endColumn: 6, ...UNIQUE }],
      output: null,
    },
    {
      name: 'an alias with no anchor',
      code: 'services:\n  web:\n    image: nginx:1.27\n    environment: *common-env\n',
      errors: [
        {
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 29,
          ...PROBLEM('Unresolved alias *common-env: no anchor &common-env is set before it'),
        },
      ],
      output: null,
    },
    {
      name: 'an alias used before its anchor',
      code: 'services:\n  web:\n    <<: *defaults\n    image: nginx:1.27\nx-defaults: &defaults\n  restart: always\n',
      errors: [
        {
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 18,
          ...PROBLEM('Unresolved alias *defaults: no anchor &defaults is set before it'),
        },
      ],
      output: null,
    },
    {
      name: 'a plain value starting with a reserved character',
      code: 'services:\n  web:\n    command: `date`\n',
      errors: [
        {
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 15,
          ...PROBLEM('Plain value cannot start with reserved character `'),
        },
      ],
      output: null,
    },
    {
      name: 'CRLF line endings',
      code: 'services:\r\n  web:\r\n    image: nginx:1.27\r\n   ports:\r\n      - 80:80\r\n',
      errors: [
        { line: 4, column: 1, endLine: 4, endColumn: 2, ...PROBLEM('All mapping items must start at the same column') },
      ],
      output: null,
    },
    {
      name: 'every problem is reported',
      code: 'services:\n  web:\n    image: nginx\n    image: httpd\n  db:\n    environment: *env\n',
      errors: [
        { line: 4, column: 5, endLine: 4, endColumn: 6, ...UNIQUE },
        {
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 22,
          ...PROBLEM('Unresolved alias *env: no anchor &env is set before it'),
        },
      ],
      output: null,
    },
  ],
});
