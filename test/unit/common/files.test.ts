import assert from 'node:assert/strict';
import {
  byPolicyPrecedence,
  documentKind,
  folderRole,
  isPolicyFolder,
  policyPrecedence,
  type PolicyFolderRole,
} from '../../../common/files';

describe('documentKind', () => {
  const cases: [string, string | undefined][] = [
    ['SECURITY.md', 'policy'],
    ['/repo/.github/security.md', 'policy'],
    ['C:\\repo\\docs\\Security.md', 'policy'],
    ['/repo/README.md', undefined],
    ['/repo/SECURITY.txt', undefined],
    ['compose.yaml', 'compose'],
    ['compose.yml', 'compose'],
    ['docker-compose.yml', 'compose'],
    ['/srv/docker-compose.prod.yaml', 'compose'],
    ['/srv/compose.override.yml', 'compose'],
    ['/srv/.github/workflows/ci.yml', undefined],
    ['/srv/compose.json', undefined],
    ['/srv/.env', 'dotenv'],
    ['/srv/.env.production', 'dotenv'],
    ['/srv/app.env', 'dotenv'],
    ['/srv/.env.example', undefined],
    ['/srv/.env.sample', undefined],
    ['/srv/www/.well-known/security.txt', 'securitytxt'],
    ['C:\\site\\.well-known\\security.txt', 'securitytxt'],
    ['public/security.txt', 'securitytxt'],
    ['security.txt', 'securitytxt'],
    ['/srv/www/.well-known/security.txt.sig', undefined],
    ['/srv/www/my-security.txt', undefined],
    ['/srv/www/security.txt.example', undefined],
  ];
  for (const [path, kind] of cases) {
    it(`${path} -> ${kind ?? 'not linted'}`, () => assert.equal(documentKind(path), kind));
  }
});

describe('policy precedence: the policy GitHub shows when a repository has several', () => {
  const cases: [string, number][] = [
    ['.github/SECURITY.md', 0],
    ['.github/security.md', 0],
    ['SECURITY.md', 1],
    ['./Security.md', 1],
    ['docs/SECURITY.md', 2],
    ['docs\\SECURITY.md', 2],
    ['.github/docs/SECURITY.md', 3],
    ['Docs/SECURITY.md', 3],
    ['docs/guide/security.md', 3],
    ['packages/api/SECURITY.md', 3],
    ['README.md', 3],
  ];
  for (const [path, rank] of cases) {
    it(`${path} -> ${rank}`, () => assert.equal(policyPrecedence(path), rank));
  }

  it('sorts .github/ first, then the root, then docs/, then the rest by path', () => {
    const found = [
      'docs/SECURITY.md',
      'packages/b/SECURITY.md',
      'SECURITY.md',
      'packages/a/SECURITY.md',
      '.github/SECURITY.md',
    ];
    assert.deepEqual(found.sort(byPolicyPrecedence), [
      '.github/SECURITY.md',
      'SECURITY.md',
      'docs/SECURITY.md',
      'packages/a/SECURITY.md',
      'packages/b/SECURITY.md',
    ]);
  });
});

describe('policy folders: a policy, or a page of documentation about security', () => {
  it('tells a repository and a package from their entries', () => {
    assert.equal(folderRole(['.git', 'package.json']), 'repository');
    assert.equal(folderRole(['src', 'Cargo.toml']), 'package');
    assert.equal(folderRole(['go.mod']), 'package');
    assert.equal(folderRole(['guide', 'index.md', 'package.json.bak']), undefined);
  });

  const cases: [string, PolicyFolderRole, PolicyFolderRole, boolean][] = [
    ['acme', 'repository', undefined, true],
    ['.github', undefined, 'repository', true],
    ['docs', undefined, 'repository', true],
    ['api', 'package', undefined, true],
    ['docs', undefined, 'package', false],
    ['.github', undefined, 'package', false],
    ['guide', undefined, undefined, false],
    ['Docs', undefined, 'repository', false],
    ['website', undefined, 'repository', false],
  ];
  for (const [name, role, parentRole, expected] of cases) {
    it(`${name} (${role ?? 'a folder'}, in ${parentRole ?? 'a folder'}) -> ${expected ? 'policy' : 'documentation'}`, () =>
      assert.equal(isPolicyFolder(name, role, parentRole), expected));
  }
});
