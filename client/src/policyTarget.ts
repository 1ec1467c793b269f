import { readPackageManifest } from '../../common/package-manifest';

/** Where "Insert security policy" puts the text; a pure decision, tested without an editor. */

/**
 * Where a new policy may go, the root first: where readers of the repository see it in the file
 * list. (GitHub would show one in `.github/` over it; there is none when a policy is created.)
 */
export const NEW_POLICY_LOCATIONS: readonly string[] = ['SECURITY.md', '.github/SECURITY.md'];

export type PolicyTarget =
  { action: 'insert' } | { action: 'open'; path: string } | { action: 'create'; choices: string[] };

/**
 * The active editor holding a policy gets the text at the cursor; an existing policy elsewhere is
 * opened rather than overwritten (the first of `existingPolicies`: list the one GitHub shows
 * first); otherwise a new file is created where the user chooses.
 */
export function choosePolicyTarget(activeEditorIsPolicy: boolean, existingPolicies: readonly string[]): PolicyTarget {
  if (activeEditorIsPolicy) return { action: 'insert' };
  if (existingPolicies.length > 0) return { action: 'open', path: existingPolicies[0] };
  return { action: 'create', choices: [...NEW_POLICY_LOCATIONS] };
}

/** The project name and version for the template, from package.json text and the folder name. */
export function projectDefaults(
  manifestText: string | undefined,
  folderName: string,
): { name: string; version?: string } {
  const manifest = readPackageManifest(manifestText);
  return {
    name: manifest.name ?? folderName,
    ...(manifest.version !== undefined ? { version: manifest.version } : {}),
  };
}
