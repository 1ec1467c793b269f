import { posix } from 'node:path';
import { Uri, workspace } from 'vscode';
import { folderRole, isPolicyFolder, type PolicyFolderRole } from '../../common/files';

/** The names in a folder; none when it cannot be read. */
async function entryNames(folder: Uri): Promise<string[]> {
  try {
    return (await workspace.fs.readDirectory(folder)).map(([name]) => name);
  } catch {
    return [];
  }
}

/** What a folder is to its policies; a workspace folder is a repository's root, as the editor lints it. */
async function roleOf(folder: Uri): Promise<PolicyFolderRole> {
  if (workspace.getWorkspaceFolder(folder)?.uri.toString() === folder.toString()) return 'repository';
  return folderRole(await entryNames(folder));
}

/**
 * Whether a `SECURITY.md` is a policy rather than a page of documentation, as the CLI decides in a
 * folder walk (isPolicyFolder): "Lint Workspace" lints the same policies as `secpolicy .`.
 */
export async function isWorkspacePolicy(uri: Uri): Promise<boolean> {
  const folder = Uri.joinPath(uri, '..');
  const role = await roleOf(folder);
  if (role !== undefined) return true;
  return isPolicyFolder(posix.basename(folder.path), role, await roleOf(Uri.joinPath(folder, '..')));
}
