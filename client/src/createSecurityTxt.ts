import { Uri, window, workspace } from 'vscode';
import { firstPolicyContact, githubPolicyUrl, renderSecurityTxt, WELL_KNOWN_PATH } from '../../common/security-txt';
import { checkContact, privateReportingUrl } from '../../common/templates/policy';
import { findPolicies, githubRepositoryOf, readText } from './insertPolicy';

async function exists(uri: Uri): Promise<boolean> {
  try {
    await workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function checkSite(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  try {
    return new URL(value.trim()).protocol === 'https:' ? undefined : 'security.txt must be served over https://.';
  } catch {
    return `"${value.trim()}" is not a URL such as https://example.org.`;
  }
}

/**
 * Runs "Create security.txt": writes `.well-known/security.txt` in the workspace folder, never over
 * an existing one; Escape at any prompt changes nothing.
 */
export async function createSecurityTxt(): Promise<void> {
  const editor = window.activeTextEditor;
  const folder = (editor && workspace.getWorkspaceFolder(editor.document.uri)) ?? workspace.workspaceFolders?.[0];
  if (!folder) {
    void window.showInformationMessage('Open a folder first: security.txt is written to its .well-known/ folder.');
    return;
  }
  const target = Uri.joinPath(folder.uri, ...WELL_KNOWN_PATH.split('/'));
  if (await exists(target)) {
    const open = await window.showInformationMessage(
      `${WELL_KNOWN_PATH} already exists; it is left as it is.`,
      'Open It',
    );
    if (open) await window.showTextDocument(await workspace.openTextDocument(target));
    return;
  }

  const repository = await githubRepositoryOf(folder);
  const policy = (await findPolicies()).find(
    (uri) => workspace.getWorkspaceFolder(uri)?.uri.toString() === folder.uri.toString(),
  );
  const policyText = policy ? await readText(policy) : undefined;
  const contact = await window.showInputBox({
    title: 'Create security.txt (1/2): contact',
    prompt: 'Where researchers report: an email address or an https:// URL of a private form',
    value: (policyText && firstPolicyContact(policyText)) ?? (repository ? privateReportingUrl(repository) : ''),
    placeHolder: 'security@example.org',
    ignoreFocusOut: true,
    validateInput: (value) => {
      const check = checkContact(value);
      return check.ok ? undefined : check.reason;
    },
  });
  if (contact === undefined) return;
  const site = await window.showInputBox({
    title: 'Create security.txt (2/2): site',
    prompt: "The site's address, for the Canonical field; leave empty when the file is not served yet",
    placeHolder: 'https://example.org',
    ignoreFocusOut: true,
    validateInput: checkSite,
  });
  if (site === undefined) return;

  const text = renderSecurityTxt({
    contact,
    now: new Date().toISOString(),
    policyUrl: policy && repository ? githubPolicyUrl(repository) : undefined,
    site: site.trim() || undefined,
  });
  await workspace.fs.writeFile(target, new TextEncoder().encode(text));
  await window.showTextDocument(await workspace.openTextDocument(target));
}
