import assert from 'node:assert/strict';
import { lintText } from '../../../../server/src/rules';
import { composeSide, deploymentFacts, policy, policySide } from '../../../helpers/promises';
const BACKEND_ROOT = `services:
  backend:
    image: ghcr.io/acme/backend:1.2.0
    user: root
  frontend:
    build: ./frontend
  api:
    image: ghcr.io/acme/api:1.2.0
`;

describe('policy/unkept-promise: a policy checked against its Compose files', () => {
  it('non-root for named services: an explicit root user breaks it, a service built here or not named does not', () => {
    const text = policy('Backend and frontend run as non-root users.');
    assert.deepEqual(policySide(text, BACKEND_ROOT), [
      ['warning', 'broken', 'Backend and frontend run as non-root users.', ['root']],
    ]);
    assert.deepEqual(composeSide(text, BACKEND_ROOT), [
      ['warning', 'root', 'Backend and frontend run as non-root users.'],
    ]);
  });

  it('non-root for a named service with no user: and an image from elsewhere: the image default user breaks it', () => {
    const compose = 'services:\n  worker:\n    image: ghcr.io/acme/worker:3.1.0\n';
    const text = policy('The worker runs as a non-root user.');
    assert.deepEqual(policySide(text, compose), [
      ['warning', 'broken', 'The worker runs as a non-root user.', ['worker']],
    ]);
    const kept = 'services:\n  worker:\n    image: ghcr.io/acme/worker:3.1.0\n    user: "1000:1000"\n';
    assert.deepEqual(policySide(text, kept), []);
    assert.deepEqual(composeSide(text, kept), []);
  });

  it('the Docker socket read-only: a writable mount breaks it, a :ro mount keeps it', () => {
    const text = policy('The Docker socket is mounted read-only.');
    const writable =
      'services:\n  agent:\n    image: ghcr.io/acme/agent:1.0.0\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n';
    assert.deepEqual(policySide(text, writable), [
      ['warning', 'broken', 'The Docker socket is mounted read-only.', ['/var/run/docker.sock:/var/run/docker.sock']],
    ]);
    assert.deepEqual(policySide(text, writable.replace('docker.sock\n', 'docker.sock:ro\n')), []);
  });

  it('only one service publishes ports: another on every interface breaks it, one on loopback does not', () => {
    const text = policy('Only nginx exposes ports to the host.');
    const compose = `services:
  proxy:
    image: nginx:1.27
    ports: ["443:443"]
  db:
    image: postgres:16.4
    ports:
      - "5432:5432"
  cache:
    image: redis:7.4
    ports:
      - "127.0.0.1:6379:6379"
`;
    assert.deepEqual(policySide(text, compose), [
      ['warning', 'broken', 'Only nginx exposes ports to the host.', ['5432:5432']],
    ]);
    assert.deepEqual(composeSide(text, compose), [['warning', '5432:5432', 'Only nginx exposes ports to the host.']]);
  });

  it('capabilities dropped: a service without cap_drop [ALL] breaks it', () => {
    const text = policy('All containers drop all capabilities.');
    const compose =
      'services:\n  app:\n    image: ghcr.io/acme/app:1.0.0\n    cap_drop: [ALL]\n  db:\n    image: postgres:16.4\n';
    assert.deepEqual(policySide(text, compose), [
      ['warning', 'broken', 'All containers drop all capabilities.', ['db']],
    ]);
  });

  it('a promise is checked even when the Compose rule that finds the breach is turned off', () => {
    const text = policy('Backend and frontend run as non-root users.');
    const config = { rules: { 'compose/runs-as-root': 'off' as const } };
    const findings = lintText('policy', text, { facts: deploymentFacts(BACKEND_ROOT), config }).findings;
    assert.deepEqual(
      findings.filter((finding) => finding.ruleId === 'policy/unkept-promise').map((finding) => finding.messageId),
      ['broken'],
    );
  });

  it('a promise naming services the deployment does not have says so, at info', () => {
    const text = policy('Only caddy exposes ports to the host.');
    const compose = 'services:\n  web:\n    image: nginx:1.27\n    ports: ["80:80"]\n';
    const [finding, ...rest] = lintText('policy', text, { facts: deploymentFacts(compose) }).findings.filter(
      (candidate) => candidate.ruleId === 'policy/unkept-promise',
    );
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'info');
    assert.equal(finding.messageId, 'unknownServices');
    assert.equal(
      finding.message,
      'This promise names "caddy", but the Compose files (compose.yaml) have no such service: name the services as the deployment does.',
    );
    assert.deepEqual(composeSide(text, compose), []);
  });

  it('nothing without promises, without Compose files, or with a deployment that keeps them', () => {
    assert.deepEqual(policySide(policy('Report issues to security@acme.example.'), BACKEND_ROOT), []);
    const none = lintText('policy', policy('No container runs as root.'), { facts: { deployment: () => [] } }).findings;
    assert.deepEqual(
      none.filter((finding) => finding.ruleId === 'policy/unkept-promise'),
      [],
    );
    const kept = 'services:\n  app:\n    image: ghcr.io/acme/app:1.0.0\n    user: "1000"\n';
    assert.deepEqual(policySide(policy('No container runs as root.'), kept), []);
    assert.deepEqual(composeSide(policy('No container runs as root.'), kept), []);
  });
});
