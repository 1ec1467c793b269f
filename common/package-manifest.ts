/** The name and version a `package.json` text declares; anything unreadable is left out. */
export function readPackageManifest(text: string | undefined): { name?: string; version?: string } {
  let manifest: unknown;
  try {
    manifest = text === undefined ? {} : JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof manifest !== 'object' || manifest === null) return {};
  const { name, version } = manifest as Record<string, unknown>;
  return {
    ...(typeof name === 'string' && name !== '' ? { name } : {}),
    ...(typeof version === 'string' ? { version } : {}),
  };
}
