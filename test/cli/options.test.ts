import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const SARIF_SCHEMA = join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const roots: string[] = [];
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'secpolicy-cli-'));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const COMPOSE = `services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: postgres # the default
      LETSENCRYPT_STAGING: "true"
    read_only: true
    security_opt: [no-new-privileges:true]
  agent:
    image: acme/agent:1
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock
    read_only: true
    security_opt: [no-new-privileges:true]
`;
// Only staging is fixed unattended: the password needs a person to choose it, and the socket's
// fix (a filtering proxy) changes how the agent reaches Docker; both wait for review.
const FIXED_COMPOSE = COMPOSE.replace('LETSENCRYPT_STAGING: "true"', 'LETSENCRYPT_STAGING: "false"');
const POLICY_WITHOUT_CONTACT =
  '# Security\n\nWe reply within 3 days and publish an advisory for each fix. Only the latest release is supported.\n';

describe('secpolicy CLI options', () => {
  before(() => assert.ok(existsSync(CLI), `${CLI} is missing: run "npm run build" first`));
  after(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  describe('--format json', () => {
    it('prints every finding with positions, fixes and totals', () => {
      const root = tree({ 'compose.yaml': 'services:\n  db:\n    environment:\n      - MYSQL_PASSWORD=root\n' });
      const result = run(root, '--format', 'json');
      assert.equal(result.status, 1);
      assert.deepEqual(JSON.parse(result.stdout), {
        files: [
          {
            path: 'compose.yaml',
            fixed: 0,
            findings: [
              {
                ruleId: 'compose/default-password',
                severity: 'error',
                message: 'MYSQL_PASSWORD in service "db" is a well-known default password (****).',
                line: 4,
                column: 24,
                endLine: 4,
                endColumn: 28,
                fixes: [
                  {
                    title: 'Require MYSQL_PASSWORD from the environment (${MYSQL_PASSWORD:?…})',
                    edits: [{ start: 56, end: 60, newText: '${MYSQL_PASSWORD:?set MYSQL_PASSWORD in .env}' }],
                  },
                ],
              },
            ],
            suppressed: [],
          },
        ],
        problems: [],
        summary: { errors: 1, warnings: 0, infos: 0 },
      });
    });
  });

  describe('--format github', () => {
    it('writes one annotation per finding and read problem, escaped, with a summary line', () => {
      const root = tree({
        // A comma in a folder name would split the properties of the command unless escaped.
        'deploy,prod/compose.yaml': COMPOSE,
        'SECURITY.md': '# Security\n\nWe reply within 3 days. Only the latest release is supported.\n',
        '.env': 'A=1\n\u0000\u0001binary\n',
      });
      const result = run(root, '--format', 'github');
      assert.equal(result.status, 2, 'a file that could not be read fails the run');
      assert.equal(
        result.stdout,
        [
          '::error file=SECURITY.md,line=1,endLine=1,col=1,endColumn=11,title=policy/no-contact::No private channel for reporting a vulnerability: add an email address or a private advisory link.',
          '::notice file=SECURITY.md,line=1,endLine=1,col=1,endColumn=11,title=policy/no-disclosure-policy::No disclosure policy: say when and how a fixed vulnerability is made public (advisory, CVE, embargo).',
          '::error file=deploy%2Cprod/compose.yaml,line=5,endLine=5,col=26,endColumn=34,title=compose/default-password::POSTGRES_PASSWORD in service "db" is a well-known default password (po******).',
          '::warning file=deploy%2Cprod/compose.yaml,line=6,endLine=6,col=7,endColumn=34,title=compose/acme-staging::LETSENCRYPT_STAGING in service "db" turns on the Let\'s Encrypt staging CA: browsers will not trust its certificates.',
          '::error file=deploy%2Cprod/compose.yaml,line=12,endLine=12,col=9,endColumn=50,title=compose/docker-socket::Service "agent" mounts the container runtime socket /var/run/docker.sock writable: the container can control the host.',
          '::error file=.env,title=secpolicy::skipped: binary file',
          'secpolicy: 3 errors, 1 warning, 1 info',
          '',
        ].join('\n'),
      );
    });
  });

  describe('--format sarif', () => {
    it('writes SARIF 2.1.0 that validates against the official schema, with rules, regions and fixes', () => {
      const root = tree({ 'deploy/compose.yaml': COMPOSE, 'SECURITY.md': POLICY_WITHOUT_CONTACT });
      const result = run(root, '--format', 'sarif', '--output', 'report.sarif');
      assert.equal(result.status, 1);
      assert.equal(result.stdout, '');
      const log = JSON.parse(readFileSync(join(root, 'report.sarif'), 'utf8')) as {
        runs: {
          tool: { driver: { rules: { id: string }[] } };
          results: { ruleId: string; level: string; locations: { physicalLocation: unknown }[]; fixes?: unknown }[];
        }[];
      };
      const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
      addFormats(ajv);
      const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));

      const [run0] = log.runs;
      const rule = run0.tool.driver.rules.find((entry) => entry.id === 'compose/docker-socket');
      assert.deepEqual(rule, {
        id: 'compose/docker-socket',
        name: 'compose/docker-socket',
        shortDescription: {
          text: 'A container runtime socket (or its folder) is mounted into a container, giving it control of the host.',
        },
        helpUri: 'https://github.com/secpolicy/secpolicy/blob/main/docs/rules/compose/docker-socket.md',
        defaultConfiguration: { level: 'error', enabled: true },
      });
      const socket = run0.results.find((entry) => entry.ruleId === 'compose/docker-socket')!;
      assert.deepEqual(socket.locations[0].physicalLocation, {
        artifactLocation: { uri: 'deploy/compose.yaml', uriBaseId: '%SRCROOT%' },
        region: { startLine: 12, startColumn: 9, endLine: 12, endColumn: 50 },
      });
      assert.deepEqual(socket.fixes, [
        {
          description: {
            text: 'Move the socket to a filtering proxy service "docker-socket-proxy" and point "agent" at it (review the API sections it allows)',
          },
          artifactChanges: [
            {
              artifactLocation: { uri: 'deploy/compose.yaml', uriBaseId: '%SRCROOT%' },
              replacements: [
                {
                  deletedRegion: { startLine: 10, startColumn: 24, endLine: 10, endColumn: 24 },
                  insertedContent: {
                    text: '\n    environment:\n      DOCKER_HOST: tcp://docker-socket-proxy:2375\n    networks:\n      - default\n      - docker-socket-proxy',
                  },
                },
                {
                  deletedRegion: { startLine: 11, startColumn: 1, endLine: 13, endColumn: 1 },
                  insertedContent: { text: '' },
                },
                {
                  deletedRegion: { startLine: 15, startColumn: 1, endLine: 15, endColumn: 1 },
                  insertedContent: {
                    text: [
                      '  docker-socket-proxy:',
                      '    image: tecnativa/docker-socket-proxy:0.3',
                      '    environment:',
                      '      CONTAINERS: 1 # enable only the API sections "agent" needs',
                      '      POST: 0 # refuse every request that changes something',
                      '    volumes:',
                      '      - /var/run/docker.sock:/var/run/docker.sock:ro',
                      '    security_opt:',
                      '      - no-new-privileges:true',
                      '    networks:',
                      '      - docker-socket-proxy',
                      'networks:',
                      '  docker-socket-proxy:',
                      '    internal: true',
                      '',
                    ].join('\n'),
                  },
                },
              ],
            },
          ],
        },
      ]);
      assert.deepEqual(
        run0.results.map((entry) => [entry.ruleId, entry.level]),
        [
          ['policy/no-contact', 'error'],
          ['compose/default-password', 'error'],
          ['compose/acme-staging', 'warning'],
          ['compose/docker-socket', 'error'],
        ],
      );
    });
  });

  describe('--fix', () => {
    it('applies unattended fixes, writes the file, and reports what remains', () => {
      const root = tree({ 'compose.yaml': COMPOSE, 'SECURITY.md': POLICY_WITHOUT_CONTACT });
      const result = run(root, '--fix');
      assert.equal(readFileSync(join(root, 'compose.yaml'), 'utf8'), FIXED_COMPOSE);
      // The contact fix writes a placeholder a person must edit: --fix leaves it to the editor.
      assert.equal(readFileSync(join(root, 'SECURITY.md'), 'utf8'), POLICY_WITHOUT_CONTACT);
      assert.equal(
        result.stdout,
        [
          'Fixed 1 problem in compose.yaml.',
          'SECURITY.md',
          '  1:1  error  No private channel for reporting a vulnerability: add an email address or a private advisory link.  policy/no-contact',
          '',
          'compose.yaml',
          '  5:26  error  POSTGRES_PASSWORD in service "db" is a well-known default password (po******).  compose/default-password',
          '  12:9  error  Service "agent" mounts the container runtime socket /var/run/docker.sock writable: the container can control the host.  compose/docker-socket',
          '',
          '✖ 3 problems (3 errors, 0 warnings, 0 info)',
          '2 files linted; 3 problems with a fix to review in the editor.',
          '',
        ].join('\n'),
      );
      assert.equal(result.status, 1);
      assert.deepEqual(readdirSync(root).sort(), ['SECURITY.md', 'compose.yaml']);
    });

    it('--fix-dry-run prints a diff with the secrets masked, and writes nothing', () => {
      const root = tree({ 'compose.yaml': COMPOSE });
      const result = run(root, '--fix-dry-run', '--quiet');
      assert.equal(readFileSync(join(root, 'compose.yaml'), 'utf8'), COMPOSE);
      assert.ok(result.stdout.startsWith('--- compose.yaml\n+++ compose.yaml\n@@ -3,7 +3,7 @@\n'), result.stdout);
      assert.ok(result.stdout.includes('       POSTGRES_PASSWORD: po****** # the default\n'));
      assert.ok(!result.stdout.includes('postgres # the default'), 'the password itself is not shown');
      assert.ok(result.stdout.includes('-      LETSENCRYPT_STAGING: "true"\n+      LETSENCRYPT_STAGING: "false"\n'));
      // The socket's fix waits for review: the dry run leaves the mount, which stays an error (":ro" would not help).
      assert.ok(!result.stdout.includes('docker.sock:ro'));
      assert.ok(
        result.stdout.endsWith(
          [
            'Would fix 1 problem in compose.yaml.',
            'compose.yaml',
            '  5:26  error  POSTGRES_PASSWORD in service "db" is a well-known default password (po******).  compose/default-password',
            '  12:9  error  Service "agent" mounts the container runtime socket /var/run/docker.sock writable: the container can control the host.  compose/docker-socket',
            '',
            '✖ 2 problems (2 errors, 0 warnings, 0 info)',
            '1 file linted; 2 problems with a fix to review in the editor.',
            '',
          ].join('\n'),
        ),
        result.stdout,
      );
      assert.equal(result.status, 1);
    });

    it('writes nothing when any file fails', () => {
      const root = tree({ 'compose.yaml': COMPOSE, '.secpolicy.json': '{ "rules": { "compose/nope": "off" } }' });
      const result = run(root, '--fix');
      assert.equal(result.status, 2);
      assert.equal(readFileSync(join(root, 'compose.yaml'), 'utf8'), COMPOSE);
      assert.equal(
        result.stderr,
        'secpolicy: .secpolicy.json: unknown rule "compose/nope"\nsecpolicy: no file was fixed because of the problems above\n',
      );
    });
  });

  describe('severity and exit code options', () => {
    const policy =
      '# Security\n\nEmail vulnerabilities to security@acme.dev. We publish an advisory for each vulnerability we fix.\n';

    it('--max-warnings turns too many warnings into exit 1', () => {
      const root = tree({ 'SECURITY.md': policy });
      assert.equal(run(root, '--max-warnings', '2').status, 0);
      const over = run(root, '--max-warnings', '1');
      assert.equal(over.status, 1);
      assert.equal(over.stderr, 'secpolicy: 2 warnings, more than --max-warnings 1\n');
      assert.equal(run(root, '--max-warnings', 'many').status, 2);
    });

    it('--fail-on fails the run on warnings or infos too, and names the level', () => {
      const root = tree({ 'SECURITY.md': policy });
      assert.equal(run(root).status, 0);
      const warning = run(root, '--fail-on', 'warning');
      assert.deepEqual(
        [warning.status, warning.stderr],
        [1, 'secpolicy: failing on warning: 2 findings at that level or above\n'],
      );
      assert.equal(run(root, '--fail-on', 'info').status, 1);
      const wrong = run(root, '--fail-on', 'notice');
      assert.deepEqual(
        [wrong.status, wrong.stderr.split('\n')[0]],
        [2, 'secpolicy: --fail-on must be error, warning or info, not "notice"'],
      );
    });

    it('a finding turned off with a reason is reported as suppressed, and never fails the run', () => {
      const root = tree({
        'compose.yaml':
          'services:\n  proxy:\n    image: traefik:v3.1\n    volumes:\n      # secpolicy-disable-next-line compose/docker-socket -- Traefik reads container labels\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n    read_only: true\n    security_opt: [no-new-privileges:true]\n',
      });
      const json = run(root, '-f', 'json');
      assert.equal(json.status, 0);
      const [file] = (JSON.parse(json.stdout) as { files: { findings: unknown[]; suppressed: unknown[] }[] }).files;
      assert.deepEqual(file.findings, []);
      assert.deepEqual(
        file.suppressed.map((finding) => {
          const { ruleId, line, column, justification } = finding as Record<string, unknown>;
          return { ruleId, line, column, justification };
        }),
        [{ ruleId: 'compose/docker-socket', line: 6, column: 9, justification: 'Traefik reads container labels' }],
      );

      const sarif = run(root, '-f', 'sarif');
      assert.equal(sarif.status, 0);
      const log = JSON.parse(sarif.stdout) as {
        runs: { results: { ruleId: string; suppressions?: unknown; fixes?: unknown }[] }[];
      };
      const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
      addFormats(ajv);
      assert.ok(ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')))(log));
      assert.deepEqual(
        log.runs[0].results.map((result) => [result.ruleId, result.suppressions, result.fixes]),
        [['compose/docker-socket', [{ kind: 'inSource', justification: 'Traefik reads container labels' }], undefined]],
      );
    });

    it('--quiet reports errors only', () => {
      const root = tree({ 'SECURITY.md': policy });
      assert.deepEqual(run(root, '--quiet'), { status: 0, stdout: '1 file linted, no problems.\n', stderr: '' });
    });

    it('--rule re-levels a rule, and an unknown rule is a usage error', () => {
      const root = tree({ 'SECURITY.md': policy });
      const result = run(
        root,
        '--rule',
        'policy/no-supported-versions:error',
        '--rule',
        'policy/no-response-timeline:off',
      );
      assert.equal(result.status, 1);
      assert.match(result.stdout, /1:1 {2}error {2}No supported versions/);
      assert.doesNotMatch(result.stdout, /no-response-timeline/);
      const unknown = run(root, '--rule', 'policy/nope:off');
      assert.equal(unknown.status, 2);
      assert.equal(
        unknown.stderr,
        'secpolicy: --rule policy/nope:off: unknown rule "policy/nope"\nRun "secpolicy --help" for usage.\n',
      );
    });

    it('--config replaces the nearest .secpolicy.json, and --print-config shows the result', () => {
      const root = tree({
        'SECURITY.md': policy,
        '.secpolicy.json': '{ "rules": { "policy/no-response-timeline": "error" } }',
        'ci.json': '{ "rules": { "policy/no-response-timeline": "off", "policy/no-supported-versions": "off" } }',
      });
      assert.equal(run(root).status, 1);
      assert.deepEqual(run(root, '--config', 'ci.json'), {
        status: 0,
        stdout: '1 file linted, no problems.\n',
        stderr: '',
      });
      const printed = run(root, '--print-config', 'SECURITY.md', '--rule', 'compose/acme-staging:error');
      assert.equal(printed.status, 0);
      const { preset, rules } = JSON.parse(printed.stdout);
      assert.equal(preset, 'recommended');
      assert.equal(rules['policy/no-response-timeline'], 'error');
      assert.equal(rules['compose/acme-staging'], 'error');
      assert.equal(rules['policy/no-contact'], 'error');
      assert.equal(rules['compose/unpinned-image'], 'off');
      const missing = run(root, '--config', 'nope.json');
      assert.deepEqual(missing, {
        status: 2,
        stdout: '',
        stderr: 'secpolicy: nope.json: config file could not be read: no such file\n',
      });
    });

    it('--print-config shows the preset of .secpolicy.json and the severities it gives, rules entries winning', () => {
      const root = tree({
        '.secpolicy.json': '{ "preset": "strict", "rules": { "compose/unpinned-image": "off" } }',
        'compose.yaml': 'services:\n  web:\n    image: nginx\n',
      });
      const printed = run(root, '--print-config', 'compose.yaml');
      assert.equal(printed.status, 0);
      const { config, preset, rules } = JSON.parse(printed.stdout);
      assert.deepEqual(
        [
          config,
          preset,
          rules['compose/no-new-privileges'],
          rules['policy/no-safe-harbor'],
          rules['compose/unpinned-image'],
        ],
        ['.secpolicy.json', 'strict', 'info', 'info', 'off'],
      );
      const ids = JSON.parse(run(root, '--format', 'json').stdout).files[0].findings.map(
        (finding: { ruleId: string }) => finding.ruleId,
      );
      assert.deepEqual(ids, ['compose/no-new-privileges', 'compose/writable-root-filesystem']);
    });

    it('--list-rules lists every rule with its default severity', () => {
      const result = run(tree({}), '--list-rules');
      assert.equal(result.status, 0);
      assert.match(result.stdout, /^compose\/docker-socket +error +A container runtime socket/m);
      assert.match(result.stdout, /^policy\/no-response-timeline +warning +/m);
    });
  });

  describe('discovery', () => {
    it('honours .gitignore and --ignore, and skips node_modules', () => {
      const root = tree({
        '.gitignore': 'build/\n*.local.yml\n',
        'build/compose.yaml': COMPOSE,
        'compose.local.yml': COMPOSE,
        'vendor/compose.yaml': COMPOSE,
        'node_modules/pkg/compose.yaml': COMPOSE,
        'app/compose.yaml':
          'services:\n  web:\n    image: nginx:1.27\n    read_only: true\n    security_opt: [no-new-privileges:true]\n',
      });
      assert.deepEqual(run(root, '--ignore', 'vendor/'), {
        status: 0,
        stdout: '1 file linted, no problems.\n',
        stderr: '',
      });
      assert.equal(run(root).status, 1);
    });
  });

  describe('init', () => {
    it('writes SECURITY.md from a template that lints clean, and refuses to overwrite', () => {
      const root = tree({ 'package.json': JSON.stringify({ name: 'acme-app', version: '3.1.4' }) });
      const created = run(root, 'init', '--template', 'comprehensive', '--contact', 'security@acme.dev');
      assert.deepEqual(created, {
        status: 0,
        stdout: 'Wrote SECURITY.md (comprehensive template) for acme-app.\n',
        stderr: '',
      });
      const text = readFileSync(join(root, 'SECURITY.md'), 'utf8');
      assert.ok(text.startsWith('# Security Policy for acme-app\n'));
      assert.ok(text.includes('| 3.1.x | ✅ |'));
      assert.deepEqual(run(root, 'SECURITY.md'), { status: 0, stdout: '1 file linted, no problems.\n', stderr: '' });

      const again = run(root, 'init', '--contact', 'security@acme.dev');
      assert.deepEqual(again, {
        status: 2,
        stdout: '',
        stderr: 'secpolicy init: SECURITY.md already exists; use --force to overwrite it\n',
      });
      assert.equal(run(root, 'init', '--contact', 'security@acme.dev', '--template', 'minimal', '--force').status, 0);
    });

    it('replaces the policy GitHub shows, in .github/ before the root, and only with --force', () => {
      const root = tree({ '.github/SECURITY.md': '# Old\n', 'SECURITY.md': '# Older\n' });
      assert.deepEqual(run(root, 'init', '--contact', 'security@acme.dev'), {
        status: 2,
        stdout: '',
        stderr: 'secpolicy init: .github/SECURITY.md already exists; use --force to overwrite it\n',
      });
      const forced = run(root, 'init', '--contact', 'security@acme.dev', '--project', 'Acme', '--force');
      assert.deepEqual(forced, {
        status: 0,
        stdout: 'Wrote .github/SECURITY.md (standard template) for Acme.\n',
        stderr: '',
      });
      assert.ok(readFileSync(join(root, '.github', 'SECURITY.md'), 'utf8').startsWith('# Security Policy for Acme\n'));
      assert.equal(readFileSync(join(root, 'SECURITY.md'), 'utf8'), '# Older\n');
    });

    it('validates the contact and the template', () => {
      const root = tree({});
      assert.deepEqual(run(root, 'init', '--contact', 'http://acme.dev'), {
        status: 2,
        stdout: '',
        stderr: 'secpolicy init: --contact: Use an https:// URL so reports travel encrypted.\n',
      });
      assert.equal(run(root, 'init', '--contact', 'a@b.dev', '--template', 'huge').status, 2);
      assert.equal(run(root, 'init').status, 2);
      assert.equal(existsSync(join(root, 'SECURITY.md')), false);
    });
  });
});
