import { satisfies } from 'semver';

/**
 * The Node.js versions the CLI and the language server run on, from package.json's `engines.node`
 * (the build writes it in; unbundled runs from source have no range and check nothing).
 */
const SUPPORTED = process.env.SECPOLICY_NODE_RANGE;

/**
 * A one-line message when this Node.js is older than the package supports, so that an old runtime
 * fails with a clear word instead of a syntax error deep in a bundle; undefined when it is fine.
 */
export function unsupportedNode(
  program: string,
  version = process.versions.node,
  supported = SUPPORTED,
): string | undefined {
  if (supported === undefined || satisfies(version, supported)) return undefined;
  return `${program} needs Node.js ${supported}; this is Node.js ${version}. Install a newer Node.js (https://nodejs.org).`;
}
