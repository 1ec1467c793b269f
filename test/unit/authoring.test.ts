import assert from 'node:assert/strict';
import { choosePolicyTarget, projectDefaults } from '../../client/src/policyTarget';
import { githubRepositoryFromGitConfig } from '../../common/git-remote';

describe('Insert security policy: decisions', () => {
  describe('target', () => {
    it('inserts at the cursor when the active editor is a policy', () => {
      assert.deepEqual(choosePolicyTarget(true, ['file:///w/SECURITY.md']), { action: 'insert' });
    });
    it('opens an existing policy rather than overwriting it', () => {
      assert.deepEqual(choosePolicyTarget(false, ['file:///w/.github/SECURITY.md']), {
        action: 'open',
        path: 'file:///w/.github/SECURITY.md',
      });
    });
    it('creates one at the root or in .github/ when there is none', () => {
      assert.deepEqual(choosePolicyTarget(false, []), {
        action: 'create',
        choices: ['SECURITY.md', '.github/SECURITY.md'],
      });
    });
  });

  describe('project defaults', () => {
    it('takes name and version from package.json', () => {
      assert.deepEqual(projectDefaults('{"name":"acme","version":"2.0.1"}', 'folder'), {
        name: 'acme',
        version: '2.0.1',
      });
    });
    it('falls back to the folder name without a usable package.json', () => {
      assert.deepEqual(projectDefaults(undefined, 'folder'), { name: 'folder' });
      assert.deepEqual(projectDefaults('{ not json', 'folder'), { name: 'folder' });
      assert.deepEqual(projectDefaults('{"name":""}', 'folder'), { name: 'folder' });
    });
  });

  describe('GitHub remote', () => {
    const cases: [string, string | undefined][] = [
      ['[remote "origin"]\n\turl = https://github.com/acme/app.git\n', 'acme/app'],
      ['[remote "origin"]\n\turl = git@github.com:acme/app.git\n', 'acme/app'],
      ['[remote "origin"]\n\turl = ssh://git@github.com/acme/app\n', 'acme/app'],
      ['[remote "origin"]\n\turl = https://token@github.com/acme/app/\n', 'acme/app'],
      ['[remote "origin"]\n\turl = https://gitlab.com/acme/app.git\n', undefined],
      ['[core]\n\tbare = false\n', undefined],
    ];
    for (const [config, expected] of cases) {
      it(`${JSON.stringify(config.split('\n')[1] ?? config)} -> ${expected ?? 'none'}`, () => {
        assert.equal(githubRepositoryFromGitConfig(config), expected);
      });
    }
  });
});
