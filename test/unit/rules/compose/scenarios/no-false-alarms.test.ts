import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../../../../server/src/rules';

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'fixtures', 'compose');
const read = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');
const STRONG_DOTENV = {
  path: '/project/.env',
  text: 'POSTGRES_PASSWORD=Vq3k9LmZ2xTr8wNpH7cs\nREDIS_PASSWORD=Lp7wTzXk9mQ2vHc4\nJWT_SECRET=SnymyW9LtHHrrvWnI7QeR_U834qoBfSqFMASTQnKtWA\n',
  exists: true,
};

describe('scenario: files that are right get no finding', () => {
  it('an override file (!override, !reset, extends, profiles) linted on its own', () => {
    assert.deepEqual(lintText('compose', read('override/compose.override.yaml')).findings, []);
  });

  it('a hardened deployment with anchors, x- templates, << merges, a filtering socket proxy and a disable comment', () => {
    const text = read('hardened/compose.yaml');
    assert.deepEqual(lintText('compose', text).findings, []);
    assert.deepEqual(lintText('compose', text, { facts: { dotenv: STRONG_DOTENV } }).findings, []);
  });
});
