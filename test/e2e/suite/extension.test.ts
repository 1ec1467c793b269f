import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  COMPOSE_CODES,
  EXTENSION_ID,
  applyAction,
  codeActions,
  codeOf,
  describeDiagnostics,
  open,
  ours,
  revertAndCloseAll,
  waitForCodes,
  waitForDiagnostics,
  wholeDocument,
  withCode,
  workspaceUri,
} from './helpers';
import { withPrompts } from './prompts';

const DOCS = 'https://github.com/secpolicy/secpolicy/blob/main/docs/rules/';
const FIX_ALL = 'source.fixAll.secpolicy';

describe('secpolicy in a real VS Code', () => {
  afterEach(revertAndCloseAll);

  it('activates on a SECURITY.md and publishes diagnostics with rule code, doc link and source', async () => {
    const document = await open('SECURITY.md');
    assert.equal(document.languageId, 'markdown');
    const diagnostics = await waitForCodes(document.uri, { present: ['policy/no-contact'] });
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true, `${EXTENSION_ID} is active`);
    const diagnostic = withCode(diagnostics, 'policy/no-contact');
    assert.equal(diagnostic.source, 'secpolicy');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /^No private channel for reporting a vulnerability/);
    // On the "## Reporting a Vulnerability" heading: offsets became line and character right.
    const { start, end } = diagnostic.range;
    assert.deepEqual([start.line, start.character, end.line, end.character], [6, 0, 6, 28]);
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.equal(code.target.toString(true), `${DOCS}policy/no-contact.md`);
  });

  it('activates on a compose file and lints it', async () => {
    const document = await open('compose.yaml');
    const diagnostics = await waitForCodes(document.uri, { present: COMPOSE_CODES });
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true, `${EXTENSION_ID} is active`);
    for (const code of COMPOSE_CODES) {
      const diagnostic = withCode(diagnostics, code);
      assert.equal(diagnostic.source, 'secpolicy');
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error, code);
    }
  });

  it('leaves a Markdown file that is not a policy and a YAML file that is not Compose alone', async () => {
    // Both hold text that trips rules, so silence means they were never linted.
    const readme = await open('README.md');
    const yaml = await open('other.yaml');
    assert.equal(readme.languageId, 'markdown');
    assert.equal(yaml.languageId, 'yaml');
    // The client sends didOpen in order and the server answers in order: once the file opened
    // after them has its diagnostics, theirs would have arrived too.
    const barrier = await open('barrier.compose.yaml');
    await waitForCodes(barrier.uri, { present: COMPOSE_CODES });
    assert.equal(describeDiagnostics(ours(readme.uri)), '(none)');
    assert.equal(describeDiagnostics(ours(yaml.uri)), '(none)');
  });

  it('applies a quick fix from the code action provider, after which the diagnostic is gone', async () => {
    const document = await open('.github/SECURITY.md');
    const diagnostics = await waitForCodes(document.uri, { present: ['policy/no-contact'] });
    const diagnostic = withCode(diagnostics, 'policy/no-contact');
    const actions = await codeActions(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    // The API command returns titles, kinds and edits, not the diagnostics an action fixes.
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Disable policy/no-contact for this line'), titles.join(' | '));
    assert.ok(titles.includes('Disable policy/no-contact for this file'), titles.join(' | '));
    assert.ok(titles.includes('Show documentation for policy/no-contact'), titles.join(' | '));
    assert.ok(
      actions.every((action) => action.kind?.value === 'quickfix'),
      'every action is a quick fix',
    );
    const preferred = actions.filter((action) => action.isPreferred);
    assert.equal(preferred.length, 1, `one preferred fix among: ${titles.join(' | ')}`);
    assert.equal(preferred[0].title, 'Add a security contact email (then edit the placeholder address)');
    await applyAction(preferred[0]);
    assert.match(document.getText(), /security@example\.com/);
    await waitForCodes(document.uri, { absent: ['policy/no-contact'] });
  });

  it('fixes the problems whose fix needs no review with source.fixAll.secpolicy', async () => {
    const document = await open('fixall.compose.yaml');
    await waitForCodes(document.uri, { present: [...COMPOSE_CODES, 'compose/acme-staging'] });
    const actions = await codeActions(document.uri, wholeDocument(document), FIX_ALL);
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind?.value]),
      [['Fix all secpolicy problems in this file', FIX_ALL]],
    );
    await applyAction(actions[0]);
    assert.match(document.getText(), /acme\.caserver=https:\/\/acme-v02\.api\.letsencrypt\.org\/directory\n/);
    assert.match(document.getText(), /POSTGRES_PASSWORD: postgres\n/);
    assert.match(document.getText(), /- \/var\/run\/docker\.sock:\/var\/run\/docker\.sock\n/);
    await waitForCodes(document.uri, { absent: ['compose/acme-staging'], present: COMPOSE_CODES });
  });

  it('re-lints when the secpolicy.rules setting changes', async () => {
    const document = await open('SECURITY.md');
    await waitForCodes(document.uri, { present: ['policy/no-contact'] });
    const settings = () => vscode.workspace.getConfiguration('secpolicy');
    const noContactIs = (severity: vscode.DiagnosticSeverity) => (diagnostics: vscode.Diagnostic[]) =>
      diagnostics.some((d) => codeOf(d) === 'policy/no-contact' && d.severity === severity);
    try {
      await settings().update('rules', { 'policy/no-contact': 'warning' }, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(document.uri, noContactIs(vscode.DiagnosticSeverity.Warning), 'no-contact as a warning');
      await settings().update('rules', { 'policy/no-contact': 'off' }, vscode.ConfigurationTarget.Workspace);
      await waitForCodes(document.uri, { absent: ['policy/no-contact'] });
    } finally {
      await settings().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(
      document.uri,
      noContactIs(vscode.DiagnosticSeverity.Error),
      'no-contact as an error again',
    );
  });

  it('restarts the language server on secpolicy.restartServer, and diagnostics return', async () => {
    const document = await open('restart.compose.yaml');
    await waitForCodes(document.uri, { present: COMPOSE_CODES });
    // Stopping the client clears its diagnostics; the new server publishes them again.
    let cleared = false;
    const watch = vscode.languages.onDidChangeDiagnostics(() => {
      if (ours(document.uri).length === 0) cleared = true;
    });
    try {
      await vscode.commands.executeCommand('secpolicy.restartServer');
      await waitForCodes(document.uri, { present: COMPOSE_CODES });
    } finally {
      watch.dispose();
    }
    assert.equal(cleared, true, 'the diagnostics were cleared while the server restarted');
  });

  it('lints the policies the CLI finds with Lint Workspace, not a page of documentation about security', async () => {
    const { messages } = await withPrompts({}, () => vscode.commands.executeCommand('secpolicy.lintWorkspace'));
    assert.equal(messages.length, 1, messages.join(' | '));
    assert.match(messages[0], /^secpolicy linted \d+ files; see the Problems panel\.$/);
    // The command ends once the server has answered for every file, after publishing their diagnostics.
    const policy = workspaceUri('packages/api/SECURITY.md');
    assert.ok(
      ours(policy).some((diagnostic) => codeOf(diagnostic) === 'policy/no-contact'),
      describeDiagnostics(ours(policy)),
    );
    assert.equal(describeDiagnostics(ours(workspaceUri('docs/guide/security.md'))), '(none)');
  });
});
