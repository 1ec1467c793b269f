import assert from 'node:assert/strict';
import { composeFindings, composeSide, policy, policySide } from '../../../helpers/promises';
import { lintText } from '../../../../server/src/rules';

describe('compose/unkept-promise: a Compose file checked against the policy that speaks for it', () => {
  it('a hedged promise ("where possible") is broken at info', () => {
    const compose = 'services:\n  web:\n    image: nginx:1.27\n';
    const text = policy('Containers use read-only root filesystems where possible.');
    assert.deepEqual(policySide(text, compose), [
      ['info', 'broken', 'Containers use read-only root filesystems where possible.', ['web']],
    ]);
    assert.deepEqual(composeSide(text, compose), [
      ['info', 'web', 'Containers use read-only root filesystems where possible.'],
    ]);
  });

  it('default credentials: the Compose finding, its fixes with it, on both sides', () => {
    const text = policy('Change the default Postgres password.');
    const compose = 'services:\n  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_PASSWORD: postgres\n';
    assert.deepEqual(policySide(text, compose), [
      ['warning', 'broken', 'Change the default Postgres password.', ['postgres']],
    ]);
    const findings = composeFindings(text, compose);
    const original = findings.find((finding) => finding.ruleId === 'compose/default-password');
    const promise = findings.find((finding) => finding.ruleId === 'compose/unkept-promise');
    assert.ok(original?.fixes && original.fixes.length > 0);
    assert.deepEqual(promise?.fixes, original.fixes);
    assert.equal(
      promise?.message,
      'This breaks a promise of SECURITY.md: "Change the default Postgres password". POSTGRES_PASSWORD in service "db" is a well-known default password (po******).',
    );
  });

  it('nothing without a policy, or when the policy speaks for no Compose file', () => {
    const compose = 'services:\n  web:\n    image: nginx:1.27\n    user: root\n';
    const alone = lintText('compose', compose, { facts: {} }).findings;
    assert.deepEqual(
      alone.filter((finding) => finding.ruleId === 'compose/unkept-promise'),
      [],
    );
    const unspoken = lintText('compose', compose, { facts: { policy: () => undefined } }).findings;
    assert.deepEqual(
      unspoken.filter((finding) => finding.ruleId === 'compose/unkept-promise'),
      [],
    );
  });
});
