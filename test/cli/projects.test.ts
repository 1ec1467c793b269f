import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { CLI, removeTrees, runCli, tree } from '../helpers/cli';

/** Compose projects of several files, linted as `docker compose` builds them. */
interface JsonFinding {
  ruleId: string;
  line: number;
  message: string;
  related?: { path: string; line: number; message: string }[];
}

/** `path:line ruleId` for each finding of the JSON report, hardening rules left out. */
function findings(root: string, ...args: string[]): string[] {
  const result = runCli(root, '-f', 'json', ...args);
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  const report = JSON.parse(result.stdout) as { files: { path: string; findings: JsonFinding[] }[] };
  return report.files.flatMap((file) =>
    file.findings
      .filter((finding) => !/no-new-privileges|writable-root-filesystem|unpinned-image/.test(finding.ruleId))
      .map((finding) => `${file.path}:${finding.line} ${finding.ruleId}`),
  );
}

const HARDENED = '    read_only: true\n    security_opt: [no-new-privileges:true]\n';

describe('CLI: Compose projects of several files', () => {
  before(() => assert.ok(existsSync(CLI), `${CLI} is missing: run "npm run build" first`));
  after(removeTrees);

  it('an override decides the values it sets, and completes the services it adds to', () => {
    const root = tree({
      'compose.yaml': `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: postgres\n    privileged: true\n  app:\n    image: acme/app:1.2\n`,
      'compose.override.yaml': `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:?set it}\n    privileged: false\n${HARDENED}  app:\n${HARDENED}`,
      // The hardening rules are on only under the strict preset.
      '.secpolicy.json': '{ "preset": "strict" }',
    });
    assert.deepEqual(findings(root), [], 'nothing the override replaces or completes is reported');
    const all = runCli(root, '-f', 'json');
    const ids = JSON.parse(all.stdout).files.flatMap((file: { findings: JsonFinding[] }) =>
      file.findings.map((finding) => finding.ruleId),
    );
    assert.ok(!ids.includes('compose/writable-root-filesystem'), 'read_only in the override counts for the service');
  });

  it('an include and an extended file in another folder are linted, each at its own lines', () => {
    const root = tree({
      'compose.yaml': `include:\n  - db/compose.yaml\nservices:\n  app:\n    extends:\n      file: common/base.yml\n      service: web\n${HARDENED}`,
      'db/compose.yaml': `services:\n  db:\n    image: postgres:16\n    privileged: true\n${HARDENED}`,
      'common/base.yml': `services:\n  web:\n    image: nginx:1.27\n    user: root\n`,
    });
    assert.deepEqual(findings(root, 'compose.yaml'), [
      'db/compose.yaml:4 compose/privileged',
      'common/base.yml:4 compose/runs-as-root',
    ]);
  });

  it('env_file values reach the services, at the env_file line and pointing at the value; a missing optional file is fine', () => {
    const root = tree({
      'compose.yaml': `services:\n  db:\n    image: postgres:16\n    env_file:\n      - db.env\n      - path: local.env\n        required: false\n${HARDENED}`,
      'db.env': 'POSTGRES_USER=app\nPOSTGRES_PASSWORD=postgres\n',
    });
    const result = JSON.parse(runCli(root, '-f', 'json').stdout) as {
      files: { path: string; findings: JsonFinding[] }[];
    };
    const compose = result.files.find((file) => file.path === 'compose.yaml')!;
    const weak = compose.findings.find((finding) => finding.ruleId === 'compose/default-password')!;
    assert.equal(weak.line, 5);
    assert.equal(
      weak.message,
      'POSTGRES_PASSWORD in service "db" is a well-known default password (po******) from db.env line 2.',
    );
    assert.deepEqual(weak.related, [
      { path: 'db.env', line: 2, column: 19, endLine: 2, endColumn: 27, message: 'POSTGRES_PASSWORD is set here' },
    ]);
    assert.deepEqual(
      result.files.find((file) => file.path === 'db.env')!.findings.map((finding) => finding.ruleId),
      ['dotenv/default-password'],
    );
  });

  it('a base file or env_file that cannot be read is reported where it is named, never silence', () => {
    const root = tree({
      'compose.yaml': `services:\n  app:\n    extends:\n      file: ../outside/base.yml\n      service: web\n    env_file: app.env\n${HARDENED}`,
    });
    assert.deepEqual(findings(root), [
      'compose.yaml:4 compose/missing-reference',
      'compose.yaml:6 compose/missing-reference',
    ]);
  });

  it('a service under a profile is part of the project, and Compose files and fragments under other names are found', () => {
    const root = tree({
      'docker-compose.yml': `services:\n  app:\n    image: acme/app:1.2\n${HARDENED}  debug:\n    image: busybox:1.36\n    profiles: [debug]\n    privileged: true\n${HARDENED}`,
      'jibri.yml': `services:\n  jibri:\n    image: jitsi/jibri:stable\n    cap_add:\n      - SYS_ADMIN\n${HARDENED}`,
      // A fragment used with `docker compose -f compose.yml -f podman.yml`: no image, only additions.
      'podman.yml': 'services:\n  collector:\n    security_opt:\n      - label=disable\n',
      'k8s/deployment.yml': 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template: {}\n',
      // A dashboard's own list of services is not Compose.
      'config/services.yaml': 'services:\n  - name: Grafana\n    href: http://grafana:3000\n',
    });
    assert.deepEqual(findings(root), [
      'docker-compose.yml:9 compose/privileged',
      'jibri.yml:5 compose/dangerous-capability',
      'podman.yml:4 compose/unconfined-profile',
    ]);
  });
});
