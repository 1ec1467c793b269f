/**
 * The name and product version a `package.json` text declares; anything unreadable is left out. A
 * private workspace root (`"private": true` with `"workspaces"`, or with workspaces declared beside
 * it, as pnpm does in `pnpm-workspace.yaml`: `workspacesBeside`) gives no version: it is the
 * repository's tooling, never published, and its version (often a placeholder) is not the version
 * of the packages it holds.
 */
export function readPackageManifest(
  text: string | undefined,
  workspacesBeside = false,
): {
  name?: string;
  version?: string;
  workspaceRoot?: true;
} {
  let manifest: unknown;
  try {
    manifest = text === undefined ? {} : JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof manifest !== 'object' || manifest === null) return {};
  const { name, version, private: isPrivate, workspaces } = manifest as Record<string, unknown>;
  const workspaceRoot =
    isPrivate === true && (workspacesBeside || (typeof workspaces === 'object' && workspaces !== null));
  return {
    ...(typeof name === 'string' && name !== '' ? { name } : {}),
    ...(typeof version === 'string' && !workspaceRoot ? { version } : {}),
    ...(workspaceRoot ? { workspaceRoot } : {}),
  };
}
