import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The repository: the extension's development path. */
export const ROOT = resolve(__dirname, '..', '..');

/**
 * User settings for both launchers: no telemetry, start page, experiments, update checks, tips
 * or auto-save (web VS Code would otherwise save edits about a second after they happen).
 */
export const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'files.autoSave': 'off',
  // Files the tests delete (insertPolicy.test.ts) go for good, not to the desktop's trash.
  'files.enableTrash': false,
  'workbench.reduceMotion': 'on',
  // One editor line per text line, so the user's-eye test reads whole sentences.
  '[markdown]': { 'editor.wordWrap': 'off' },
};

/**
 * The files of the workspace folder the real-editor tests open. Written afresh into a temporary
 * folder for every run, so an edit (or web VS Code's auto-save) never leaks into the next run.
 * Each test edits its own file: order does not matter.
 */
export const POLICY_WITHOUT_CONTACT = `# Security Policy

## Supported Versions

Only the latest release receives security fixes.

## Reporting a Vulnerability

Tell us about it. We acknowledge reports within 2 business days.
`;

/** A bare policy that trips several rules: here it stands in for a Markdown file that is not ours. */
const POLICY_BARE = `# Security Policy

We fix bugs.
`;

const COMPOSE = `services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: postgres
  proxy:
    image: traefik:v3.1
    command:
      - --certificatesresolvers.le.acme.caserver=https://acme-staging-v02.api.letsencrypt.org/directory
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock
`;

export const WORKSPACE_FILES: Readonly<Record<string, string>> = {
  // Read only (activation, diagnostics, settings), but for the crash-recovery test's edit, which
  // its afterEach reverts, and the insert-policy tests, which delete and restore every policy.
  'SECURITY.md': POLICY_WITHOUT_CONTACT,
  'compose.yaml': COMPOSE,
  // The restart test's own: no earlier close can clear its diagnostics while it watches.
  'restart.compose.yaml': COMPOSE,
  // Edited by the quick-fix test.
  '.github/SECURITY.md': POLICY_WITHOUT_CONTACT,
  // Edited by the fix-all test: fix-all (as on save) applies the staging fix, which needs no review,
  // and leaves the password's and the socket's, which do.
  'fixall.compose.yaml': COMPOSE,
  // Not ours: they would trip rules if the extension linted every Markdown or YAML file.
  'README.md': POLICY_BARE,
  'other.yaml': COMPOSE,
  // Opened after the two above: once its diagnostics are in, theirs would be too.
  'barrier.compose.yaml': COMPOSE,
  // Edited by the missing-sections test (insertPolicy.test.ts): the third place GitHub reads a policy.
  'docs/SECURITY.md': POLICY_WITHOUT_CONTACT,
  // The insert-policy test's barrier: opened after the new SECURITY.md, once.
  'insert-barrier.compose.yaml': COMPOSE,
  // Lint Workspace (extension.test.ts): a package's policy is one; a page of the documentation is not.
  'packages/api/package.json': '{ "name": "api", "version": "1.0.0" }\n',
  'packages/api/SECURITY.md': POLICY_WITHOUT_CONTACT,
  'docs/guide/security.md': POLICY_WITHOUT_CONTACT,
};

/** The user's-eye test: one policy with no contact, and a file that is not ours. */
export const UI_WORKSPACE_FILES: Readonly<Record<string, string>> = {
  'SECURITY.md': POLICY_WITHOUT_CONTACT,
  'README.md': '# Demo\n\nA project with a security policy.\n',
};

/**
 * The user's-eye test's second folder: no policy anywhere, so "Insert Security Policy" creates one,
 * and a compose file with nothing under `services:` to type a snippet into.
 */
export const UI_NO_POLICY_FILES: Readonly<Record<string, string>> = {
  'compose.yaml': 'services:\n',
};

/** A policy that lints clean: a contact, a timeline, disclosure and supported versions. */
const POLICY_WITH_CONTACT = `# Security Policy

## Reporting a Vulnerability

Email security@acme.dev. We reply within 2 business days, and publish a GitHub Security Advisory
once a fix is released.

## Supported Versions

Only the latest release receives security fixes.
`;

/**
 * The user's-eye test's third folder: a policy whose deployment promise its Compose file breaks,
 * with a contact and a timeline so that the broken promise is what the editor shows.
 */
export const UI_PROMISE_FILES: Readonly<Record<string, string>> = {
  'SECURITY.md': `${POLICY_WITH_CONTACT}
## Deployment

- The API runs as a non-root user.
- The Docker socket is mounted read-only.
`,
  'compose.yaml': `services:
  api:
    image: ghcr.io/acme/api:2.3.1
    read_only: true
    user: root
  agent:
    image: ghcr.io/acme/agent:1.4.0
    read_only: true
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock:ro
`,
};

/**
 * The user's-eye test's fourth folder: a clean policy, a GitHub remote and no security.txt, for
 * "Create security.txt"; the Compose file's default password is the Problems panel's barrier.
 */
export const UI_SECURITY_TXT_FILES: Readonly<Record<string, string>> = {
  'SECURITY.md': POLICY_WITH_CONTACT,
  '.git/config': '[remote "origin"]\n\turl = https://github.com/acme/widgets.git\n',
  'compose.yaml': COMPOSE,
};

/** Writes `files` into `folder` (created if needed) and returns `folder`. */
export function writeWorkspace(folder: string, files: Readonly<Record<string, string>>): string {
  for (const [relative, text] of Object.entries(files)) {
    const file = join(folder, relative);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return folder;
}
