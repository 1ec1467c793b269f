import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintComposeProject, lintText } from '../../../../../server/src/rules';

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'fixtures', 'compose');
const read = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');
const STRONG_DOTENV = {
  path: '/project/.env',
  text: 'POSTGRES_PASSWORD=Vq3k9LmZ2xTr8wNpH7cs\nREDIS_PASSWORD=Lp7wTzXk9mQ2vHc4\nJWT_SECRET=SnymyW9LtHHrrvWnI7QeR_U834qoBfSqFMASTQnKtWA\n',
  exists: true,
};

describe('scenario: files that are right get no finding', () => {
  it('an override file (!override, !reset, extends, profiles) linted with its base, as Compose merges them', () => {
    const base = { path: '/project/compose.yaml', text: read('override/compose.yaml') };
    const override = { path: '/project/compose.override.yaml', text: read('override/compose.override.yaml') };
    const results = lintComposeProject(
      { files: [base, override], references: new Map([[base.path, { text: base.text }]]) },
      () => ({}),
    );
    assert.deepEqual([...results.keys()], [base.path, override.path]);
    for (const result of results.values()) assert.deepEqual(result.findings, []);
  });

  it('an override file linted on its own says its base cannot be read, and nothing else', () => {
    const findings = lintText('compose', read('override/compose.override.yaml')).findings;
    assert.deepEqual(
      findings.map((finding) => [finding.ruleId, finding.message]),
      [
        [
          'compose/missing-reference',
          'The base "compose.yaml" that a service extends cannot be read (no such file): what the service inherits from it is not checked.',
        ],
      ],
    );
  });

  it('a hardened deployment with anchors, x- templates, << merges, a filtering socket proxy and a disable comment', () => {
    const text = read('hardened/compose.yaml');
    assert.deepEqual(lintText('compose', text).findings, []);
    assert.deepEqual(lintText('compose', text, { facts: { dotenv: STRONG_DOTENV } }).findings, []);
  });
});
