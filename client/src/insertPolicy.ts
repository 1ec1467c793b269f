import { basename, posix } from 'node:path';
import { Uri, window, workspace, type QuickPickItem, type WorkspaceFolder } from 'vscode';
import { githubRepositoryFromGitConfig } from '../../common/git-remote';
import {
  checkContact,
  privateReportingUrl,
  renderPolicy,
  TEMPLATE_DESCRIPTIONS,
  TEMPLATE_NAMES,
  type TemplateName,
} from '../../common/templates/policy';
import { byPolicyPrecedence, isPolicyPath, POLICY_GLOB } from '../../common/files';
import { hasReportingSection, missingSectionInsertions } from '../../common/templates/missing-sections';
import { choosePolicyTarget, NEW_POLICY_LOCATIONS, projectDefaults } from './policyTarget';

export async function readText(uri: Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/**
 * The workspace's existing policies, at the root, in .github/ or in docs/ of each folder: by
 * folder, and in a folder first the one GitHub shows (findFiles answers in no set order).
 */
export async function findPolicies(): Promise<Uri[]> {
  const found = await workspace.findFiles(POLICY_GLOB, undefined, 10);
  const folderIndex = (uri: Uri) => workspace.getWorkspaceFolder(uri)?.index ?? Number.MAX_SAFE_INTEGER;
  return found.sort(
    (left, right) =>
      folderIndex(left) - folderIndex(right) ||
      byPolicyPrecedence(workspace.asRelativePath(left, false), workspace.asRelativePath(right, false)),
  );
}

/** `owner/name` of the folder's GitHub remote, from its `.git/config`. */
export async function githubRepositoryOf(folder: WorkspaceFolder | undefined): Promise<string | undefined> {
  const gitConfig = folder ? await readText(Uri.joinPath(folder.uri, '.git', 'config')) : undefined;
  return gitConfig ? githubRepositoryFromGitConfig(gitConfig) : undefined;
}

type Step = 'template' | 'contact' | 'project name' | 'current version';
/** A prompt's title: `Insert security policy (2/4): contact`. */
type StepTitle = (step: Step) => string;

async function pickTemplate(title: StepTitle): Promise<TemplateName | undefined> {
  const items: (QuickPickItem & { template: TemplateName })[] = TEMPLATE_NAMES.map((template) => ({
    label: template[0].toUpperCase() + template.slice(1),
    description: TEMPLATE_DESCRIPTIONS[template],
    template,
  }));
  const picked = await window.showQuickPick(items, {
    title: title('template'),
    placeHolder: 'Pick how complete the policy should be',
  });
  return picked?.template;
}

async function askContact(folder: WorkspaceFolder | undefined, title: StepTitle): Promise<string | undefined> {
  const repository = await githubRepositoryOf(folder);
  if (repository) {
    const privateReporting = privateReportingUrl(repository);
    const picked = await window.showQuickPick(
      [
        { label: 'GitHub private vulnerability reporting', description: privateReporting, value: privateReporting },
        { label: 'An email address or another URL…', value: '' },
      ],
      { title: title('contact'), placeHolder: 'Where should researchers report?' },
    );
    if (!picked) return undefined;
    if (picked.value) return picked.value;
  }
  return window.showInputBox({
    title: title('contact'),
    prompt: 'A private channel: an email address or an https:// URL of a reporting form',
    placeHolder: 'security@example.org',
    ignoreFocusOut: true,
    validateInput: (value) => {
      const check = checkContact(value);
      return check.ok ? undefined : check.reason;
    },
  });
}

/** Runs "Insert security policy": every prompt can be cancelled with Escape, which changes nothing. */
export async function insertSecurityPolicy(): Promise<void> {
  const editor = window.activeTextEditor;
  const folder = (editor && workspace.getWorkspaceFolder(editor.document.uri)) ?? workspace.workspaceFolders?.[0];
  const existing = await findPolicies();
  const target = choosePolicyTarget(
    editor !== undefined && isPolicyPath(editor.document.uri.path),
    existing.map((uri) => uri.toString()),
  );
  if (target.action === 'open') {
    const document = await workspace.openTextDocument(Uri.parse(target.path));
    await window.showTextDocument(document);
    void window.showInformationMessage(
      `This workspace already has a security policy (${workspace.asRelativePath(document.uri)}); it was opened instead of overwritten.`,
    );
    return;
  }

  // A policy with its own reporting section keeps it: no contact is asked for, none is added.
  const into = target.action === 'insert' && editor ? editor.document.getText() : '';
  const steps: Step[] = hasReportingSection(into)
    ? ['template', 'project name', 'current version']
    : ['template', 'contact', 'project name', 'current version'];
  const title: StepTitle = (step) => `Insert security policy (${steps.indexOf(step) + 1}/${steps.length}): ${step}`;

  const template = await pickTemplate(title);
  if (!template) return;
  let contact: string | undefined;
  if (steps.includes('contact')) {
    contact = await askContact(folder, title);
    if (contact === undefined) return;
  }
  const defaults = projectDefaults(
    folder ? await readText(Uri.joinPath(folder.uri, 'package.json')) : undefined,
    folder ? basename(folder.uri.path) : 'this project',
  );
  const project = await window.showInputBox({
    title: title('project name'),
    value: defaults.name,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? 'Enter the project name readers know.' : undefined),
  });
  if (project === undefined) return;
  const version = await window.showInputBox({
    title: title('current version'),
    prompt: 'The release line that receives security fixes; leave empty to support the latest release only',
    value: defaults.version ?? '',
    ignoreFocusOut: true,
  });
  if (version === undefined) return;
  const text = renderPolicy({
    template,
    contact: contact?.trim(),
    project: project.trim(),
    version: version.trim() || undefined,
  });

  if (target.action === 'insert' && editor) {
    const { document } = editor;
    if (document.getText().trim() === '') {
      const eol = document.eol === 2 ? '\r\n' : '\n';
      await editor.edit((builder) => builder.insert(editor.selection.active, text.replace(/\n/g, eol)));
      return;
    }
    // A policy with text keeps it: only the sections it lacks are added, in the canonical order.
    const insertions = missingSectionInsertions(document.getText(), text);
    if (insertions.length === 0) {
      void window.showInformationMessage(`The policy already has every section of the ${template} template.`);
      return;
    }
    await editor.edit((builder) => {
      for (const { offset, text: section } of insertions) builder.insert(document.positionAt(offset), section);
    });
    return;
  }
  if (!folder) {
    const document = await workspace.openTextDocument({ language: 'markdown', content: text });
    await window.showTextDocument(document);
    return;
  }
  const choices = target.action === 'create' ? target.choices : NEW_POLICY_LOCATIONS;
  const location =
    choices.length === 1
      ? choices[0]
      : await window.showQuickPick(choices, {
          title: 'Insert security policy: where',
          placeHolder: 'GitHub reads SECURITY.md at the root, in .github/ or in docs/',
        });
  if (!location) return;
  const uri = Uri.joinPath(folder.uri, ...posix.normalize(location).split('/'));
  await workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await window.showTextDocument(await workspace.openTextDocument(uri));
}
