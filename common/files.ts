/**
 * Which files secpolicy reads, decided in one place for the language server, the CLI and the
 * extension: the kind a file name gives, where GitHub reads a repository's policy, and the globs
 * the editor watches and searches with.
 */

/** What a file is, decided from its name. */
export type DocumentKind = 'policy' | 'compose' | 'dotenv' | 'securitytxt';

/**
 * The kind of document a path names: `SECURITY.md` in any case, Compose files
 * (`compose.y(a)ml`, `docker-compose.y(a)ml` and any `*compose*.y(a)ml` override), `.env` files,
 * and `security.txt` (RFC 9116), in `.well-known/` or anywhere else.
 */
export function documentKind(path: string): DocumentKind | undefined {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  if (/^security\.md$/i.test(name)) return 'policy';
  // Lower case only, as RFC 9116 names it and web servers serve it: SECURITY.txt is some other note.
  if (name === 'security.txt') return 'securitytxt';
  const lower = name.toLowerCase();
  // .env, .env.production, app.env; not the examples that ship placeholders on purpose.
  if (
    (lower === '.env' || lower.startsWith('.env.') || lower.endsWith('.env')) &&
    !/\.(?:example|sample|template|dist)$/.test(lower)
  ) {
    return 'dotenv';
  }
  if ((lower.endsWith('.yml') || lower.endsWith('.yaml')) && lower.includes('compose')) return 'compose';
  return undefined;
}

/**
 * Where GitHub reads a repository's security policy, relative to its root, in the order it looks:
 * `.github/` first, then the root, then `docs/`: the order GitHub documents for the README and
 * CONTRIBUTING files it reads from the same three places (its security policy page names the places only).
 */
export const POLICY_LOCATIONS: readonly string[] = ['.github/SECURITY.md', 'SECURITY.md', 'docs/SECURITY.md'];

/** Whether a path names a policy file (`SECURITY.md` in any letter case). */
export function isPolicyPath(path: string): boolean {
  return /(?:^|[\\/])security\.md$/i.test(path);
}

/**
 * Where a policy stands in GitHub's order, from its path relative to the repository's root (with
 * `/` or a backslash between folders): 0 for `.github/`, 1 for the root, 2 for `docs/`, and 3 for a place
 * GitHub does not read.
 */
export function policyPrecedence(relativePath: string): number {
  const path = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  const slash = path.lastIndexOf('/');
  const folder = path.slice(0, slash + 1);
  if (!isPolicyPath(path.slice(slash + 1))) return POLICY_LOCATIONS.length;
  const index = POLICY_LOCATIONS.findIndex((location) => location.slice(0, location.lastIndexOf('/') + 1) === folder);
  return index === -1 ? POLICY_LOCATIONS.length : index;
}

/** Orders policy paths (relative to their repository's root) as GitHub picks one: its choice first, then by path. */
export function byPolicyPrecedence(left: string, right: string): number {
  return policyPrecedence(left) - policyPrecedence(right) || (left < right ? -1 : left > right ? 1 : 0);
}

/**
 * What a folder is to a policy in it: the root of a repository (or of the folder linted, or of a
 * workspace folder), the root of a package of its own, or neither.
 */
export type PolicyFolderRole = 'repository' | 'package' | undefined;

/** Files that make the folder holding them a package, whose readers look for its own `SECURITY.md`. */
export const PACKAGE_MANIFESTS: readonly string[] = [
  'package.json',
  'deno.json',
  'Cargo.toml',
  'go.mod',
  'pyproject.toml',
  'setup.py',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'composer.json',
  'Gemfile',
  'mix.exs',
  'pubspec.yaml',
  'Package.swift',
];

/** The role of a folder from the names of its entries: `.git` (a folder, or a file in a submodule) or a package manifest. */
export function folderRole(entryNames: readonly string[]): PolicyFolderRole {
  if (entryNames.includes('.git')) return 'repository';
  return entryNames.some((name) => PACKAGE_MANIFESTS.includes(name)) ? 'package' : undefined;
}

/**
 * Whether a `SECURITY.md` in the folder `folderName` is a policy rather than a page of
 * documentation: at a repository's root, in its `.github/` or in its `docs/` (where GitHub reads
 * one), or at a package's root (`packages/api/SECURITY.md`: GitHub shows it nowhere, but the
 * package's maintainers and readers go by it). Not deeper: `docs/guide/security.md` and
 * `website/docs/security.md` are documentation about security.
 */
export function isPolicyFolder(folderName: string, role: PolicyFolderRole, parentRole: PolicyFolderRole): boolean {
  if (role !== undefined) return true;
  return parentRole === 'repository' && POLICY_LOCATIONS.some((location) => location === `${folderName}/SECURITY.md`);
}

/** `SECURITY.md` in any letter case, as a glob. */
export const POLICY_NAME_GLOB = '[Ss][Ee][Cc][Uu][Rr][Ii][Tt][Yy].[Mm][Dd]';
/** Policies where GitHub reads them, relative to a workspace folder. */
export const POLICY_GLOB = `{${POLICY_NAME_GLOB},.github/${POLICY_NAME_GLOB},docs/${POLICY_NAME_GLOB}}`;
/** compose.y(a)ml, docker-compose.y(a)ml and every *compose*.y(a)ml override. */
export const COMPOSE_GLOB = '**/*compose*.{yml,yaml}';
/** .env, .env.production, app.env; the server leaves .env.example and its kin alone. */
export const DOTENV_GLOB = '**/{.env,.env.*,*.env}';
/** security.txt (RFC 9116), in .well-known/ or anywhere else. */
export const SECURITY_TXT_GLOB = '**/security.txt';
/** Every file "Lint Workspace" looks at. */
export const LINTED_FILES_GLOB = `**/{${POLICY_NAME_GLOB},*compose*.yml,*compose*.yaml,security.txt,.env,.env.*,*.env}`;
/** Files whose change alters the findings of other files: config, project facts, the project `.env`. */
export const FACT_FILES_GLOB = '**/{.secpolicy.json,package.json,.git/config,.env}';

/**
 * A top-level `services:` key, then a key only a Compose service has: `image:` or `build:`, or, in a
 * fragment used with `-f` that only adds to services, one such as `security_opt:` or `healthcheck:`.
 */
const SERVICES_KEY = /^services:[ \t]*(?:#[^\n]*)?$/m;
const SERVICE_KEY =
  /^[ \t]{2,8}(?:image|build|security_opt|healthcheck|depends_on|env_file|cap_add|cap_drop|extends|container_name|network_mode|privileged|read_only|tmpfs):/m;

/**
 * Whether a YAML text reads like a Compose file whatever it is called (`jibri.yml`, `podman.yml`
 * used with `docker compose -f`): a top-level `services:` whose services have keys only Compose uses.
 */
export function looksLikeCompose(text: string): boolean {
  return SERVICES_KEY.test(text) && SERVICE_KEY.test(text);
}
