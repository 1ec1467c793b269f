import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

/** What an attacker-minded review of the CLI broke, each case as a user meets it: the process, its output, the disk. */
const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

function run(cwd: string, ...args: string[]) {
  return runWith([], cwd, ...args);
}

/** Runs the CLI with `nodeArgs` before it: `--require` a script that stands in for the disk or the random source. */
function runWith(nodeArgs: string[], cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [...nodeArgs, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    // A hang is a failure of its own: the run is stopped and the test says so.
    timeout: 20_000,
  });
  assert.equal(result.signal, null, `secpolicy ${args.join(' ')} did not finish`);
  assert.doesNotMatch(`${result.stdout}${result.stderr}`, /\n\s+at .+\(.+:\d+:\d+\)/, 'no stack trace');
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const roots: string[] = [];
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'secpolicy-reliability-'));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** Temporary files a write left behind in `folder`. */
function strayTemporaries(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.includes('.secpolicy-') && name.endsWith('.tmp'));
}

/** A Compose file whose one fix is safe unattended: Let's Encrypt staging switched off. */
const WEAK = `services:
  acme:
    image: nginxproxy/acme-companion:2.4
    environment:
      LETSENCRYPT_STAGING: "true"
    read_only: true
    security_opt: [no-new-privileges:true]
`;
const FIXED = WEAK.replace('LETSENCRYPT_STAGING: "true"', 'LETSENCRYPT_STAGING: "false"');

/** A policy whose one unattended fix is an http:// link made https://. */
const INSECURE_LINK_POLICY =
  '# Security Policy\n\n## Reporting a Vulnerability\n\nEmail security@acme.dev, see http://acme.dev/security.\n';

describe('CLI reliability and security', () => {
  before(() => assert.ok(existsSync(CLI), `${CLI} is missing: run "npm run build" first`));
  after(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  describe('--fix writes safely', () => {
    it('keeps a 0600 file 0600, and leaves no temporary file', () => {
      const root = tree({ 'compose.yaml': WEAK });
      chmodSync(join(root, 'compose.yaml'), 0o600);
      const result = run(root, '--fix');
      assert.equal(result.status, 0, result.stderr);
      assert.equal(readFileSync(join(root, 'compose.yaml'), 'utf8'), FIXED);
      assert.equal(statSync(join(root, 'compose.yaml')).mode & 0o777, 0o600);
      assert.deepEqual(strayTemporaries(root), []);
    });

    it('refuses a read-only file, a file with other hard links, and writes nothing at all then', () => {
      const root = tree({ 'a/compose.yaml': WEAK, 'b/compose.yaml': WEAK, 'c/compose.yaml': WEAK });
      chmodSync(join(root, 'b', 'compose.yaml'), 0o444);
      linkSync(join(root, 'c', 'compose.yaml'), join(root, 'c-link.yml'));
      const result = run(root, '--fix', 'a', 'b', 'c');
      assert.equal(result.status, 2);
      assert.equal(
        result.stderr,
        'secpolicy: b/compose.yaml: not written: is read-only\n' +
          'secpolicy: c/compose.yaml: not written: has other hard links, which a rewrite would split\n' +
          'secpolicy: no file was fixed because of the problems above\n',
      );
      for (const folder of ['a', 'b', 'c']) {
        assert.equal(readFileSync(join(root, folder, 'compose.yaml'), 'utf8'), WEAK, `${folder} is untouched`);
        assert.deepEqual(strayTemporaries(join(root, folder)), []);
      }
      assert.equal(statSync(join(root, 'c', 'compose.yaml')).nlink, 2, 'the hard link is kept');
    });

    it('writes through no link that leads out of the repository, and lints no Compose file there', () => {
      const outside = tree({ 'SECURITY.md': INSECURE_LINK_POLICY, 'compose.yaml': WEAK });
      const root = tree({ '.git/config': '' });
      symlinkSync(join(outside, 'SECURITY.md'), join(root, 'SECURITY.md'));
      symlinkSync(join(outside, 'compose.yaml'), join(root, 'compose.yaml'));
      const policy = run(root, '--fix', 'SECURITY.md');
      assert.equal(policy.status, 2);
      assert.equal(
        policy.stderr,
        'secpolicy: SECURITY.md: not written: is a link to a file outside the repository\n' +
          'secpolicy: no file was fixed because of the problems above\n',
      );
      assert.equal(readFileSync(join(outside, 'SECURITY.md'), 'utf8'), INSECURE_LINK_POLICY);
      const compose = run(root, '--fix', 'compose.yaml');
      assert.equal(compose.status, 2);
      assert.equal(compose.stderr, 'secpolicy: compose.yaml: not read: it is outside the repository\n');
      assert.equal(readFileSync(join(outside, 'compose.yaml'), 'utf8'), WEAK);
      assert.deepEqual([...strayTemporaries(root), ...strayTemporaries(outside)], []);
    });

    it('creates its temporary file exclusively: a link planted at that name is not followed', () => {
      const root = tree({ 'compose.yaml': WEAK, 'victim.txt': 'untouched\n' });
      // The random source gives known bytes, so the temporary file's name can be taken in advance.
      const fixedRandom = join(root, 'fixed-random.js');
      writeFileSync(
        fixedRandom,
        "const crypto = require('node:crypto'); crypto.randomBytes = (size) => Buffer.alloc(size, 0xab);\n",
      );
      const planted = join(root, `.compose.yaml.secpolicy-${'ab'.repeat(8)}.tmp`);
      symlinkSync(join(root, 'victim.txt'), planted);
      const result = runWith(['--require', fixedRandom], root, '--fix');
      assert.equal(result.status, 2);
      assert.equal(
        result.stderr,
        'secpolicy: compose.yaml: not written: something is already where its temporary copy goes\n' +
          'secpolicy: no file was fixed because of the problems above\n',
      );
      assert.equal(readFileSync(join(root, 'victim.txt'), 'utf8'), 'untouched\n');
      assert.equal(readFileSync(join(root, 'compose.yaml'), 'utf8'), WEAK);
      assert.ok(lstatSync(planted).isSymbolicLink(), 'the planted link is left as it was');
    });

    it('writes no file when the disk fills up at the second, and leaves no temporary file', () => {
      const root = tree({ 'a/compose.yaml': WEAK, 'b/compose.yaml': WEAK });
      // The second temporary file meets a full disk on its first write.
      const fullDisk = join(root, 'full-disk.js');
      writeFileSync(
        fullDisk,
        `const fs = require('node:fs');
const { openSync, writeSync } = fs;
let opened = 0;
let full;
fs.openSync = (path, ...rest) => {
  const fd = openSync(path, ...rest);
  if (String(path).endsWith('.tmp') && ++opened === 2) full = fd;
  return fd;
};
fs.writeSync = (fd, ...rest) => {
  if (fd === full) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
  return writeSync(fd, ...rest);
};
`,
      );
      const result = runWith(['--require', fullDisk], root, '--fix', 'a', 'b');
      assert.equal(result.status, 2);
      assert.equal(
        result.stderr,
        'secpolicy: b/compose.yaml: not written: the disk is full\n' +
          'secpolicy: no file was fixed because of the problems above\n',
      );
      for (const folder of ['a', 'b']) {
        assert.equal(readFileSync(join(root, folder, 'compose.yaml'), 'utf8'), WEAK, `${folder} is untouched`);
        assert.deepEqual(strayTemporaries(join(root, folder)), []);
      }
    });

    it('writes through a symbolic link named on the command line, which stays a link', () => {
      const root = tree({ 'real/compose.yaml': WEAK });
      symlinkSync(join(root, 'real', 'compose.yaml'), join(root, 'compose.yaml'));
      const result = run(root, '--fix', 'compose.yaml');
      assert.equal(result.status, 0, result.stderr);
      assert.ok(lstatSync(join(root, 'compose.yaml')).isSymbolicLink());
      assert.equal(readFileSync(join(root, 'real', 'compose.yaml'), 'utf8'), FIXED);
      assert.deepEqual(strayTemporaries(join(root, 'real')), []);
    });
  });

  describe('init', () => {
    it('writes no policy through a SECURITY.md link, dangling or not', () => {
      const root = tree({});
      const outside = join(tree({}), 'planted.md');
      symlinkSync(outside, join(root, 'SECURITY.md'));
      const result = run(root, 'init', '--contact', 'security@acme.dev', '--force');
      assert.equal(result.status, 2);
      assert.equal(
        result.stderr,
        'secpolicy init: SECURITY.md is a symbolic link; init writes no file through a link\n',
      );
      assert.ok(!existsSync(outside), 'nothing was written outside the folder');
    });
  });

  describe('-o', () => {
    it('into a missing folder or onto a folder: exit 2, one line, nothing left behind', () => {
      const root = tree({ 'compose.yaml': WEAK, 'report/keep.txt': '' });
      for (const [output, reason] of [
        ['missing/report.json', 'its folder does not exist'],
        ['report', 'is a folder'],
      ]) {
        const result = run(root, '-f', 'json', '-o', output);
        assert.equal(result.status, 2);
        assert.equal(result.stderr, `secpolicy: ${output}: the report was not written: ${reason}\n`);
        assert.equal(result.stdout, '');
      }
      assert.deepEqual(strayTemporaries(root), []);
      assert.deepEqual(strayTemporaries(join(root, 'report')), []);
    });
  });

  describe('what is read', () => {
    it('never reads a .env that links out of the repository, and says so', () => {
      const root = tree({
        '.git/config': '',
        'compose.yaml':
          'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${HOME}\n',
      });
      symlinkSync('/proc/self/environ', join(root, '.env'));
      const result = run(root, '-f', 'json');
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stderr, 'secpolicy: .env: not read: it is a link to a file outside the repository\n');
      const report = JSON.parse(result.stdout);
      assert.deepEqual(
        report.files.map((file: { path: string; findings: unknown[] }) => [file.path, file.findings.length]),
        [['compose.yaml', 0]],
        'the .env is neither linted nor used: the Compose file has nothing to report',
      );
    });

    it('does not hang on a FIFO named .gitignore, compose.yaml or given to --config', function () {
      if (process.platform === 'win32') this.skip();
      const root = tree({ 'SECURITY.md': '# Security\n' });
      for (const name of ['.gitignore', 'compose.yaml', 'ci.json']) execFileSync('mkfifo', [join(root, name)]);
      const walk = run(root);
      assert.equal(walk.status, 1, walk.stderr);
      assert.equal(walk.stderr, '');
      const named = run(root, 'compose.yaml', '--config', 'ci.json');
      assert.equal(named.status, 2);
      assert.equal(named.stderr, 'secpolicy: ci.json: config file could not be read: is not a regular file\n');
      const file = run(root, 'compose.yaml');
      assert.equal(file.status, 2);
      assert.equal(file.stderr, 'secpolicy: compose.yaml: could not be read: is not a regular file\n');
    });

    it('reads no config that is a FIFO, a device or a kernel file, says so, and never quotes a config it cannot parse', function () {
      if (process.platform !== 'linux') this.skip();
      const root = tree({
        '.git/config': '',
        '.secpolicy.json': '{ "rules": { "compose/default-password": "off" } }',
        'sub/compose.yaml':
          'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: postgres\n',
        '.env': 'DB_PASSWORD=Xk9mQ2vLp7wTz\n',
      });
      execFileSync('mkfifo', [join(root, 'sub', '.secpolicy.json')]);
      const fifo = run(root, '--print-config', 'sub/compose.yaml');
      assert.equal(fifo.status, 2);
      assert.equal(fifo.stderr, 'secpolicy: sub/.secpolicy.json: not read: is not a regular file\n');
      assert.equal(
        JSON.parse(fifo.stdout).rules['compose/default-password'],
        'error',
        'the config above does not stand in',
      );
      rmSync(join(root, 'sub', '.secpolicy.json'));
      symlinkSync('/dev/zero', join(root, 'sub', '.secpolicy.json'));
      const device = run(root, 'sub');
      assert.equal(device.status, 2);
      assert.equal(
        device.stderr,
        'secpolicy: sub/.secpolicy.json: not read: it is a link to a file outside the repository\n',
      );
      const environ = run(root, '--config', '/proc/self/environ');
      assert.equal(environ.status, 2);
      assert.equal(
        environ.stderr,
        `secpolicy: ${relative(root, '/proc/self/environ')}: config file could not be read: is not a regular file\n`,
      );
      const dotenv = run(root, '--config', '.env');
      assert.equal(dotenv.status, 2);
      assert.equal(dotenv.stderr, "secpolicy: .env: invalid JSON: Unexpected token 'D'\n");
    });

    it('reads no .secpolicy.json above the repository, and --print-config names the file used', () => {
      const outer = tree({
        '.secpolicy.json': '{ "rules": { "compose/default-password": "off" } }',
        'repo/.git/config': '',
        'repo/compose.yaml':
          'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: postgres\n',
      });
      const repo = join(outer, 'repo');
      const result = run(repo, '-f', 'json');
      assert.equal(result.status, 1);
      const ruleIds = JSON.parse(result.stdout).files[0].findings.map((finding: { ruleId: string }) => finding.ruleId);
      assert.ok(ruleIds.includes('compose/default-password'), 'the config above the repository is not read');
      const printed = JSON.parse(run(repo, '--print-config', 'compose.yaml').stdout);
      assert.equal(printed.config, null);
      assert.equal(printed.rules['compose/default-password'], 'error');
      writeFileSync(join(repo, '.secpolicy.json'), '{ "rules": { "compose/unpinned-image": "off" } }');
      const inside = JSON.parse(run(repo, '--print-config', 'compose.yaml').stdout);
      assert.equal(inside.config, '.secpolicy.json');
      assert.equal(inside.rules['compose/unpinned-image'], 'off');
    });
  });

  describe('hostile content', () => {
    it('prints control characters from a file escaped, never raw to the terminal', () => {
      const root = tree({
        'compose.yaml':
          'services:\n  "evil\\e[2J\\e]0;pwned\\a":\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: postgres\n',
      });
      const result = run(root);
      assert.equal(result.status, 1);
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f]/.test(result.stdout), 'no raw control character');
      assert.ok(result.stdout.includes('service "evil\\x1b[2J\\x1b]0;pwned\\x07"'), result.stdout);
    });

    it('escapes control characters in GitHub annotations and in lines about files', () => {
      const folder = 'evil\u001b[2J\u0007';
      const root = tree({
        [`${folder}/compose.yaml`]:
          'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: postgres\n',
        [`${folder}/.secpolicy.json`]: '{ "rules": { "\\u001b]0;pwned\\u0007": "off" } }',
      });
      const result = run(root, '-f', 'github');
      assert.equal(result.status, 2);
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f]/.test(result.stdout + result.stderr), 'no raw control character');
      assert.ok(result.stdout.includes('file=evil\\x1b[2J\\x07/compose.yaml,'), result.stdout);
      assert.equal(result.stderr, 'secpolicy: evil\\x1b[2J\\x07/.secpolicy.json: unknown rule "\\x1b]0;pwned\\x07"\n');
    });

    it('survives a .env expansion bomb: every rule runs, the bound is a finding', () => {
      const lines = ['V0=xx'];
      for (let i = 1; i < 31; i++) lines.push(`V${i}=\${V${i - 1}}\${V${i - 1}}`);
      lines.push('POSTGRES_PASSWORD=postgres');
      const root = tree({
        '.env': `${lines.join('\n')}\n`,
        'compose.yaml':
          'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n      BIG: ${V30}\n',
      });
      const result = run(root, '-f', 'json', 'compose.yaml', '.env');
      assert.equal(result.stderr, '');
      assert.equal(result.status, 1);
      const findings = JSON.parse(result.stdout).files.flatMap(
        (file: { path: string; findings: { ruleId: string }[] }) =>
          file.findings.map((finding) => `${file.path} ${finding.ruleId}`),
      );
      assert.ok(findings.includes('compose.yaml compose/default-password'), findings.join('\n'));
      assert.ok(findings.includes('.env dotenv/default-password'));
      assert.ok(findings.includes('.env dotenv/invalid-line'));
    });

    it('declines YAML and Markdown nested past any real file, saying what the limit is', () => {
      const root = tree({
        'compose.yaml': `a: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
        'SECURITY.md': `${'- > '.repeat(1_500)}x\n`,
      });
      const result = run(root);
      assert.equal(result.status, 2);
      assert.equal(
        result.stderr,
        'secpolicy: SECURITY.md: skipped: lists and block quotes are nested deeper than 100 levels\n' +
          'secpolicy: compose.yaml: skipped: the YAML is nested deeper than 100 levels, more than any Compose file needs\n',
      );
    });
  });

  describe('--fix-dry-run', () => {
    it('masks every secret in the diff, and keeps JSON output parseable with the diff inside', () => {
      // The one unattended fix (staging off) sits among secrets: the diff's context shows them masked.
      const compose = `services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: postgres
      DATABASE_URL: postgres://app:Xk9mQ2vLp7wTz@db/app
      LETSENCRYPT_STAGING: "true"
      API_TOKEN: Zq8kL2vB9xY4wR7pT1mN
    command: redis-server --requirepass Hj3kP9qW2eR5tY8u
    read_only: true
    security_opt: [no-new-privileges:true]
`;
      const root = tree({ 'compose.yaml': compose });
      const stylish = run(root, '--fix-dry-run');
      for (const secret of ['postgres\n', 'Xk9mQ2vLp7wTz', 'Zq8kL2vB9xY4wR7pT1mN', 'Hj3kP9qW2eR5tY8u']) {
        assert.ok(!stylish.stdout.includes(secret), `${secret.trim()} is not shown`);
      }
      assert.ok(stylish.stdout.includes('       POSTGRES_PASSWORD: po******\n'), stylish.stdout);
      const json = run(root, '--fix-dry-run', '-f', 'json');
      const report = JSON.parse(json.stdout);
      assert.match(report.files[0].diff, /^--- compose\.yaml\n\+\+\+ compose\.yaml\n@@ /);
      assert.ok(!report.files[0].diff.includes('Xk9mQ2vLp7wTz'));
      const sarif = run(root, '--fix-dry-run', '-f', 'sarif');
      assert.equal(JSON.parse(sarif.stdout).version, '2.1.0');
      assert.equal(readFileSync(join(root, 'compose.yaml'), 'utf8'), compose);
    });
  });
});
