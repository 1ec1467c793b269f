// Launcher 1 (machines that can download VS Code): the same suite as run-code-server.ts, in
// desktop VS Code through @vscode/test-electron (2.5.x: 3.x needs Node 22). It downloads VS
// Code into .vscode-test/ on first use. On Linux without a display run it under Xvfb:
//   xvfb-run -a npm run test:electron
// Needs: npm run build and node scripts/e2e/build-suite.mjs; `npm run test:electron` does both.
import { runTests } from '@vscode/test-electron';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, USER_SETTINGS, WORKSPACE_FILES, writeWorkspace } from './workspace';

/** The same VS Code as code-server 4.100.3 by default; VSCODE_VERSION=stable (or x.y.z) to change. */
const VERSION = process.env.VSCODE_VERSION ?? '1.100.3';

async function main(): Promise<number> {
  for (const file of ['dist/client.js', 'dist/server.js', 'dist/test/e2e/suite/index.js']) {
    if (!existsSync(join(ROOT, file))) throw new Error(`${file} is missing: run npm run test:electron`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'secpolicy-e2e-electron-'));
  const workspace = writeWorkspace(join(dir, 'workspace'), WORKSPACE_FILES);
  const userDataDir = join(dir, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  try {
    await runTests({
      version: VERSION,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: join(ROOT, 'dist', 'test', 'e2e', 'suite', 'index.js'),
      launchArgs: [
        workspace,
        `--user-data-dir=${userDataDir}`,
        `--extensions-dir=${join(dir, 'extensions')}`,
        // Only the extension under test, not whatever a developer has installed.
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
      ],
      extensionTestsEnv: { SECPOLICY_E2E_GREP: process.env.SECPOLICY_E2E_GREP },
    });
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`real-editor API tests (VS Code ${VERSION}): ${message}`);
    if (/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/.test(message)) {
      console.error('could not download VS Code: without internet, run npm run test:e2e (code-server) instead');
    }
    console.error(`kept the workspace and profile for inspection: ${dir}`);
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
