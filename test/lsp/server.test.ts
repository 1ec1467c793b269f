import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol';
import { DidChangeTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { TestClient, fileUri } from '../helpers/lsp-client';

const POLICY_URI = fileUri('/nonexistent/project/SECURITY.md');
const COMPOSE_URI = fileUri('/nonexistent/project/compose.yaml');

const POLICY_WITHOUT_CONTACT = `# Security Policy

## Supported Versions

Only the latest release receives security fixes.

## Reporting a Vulnerability

Tell us about it. We acknowledge reports within 2 business days and publish an advisory for each fix.
`;

const COMPOSE = `services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: postgres
    read_only: true
    security_opt: [no-new-privileges:true]
`;

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => String(diagnostic.code));
}

function applyAction(text: string, uri: string, action: CodeAction): string {
  const edits = action.edit?.changes?.[uri];
  assert.ok(edits, `action "${action.title}" has edits for ${uri}`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits);
}

describe('language server over the protocol (in process)', () => {
  let client: TestClient;

  beforeEach(async () => {
    client = await TestClient.inProcess({ settings: { enable: true, rules: {} } });
  });

  afterEach(async () => {
    await client.stop();
  });

  it('declares incremental sync, quick fixes and fix-all', () => {
    const capabilities = client.initializeResult.capabilities;
    assert.equal(capabilities.textDocumentSync, 2);
    assert.deepEqual(capabilities.codeActionProvider, {
      codeActionKinds: [CodeActionKind.QuickFix, 'source.fixAll.secpolicy'],
    });
  });

  it('publishes diagnostics with rule code, doc link, source and range on open', async () => {
    const published = await client.open(POLICY_URI, POLICY_WITHOUT_CONTACT);
    assert.equal(published.version, 1);
    assert.equal(published.diagnostics.length, 1);
    const [diagnostic] = published.diagnostics;
    assert.equal(diagnostic.code, 'policy/no-contact');
    assert.equal(diagnostic.source, 'secpolicy');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal(
      diagnostic.codeDescription?.href,
      'https://github.com/secpolicy/secpolicy/blob/main/docs/rules/policy/no-contact.md',
    );
    assert.deepEqual(diagnostic.range, { start: { line: 6, character: 0 }, end: { line: 6, character: 28 } });
  });

  it('applies a quick fix from the diagnostic data, after which the diagnostic is gone', async () => {
    const published = await client.open(POLICY_URI, POLICY_WITHOUT_CONTACT);
    const actions = await client.codeActions(POLICY_URI, published.diagnostics[0].range, {
      diagnostics: published.diagnostics,
      only: [CodeActionKind.QuickFix],
    });
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind, action.isPreferred ?? false]),
      [
        ['Add a security contact email (then edit the placeholder address)', 'quickfix', true],
        ['Disable policy/no-contact for this line', 'quickfix', false],
        ['Disable policy/no-contact for this file', 'quickfix', false],
      ],
    );
    const fixed = applyAction(POLICY_WITHOUT_CONTACT, POLICY_URI, actions[0]);
    assert.equal(
      fixed,
      POLICY_WITHOUT_CONTACT.replace(
        'for each fix.\n',
        'for each fix.\n\nPlease report vulnerabilities privately by email to security@example.com. Do not open a public issue.\n',
      ),
    );
    const after = await client.change(POLICY_URI, 2, [{ text: fixed }]);
    // The fix leaves a placeholder address, which the next rule asks the maintainers to replace.
    assert.deepEqual(codes(after.diagnostics), ['policy/placeholder-contact']);
  });

  it('offers "Show documentation for RULE" per diagnostic to a client that runs the command, and only to it', async () => {
    const withDocs = await TestClient.inProcess({
      settings: { enable: true, rules: {} },
      initializationOptions: { showsRuleDocs: true },
    });
    try {
      const published = await withDocs.open(COMPOSE_URI, COMPOSE);
      assert.deepEqual(codes(published.diagnostics), ['compose/default-password']);
      const actions = await withDocs.codeActions(COMPOSE_URI, published.diagnostics[0].range, {
        diagnostics: published.diagnostics,
        only: [CodeActionKind.QuickFix],
      });
      const docs = actions.filter((action) => action.command !== undefined);
      assert.deepEqual(docs, [
        {
          title: 'Show documentation for compose/default-password',
          kind: 'quickfix',
          diagnostics: published.diagnostics,
          command: {
            title: 'Show documentation for compose/default-password',
            command: 'secpolicy.showRuleDocs',
            arguments: ['compose/default-password'],
          },
        },
      ]);
    } finally {
      await withDocs.stop();
    }
    // Another editor has no such command: it follows the diagnostic's documentation link instead.
    const published = await client.open(COMPOSE_URI, COMPOSE);
    const actions = await client.codeActions(COMPOSE_URI, published.diagnostics[0].range, {
      diagnostics: published.diagnostics,
      only: [CodeActionKind.QuickFix],
    });
    assert.ok(actions.length > 0);
    assert.deepEqual(
      actions.filter((action) => action.command !== undefined),
      [],
    );
  });

  it('disables a rule for one line and for the file', async () => {
    const published = await client.open(POLICY_URI, POLICY_WITHOUT_CONTACT);
    const actions = await client.codeActions(POLICY_URI, published.diagnostics[0].range, {
      diagnostics: published.diagnostics,
    });
    const forLine = actions.find((action) => action.title === 'Disable policy/no-contact for this line')!;
    const lineDisabled = applyAction(POLICY_WITHOUT_CONTACT, POLICY_URI, forLine);
    assert.ok(
      lineDisabled.includes('<!-- secpolicy-disable-next-line policy/no-contact -->\n## Reporting a Vulnerability'),
    );
    assert.deepEqual(codes((await client.change(POLICY_URI, 2, [{ text: lineDisabled }])).diagnostics), []);

    const forFile = actions.find((action) => action.title === 'Disable policy/no-contact for this file')!;
    const fileDisabled = applyAction(POLICY_WITHOUT_CONTACT, POLICY_URI, forFile);
    assert.ok(fileDisabled.startsWith('<!-- secpolicy-disable-file policy/no-contact -->\n# Security Policy'));
    assert.deepEqual(codes((await client.change(POLICY_URI, 3, [{ text: fileDisabled }])).diagnostics), []);
  });

  it('follows incremental changes', async () => {
    await client.open(COMPOSE_URI, COMPOSE, 'yaml');
    const broken = await client.change(COMPOSE_URI, 2, [
      { range: { start: { line: 4, character: 25 }, end: { line: 4, character: 33 } }, text: 'changeme' },
    ]);
    assert.deepEqual(codes(broken.diagnostics), ['compose/default-password']);
    assert.match(String(broken.diagnostics[0].message), /\(ch\*\*\*\*\*\*\)/);
    const fixed = await client.change(COMPOSE_URI, 3, [
      {
        range: { start: { line: 4, character: 25 }, end: { line: 4, character: 33 } },
        text: '${POSTGRES_PASSWORD:?set it}',
      },
    ]);
    assert.deepEqual(codes(fixed.diagnostics), []);
  });

  it('publishes a storm of changes once, for the last version, with that version’s diagnostics', async () => {
    const typed = '    privileged: true\n';
    await client.open(COMPOSE_URI, COMPOSE, 'yaml');
    const line = COMPOSE.split('\n').length - 1;
    const before = client.published.length;
    // One change per character, none awaited: the keystrokes of someone typing a line.
    const last = typed.length + 1;
    const lastPublished = client.diagnosticsFor(COMPOSE_URI, last);
    for (let index = 0; index < typed.length; index++) {
      const at = { line, character: index };
      void client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: COMPOSE_URI, version: index + 2 },
        contentChanges: [{ range: { start: at, end: at }, text: typed[index] }],
      });
    }
    const settled = await lastPublished;
    // Anything still on its way would come right behind.
    await new Promise((resolve) => setTimeout(resolve, 50));

    const during = client.published.slice(before).filter((params) => params.uri === COMPOSE_URI);
    assert.deepEqual(
      during.map((params) => params.version),
      [last],
    );
    await client.close(COMPOSE_URI);
    const fresh = await client.open(COMPOSE_URI, COMPOSE + typed, 'yaml');
    assert.ok(settled.diagnostics.some((diagnostic) => diagnostic.code === 'compose/privileged'));
    assert.deepEqual(
      settled.diagnostics,
      fresh.diagnostics.map((diagnostic) => ({ ...diagnostic, data: { version: last } })),
    );
  });

  it('offers source.fixAll.secpolicy that fixes every problem safe to fix unattended, at once', async () => {
    const text = `services:
  db:
    environment:
      - POSTGRES_PASSWORD=postgres
  acme:
    environment:
      - LETSENCRYPT_STAGING=true
      - ACME_CA_URI=https://acme-staging-v02.api.letsencrypt.org/directory
`;
    const published = await client.open(COMPOSE_URI, text, 'yaml');
    assert.deepEqual(codes(published.diagnostics), [
      'compose/default-password',
      'compose/acme-staging',
      'compose/acme-staging',
    ]);
    const actions = await client.codeActions(
      COMPOSE_URI,
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      { diagnostics: [], only: [CodeActionKind.SourceFixAll] },
    );
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind]),
      [['Fix all secpolicy problems in this file', 'source.fixAll.secpolicy']],
    );
    const fixed = applyAction(text, COMPOSE_URI, actions[0]);
    assert.equal(
      fixed,
      text.replace('LETSENCRYPT_STAGING=true', 'LETSENCRYPT_STAGING=false').replace('acme-staging-v02', 'acme-v02'),
    );
    // The password needs a person to choose it: fix-all leaves it to the quick fix.
    const after = await client.change(COMPOSE_URI, 2, [{ text: fixed }]);
    assert.deepEqual(
      after.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]),
      [['compose/default-password', DiagnosticSeverity.Error]],
    );
  });

  it('re-lints open documents when settings change', async () => {
    await client.open(POLICY_URI, POLICY_WITHOUT_CONTACT);
    const relinted = client.diagnostics(
      POLICY_URI,
      (params) => params.diagnostics.length === 1 && params.diagnostics[0].severity === DiagnosticSeverity.Warning,
    );
    await client.changeSettings({ rules: { 'policy/no-contact': 'warning' } });
    assert.equal((await relinted).diagnostics[0].code, 'policy/no-contact');
    const off = client.diagnostics(POLICY_URI, (params) => params.diagnostics.length === 0);
    await client.changeSettings({ rules: { 'policy/no-contact': 'off' } });
    await off;
    const disabled = client.diagnostics(POLICY_URI, (params) => params.diagnostics.length === 0);
    await client.changeSettings({ enable: false });
    await disabled;
  });

  it('clears diagnostics on close', async () => {
    await client.open(POLICY_URI, POLICY_WITHOUT_CONTACT);
    const cleared = await client.close(POLICY_URI);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('ignores Markdown and YAML files that are not policies or Compose files', async () => {
    const readme = fileUri('/nonexistent/project/README.md');
    const published = await client.open(readme, '# Readme\n', 'markdown');
    assert.deepEqual(published.diagnostics, []);
    const actions = await client.codeActions(
      readme,
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      { diagnostics: [] },
    );
    assert.deepEqual(actions, []);
  });

  it('drops fixes computed for an older version of the document', async () => {
    const published = await client.open(POLICY_URI, POLICY_WITHOUT_CONTACT);
    await client.change(POLICY_URI, 2, [{ text: `${POLICY_WITHOUT_CONTACT}\nMore text.\n` }]);
    const actions = await client.codeActions(POLICY_URI, published.diagnostics[0].range, {
      diagnostics: published.diagnostics,
      only: [CodeActionKind.QuickFix],
    });
    assert.deepEqual(
      actions.map((action) => action.title),
      ['Disable policy/no-contact for this line', 'Disable policy/no-contact for this file'],
    );
  });
});

describe('language server without workspace/configuration', () => {
  it('takes settings from initializationOptions', async () => {
    const client = await TestClient.inProcess({
      initializationOptions: { settings: { rules: { 'policy/no-contact': 'info' } } },
    });
    try {
      const published = await client.open(POLICY_URI, POLICY_WITHOUT_CONTACT);
      assert.deepEqual(
        published.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]),
        [['policy/no-contact', DiagnosticSeverity.Information]],
      );
    } finally {
      await client.stop();
    }
  });
});
