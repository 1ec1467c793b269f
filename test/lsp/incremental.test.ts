import assert from 'node:assert/strict';
import { CodeActionKind, type Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient, fileUri } from '../helpers/lsp-client';

/**
 * Keystrokes inside one service of a Compose file are linted with that service alone (see
 * server/src/lsp/compose-incremental.ts): the diagnostics are a whole lint's, and so are the fixes.
 */
const URI = fileUri('/nonexistent/incremental/compose.yaml');
const FRESH_URI = fileUri('/nonexistent/incremental-fresh/compose.yaml');

const COMPOSE = `services:
  app:
    image: ghcr.io/acme/app:1.0
    environment:
      DB_PASSWORD: Tr1cky-Value-Shared
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: Tr1cky-Value-Shared
`;

const shown = (diagnostics: Diagnostic[]) =>
  diagnostics.map((diagnostic) => ({
    code: diagnostic.code,
    range: diagnostic.range,
    severity: diagnostic.severity,
    message: diagnostic.message,
  }));

describe('language server: keystrokes within one Compose service', () => {
  let client: TestClient;

  beforeEach(async () => {
    client = await TestClient.inProcess({ settings: { enable: true, rules: {} } });
  });

  afterEach(async () => {
    await client.stop();
  });

  it('publishes what a whole lint of the same text publishes, keystroke after keystroke', async () => {
    await client.open(URI, COMPOSE, 'yaml');
    const lines = COMPOSE.split('\n');
    const line = 8;
    let published;
    for (const [key, typed] of [...'x9'].entries()) {
      const character = lines[line].length;
      lines[line] += typed;
      published = await client.change(URI, key + 2, [
        { range: { start: { line, character }, end: { line, character } }, text: typed },
      ]);
    }
    assert.equal(lines[line], '      POSTGRES_PASSWORD: Tr1cky-Value-Sharedx9');
    const text = lines.join('\n');
    const fresh = await client.open(FRESH_URI, text, 'yaml');
    assert.deepEqual(shown(published!.diagnostics), shown(fresh.diagnostics));
    assert.deepEqual(
      published!.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]),
      [
        ['compose/hardcoded-secret', 4],
        ['compose/hardcoded-secret', 8],
      ],
    );
  });

  it('offers the fixes of a whole lint after such a keystroke', async () => {
    await client.open(URI, COMPOSE, 'yaml');
    const line = 8;
    const character = COMPOSE.split('\n')[line].length;
    // db's password no longer equals app's: app's fix now changes one place, not two.
    const published = await client.change(URI, 2, [
      { range: { start: { line, character }, end: { line, character } }, text: 'x' },
    ]);
    const app = published.diagnostics.find((diagnostic) => diagnostic.range.start.line === 4)!;
    const actions = await client.codeActions(URI, app.range, { diagnostics: [app], only: [CodeActionKind.QuickFix] });
    assert.deepEqual(
      actions.map((action) => action.title).filter((title) => title.startsWith('Require')),
      ['Require DB_PASSWORD from the environment (${DB_PASSWORD:?…})'],
    );
  });
});
