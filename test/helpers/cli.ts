import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The built CLI, run as a user runs it: a process, its exit code and its two streams. */
export const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

export function runCli(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    // A hang is a failure of its own: the run is stopped and the test says so.
    timeout: 30_000,
  });
  assert.equal(result.signal, null, `secpolicy ${args.join(' ')} did not finish`);
  assert.doesNotMatch(`${result.stdout}${result.stderr}`, /\n\s+at .+\(.+:\d+:\d+\)/, 'no stack trace');
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Temporary folders made by `tree`, removed by `removeTrees`. */
const trees: string[] = [];

/** A temporary folder holding `files` (path → content). */
export function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'secpolicy-test-'));
  trees.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

export function removeTrees(): void {
  for (const root of trees.splice(0)) rmSync(root, { recursive: true, force: true });
}
