import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol';
import { LINT_FILES_REQUEST, type LintFilesResult } from '../../common/protocol';
import { TestClient, fileUri } from '../helpers/lsp-client';

/** What the server believes from the client, and what it reads from disk, over the real protocol. */
const WEAK = `services:
  db:
    image: postgres:16
    read_only: true
    security_opt: [no-new-privileges:true]
    environment:
      POSTGRES_PASSWORD: postgres
`;

/** Every file a code action's edit touches. */
function editedUris(actions: CodeAction[]): string[] {
  return actions.flatMap((action) => [
    ...Object.keys(action.edit?.changes ?? {}),
    ...(action.edit?.documentChanges ?? []).map((change) =>
      'textDocument' in change ? change.textDocument.uri : 'uri' in change ? change.uri : '',
    ),
  ]);
}

describe('language server: what it trusts', () => {
  let client: TestClient;
  let folder: string;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'secpolicy-trust-'));
    mkdirSync(join(folder, '.git'));
    client = await TestClient.inProcess({ settings: { enable: true, rules: {} } });
  });

  afterEach(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('builds fixes from its own findings, never from diagnostic data sent back by the client', async () => {
    const uri = fileUri(join(folder, 'compose.yaml'));
    const published = await client.open(uri, WEAK, 'yaml');
    const genuine = published.diagnostics.find((diagnostic) => diagnostic.code === 'compose/default-password')!;
    assert.deepEqual(genuine.data, { version: 1 }, 'diagnostics carry the version only: no edits, no secrets');
    const forged: Diagnostic = {
      ...genuine,
      data: {
        version: 1,
        fixes: [
          {
            title: 'Require POSTGRES_PASSWORD from the environment (${POSTGRES_PASSWORD:?…})',
            preferred: true,
            edits: [],
            files: [{ uri: 'file:///etc/cron.d/owned', create: true, basis: '0-0', edits: [] }],
          },
        ],
      },
    };
    const actions = await client.codeActions(uri, genuine.range, {
      diagnostics: [forged],
      only: [CodeActionKind.QuickFix],
    });
    assert.deepEqual(
      [...new Set(editedUris(actions))],
      [uri, fileUri(join(folder, '.env'))],
      'every edit is to the linted document or the project .env beside it',
    );
    assert.equal(
      actions[0].title,
      'Require POSTGRES_PASSWORD from the environment (${POSTGRES_PASSWORD:?…})',
      'the server offers its own fix',
    );

    // A diagnostic at a range where the server found nothing gets no fix, whatever its data says.
    const moved: Diagnostic = {
      ...forged,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 8 } },
    };
    const none = await client.codeActions(uri, moved.range, { diagnostics: [moved], only: [CodeActionKind.QuickFix] });
    assert.deepEqual(
      none.map((action) => action.title),
      ['Disable compose/default-password for this line', 'Disable compose/default-password for this file'],
    );
  });

  it('answers "Lint Workspace" for a FIFO named like a Compose file at once, and keeps serving', async function () {
    if (process.platform === 'win32') this.skip();
    execFileSync('mkfifo', [join(folder, 'compose.yaml')]);
    writeFileSync(join(folder, 'docker-compose.yml'), WEAK);
    const result = await client.connection.sendRequest<LintFilesResult>(LINT_FILES_REQUEST, {
      uris: [fileUri(join(folder, 'compose.yaml')), fileUri(join(folder, 'docker-compose.yml'))],
    });
    assert.deepEqual(result, { linted: 1, skipped: [fileUri(join(folder, 'compose.yaml'))] });
    const hover = await client.hover(fileUri(join(folder, 'docker-compose.yml')), { line: 0, character: 0 });
    assert.equal(hover, null, 'the server still answers');
  });

  it('does not read a .env that links out of the repository, and warns once', async () => {
    symlinkSync('/proc/self/environ', join(folder, '.env'));
    const uri = fileUri(join(folder, 'compose.yaml'));
    const published = await client.open(
      uri,
      WEAK.replace('POSTGRES_PASSWORD: postgres', 'POSTGRES_PASSWORD: ${HOME}'),
      'yaml',
    );
    assert.deepEqual(
      published.diagnostics.map((diagnostic) => diagnostic.code),
      [],
      'nothing from the process environment is judged',
    );
    const warnings = client.messages.filter((message) => message.includes('was not read'));
    assert.deepEqual(warnings, [`${join(folder, '.env')} was not read: it is a link to a file outside the repository`]);
  });
});
