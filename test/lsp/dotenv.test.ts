import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CodeActionKind,
  type CodeAction,
  type CreateFile,
  type Diagnostic,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient, fileUri } from '../helpers/lsp-client';

/** A hardened service, so that only the password findings show. */
const compose = (environment: string) =>
  `services:\n  db:\n    image: postgres:16\n    read_only: true\n    security_opt:\n      - no-new-privileges:true\n    environment:\n${environment}`;

function passwordDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === 'compose/default-password');
}

describe('language server: the project .env', () => {
  let client: TestClient;
  let folder: string;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'secpolicy-dotenv-'));
    client = await TestClient.inProcess({ settings: { enable: true, rules: {} } });
  });

  afterEach(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('judges ${VAR} at its .env value and fixes the .env line with a versioned-null document edit', async () => {
    writeFileSync(join(folder, '.env'), '# database\nPOSTGRES_PASSWORD=postgres\n');
    const uri = fileUri(join(folder, 'compose.yaml'));
    const text = compose('      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n');
    const published = await client.open(uri, text, 'yaml');
    const [diagnostic] = passwordDiagnostics(published.diagnostics);
    assert.equal(
      diagnostic.message,
      'POSTGRES_PASSWORD in service "db" is a well-known default password (po******) from .env line 2.',
    );
    assert.deepEqual(diagnostic.range, { start: { line: 7, character: 25 }, end: { line: 7, character: 45 } });

    const actions = await client.codeActions(uri, diagnostic.range, {
      diagnostics: [diagnostic],
      only: [CodeActionKind.QuickFix],
    });
    const write = actions.find(
      (action) => action.title === 'Write a strong random value for POSTGRES_PASSWORD to .env',
    )!;
    assert.equal(write.isPreferred, false);
    const [envEdit] = write.edit!.documentChanges as TextDocumentEdit[];
    assert.deepEqual(envEdit.textDocument, { uri: fileUri(join(folder, '.env')), version: null });
    const [edit] = envEdit.edits as TextEdit[];
    assert.deepEqual(edit.range, { start: { line: 1, character: 18 }, end: { line: 1, character: 26 } });
    assert.match(edit.newText, /^[A-Za-z0-9_-]{32}$/);
    assert.equal(write.edit!.changes, undefined);
  });

  it('creates a missing .env, then requires the variable in the Compose file', async () => {
    const uri = fileUri(join(folder, 'compose.yaml'));
    const text = compose('      POSTGRES_PASSWORD: postgres\n');
    const published = await client.open(uri, text, 'yaml');
    const [diagnostic] = passwordDiagnostics(published.diagnostics);
    const actions = await client.codeActions(uri, diagnostic.range, {
      diagnostics: [diagnostic],
      only: [CodeActionKind.QuickFix],
    });
    assert.deepEqual(
      actions.map((action) => [action.title, action.isPreferred ?? false]),
      [
        ['Require POSTGRES_PASSWORD from the environment (${POSTGRES_PASSWORD:?…})', true],
        ['Write a strong random POSTGRES_PASSWORD to .env and require it', false],
        ['Disable compose/default-password for this line', false],
        ['Disable compose/default-password for this file', false],
      ],
    );
    const changes = actions[1].edit!.documentChanges!;
    const env = fileUri(join(folder, '.env'));
    assert.deepEqual(changes[0], { kind: 'create', uri: env, options: { ignoreIfExists: true } } satisfies CreateFile);
    const envEdit = changes[1] as TextDocumentEdit;
    assert.deepEqual(envEdit.textDocument, { uri: env, version: null });
    const [insert] = envEdit.edits as TextEdit[];
    assert.deepEqual(insert.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(insert.newText, /^POSTGRES_PASSWORD=[A-Za-z0-9_-]{32}\n$/);
    const composeEdit = changes[2] as TextDocumentEdit;
    assert.deepEqual(composeEdit.textDocument, { uri, version: 1 });
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), composeEdit.edits as TextEdit[]);
    assert.equal(fixed, compose('      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}\n'));
  });

  it('drops a .env fix whose .env changed since the lint, and lints again with the new text', async () => {
    writeFileSync(join(folder, '.env'), 'POSTGRES_PASSWORD=postgres\n');
    const uri = fileUri(join(folder, 'compose.yaml'));
    const published = await client.open(uri, compose('      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n'), 'yaml');
    const [diagnostic] = passwordDiagnostics(published.diagnostics);
    writeFileSync(join(folder, '.env'), 'TZ=UTC\nPOSTGRES_PASSWORD=admin\n');
    const relinted = client.diagnostics(uri, (params) =>
      params.diagnostics.some((other) => /\(ad\*\*\*\) from \.env line 2\.$/.test(String(other.message))),
    );
    const actions = await client.codeActions(uri, diagnostic.range, {
      diagnostics: [diagnostic],
      only: [CodeActionKind.QuickFix],
    });
    assert.deepEqual(
      actions.map((action) => action.title),
      ['Disable compose/default-password for this line', 'Disable compose/default-password for this file'],
    );
    await relinted;
  });

  it('fix-all edits the Compose file only, and leaves passwords to a person', async () => {
    const uri = fileUri(join(folder, 'compose.yaml'));
    const text = compose(
      '      POSTGRES_PASSWORD: postgres\n      JWT_SECRET: changeme\n      LETSENCRYPT_STAGING: "true"\n',
    );
    await client.open(uri, text, 'yaml');
    const actions: CodeAction[] = await client.codeActions(
      uri,
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      { diagnostics: [], only: [CodeActionKind.SourceFixAll] },
    );
    assert.equal(actions.length, 1);
    assert.deepEqual(Object.keys(actions[0].edit!.changes!), [uri]);
    assert.equal(actions[0].edit!.documentChanges, undefined);
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), actions[0].edit!.changes![uri]);
    assert.equal(fixed, text.replace('LETSENCRYPT_STAGING: "true"', 'LETSENCRYPT_STAGING: "false"'));
  });
});
