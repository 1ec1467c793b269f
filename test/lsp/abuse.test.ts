import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { TestClient, fileUri } from '../helpers/lsp-client';

const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

/**
 * A client that sends a thousand malformed or hostile messages to the bundled server. The server
 * must answer requests (or fail them per JSON-RPC), survive notifications, and lint correctly after.
 */
describe('protocol abuse against the bundled server', function () {
  this.timeout(120_000);

  it('survives 1,000 hostile messages and lints correctly afterwards', async () => {
    assert.ok(existsSync(SERVER), `${SERVER} is missing: run "npm run build" first`);
    const client = await TestClient.spawn(process.execPath, [SERVER, '--stdio']);
    const child = (client as unknown as { child: { exitCode: number | null } }).child;
    const connection = client.connection;
    const uri = fileUri('/nonexistent/abuse/SECURITY.md');
    const compose = fileUri('/nonexistent/abuse/compose.yaml');
    const ghost = fileUri('/nonexistent/abuse/never-opened/SECURITY.md');
    await client.open(uri, '# Security\n\nMail vulnerabilities to security@acme.dev.\n');
    await client.open(compose, 'services:\n  db:\n    image: postgres:16\n', 'yaml');

    let sent = 0;
    let answered = 0;
    let failed = 0;
    const request = async (method: string, params: unknown) => {
      sent++;
      try {
        await connection.sendRequest(method, params);
        answered++;
      } catch {
        failed++;
      }
    };
    const notify = async (method: string, params: unknown) => {
      sent++;
      await connection.sendNotification(method, params);
    };
    const far = { line: 1_000_000, character: 1_000_000 };
    const huge = 'x'.repeat(1024 * 1024);
    for (let round = 0; round < 100; round++) {
      await notify('textDocument/didChange', {
        textDocument: { uri: ghost, version: round },
        contentChanges: [{ text: '# x' }],
      });
      await notify('textDocument/didChange', {
        textDocument: { uri, version: 1000 + round },
        contentChanges: [{ range: { start: far, end: far }, text: `line ${round}\n` }],
      });
      // An older version than the last one.
      await notify('textDocument/didChange', {
        textDocument: { uri, version: round },
        contentChanges: [{ text: '# old' }],
      });
      await notify('textDocument/didChange', {
        textDocument: { uri: compose, version: 10 + round },
        contentChanges: [
          {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            text: round % 10 === 0 ? huge : '#',
          },
        ],
      });
      await request('textDocument/codeAction', {
        textDocument: { uri: ghost },
        range: { start: far, end: far },
        context: {
          diagnostics: [
            {
              range: { start: far, end: far },
              message: 'x',
              source: 'secpolicy',
              code: 'policy/no-contact',
              data: { version: 'bad', fixes: 'nope' },
            },
          ],
        },
      });
      await request('textDocument/hover', { textDocument: { uri }, position: far });
      await request('textDocument/completion', { textDocument: { uri: ghost }, position: { line: -5, character: -1 } });
      await request('textDocument/codeAction', { textDocument: null, range: null, context: null });
      await request('secpolicy/doesNotExist', { anything: true });
      // Cancelled as soon as it is sent.
      const source = new CancellationTokenSource();
      sent++;
      const cancelled = connection
        .sendRequest(
          'textDocument/codeAction',
          {
            textDocument: { uri },
            range: { start: far, end: far },
            context: { diagnostics: [], only: ['source.fixAll'] },
          },
          source.token,
        )
        .then(
          () => answered++,
          () => failed++,
        );
      source.cancel();
      await cancelled;
    }
    assert.equal(sent, 1000);
    assert.equal(answered + failed, 600, 'every request got an answer or an error');
    assert.ok(failed >= 200, 'malformed requests and unknown methods fail per JSON-RPC');
    assert.equal(child.exitCode, null, 'the server is still running');

    const fresh = fileUri('/nonexistent/abuse/after/SECURITY.md');
    const published = await client.open(fresh, '# Security\n\nWe fix bugs.\n');
    assert.deepEqual(
      published.diagnostics.map((diagnostic) => diagnostic.code),
      [
        'policy/no-contact',
        'policy/no-disclosure-policy',
        'policy/no-response-timeline',
        'policy/no-supported-versions',
      ],
    );
    await client.stop();
  });
});
