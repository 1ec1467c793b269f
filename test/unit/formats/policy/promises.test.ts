import assert from 'node:assert/strict';
import { parsePolicy } from '../../../../server/src/formats/policy/parse';

/** The promises of a policy, as kind, services, hedged and the text they were read from. */
function promises(markdown: string): [string, string[], boolean, string][] {
  return parsePolicy(markdown).promises.map((promise) => [
    promise.kind,
    promise.services,
    promise.hedged,
    promise.text,
  ]);
}

describe('policy model: deployment promises', () => {
  const cases: [string, [string, string[], boolean, string][]][] = [
    [
      '- Backend and frontend run as non-root users.',
      [['non-root', ['backend', 'frontend'], false, 'Backend and frontend run as non-root users.']],
    ],
    [
      '- **Non-root Containers**: The worker runs as user 1000.',
      [['non-root', ['worker'], false, 'Non-root Containers: The worker runs as user 1000.']],
    ],
    ['No container runs as root.', [['non-root', [], false, 'No container runs as root.']]],
    ['We run as root.', []],
    ['We do not run containers as non-root users.', []],
    [
      'Containers use read-only root filesystems where possible.',
      [['read-only-root', [], true, 'Containers use read-only root filesystems where possible.']],
    ],
    [
      'The agent requires Docker socket access (read-only).',
      [['socket-read-only', ['agent'], false, 'The agent requires Docker socket access (read-only).']],
    ],
    ['We never mount the Docker socket.', [['no-socket', [], false, 'We never mount the Docker socket.']]],
    [
      'Traefik reaches the Docker socket only through a socket proxy.',
      [['socket-proxy', ['traefik'], false, 'Traefik reaches the Docker socket only through a socket proxy.']],
    ],
    [
      'Only nginx exposes ports to the host.',
      [['only-publishes', ['nginx'], false, 'Only nginx exposes ports to the host.']],
    ],
    [
      'Only caddy and grafana publish ports.',
      [['only-publishes', ['caddy', 'grafana'], false, 'Only caddy and grafana publish ports.']],
    ],
    [
      'Internal services use an isolated Docker network.',
      [['internal-not-published', [], false, 'Internal services use an isolated Docker network.']],
    ],
    [
      'Change the default Postgres and Redis passwords before the first start.',
      [
        [
          'no-default-credentials',
          [],
          false,
          'Change the default Postgres and Redis passwords before the first start.',
        ],
      ],
    ],
    ['Generate a strong JWT secret.', [['no-default-credentials', [], false, 'Generate a strong JWT secret.']]],
    [
      'Set LETSENCRYPT_STAGING=false for real certificates.',
      [['production-certificates', [], false, 'Set LETSENCRYPT_STAGING=false for real certificates.']],
    ],
    [
      "The Let's Encrypt staging mode is turned off in production.",
      [['production-certificates', [], false, "The Let's Encrypt staging mode is turned off in production."]],
    ],
    ['The database is not exposed.', [['internal-not-published', [], false, 'The database is not exposed.']]],
    ['No privileged containers.', [['no-privileged', [], false, 'No privileged containers.']]],
    ['All images are pinned by digest.', [['pinned-images', [], false, 'All images are pinned by digest.']]],
    // Look-alikes: a heading names a topic, a table cell lists image tags, another language promises nothing here.
    ['## Non-root containers\n\nSee the deployment guide.', []],
    ['| Tag | Base |\n| --- | --- |\n| 2-rootless | debian |', []],
    ['Les conteneurs ne tournent pas en root.', []],
  ];
  for (const [markdown, expected] of cases) {
    it(`reads ${JSON.stringify(markdown.slice(0, 60))}`, () => {
      assert.deepEqual(promises(markdown), expected);
    });
  }

  it('keeps a promise said twice once, where it is first made, with its source range', () => {
    const text = '# Policy\n\n- Change default credentials.\n- Change default credentials again.\n';
    const [promise, ...rest] = parsePolicy(text).promises;
    assert.equal(rest.length, 0);
    assert.equal(text.slice(promise.start, promise.end), 'Change default credentials.');
  });
});
