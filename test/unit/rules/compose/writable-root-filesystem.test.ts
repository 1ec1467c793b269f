import assert from 'node:assert/strict';
import { applyEdits } from '../../../../server/src/engine/fixes';
import { writableRootFilesystem } from '../../../../server/src/rules/compose/writable-root-filesystem';
import { ruleTester, runRule } from '../../../helpers/rule-tester';

const SET = 'Set read_only: true';
const WITH_TMP = 'Set read_only: true, with a tmpfs at /tmp for scratch files';

/** Each fix's result, in order: neither is applied unattended, since a read-only root breaks images that write. */
function fixed(code: string): string[] {
  const [finding] = runRule(writableRootFilesystem, code);
  return finding.fixes!.map((fix) => applyEdits(code, fix.edits));
}

ruleTester(writableRootFilesystem, {
  valid: [
    { name: 'read_only: true', code: 'services:\n  web:\n    image: nginx:1.27\n    read_only: true\n' },
    { name: 'merged', code: 'x-ro: &ro\n  read_only: true\nservices:\n  web:\n    <<: *ro\n    image: nginx:1.27\n' },
    { name: 'an override file adding to a service', code: 'services:\n  web:\n    ports:\n      - 8080:80\n' },
  ],
  invalid: [
    {
      name: 'not set: two fixes, neither automatic',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 80:80\n',
      errors: [
        {
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          messageId: 'writable',
          data: { service: 'web' },
          message:
            'Service "web" has a writable root filesystem: whoever takes over its process can change its programs and plant files. Set read_only: true and mount volumes or tmpfs where it must write.',
          severity: 'info',
          fixes: [SET, WITH_TMP],
        },
      ],
      output: null,
    },
    {
      name: 'read_only: false',
      code: 'services:\n  api:\n    image: acme/api:1\n    read_only: false\n',
      errors: [
        {
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          messageId: 'writable',
          data: { service: 'api' },
          fixes: [SET, WITH_TMP],
        },
      ],
      output: null,
    },
    {
      name: 'a tmpfs at /tmp already: one fix',
      code: 'services:\n  api:\n    image: acme/api:1\n    tmpfs:\n      - /tmp:size=64m\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 6, fixes: [SET] }],
      output: 'services:\n  api:\n    image: acme/api:1\n    read_only: true\n    tmpfs:\n      - /tmp:size=64m\n',
    },
  ],
});

describe('compose/writable-root-filesystem fixes', () => {
  it('adds read_only, and a tmpfs at /tmp, after the image line', () => {
    assert.deepEqual(fixed('services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 80:80\n'), [
      'services:\n  web:\n    image: nginx:1.27\n    read_only: true\n    ports:\n      - 80:80\n',
      'services:\n  web:\n    image: nginx:1.27\n    read_only: true\n    tmpfs:\n      - /tmp\n    ports:\n      - 80:80\n',
    ]);
  });

  it('flips read_only: false, and adds /tmp to an existing tmpfs list', () => {
    assert.deepEqual(
      fixed('services:\n  api:\n    image: acme/api:1\n    read_only: false # for now\n    tmpfs:\n      - /run\n'),
      [
        'services:\n  api:\n    image: acme/api:1\n    read_only: true # for now\n    tmpfs:\n      - /run\n',
        'services:\n  api:\n    image: acme/api:1\n    read_only: true # for now\n    tmpfs:\n      - /run\n      - /tmp\n',
      ],
    );
  });

  it('overrides an inherited read_only: false with a key of its own', () => {
    assert.deepEqual(
      fixed('x-base: &base\n  read_only: false\nservices:\n  api:\n    <<: *base\n    image: acme/api:1\n')[0],
      'x-base: &base\n  read_only: false\nservices:\n  api:\n    <<: *base\n    image: acme/api:1\n    read_only: true\n',
    );
  });
});
