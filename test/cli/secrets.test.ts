import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient, fileUri } from '../helpers/lsp-client';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

/** Values that must never be printed whole, whatever the output. */
const SECRETS = ['changeme-please', 'S3cr3tPassw0rd', 'Zq8kL2vB9xY4wR7pT1', 'shortjwt'];

const COMPOSE = `services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: changeme-please
  api:
    image: acme/api:1.0
    environment:
      DATABASE_URL: postgres://app:S3cr3tPassw0rd@db:5432/app
      STRIPE_API_KEY: Zq8kL2vB9xY4wR7pT1
      JWT_SECRET: shortjwt
`;

function assertNoSecret(output: string, where: string): void {
  for (const secret of SECRETS) assert.ok(!output.includes(secret), `${where} shows ${secret}`);
}

describe('secrets stay secret', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'secpolicy-secrets-'));
    writeFileSync(join(folder, 'compose.yaml'), COMPOSE);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  for (const format of ['stylish', 'json', 'sarif']) {
    it(`the CLI's ${format} output names keys and masks values`, () => {
      const result = spawnSync(process.execPath, [CLI, '--format', format, 'compose.yaml'], {
        cwd: folder,
        encoding: 'utf8',
      });
      assert.equal(result.status, 1);
      assert.ok(result.stdout.includes('POSTGRES_PASSWORD'), 'the key is named');
      assertNoSecret(result.stdout + result.stderr, `--format ${format}`);
    });
  }

  it('diagnostic messages, hovers and log messages from the language server mask values', async () => {
    const client = await TestClient.inProcess({ settings: {} });
    try {
      const uri = fileUri(join(folder, 'compose.yaml'));
      const published = await client.open(uri, COMPOSE, 'yaml');
      assert.ok(published.diagnostics.length >= 4);
      assertNoSecret(published.diagnostics.map((diagnostic) => diagnostic.message).join('\n'), 'diagnostics');
      // Fixes ride in the diagnostics' data, which a verbose trace prints: no value may be in there.
      assertNoSecret(JSON.stringify(published.diagnostics), 'diagnostic data');
      for (const line of [4, 8, 9, 10]) {
        const hover = await client.hover(uri, { line, character: 25 });
        assertNoSecret((hover?.contents as MarkupContent | undefined)?.value ?? '', `hover on line ${line + 1}`);
      }
      assertNoSecret(client.messages.join('\n'), 'log and show-message notifications');
    } finally {
      await client.stop();
    }
  });
});
