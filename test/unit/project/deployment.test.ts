import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { diskSource } from '../../../server/src/project/compose-project';
import { policiesIn, policyFor } from '../../../server/src/project/deployment';

describe('deployment: the policy that speaks for a Compose file', () => {
  let repository: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(repository, path)), { recursive: true });
    writeFileSync(join(repository, path), text);
  };
  beforeEach(() => {
    repository = mkdtempSync(join(tmpdir(), 'secpolicy-deployment-'));
    mkdirSync(join(repository, '.git'));
  });
  afterEach(() => rmSync(repository, { recursive: true, force: true }));

  it("lists a folder's policies in GitHub's order: .github/, the root, docs/", () => {
    write('docs/SECURITY.md', '# Docs\n');
    write('security.md', '# Root\n');
    write('.github/SECURITY.md', '# GitHub\n');
    assert.deepEqual(policiesIn(repository), [
      join(repository, '.github', 'SECURITY.md'),
      join(repository, 'security.md'),
      join(repository, 'docs', 'SECURITY.md'),
    ]);
  });

  it('is the one GitHub shows when the repository has several', () => {
    write('SECURITY.md', '# Root\n');
    write('.github/SECURITY.md', '# GitHub\n');
    write('deploy/compose.yaml', 'services: {}\n');
    const compose = join(repository, 'deploy', 'compose.yaml');
    assert.deepEqual(policyFor(compose, repository, diskSource(repository)), {
      path: join(repository, '.github', 'SECURITY.md'),
      text: '# GitHub\n',
    });
  });

  it("is a package's own before the repository's", () => {
    write('.github/SECURITY.md', '# GitHub\n');
    write('packages/api/SECURITY.md', '# API\n');
    write('packages/api/compose.yaml', 'services: {}\n');
    const compose = join(repository, 'packages', 'api', 'compose.yaml');
    assert.equal(policyFor(compose, repository, diskSource(repository))?.text, '# API\n');
  });
});
