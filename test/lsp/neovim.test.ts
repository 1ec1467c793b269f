import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SERVER = join(ROOT, 'dist', 'server.js');

/** Debian's Neovim, a real LSP client that is not ours, against the bundled server over --stdio. */
describe('Neovim as the client', function () {
  it('receives secpolicy diagnostics for a SECURITY.md with no contact', function () {
    if (spawnSync('nvim', ['--version']).error) {
      // CI installs Neovim (.ci/run); only a developer machine without it may skip.
      assert.ok(!process.env.CI, 'nvim is not installed');
      console.log('      skipped: nvim is not installed (apt-get install neovim)');
      this.skip();
    }
    const folder = mkdtempSync(join(tmpdir(), 'secpolicy-nvim-'));
    try {
      const file = join(folder, 'SECURITY.md');
      writeFileSync(file, '# Security Policy\n\nWe fix bugs.\n');
      const result = spawnSync(
        'nvim',
        ['--headless', '--clean', '-c', `luafile ${join(ROOT, 'test', 'neovim', 'check.lua')}`],
        {
          encoding: 'utf8',
          env: { ...process.env, SECPOLICY_FILE: file, SECPOLICY_SERVER: SERVER },
          timeout: 30_000,
        },
      );
      assert.equal(result.status, 0, `nvim exited ${result.status}: ${result.stderr}`);
      const diagnostics = JSON.parse(result.stdout.trim().split('\n').pop()!);
      assert.deepEqual(diagnostics, [
        { code: 'policy/no-contact', source: 'secpolicy', line: 0, severity: 1 },
        { code: 'policy/no-disclosure-policy', source: 'secpolicy', line: 0, severity: 3 },
        { code: 'policy/no-response-timeline', source: 'secpolicy', line: 0, severity: 2 },
        { code: 'policy/no-supported-versions', source: 'secpolicy', line: 0, severity: 2 },
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
