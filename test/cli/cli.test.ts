import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(cwd: string, ...args: string[]): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'secpolicy-cli-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const GOOD_POLICY =
  '# Security\n\n## Supported Versions\n\nOnly the latest release is supported.\n\n## Reporting\n\nEmail vulnerabilities to security@acme.dev. We acknowledge reports within 2 business days and publish an advisory once a fix is released.\n';

describe('secpolicy CLI (bundled, as a process)', () => {
  const roots: string[] = [];
  const make = (files: Record<string, string | Buffer>) => {
    const root = tree(files);
    roots.push(root);
    return root;
  };

  before(() => assert.ok(existsSync(CLI), `${CLI} is missing: run "npm run build" first`));
  after(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  it('reports findings per file, stylish, and exits 1 on errors', () => {
    const root = make({
      'SECURITY.md': '# Security\n\nTell us.\n',
      'deploy/compose.yaml': 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: postgres\n',
      'node_modules/x/SECURITY.md': '# Ignored\n',
      'README.md': '# Not a policy\n',
    });
    const result = run(root);
    assert.equal(result.stderr, '');
    assert.equal(
      result.stdout,
      [
        'SECURITY.md',
        '  1:1  error    No private channel for reporting a vulnerability: add an email address or a private advisory link.  policy/no-contact',
        '  1:1  info     No disclosure policy: say when and how a fixed vulnerability is made public (advisory, CVE, embargo).  policy/no-disclosure-policy',
        '  1:1  warning  No response timeline: say how soon reporters get an acknowledgement, e.g. "within 3 business days".  policy/no-response-timeline',
        '  1:1  warning  No supported versions: add a table or a statement saying which versions receive security fixes.  policy/no-supported-versions',
        '',
        'deploy/compose.yaml',
        '  4:26  error  POSTGRES_PASSWORD in service "db" is a well-known default password (po******).  compose/default-password',
        '',
        '✖ 5 problems (2 errors, 2 warnings, 1 info)',
        '2 files linted; 5 problems with a fix to review in the editor.',
        '',
      ].join('\n'),
    );
    assert.equal(result.status, 1);
  });

  it('exits 0 with a summary line when everything is clean', () => {
    const root = make({
      'SECURITY.md': GOOD_POLICY,
      'compose.yml':
        'services:\n  web:\n    image: nginx:1.27\n    read_only: true\n    security_opt: [no-new-privileges:true]\n',
    });
    const result = run(root, '.');
    assert.deepEqual(result, { status: 0, stdout: '2 files linted, no problems.\n', stderr: '' });
  });

  it('exits 0 when only warnings are found', () => {
    const root = make({
      'SECURITY.md':
        '# Security\n\nEmail vulnerabilities to security@acme.dev. We publish an advisory for each vulnerability we fix.\n\nOnly the latest release is supported.\n',
    });
    const result = run(root);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /✖ 1 problem \(0 errors, 1 warning, 0 info\)/);
  });

  it('lints an explicitly named file whatever its name, and honours .secpolicy.json', () => {
    const root = make({
      'infra/prod.yml': 'services:\n  cache:\n    command: redis-server --requirepass changeme\n',
      '.secpolicy.json': JSON.stringify({ rules: { 'compose/default-password': 'warning' } }),
    });
    const result = run(root, 'infra/prod.yml');
    assert.equal(result.status, 0);
    assert.equal(
      result.stdout,
      'infra/prod.yml\n  3:41  warning  --requirepass in service "cache" is a well-known default password (ch******).  compose/default-password\n\n✖ 1 problem (0 errors, 1 warning, 0 info)\n1 file linted; 1 problem with a fix to review in the editor.\n',
    );
  });

  it('names a missing path and a binary file on stderr, lints the rest, and exits 2', () => {
    const root = make({ 'SECURITY.md': GOOD_POLICY, 'bin/compose.yaml': Buffer.from([0x73, 0x00, 0x01]) });
    const result = run(root, '.', 'missing');
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '1 file linted, no problems.\n');
    assert.equal(
      result.stderr,
      'secpolicy: missing: no such file or folder\nsecpolicy: bin/compose.yaml: skipped: binary file\n',
    );
  });

  it('reports an invalid .secpolicy.json and exits 2', () => {
    const root = make({ 'SECURITY.md': GOOD_POLICY, '.secpolicy.json': '{ "rules": { "policy/nope": "off" } }' });
    const result = run(root);
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'secpolicy: .secpolicy.json: unknown rule "policy/nope"\n');
  });

  it('answers --help, --version and rejects unknown options with exit 2', () => {
    const root = make({});
    const help = run(root, '--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: secpolicy \[options\] \[paths\.\.\.\]/);
    const version = run(root, '--version');
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    assert.deepEqual(version, { status: 0, stdout: `${manifest.version}\n`, stderr: '' });
    const unknown = run(root, '--frobnicate');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^secpolicy: Unknown option '--frobnicate'/);
  });

  it('lints an explicitly named .txt file as security.txt, and finds .well-known/security.txt in folders', () => {
    const root = make({
      'published/site-security.txt': 'Contact: mailto:security@acme.dev\n',
      'web/.well-known/security.txt': 'Contact: mailto:security@acme.dev\nExpires: 2099-01-01T00:00:00Z\n',
    });
    const named = run(root, 'published/site-security.txt');
    assert.equal(named.status, 1);
    assert.match(named.stdout, /^published\/site-security\.txt\n {2}1:1 {2}error {2}No Expires field/);
    const walked = run(root, 'web');
    assert.match(walked.stdout, /^web\/\.well-known\/security\.txt\n/);
  });

  it('reports the bundled examples with exit 1', () => {
    const result = run(join(__dirname, '..', '..'), 'examples');
    assert.equal(result.status, 1);
    for (const rule of [
      'policy/no-contact',
      'policy/no-response-timeline',
      'policy/no-supported-versions',
      'compose/default-password',
      'compose/docker-socket',
      'compose/acme-staging',
    ]) {
      assert.ok(result.stdout.includes(`  ${rule}\n`), `examples report ${rule}`);
    }
  });
});
