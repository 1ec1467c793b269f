import assert from 'node:assert/strict';
import { removeTrees, runCli, tree } from '../helpers/cli';

const POLICY = '# Security Policy\n\n## Deployment\n\n- The worker runs as a non-root user.\n';
const COMPOSE = 'services:\n  worker:\n    image: ghcr.io/acme/worker:3.1.0\n    user: root\n';

/** A repository whose policy, in .github/, speaks for the Compose file in deploy/ but not for the one in tests/. */
function repository(): string {
  return tree({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.github/SECURITY.md': POLICY,
    'deploy/compose.yaml': COMPOSE,
    'tests/compose.yaml': COMPOSE,
  });
}

interface JsonFile {
  path: string;
  findings: {
    ruleId: string;
    line: number;
    column: number;
    related?: { path: string; line: number; column: number; message: string }[];
  }[];
}

describe('CLI: broken promises across a folder', () => {
  after(removeTrees);

  it('reports the promise and its breach in both files, each pointing at the other (JSON)', () => {
    const { status, stdout } = runCli(repository(), '--format', 'json', '.');
    assert.equal(status, 1);
    const { files } = JSON.parse(stdout) as { files: JsonFile[] };
    const promises = files.flatMap((file) =>
      file.findings
        .filter((finding) => finding.ruleId.endsWith('/unkept-promise'))
        .map((finding) => ({ path: file.path, line: finding.line, column: finding.column, related: finding.related })),
    );
    assert.deepEqual(promises, [
      {
        path: '.github/SECURITY.md',
        line: 5,
        column: 3,
        related: [
          {
            path: 'deploy/compose.yaml',
            line: 4,
            column: 11,
            endLine: 4,
            endColumn: 15,
            message:
              'Service "worker" runs as root (user: root): whoever takes over its process is root in the container, and root on the host if they get out. Run it as an unprivileged user.',
          },
        ],
      },
      {
        path: 'deploy/compose.yaml',
        line: 4,
        column: 11,
        related: [
          { path: '.github/SECURITY.md', line: 5, column: 3, endLine: 5, endColumn: 38, message: 'The promise' },
        ],
      },
    ]);
  });

  it('gives SARIF relatedLocations', () => {
    const { stdout } = runCli(repository(), '--format', 'sarif', '.');
    const results = (
      JSON.parse(stdout) as {
        runs: {
          results: {
            ruleId: string;
            locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
            relatedLocations?: {
              physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
            }[];
          }[];
        }[];
      }
    ).runs[0].results.filter((result) => result.ruleId.endsWith('/unkept-promise'));
    assert.deepEqual(
      results.map((result) => [
        result.ruleId,
        result.locations[0].physicalLocation.artifactLocation.uri,
        result.relatedLocations?.map(
          (related) => `${related.physicalLocation.artifactLocation.uri}:${related.physicalLocation.region.startLine}`,
        ),
      ]),
      [
        ['policy/unkept-promise', '.github/SECURITY.md', ['deploy/compose.yaml:4']],
        ['compose/unkept-promise', 'deploy/compose.yaml', ['.github/SECURITY.md:5']],
      ],
    );
  });
});
