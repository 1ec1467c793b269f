import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeTrees, tree } from '../helpers/cli';

/** The npm package as a user gets it: packed, installed with no registry, run through its bins. */
const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies?: Record<string, string>;
};

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false' },
    timeout: 180_000,
  });
  assert.equal(result.signal, null, `${command} ${args.join(' ')} did not finish`);
  return result;
}

describe('the npm package', function () {
  this.timeout(300_000);
  let scratch: string;

  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'secpolicy-package-'));
  });

  after(() => {
    rmSync(scratch, { recursive: true, force: true });
    removeTrees();
  });

  it('packs the bundles, docs and manifest only, with no runtime dependencies to fetch', () => {
    assert.equal(manifest.dependencies, undefined, 'the bundles hold every runtime dependency');
    // `npm pack` runs `prepack`, which builds the production bundles.
    const packed = run('npm', ['pack', '--json', '--pack-destination', scratch], ROOT);
    assert.equal(packed.status, 0, packed.stderr);
    const [tarball] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    const files = tarball.files.map((file) => file.path).sort();
    assert.deepEqual(
      files.filter((file) => !file.startsWith('docs/rules/')),
      [
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        'dist/cli.js',
        'dist/client.js',
        'dist/secpolicy.js',
        'dist/server.js',
        'images/icon.png',
        'package.json',
        'schemas/secpolicy.schema.json',
        'snippets/compose.json',
        'snippets/markdown.json',
      ],
    );
    assert.ok(files.includes('docs/rules/compose/docker-socket.md'));
    assert.equal(tarball.filename, `secpolicy-${manifest.version}.tgz`);
  });

  it('installs offline into a fresh project, and its bins answer and lint', () => {
    const project = tree({
      'package.json': '{ "name": "acme-app", "version": "1.0.0", "private": true }\n',
      'deploy/compose.yaml':
        'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: postgres\n',
    });
    const tarball = join(scratch, `secpolicy-${manifest.version}.tgz`);
    const installed = run('npm', ['install', '--offline', '--save-dev', tarball], project);
    assert.equal(installed.status, 0, installed.stderr);

    const version = run('npx', ['--offline', '--no-install', 'secpolicy', '--version'], project);
    assert.deepEqual([version.status, version.stdout], [0, `${manifest.version}\n`]);
    const server = run('npx', ['--offline', '--no-install', 'secpolicy-language-server', '--version'], project);
    assert.deepEqual([server.status, server.stdout], [0, `${manifest.version}\n`]);

    const lint = run('npx', ['--offline', '--no-install', 'secpolicy', '-f', 'json', 'deploy'], project);
    assert.equal(lint.status, 1, lint.stderr);
    const report = JSON.parse(lint.stdout) as {
      files: { path: string; findings: { ruleId: string; line: number }[] }[];
    };
    assert.deepEqual(
      report.files.map((file) => [file.path, file.findings.map((finding) => `${finding.line} ${finding.ruleId}`)]),
      [['deploy/compose.yaml', ['5 compose/default-password']]],
    );
  });
});
