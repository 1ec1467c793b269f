// Launcher 2 (offline): runs the test-electron-style suite in code-server's real extension host.
// The web workbench takes extensionDevelopmentPath and extensionTestsPath from its `payload`
// URL parameter; when run() settles it calls window.codeAutomationExit(code), and it forwards
// log lines (the suite's mocha output among them) to window.codeAutomationLog(type, args).
//
// Needs: npm run build (the extension's main is dist/client.js, which starts dist/server.js)
// and node scripts/e2e/build-suite.mjs; `npm run test:e2e` does both.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, ROOT, Session, deadline, openBrowser, requireFile, requireToolsOrSkip } from './code-server';

const SUITE = join(ROOT, 'dist', 'test', 'e2e', 'suite', 'index.js');
/** The whole run (start, load, tests whose waits give up after 20 s each); SECPOLICY_E2E_TIMEOUT_MS to change. */
const RUN_MS = Number(process.env.SECPOLICY_E2E_TIMEOUT_MS) || 4 * 60_000;

interface LogFile {
  relativePath: string;
  contents: string;
}

async function main(): Promise<number> {
  requireToolsOrSkip('real-editor API tests');
  requireFile('dist/client.js', 'run npm run build');
  requireFile('dist/server.js', 'run npm run build');
  requireFile('dist/test/e2e/suite/index.js', 'run node scripts/e2e/build-suite.mjs');

  const started = Date.now();
  const session = new Session('api');
  const server = await session.startServer();
  const { context, page } = await openBrowser(session);
  let exitCode: number;
  try {
    let settle!: (result: { code: number; logs: LogFile[] }) => void;
    const exited = new Promise<{ code: number; logs: LogFile[] }>((resolve) => (settle = resolve));
    // Exposed before the page loads, so the workbench finds both when it starts.
    await page.exposeFunction('codeAutomationExit', (code: number, logs?: LogFile[]) =>
      settle({ code, logs: logs ?? [] }),
    );
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => printLog(type, args));
    const url = server.workbenchUrl(session.workspace, [
      ['extensionDevelopmentPath', server.remoteUri(ROOT)],
      ['extensionTestsPath', server.remoteUri(SUITE)],
    ]);
    // Only the suite's end counts, bounded by RUN_MS: not the page's load event.
    await page.goto(url, { waitUntil: 'commit' });
    const result = await deadline(exited, RUN_MS, 'the suite did not finish');
    exitCode = result.code;
    if (exitCode !== 0) saveLogs(result.logs);
  } catch (error) {
    console.error(`real-editor API tests: ${error instanceof Error ? error.message : String(error)}`);
    await page
      .screenshot({ path: join(ARTIFACTS, 'api-failure.png') })
      .then(() => console.error(`screenshot: ${join(ARTIFACTS, 'api-failure.png')}`))
      .catch(() => undefined);
    exitCode = 1;
  } finally {
    await context.close().catch(() => undefined);
    await server.stop();
  }
  if (exitCode === 0) session.remove();
  else console.error(`kept the workspace and profiles for inspection: ${session.dir}`);
  console.log(
    `real-editor API tests (code-server): exit ${exitCode} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return exitCode === 0 ? 0 : 1;
}

/** Workbench chatter that says nothing about the extension. */
const NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin extensions|Updating additional builtin extensions|\[Service Worker\]|ChatSessionStore:)/;

/** Log lines of the workbench and, through it, the extension host's console (mocha's report). */
function printLog(type: string, args: unknown): void {
  const text = (Array.isArray(args) ? args : [args])
    .map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg)))
    .join(' ');
  if (NOISE.test(text)) return;
  if (type === 'error') console.error(text);
  else console.log(text);
}

function saveLogs(logs: LogFile[]): void {
  if (logs.length === 0) return;
  const file = join(ARTIFACTS, 'api-workbench-logs.txt');
  writeFileSync(file, logs.map((log) => `=== ${log.relativePath}\n${log.contents}`).join('\n'));
  console.error(`workbench logs: ${file}`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
