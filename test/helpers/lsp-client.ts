import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  HoverRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type CodeActionContext,
  type CompletionItem,
  type Hover,
  type Position,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { createConnection } from 'vscode-languageserver/node';
import { startServer } from '../../server/src/lsp/start-server';

export interface ClientOptions {
  /** Settings answered to `workspace/configuration`; undefined to declare no configuration support. */
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
}

interface Waiter {
  uri: string;
  accept: (params: PublishDiagnosticsParams) => boolean;
  resolve: (params: PublishDiagnosticsParams) => void;
}

/** A minimal LSP client that speaks the real protocol to the server, in process or over stdio. */
export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: string[] = [];
  private waiters: Waiter[] = [];
  settings: Record<string, unknown> | undefined;
  /** How long to wait for awaited diagnostics before failing; the benchmark waits longer on large files. */
  diagnosticsTimeoutMs = 10_000;

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly child?: ChildProcess,
  ) {}

  /** The server in this process, over two in-memory streams. */
  static async inProcess(options: ClientOptions = {}): Promise<TestClient> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
    const client = new TestClient(
      createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer)),
    );
    await client.start(options);
    return client;
  }

  /** A server process, e.g. the bundled `dist/server.js --stdio`. */
  static async spawn(command: string, args: string[], options: ClientOptions = {}): Promise<TestClient> {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    const client = new TestClient(
      createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)),
      child,
    );
    await client.start(options);
    return client;
  }

  initializeResult!: InitializeResult;

  private async start(options: ClientOptions): Promise<void> {
    this.settings = options.settings;
    const connection = this.connection;
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.waiters = this.waiters.filter((waiter) => {
        if (waiter.uri !== params.uri || !waiter.accept(params)) return true;
        waiter.resolve(params);
        return false;
      });
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
      this.messages.push(params.message);
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.messages.push(params.message);
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings ?? null));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.listen();
    this.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      // In process, a process id would start the server's parent watchdog timer in the test runner.
      processId: this.child ? process.pid : null,
      rootUri: null,
      capabilities: {
        workspace: options.settings !== undefined ? { configuration: true } : {},
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
      initializationOptions: { diagnosticDelay: 0, ...options.initializationOptions },
    });
    await connection.sendNotification(InitializedNotification.type, {});
  }

  /** Resolves with the first diagnostics published for `uri` that `accept` takes, including ones already received. */
  diagnostics(
    uri: string,
    accept: (params: PublishDiagnosticsParams) => boolean = () => true,
  ): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching diagnostics for ${uri}`)),
        this.diagnosticsTimeoutMs,
      );
      this.waiters.push({
        uri,
        accept,
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params);
        },
      });
    });
  }

  /** Diagnostics published for `uri` at `version`. */
  diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics(uri, (params) => params.version === version);
  }

  async open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<PublishDiagnosticsParams> {
    const published = this.diagnosticsFor(uri, version);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
    return published;
  }

  async change(
    uri: string,
    version: number,
    changes: TextDocumentContentChangeEvent[],
  ): Promise<PublishDiagnosticsParams> {
    const published = this.diagnosticsFor(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return published;
  }

  async close(uri: string): Promise<PublishDiagnosticsParams> {
    const published = this.diagnostics(
      uri,
      (params) => params.version === undefined && params.diagnostics.length === 0,
    );
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    return published;
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { secpolicy: settings },
    });
  }

  completion(uri: string, position: Position): Promise<CompletionItem[]> {
    return this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }) as Promise<
      CompletionItem[]
    >;
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  codeActions(uri: string, range: Range, context: CodeActionContext): Promise<CodeAction[]> {
    return this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context }) as Promise<
      CodeAction[]
    >;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      // In process, `exit` would end the test runner's own process.
      if (this.child) await this.connection.sendNotification(ExitNotification.type);
    } finally {
      this.connection.dispose();
      this.child?.kill();
    }
  }
}

/** A file: URI for a path that need not exist. */
export function fileUri(path: string): string {
  return pathToFileURL(path).toString();
}
