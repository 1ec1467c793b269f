// A real VS Code workbench, offline: code-server 4.100.3 (the VS Code 1.100.3 server and web
// workbench) driven by Debian's Chromium through playwright-core. See ../../../shared/E2E.md.
// Every run gets a fresh server in its own process group and temporary folders; the group is
// killed when the run ends, fails, times out or is interrupted.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT, USER_SETTINGS, WORKSPACE_FILES, writeWorkspace } from './workspace';

export { ROOT };
export const ARTIFACTS = join(ROOT, '.test-artifacts', 'e2e');
export const CODE_SERVER_VERSION = '4.100.3';
const CODE_SERVER =
  process.env.SECPOLICY_CODE_SERVER ?? join(ROOT, '.cache', 'code-server', 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.SECPOLICY_CHROMIUM ?? '/usr/bin/chromium';
const READY_MS = 30_000;

/** Why the real-editor tests cannot run here, or undefined when they can. */
export function missingTools(): string | undefined {
  if (!existsSync(CODE_SERVER)) {
    return `code-server ${CODE_SERVER_VERSION} is not installed at ${CODE_SERVER}: run scripts/e2e/install-code-server.sh (or set SECPOLICY_CODE_SERVER)`;
  }
  if (!existsSync(CHROMIUM)) {
    return `Chromium is not installed at ${CHROMIUM}: apt-get install chromium (or set SECPOLICY_CHROMIUM)`;
  }
  return undefined;
}

/**
 * Exits when the tools are missing: with 1 in CI (.ci/run installs them), with 0 and a loud
 * message on a developer machine, like the Neovim test.
 */
export function requireToolsOrSkip(what: string): void {
  const missing = missingTools();
  if (!missing) return;
  if (process.env.CI) {
    console.error(`${what}: ${missing}`);
    process.exit(1);
  }
  console.log(`${what}: SKIPPED: ${missing}`);
  process.exit(0);
}

export function requireFile(file: string, hint: string): void {
  if (!existsSync(join(ROOT, file))) throw new Error(`${file} is missing: ${hint}`);
}

/** The temporary folders of one run: workspace, user data, extensions, XDG homes, browser profile. */
export class Session {
  readonly dir: string;
  readonly workspace: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly env: NodeJS.ProcessEnv;

  constructor(
    readonly name: string,
    files: Readonly<Record<string, string>> = WORKSPACE_FILES,
  ) {
    this.dir = mkdtempSync(join(tmpdir(), `secpolicy-e2e-${name}-`));
    this.workspace = writeWorkspace(join(this.dir, 'workspace'), files);
    this.userDataDir = join(this.dir, 'user-data');
    this.extensionsDir = join(this.dir, 'extensions');
    mkdirSync(join(this.userDataDir, 'User'), { recursive: true });
    mkdirSync(this.extensionsDir);
    writeFileSync(join(this.userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
    const xdg = join(this.dir, 'xdg');
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(process.env)) {
      // Nothing from an editor this runs inside (VSCODE_IPC_HOOK_CLI and the like).
      if (!key.startsWith('VSCODE_') && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
    }
    this.env = {
      ...env,
      EXTENSIONS_GALLERY: '{}',
      XDG_CONFIG_HOME: join(xdg, 'config'),
      XDG_DATA_HOME: join(xdg, 'data'),
      XDG_CACHE_HOME: join(xdg, 'cache'),
      XDG_STATE_HOME: join(xdg, 'state'),
      XDG_RUNTIME_DIR: join(xdg, 'runtime'),
    };
    mkdirSync(join(xdg, 'runtime'), { recursive: true, mode: 0o700 });
    mkdirSync(ARTIFACTS, { recursive: true });
  }

  private commonArgs(): string[] {
    return ['--user-data-dir', this.userDataDir, '--extensions-dir', this.extensionsDir];
  }

  /** `code-server --install-extension` into this session's extensions folder. */
  installExtension(vsix: string): void {
    const result = spawnSync(CODE_SERVER, [...this.commonArgs(), '--install-extension', vsix], {
      env: this.env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (result.status !== 0) {
      throw new Error(
        `code-server --install-extension ${vsix} exited ${result.status}:\n${result.stdout}${result.stderr}`,
      );
    }
  }

  /** Starts a fresh code-server in a new process group (setsid) on a free loopback port. */
  async startServer(): Promise<CodeServer> {
    const log = join(ARTIFACTS, `${this.name}-code-server.log`);
    const child = spawn(
      '/bin/sh',
      [
        '-c',
        GROUP_LEADER,
        'code-server',
        CODE_SERVER,
        ...this.commonArgs(),
        '--auth',
        'none',
        '--bind-addr',
        '127.0.0.1:0',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--disable-file-downloads',
      ],
      // detached: the shell calls setsid(), so it leads a process group that holds code-server,
      // its extension host and our language server, and one kill(-pgid) stops them all. Its
      // stdin is a pipe from this process: see GROUP_LEADER.
      { cwd: this.dir, env: this.env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const server = new CodeServer(child);
    live.add(server);
    const output = createWriteStream(log);
    child.stderr!.pipe(output);
    const url = await new Promise<string>((resolveUrl, reject) => {
      let seen = '';
      const timer = setTimeout(
        () => reject(new Error(`code-server did not listen within ${READY_MS} ms; its log: ${log}`)),
        READY_MS,
      );
      child.stdout!.on('data', (chunk: Buffer) => {
        output.write(chunk);
        seen += chunk.toString();
        const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(seen);
        if (match) {
          clearTimeout(timer);
          resolveUrl(match[1]);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`code-server exited (${code ?? signal}) before it listened; its log: ${log}`));
      });
      child.once('error', reject);
    });
    const health = await fetch(`${url}/healthz`);
    if (!health.ok) throw new Error(`code-server's /healthz answered ${health.status}`);
    server.url = url;
    return server;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true, maxRetries: 3 });
  }
}

const live = new Set<CodeServer>();

/**
 * The process group's leader. It runs code-server, then ignores SIGTERM itself, so that it
 * exits only once code-server has, and then terminates the rest of the group. A watchdog
 * terminates, then kills, the whole group when its stdin closes, which happens however this
 * process ends, SIGKILL included: a trap cannot catch that one, and a left-over code-server
 * keeps its window's extension host and our language server alive for hours.
 */
const GROUP_LEADER = `
exec 3<&0
"$@" </dev/null &
server=$!
trap '' TERM
{ read -r _ <&3; kill -TERM 0; sleep 2; kill -KILL 0; } &
wait "$server"
kill -TERM 0
`;

export class CodeServer {
  /** `http://127.0.0.1:PORT` */
  url = '';

  constructor(private readonly child: ChildProcess) {}

  get authority(): string {
    return new URL(this.url).host;
  }

  /** A `vscode-remote://` URI for a path on this server, as the web workbench wants in `payload`. */
  remoteUri(path: string): string {
    return `vscode-remote://${this.authority}${path}`;
  }

  /** The workbench for `folder`, with optional `payload` pairs (extensionDevelopmentPath, ...). */
  workbenchUrl(folder: string, payload?: [string, string][]): string {
    const url = new URL(this.url);
    url.searchParams.set('folder', folder);
    if (payload) url.searchParams.set('payload', JSON.stringify(payload));
    return url.toString();
  }

  /** SIGTERM to the whole process group; once code-server is gone, SIGKILL to what is left of it. */
  async stop(): Promise<void> {
    if (!live.has(this)) return;
    const exited = this.child.exitCode !== null || this.child.signalCode !== null;
    const gone = exited ? Promise.resolve() : new Promise<void>((done) => this.child.once('exit', () => done()));
    killGroup(this.child, 'SIGTERM');
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([gone, new Promise<void>((done) => (timer = setTimeout(done, 10_000)))]);
    clearTimeout(timer);
    killGroup(this.child, 'SIGKILL');
    live.delete(this);
  }

  /** Synchronous last resort, for process exit. */
  kill(): void {
    killGroup(this.child, 'SIGKILL');
    live.delete(this);
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is gone already.
  }
}

// The trap: however this process ends, no code-server, extension host or language server stays.
process.on('exit', () => {
  for (const server of [...live]) server.kill();
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    console.error(`\nreceived ${signal}: stopping code-server`);
    for (const server of [...live]) server.kill();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

/** Headless Debian Chromium with a fresh, empty profile. */
export async function openBrowser(session: Session): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(join(session.dir, 'browser-profile'), {
    executablePath: CHROMIUM,
    // The session's XDG homes: Chromium keeps its crash reports under XDG_CONFIG_HOME.
    env: session.env,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-breakpad',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** Rejects with `message` after `ms`; the timer never keeps the process alive on its own. */
export function deadline<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} (after ${ms / 1000} s)`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
