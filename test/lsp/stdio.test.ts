import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind } from 'vscode-languageserver-protocol';
import { TestClient, fileUri } from '../helpers/lsp-client';

const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

describe('bundled language server over --stdio', function () {
  let client: TestClient;
  let folder: string;

  before(function () {
    assert.ok(existsSync(SERVER), `${SERVER} is missing: run "npm run build" first`);
  });

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'secpolicy-stdio-'));
    client = await TestClient.spawn(process.execPath, [SERVER, '--stdio']);
  });

  afterEach(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('lints, fixes, re-lints and clears a policy with no contact', async () => {
    const uri = fileUri(join(folder, 'SECURITY.md'));
    const text =
      '# Security\n\n## Reporting\n\nTell us. We reply within 3 days and publish an advisory for each fix.\n\nOnly the latest release is supported.\n';
    const opened = await client.open(uri, text);
    assert.deepEqual(
      opened.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]),
      [['policy/no-contact', 2]],
    );

    const [fix] = await client.codeActions(uri, opened.diagnostics[0].range, {
      diagnostics: opened.diagnostics,
      only: [CodeActionKind.QuickFix],
    });
    assert.equal(fix.title, 'Add a security contact email (then edit the placeholder address)');
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), fix.edit!.changes![uri]);
    const afterFix = await client.change(uri, 2, [{ text: fixed }]);
    assert.deepEqual(
      afterFix.diagnostics.map((diagnostic) => diagnostic.code),
      ['policy/placeholder-contact'],
    );

    const broken = await client.change(uri, 3, [{ text: '# Security\n' }]);
    assert.deepEqual(
      broken.diagnostics.map((diagnostic) => diagnostic.code),
      [
        'policy/no-contact',
        'policy/no-disclosure-policy',
        'policy/no-response-timeline',
        'policy/no-supported-versions',
      ],
    );

    const closed = await client.close(uri);
    assert.deepEqual(closed.diagnostics, []);
  });

  it('applies the nearest .secpolicy.json over the defaults', async () => {
    writeFileSync(join(folder, '.secpolicy.json'), JSON.stringify({ rules: { 'policy/no-contact': 'off' } }));
    const uri = fileUri(join(folder, 'SECURITY.md'));
    const opened = await client.open(
      uri,
      '# Security\n\nWe reply within 3 days and publish an advisory for each fix. Only the latest release is supported.\n',
    );
    assert.deepEqual(opened.diagnostics, []);
  });

  it('reads the package version for the supported-versions fix', async () => {
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'demo', version: '4.2.0' }));
    const uri = fileUri(join(folder, 'SECURITY.md'));
    const opened = await client.open(
      uri,
      '# Security\n\nMail vulnerabilities to security@demo.dev. We reply within 3 days and publish an advisory for each fix.\n',
    );
    const [diagnostic] = opened.diagnostics;
    assert.equal(diagnostic.code, 'policy/no-supported-versions');
    const [fix] = await client.codeActions(uri, diagnostic.range, { diagnostics: [diagnostic], only: ['quickfix'] });
    assert.equal(fix.title, 'Add a "Supported Versions" table (current version 4.2.0)');
    assert.match(fix.edit!.changes![uri][0].newText, /\| 4\.2\.x \| ✅ \|/);
  });
});
