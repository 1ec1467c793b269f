import assert from 'node:assert/strict';
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { missingSectionInsertions } from '../../../common/templates/missing-sections';
import { renderPolicy } from '../../../common/templates/policy';
import { WORKSPACE_FILES } from '../workspace';
import {
  COMPOSE_CODES,
  describeDiagnostics,
  isOpen,
  open,
  ours,
  revertAndCloseAll,
  waitForCodes,
  waitUntil,
  wholeDocument,
  workspaceUri,
} from './helpers';
import { titles, withPrompts, type Answer } from './prompts';

const COMMAND = 'secpolicy.insertPolicy';
/** Where GitHub reads a policy, relative to the workspace folder. */
const POLICY_PATHS = ['.github/SECURITY.md', 'SECURITY.md', 'docs/SECURITY.md'];

const CONTACT = 'security@acme.dev';
const PROJECT = 'Acme Widgets';
const VERSION = '2.3.1';
/** What the answers below render to: the template the extension and `secpolicy init` share. */
const POLICY = renderPolicy({ template: 'standard', contact: CONTACT, project: PROJECT, version: VERSION });

/** The prompts, in order, as the user sees their titles. */
const TEMPLATE_TITLE = 'Insert security policy (1/4): template';
const CONTACT_TITLE = 'Insert security policy (2/4): contact';
const PROJECT_TITLE = 'Insert security policy (3/4): project name';
const VERSION_TITLE = 'Insert security policy (4/4): current version';
const WHERE_TITLE = 'Insert security policy: where';

const pickStandard: Answer = (items) => items.find((item) => (item as { template?: string }).template === 'standard');
/** The answers a user gives to the four questions every new policy asks. */
const ANSWERS: Readonly<Record<string, Answer>> = {
  template: pickStandard,
  contact: CONTACT,
  'project name': PROJECT,
  'current version': VERSION,
};

const headings = (text: string) => text.split('\n').filter((line) => line.startsWith('#'));
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const relative = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri);

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return false;
    throw error;
  }
}

async function applyEdit(edit: vscode.WorkspaceEdit, what: string): Promise<void> {
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`the editor refused to ${what}`);
}

describe('Security Policy: Insert Security Policy', () => {
  afterEach(revertAndCloseAll);

  it('opens the existing policy rather than overwriting it', async () => {
    // A file that is not a policy in the active editor: the command looks for the workspace's.
    await open('README.md');
    const { prompts, messages } = await withPrompts({}, () => vscode.commands.executeCommand(COMMAND));
    assert.deepEqual(titles(prompts), [], 'asks nothing');
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document, 'an editor is active');
    const opened = relative(document.uri);
    // The fixture has a policy in all three places: the one GitHub shows is opened.
    assert.equal(opened, '.github/SECURITY.md');
    assert.equal(document.isDirty, false);
    assert.equal(document.getText(), WORKSPACE_FILES[opened]);
    assert.deepEqual(messages, [
      `This workspace already has a security policy (${opened}); it was opened instead of overwritten.`,
    ]);
    for (const path of POLICY_PATHS) {
      assert.equal(decode(await vscode.workspace.fs.readFile(workspaceUri(path))), WORKSPACE_FILES[path], path);
    }
  });

  it('adds only the missing sections to the policy in the active editor', async () => {
    const document = await open('docs/SECURITY.md');
    await waitForCodes(document.uri, { present: ['policy/no-contact', 'policy/no-disclosure-policy'] });
    const editor = vscode.window.activeTextEditor!;
    // The start of "## Supported Versions": the cursor does not decide where sections go.
    const cursor = new vscode.Position(2, 0);
    editor.selection = new vscode.Selection(cursor, cursor);
    const before = document.getText();

    // No contact scripted: a contact prompt would fail the command.
    const answers = { template: pickStandard, 'project name': PROJECT, 'current version': VERSION };
    const { prompts } = await withPrompts(answers, () => vscode.commands.executeCommand(COMMAND));

    // No "where": the text goes into the open policy. No contact: the policy has its reporting
    // section, which is left as it is.
    assert.deepEqual(titles(prompts), [
      'Insert security policy (1/3): template',
      'Insert security policy (2/3): project name',
      'Insert security policy (3/3): current version',
    ]);
    assert.deepEqual(prompts[0].items, ['Minimal', 'Standard', 'Comprehensive']);
    // No package.json: the project name defaults to the folder's name, the version to nothing.
    const folderName = posix.basename(vscode.workspace.workspaceFolders![0].uri.path);
    assert.deepEqual([prompts[1].value, prompts[2].value], [folderName, '']);
    const added = missingSectionInsertions(before, POLICY);
    // The policy has versions and reporting sections: what to expect and disclosure go at its end.
    assert.deepEqual(
      added.map((insertion) => [insertion.offset, headings(insertion.text)]),
      [[before.length, ['## What to Expect', '## Disclosure Policy']]],
    );
    assert.equal(document.getText(), before + added[0].text);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), document.uri.toString());
    // The server lints the edited text: it has a disclosure policy now, and no section twice. The
    // contact belongs to the reporting section, which the policy had: it is still missing.
    await waitForCodes(document.uri, {
      present: ['policy/no-contact'],
      absent: ['policy/no-disclosure-policy', 'policy/duplicate-section'],
    });
  });

  it('asks for the contact when the policy has no reporting section, and writes it there', async () => {
    const document = await open('docs/SECURITY.md');
    const editor = vscode.window.activeTextEditor!;
    const policy = '# Security Policy\n\n## Supported Versions\n\nOnly the latest release receives security fixes.\n';
    await editor.edit((builder) => builder.replace(wholeDocument(document), policy));
    await waitForCodes(document.uri, { present: ['policy/no-contact'] });

    const { prompts } = await withPrompts(ANSWERS, () => vscode.commands.executeCommand(COMMAND));

    assert.deepEqual(titles(prompts), [TEMPLATE_TITLE, CONTACT_TITLE, PROJECT_TITLE, VERSION_TITLE]);
    const added = missingSectionInsertions(policy, POLICY);
    assert.deepEqual(
      added.map((insertion) => [insertion.offset, headings(insertion.text)]),
      [[policy.length, ['## Reporting a Vulnerability', '## What to Expect', '## Disclosure Policy']]],
    );
    assert.equal(document.getText(), policy + added[0].text);
    assert.match(document.getText(), /^Please report vulnerabilities privately by email to security@acme\.dev\. /m);
    await waitForCodes(document.uri, { absent: ['policy/no-contact', 'policy/no-reporting-section'] });
  });

  describe('in a workspace with no policy', () => {
    const policies = POLICY_PATHS.map((path) => workspaceUri(path));
    let saved: Map<string, Uint8Array>;

    // The fixture has a policy at every place GitHub reads one: remove them all for each test, and
    // put them back after it. Deleting through a WorkspaceEdit (not workspace.fs) makes the editor
    // drop the documents it kept for them, so the command cannot be handed a stale document.
    beforeEach(async () => {
      saved = new Map();
      const edit = new vscode.WorkspaceEdit();
      for (const uri of policies) {
        if (!(await exists(uri))) continue;
        saved.set(uri.toString(), await vscode.workspace.fs.readFile(uri));
        edit.deleteFile(uri);
      }
      await applyEdit(edit, 'delete the policies');
      await waitUntil(
        [vscode.workspace.onDidCloseTextDocument],
        () => !policies.some(isOpen),
        () => `the extension host to close ${policies.filter(isOpen).map(relative).join(', ')}`,
      );
      for (const uri of policies) assert.equal(await exists(uri), false, `${relative(uri)} is gone`);
    });

    // Created with overwrite through a WorkspaceEdit, so a document still open for a path is
    // reverted to the restored text, which later tests open.
    afterEach(async () => {
      await revertAndCloseAll();
      const edit = new vscode.WorkspaceEdit();
      for (const uri of policies) {
        const contents = saved.get(uri.toString());
        if (contents) edit.createFile(uri, { overwrite: true, contents });
        else edit.deleteFile(uri, { ignoreIfNotExists: true });
      }
      await applyEdit(edit, 'restore the policies');
      for (const uri of policies) {
        const contents = saved.get(uri.toString());
        if (!contents) continue;
        assert.equal(decode(await vscode.workspace.fs.readFile(uri)), decode(contents), `${relative(uri)} on disk`);
        const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === uri.toString());
        if (document) assert.equal(document.getText(), decode(contents), `${relative(uri)} in the editor`);
      }
    });

    it('changes nothing when the user presses Escape at the contact question', async () => {
      const activeBefore = vscode.window.activeTextEditor?.document.uri.toString();
      const { prompts } = await withPrompts({ template: pickStandard, contact: undefined }, () =>
        vscode.commands.executeCommand(COMMAND),
      );
      assert.deepEqual(titles(prompts), [TEMPLATE_TITLE, CONTACT_TITLE]);
      for (const uri of policies) assert.equal(await exists(uri), false, `${relative(uri)} was not created`);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), activeBefore, 'the active editor');
      const dirty = vscode.workspace.textDocuments.filter((document) => document.isDirty);
      assert.deepEqual(
        dirty.map((document) => relative(document.uri)),
        [],
        'no document was edited',
      );
    });

    it('creates SECURITY.md where the user chooses, opens it, and it lints clean', async () => {
      const uri = workspaceUri('SECURITY.md');
      const { prompts } = await withPrompts(
        { ...ANSWERS, where: (items) => items.find((item) => item === 'SECURITY.md') },
        () => vscode.commands.executeCommand(COMMAND),
      );
      assert.deepEqual(titles(prompts), [TEMPLATE_TITLE, CONTACT_TITLE, PROJECT_TITLE, VERSION_TITLE, WHERE_TITLE]);
      assert.deepEqual(prompts[4].items, ['SECURITY.md', '.github/SECURITY.md']);
      assert.equal(decode(await vscode.workspace.fs.readFile(uri)), POLICY);
      const document = vscode.window.activeTextEditor?.document;
      assert.ok(document, 'an editor is active');
      assert.equal(document.uri.toString(), uri.toString(), 'the new policy is in the active editor');
      assert.equal(document.getText(), POLICY);
      assert.equal(document.isDirty, false);
      for (const path of ['.github/SECURITY.md', 'docs/SECURITY.md']) {
        assert.equal(await exists(workspaceUri(path)), false, `${path} was not created`);
      }

      // A policy that lints clean publishes no diagnostics, and "none yet" looks the same. The
      // client sends didOpen in order and the server lints in order, so once a file opened after
      // the policy has its diagnostics, the policy's are in too.
      const barrier = await vscode.workspace.openTextDocument(workspaceUri('insert-barrier.compose.yaml'));
      await waitForCodes(barrier.uri, { present: COMPOSE_CODES });
      const problems = ours(uri).filter(
        (diagnostic) =>
          diagnostic.severity === vscode.DiagnosticSeverity.Error ||
          diagnostic.severity === vscode.DiagnosticSeverity.Warning,
      );
      assert.equal(describeDiagnostics(problems), '(none)');
    });
  });
});
