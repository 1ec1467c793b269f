import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { discover } from '../../../server/src/cli/discover';
import type { CliIo } from '../../../server/src/cli/io';
import { lintTargets } from '../../../server/src/cli/lint';
import { runCli } from '../../../server/src/cli/main';
import { emptyConfig } from '../../../server/src/engine/config';
import { cachedLookups, liveLookups, searchBoundary, type DiskLookups } from '../../../server/src/project/read';
import { removeTrees, tree } from '../../helpers/cli';

const POLICY = '# Security Policy\n\n## Deployment\n\n- The worker runs as a non-root user.\n';
const COMPOSE = 'services:\n  worker:\n    image: ghcr.io/acme/worker:3.1.0\n    user: root\n';

const io: CliIo = { stdout: () => undefined, stderr: () => undefined, color: false, progress: false, cwd: '/' };

/** Look-ups through `disk` that record each folder listed and each path resolved. */
function recording(disk: DiskLookups) {
  const listed: string[] = [];
  const resolved: string[] = [];
  const lookups: DiskLookups = {
    list: (directory) => {
      listed.push(directory);
      return disk.list(directory);
    },
    realPath: (path) => {
      resolved.push(path);
      return disk.realPath(path);
    },
    exists: (path) => disk.exists(path),
  };
  return { lookups, listed, resolved };
}

describe('CLI: the folder look-ups of one run', () => {
  let root: string;
  beforeEach(() => {
    root = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.github/SECURITY.md': POLICY,
      'deploy/compose.yaml': COMPOSE,
      'deploy/compose.override.yaml': 'services:\n  worker:\n    read_only: true\n',
      'deploy/.env': 'TAG=3.1.0\n',
      'tests/compose.yaml': COMPOSE,
    });
  });
  after(removeTrees);

  /** What discover and lintTargets give for the tree, as the CLI runs them. */
  const lint = (lookups: DiskLookups) => {
    const discovered = discover([root], root, [], lookups);
    const run = lintTargets(
      discovered.targets,
      {
        fix: false,
        fixDryRun: false,
        quiet: false,
        configFor: () => emptyConfig(),
        boundary: (directory) => searchBoundary(directory, [root], lookups),
        shown: (path) => relative(root, path),
        lookups,
      },
      io,
    );
    return { discovered, run };
  };

  it('lists each folder once and resolves each path once, the repository among them', () => {
    const { lookups, listed, resolved } = recording(liveLookups);
    lint(cachedLookups(lookups));
    const inRoot = (paths: string[]) => paths.map((path) => relative(root, path) || '.').sort();
    // The walk, the Compose projects, and the policy looked for in each Compose file's folder and above.
    assert.deepEqual(inRoot(listed), [
      '.',
      '.github',
      'deploy',
      'deploy/.github',
      'deploy/docs',
      'docs',
      'tests',
      'tests/.github',
      'tests/docs',
    ]);
    assert.deepEqual(inRoot(resolved), [
      '.',
      '.github/SECURITY.md',
      'deploy/.env',
      'deploy/compose.override.yaml',
      'deploy/compose.yaml',
      'tests/compose.yaml',
    ]);
  });

  it('finds what the uncached look-ups find, which list folders again for each file', () => {
    const uncached = recording(liveLookups);
    const cached = lint(cachedLookups());
    assert.deepEqual(cached, lint(uncached.lookups));
    const promises = cached.run.files.flatMap((file) =>
      file.findings.filter((finding) => finding.ruleId.endsWith('/unkept-promise')).map(() => file.path),
    );
    assert.deepEqual(promises, ['.github/SECURITY.md', 'deploy/compose.yaml']);
    assert.equal(uncached.listed.filter((directory) => directory === root).length, 4);
  });

  it('keeps its look-ups for one run: the next run sees a file created since', () => {
    const linted = () => {
      let output = '';
      runCli(['--format', 'json', '.'], { ...io, cwd: root, stdout: (text) => (output += text) });
      return (JSON.parse(output) as { files: { path: string }[] }).files.map((file) => file.path);
    };
    assert.deepEqual(linted(), [
      '.github/SECURITY.md',
      'deploy/.env',
      'deploy/compose.yaml',
      'deploy/compose.override.yaml',
      'tests/compose.yaml',
    ]);
    writeFileSync(join(root, 'deploy', 'compose.prod.yaml'), COMPOSE);
    assert.deepEqual(linted(), [
      '.github/SECURITY.md',
      'deploy/.env',
      'deploy/compose.yaml',
      'deploy/compose.override.yaml',
      'deploy/compose.prod.yaml',
      'tests/compose.yaml',
    ]);
  });
});
