import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { documentKind } from '../../common/files';
import { removeTrees, tree } from '../helpers/cli';

/** The ways secpolicy reaches CI: the GitHub Action, the pre-commit hook and the container image. */
const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const VERSION = (JSON.parse(read('package.json')) as { version: string }).version;

const COMPOSE =
  'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: postgres\n    read_only: true\n    security_opt: [no-new-privileges:true]\n';
const ACME_ONLY =
  'services:\n  proxy:\n    image: traefik:v3.1\n    environment:\n      LETSENCRYPT_STAGING: "true"\n    read_only: true\n    security_opt: [no-new-privileges:true]\n';

/** Runs the action's step as the runner would: its script, with the inputs as INPUT_* variables. */
function runAction(
  cwd: string,
  actionPath: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
) {
  const action = parse(read('action.yml')) as { runs: { steps: { run: string; env: Record<string, string> }[] } };
  const [step] = action.runs.steps;
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', GITHUB_ACTION_PATH: actionPath, ...extraEnv };
  for (const [name, expression] of Object.entries(step.env)) {
    const input = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(expression)![1];
    env[name] = inputs[input] ?? defaults[input];
  }
  const result = spawnSync('bash', ['-c', step.run], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const defaults = Object.fromEntries(
  Object.entries((parse(read('action.yml')) as { inputs: Record<string, { default: string }> }).inputs).map(
    ([name, input]) => [name, input.default],
  ),
);

describe('distribution', () => {
  after(removeTrees);

  describe('the GitHub Action', () => {
    it('declares the inputs the README documents, each passed to the step', () => {
      assert.deepEqual(Object.keys(defaults), [
        'paths',
        'format',
        'output',
        'config',
        'fail-on',
        'max-warnings',
        'annotations',
      ]);
      assert.deepEqual(defaults, {
        paths: '.',
        format: 'sarif',
        output: 'secpolicy.sarif',
        config: '',
        'fail-on': 'error',
        'max-warnings': '',
        annotations: 'true',
      });
    });

    it('writes the SARIF report, annotates the lines and fails on an error', () => {
      const root = tree({ 'deploy/compose.yaml': COMPOSE, 'docs/readme.md': 'not linted\n' });
      const result = runAction(root, ROOT, { paths: 'deploy' });
      assert.equal(result.status, 1, result.stderr);
      assert.equal(
        result.stdout,
        '::error file=deploy/compose.yaml,line=5,endLine=5,col=26,endColumn=34,title=compose/default-password::POSTGRES_PASSWORD in service "db" is a well-known default password (po******).\nsecpolicy: 1 error, 0 warnings, 0 infos\n',
      );
      const sarif = JSON.parse(readFileSync(join(root, 'secpolicy.sarif'), 'utf8')) as {
        runs: { results: { ruleId: string }[] }[];
      };
      assert.deepEqual(
        sarif.runs[0].results.map((result) => result.ruleId),
        ['compose/default-password'],
      );
    });

    it('passes with warnings by default, and fails on them with fail-on: warning', () => {
      const root = tree({ 'compose.yaml': ACME_ONLY });
      assert.equal(runAction(root, ROOT, { output: '' }).status, 0);
      const strict = runAction(root, ROOT, { output: '', 'fail-on': 'warning', annotations: 'false' });
      assert.equal(strict.status, 1);
      assert.match(strict.stdout, /compose\/acme-staging/);
      assert.doesNotMatch(strict.stdout, /^::/m, 'no annotations when turned off');
      assert.equal(runAction(root, ROOT, { output: '', 'max-warnings': '0' }).status, 1);
    });

    it('without a build in its checkout, runs the npm package of its own version', () => {
      // A checkout of the action as GitHub fetches it: the manifest, no dist/. npx is a stand-in
      // that records the command it was given.
      const action = tree({
        'package.json': read('package.json'),
        'scripts/github-action.sh': read('scripts/github-action.sh'),
      });
      const bin = tree({ npx: '#!/bin/sh\nprintf "%s\\n" "$*" >> "$NPX_LOG"\n' });
      chmodSync(join(bin, 'npx'), 0o755);
      const project = tree({ 'compose.yaml': COMPOSE });
      const log = join(project, 'npx.log');
      const result = runAction(
        project,
        action,
        { paths: 'a b\nc', config: 'ci.json' },
        { PATH: `${bin}:${process.env.PATH}`, NPX_LOG: log },
      );
      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(readFileSync(log, 'utf8').split('\n'), [
        `--yes secpolicy@${VERSION} --config ci.json --format sarif --output secpolicy.sarif -- a b c`,
        `--yes secpolicy@${VERSION} --config ci.json --fail-on error --format github -- a b c`,
        '',
      ]);
    });
  });

  describe('the pre-commit hook', () => {
    it('runs the secpolicy bin on the files secpolicy lints, and not on examples', () => {
      const [hook] = parse(read('.pre-commit-hooks.yaml')) as {
        id: string;
        entry: string;
        language: string;
        files: string;
        exclude: string;
      }[];
      assert.deepEqual([hook.id, hook.entry, hook.language], ['secpolicy', 'secpolicy', 'node']);
      assert.ok(Object.keys((JSON.parse(read('package.json')) as { bin: object }).bin).includes(hook.entry));
      // pre-commit's patterns are Python's; `(?i)` at the start is JavaScript's "i" flag.
      const pattern = (source: string) => new RegExp(source.replace(/^\(\?i\)/, ''), 'i');
      const selected = (path: string) => pattern(hook.files).test(path) && !pattern(hook.exclude).test(path);
      for (const path of [
        'SECURITY.md',
        '.github/security.md',
        '.well-known/security.txt',
        'compose.yaml',
        'deploy/docker-compose.prod.yml',
        'compose.override.yaml',
        '.env',
        '.env.production',
        'config/app.env',
        '.env.example',
        'deploy/.env.sample',
        'README.md',
        'k8s/deployment.yml',
        'environment.ts',
      ]) {
        assert.equal(selected(path), documentKind(path) !== undefined, path);
      }
    });
  });

  describe('the container image', () => {
    const lines = read('Dockerfile')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'));
    const stages = lines.join('\n').split(/^(?=FROM )/m);
    const final = stages[stages.length - 1].split('\n');

    it('builds from pinned images, and runs as a non-root user with only the bundles', () => {
      for (const from of lines.filter((line) => line.startsWith('FROM '))) {
        assert.match(from, /^FROM node:\d+-alpine\d+\.\d+( AS \w+)?$/, 'a pinned tag, never latest');
      }
      assert.ok(!lines.some((line) => line.startsWith('ADD ')), 'COPY, never ADD');
      assert.deepEqual(
        final.filter((line) => /^(COPY|USER|ENTRYPOINT)/.test(line)),
        [
          'COPY --from=build /src/dist/cli.js /src/dist/secpolicy.js /app/',
          'USER node',
          'ENTRYPOINT ["node", "/app/cli.js"]',
        ],
      );
      assert.ok(!final.some((line) => line.startsWith('RUN ')), 'nothing runs in the final image');
    });

    it('its entrypoint runs the copied bundles, alone in a folder', () => {
      const app = tree({});
      mkdirSync(join(app, 'app'));
      for (const file of ['cli.js', 'secpolicy.js']) copyFileSync(join(ROOT, 'dist', file), join(app, 'app', file));
      const entrypoint = JSON.parse(
        final.find((line) => line.startsWith('ENTRYPOINT '))!.slice('ENTRYPOINT '.length),
      ) as string[];
      const [, script] = entrypoint;
      const project = tree({ 'compose.yaml': COMPOSE });
      const version = spawnSync(process.execPath, [join(app, script), '--version'], { encoding: 'utf8' });
      assert.deepEqual([version.status, version.stdout], [0, `${VERSION}\n`]);
      const lint = spawnSync(process.execPath, [join(app, script), '.'], { cwd: project, encoding: 'utf8' });
      assert.equal(lint.status, 1);
      assert.match(lint.stdout, /compose\/default-password/);
    });
  });
});
