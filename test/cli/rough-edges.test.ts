import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, removeTrees, runCli, tree } from '../helpers/cli';

const STAGING_COMPOSE =
  'services:\n  proxy:\n    image: traefik:3.1\n    read_only: true\n    security_opt: [no-new-privileges:true]\n    environment:\n      LETSENCRYPT_STAGING: "true"\n';

const PRIVILEGED_COMPOSE =
  'services:\n  agent:\n    image: agent:1.2\n    read_only: true\n    security_opt: [no-new-privileges:true]\n    privileged: true\n';

describe('secpolicy CLI: what a run tells the user', () => {
  before(() => assert.ok(existsSync(CLI), `${CLI} is missing: run "npm run build" first`));
  after(removeTrees);

  describe('init', () => {
    it('refuses a contact the linter calls a placeholder, in one line, and writes nothing', () => {
      const root = tree({});
      for (const contact of ['security@example.com', 'https://github.com/OWNER/REPO/security/advisories/new']) {
        assert.deepEqual(runCli(root, 'init', '--contact', contact), {
          status: 2,
          stdout: '',
          stderr: `secpolicy init: --contact: "${contact}" is a placeholder; give an address or link your security team reads\n`,
        });
      }
      assert.equal(existsSync(join(root, 'SECURITY.md')), false);
    });

    it('is documented with --project-version in the main help', () => {
      const help = runCli(tree({}), '--help');
      assert.equal(help.status, 0);
      assert.match(
        help.stdout,
        /secpolicy init --contact <email\|url> .*\n\s+\[--project-version <version>\] \[--force\]\n/,
      );
    });
  });

  describe('a run that finds nothing to lint', () => {
    it('fails when a path was named: a CI job pointed at the wrong folder does not pass', () => {
      const root = tree({ 'docs/README.md': '# Docs\n' });
      assert.deepEqual(runCli(root, 'docs'), {
        status: 2,
        stdout: '0 files linted, no problems.\n',
        stderr: 'secpolicy: no file linted: found no SECURITY.md, security.txt, Compose or .env file in docs\n',
      });
    });

    it('says so, and passes, when no path was named', () => {
      const root = tree({ 'README.md': '# Nothing here\n' });
      assert.deepEqual(runCli(root), {
        status: 0,
        stdout: '0 files linted, no problems.\n',
        stderr:
          'secpolicy: no file linted: found no SECURITY.md, security.txt, Compose or .env file in the current folder\n',
      });
    });
  });

  describe('the summary', () => {
    it('counts the files, the problems --fix can fix, and those whose fix waits for review', () => {
      const root = tree({ 'a/compose.yaml': STAGING_COMPOSE, 'b/compose.yaml': PRIVILEGED_COMPOSE });
      const result = runCli(root);
      assert.equal(result.status, 1);
      assert.equal(
        result.stdout.split('\n').slice(-3).join('\n'),
        '✖ 2 problems (1 error, 1 warning, 0 info)\n2 files linted; 1 problem fixable with --fix (--fix-dry-run shows how); 1 problem with a fix to review in the editor.\n',
      );
    });
  });

  describe('files named explicitly', () => {
    it('lints .env.example as a .env file, though a folder walk leaves it alone', () => {
      const root = tree({ '.env.example': 'DB_PASSWORD=changeme\n', 'compose.yaml': STAGING_COMPOSE });
      const named = runCli(root, '.env.example');
      assert.equal(named.status, 1);
      assert.equal(
        named.stdout,
        '.env.example\n  1:13  error  DB_PASSWORD is a well-known default password (ch******).  dotenv/default-password\n\n✖ 1 problem (1 error, 0 warnings, 0 info)\n1 file linted.\n',
      );
      assert.doesNotMatch(runCli(root).stdout, /\.env\.example/);
    });
  });

  describe('policies a folder walk finds', () => {
    const policy = '# Security\n\nTell us.\n';
    const files = {
      'SECURITY.md': policy,
      '.github/SECURITY.md': policy,
      'docs/SECURITY.md': policy,
      'docs/guide/security.md': policy,
      'website/package.json': '{}',
      'website/docs/security.md': policy,
      'packages/api/package.json': '{}',
      'packages/api/SECURITY.md': policy,
      'packages/api/docs/SECURITY.md': policy,
      'packages/api/.github/SECURITY.md': policy,
      'vendor/lib/.git/HEAD': 'ref: refs/heads/main\n',
      'vendor/lib/.github/SECURITY.md': policy,
      'vendor/lib/docs/old/SECURITY.md': policy,
    };
    const linted = (cwd: string, ...args: string[]) => {
      const run = runCli(cwd, '--format', 'json', ...args);
      return (JSON.parse(run.stdout) as { files: { path: string }[] }).files.map((file) => file.path);
    };
    const repository = () => tree({ ...files, '.git/HEAD': 'ref: refs/heads/main\n' });

    it("are where they are read: a repository's root, .github/ and docs/, and a package's root", () => {
      const expected = [
        '.github/SECURITY.md',
        'SECURITY.md',
        'docs/SECURITY.md',
        'packages/api/SECURITY.md',
        'vendor/lib/.github/SECURITY.md',
      ];
      assert.deepEqual(linted(repository()), expected);
      // Outside a repository, the folder walked stands for one.
      assert.deepEqual(linted(tree(files)), expected);
    });

    it('are looked for from the folder named as from a root; a file named is linted wherever it is', () => {
      const root = repository();
      assert.deepEqual(linted(root, 'docs', 'packages', 'website/docs/security.md'), [
        'docs/SECURITY.md',
        'packages/api/SECURITY.md',
        'website/docs/security.md',
      ]);
      assert.deepEqual(linted(join(root, 'docs', 'guide')), ['security.md']);
    });
  });

  describe('.gitignore files above the starting folder', () => {
    it('are honoured up to the repository root, so the files found do not depend on where the command runs', () => {
      const root = tree({
        '.gitignore': 'generated/\n',
        'services/generated/compose.yaml': PRIVILEGED_COMPOSE,
        'services/web/compose.yaml': STAGING_COMPOSE,
      });
      mkdirSync(join(root, '.git'));
      const fromRoot = runCli(root, 'services');
      const fromInside = runCli(join(root, 'services'));
      assert.match(fromRoot.stdout, /^services\/web\/compose\.yaml\n/);
      assert.match(fromInside.stdout, /^web\/compose\.yaml\n/);
      for (const run of [fromRoot, fromInside]) {
        assert.equal(run.status, 0);
        assert.doesNotMatch(run.stdout, /generated/);
        assert.match(run.stdout, /\n1 file linted; 1 problem fixable with --fix/);
      }
    });

    it('are not read above the repository root', () => {
      const outer = tree({ '.gitignore': 'project/\n', 'project/compose.yaml': STAGING_COMPOSE });
      mkdirSync(join(outer, 'project', '.git'));
      const run = runCli(join(outer, 'project'));
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^compose\.yaml\n/);
    });
  });
});
