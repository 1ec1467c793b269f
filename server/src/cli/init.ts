import { lstatSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { readPackageManifest } from '../../../common/package-manifest';
import { checkContact, renderPolicy, TEMPLATE_NAMES, type TemplateName } from '../../../common/templates/policy';
import { MAX_SETTINGS_BYTES } from '../engine/limits';
import { policiesIn } from '../project/deployment';
import { readText } from '../project/read';
import { lintText } from '../rules';
import { printable, type CliIo } from './io';
import { writeAll } from './write';

const USAGE = `Usage: secpolicy init --contact <email|url> [--template minimal|standard|comprehensive] [--project <name>] [--project-version <version>] [--force]

Writes SECURITY.md in the current folder from a template. With --force, an existing policy is
replaced where it is (.github/ first, then the root, then docs/: the one GitHub shows). The project
name and version default to those in package.json (else the folder name and "latest release only").`;

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function packageManifest(cwd: string): { name?: string; version?: string } {
  return readPackageManifest(readText(join(cwd, 'package.json'), MAX_SETTINGS_BYTES));
}

const PLACEHOLDER_RULE = 'policy/placeholder-contact';

/**
 * Whether the linter would call the policy's contact a stand-in (security@example.com,
 * github.com/OWNER/REPO): asking the rule itself keeps init and the linter in agreement.
 */
function isPlaceholderContact(policy: string): boolean {
  const config = { rules: { [PLACEHOLDER_RULE]: 'error' as const } };
  return lintText('policy', policy, { config }).findings.some((finding) => finding.ruleId === PLACEHOLDER_RULE);
}

/** `secpolicy init`: writes a policy from the same templates as the editor command. */
export function runInit(argv: string[], io: CliIo): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        template: { type: 'string', short: 't' },
        contact: { type: 'string' },
        project: { type: 'string' },
        'project-version': { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    io.stderr(`secpolicy init: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const template = (values.template ?? 'standard') as TemplateName;
  if (!TEMPLATE_NAMES.includes(template)) {
    io.stderr(`secpolicy init: --template must be minimal, standard or comprehensive, not "${template}"\n`);
    return 2;
  }
  if (values.contact === undefined) {
    io.stderr(`secpolicy init: --contact is required (an email address or an https:// URL)\n`);
    return 2;
  }
  const contact = checkContact(values.contact);
  if (!contact.ok) {
    io.stderr(`secpolicy init: --contact: ${contact.reason}\n`);
    return 2;
  }
  // An existing policy is the one replaced: a new SECURITY.md beside a .github/SECURITY.md would
  // not be the one GitHub shows.
  const existing = policiesIn(io.cwd)[0];
  const target = existing ?? join(io.cwd, 'SECURITY.md');
  const name = relative(io.cwd, target).split(sep).join('/');
  // A link, even one to nothing, would have the policy written somewhere else than this folder.
  if (isLink(target)) {
    io.stderr(`secpolicy init: ${name} is a symbolic link; init writes no file through a link\n`);
    return 2;
  }
  if (existing && !values.force) {
    io.stderr(`secpolicy init: ${name} already exists; use --force to overwrite it\n`);
    return 2;
  }
  const manifest = packageManifest(io.cwd);
  const project = values.project ?? manifest.name ?? basename(io.cwd);
  const version = values['project-version'] ?? manifest.version;
  const policy = renderPolicy({ template, contact: values.contact.trim(), project, version });
  if (isPlaceholderContact(policy)) {
    io.stderr(
      `secpolicy init: --contact: "${printable(values.contact.trim())}" is a placeholder; give an address or link your security team reads\n`,
    );
    return 2;
  }
  const [failed] = writeAll([{ path: target, text: policy }]);
  if (failed) {
    io.stderr(`secpolicy init: ${name} ${failed.message}\n`);
    return 2;
  }
  io.stdout(`Wrote ${name} (${template} template) for ${project}.\n`);
  return 0;
}
