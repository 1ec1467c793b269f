/**
 * Path arithmetic on strings, for the pure parts of the engine (which read no files and import no
 * `node:path`): Compose names other files relative to the file that names them.
 */

/** The folder part of `path` (`/a/b/c.yml` gives `/a/b`). */
export function parentOf(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (slash === -1) return '.';
  return slash === 0 ? path.slice(0, 1) : path.slice(0, slash);
}

/** `relative` resolved against the folder `base`, `.` and `..` folded; an absolute `relative` stands alone. */
export function resolvePath(base: string, relative: string): string {
  const normalised = relative.replace(/\\/g, '/');
  const absolute = normalised.startsWith('/') || /^[A-Za-z]:\//.test(normalised);
  const joined = absolute ? normalised : `${base.replace(/\\/g, '/')}/${normalised}`;
  const drive = /^[A-Za-z]:/.exec(joined)?.[0] ?? '';
  const parts: string[] = [];
  for (const part of joined.slice(drive.length).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `${drive}/${parts.join('/')}`;
}

/** The name of the file `path` names. */
export function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
