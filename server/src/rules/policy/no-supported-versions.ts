import type { Rule } from '../../engine/types';
import type { PolicyModel } from '../../formats/policy';
import { documentAnchor, insertSection, sectionsWith } from './helpers';

/** Sentences that settle which versions get fixes without a table. */
const SUPPORT_STATEMENT =
  /\bonly (?:the )?(?:latest|most recent|current|newest)\b|\b(?:latest|most recent|current|newest) (?:stable |major |minor )?(?:release|version)s? (?:is|are) supported|\bwe (?:only )?support (?:the )?(?:latest|current|most recent)|security (?:fixes|updates|patches) (?:are|will be) (?:only )?(?:released|provided|applied|backported) (?:for|to) (?:the )?(?:latest|current|most recent)|\ball versions are supported\b/i;

/** Rows for a supported-versions table built from the project's current version. */
function versionRows(version: string | undefined): string[] {
  const match = version ? /^v?(\d+)\.(\d+)/.exec(version) : null;
  if (!match) {
    return ['Security fixes are released for the latest version only. Please upgrade before reporting a problem.'];
  }
  const [, major, minor] = match;
  return [
    '| Version | Supported |',
    '| ------- | --------- |',
    `| ${major}.${minor}.x | ✅ |`,
    `| < ${major}.${minor} | ❌ |`,
  ];
}

export const noSupportedVersions: Rule<PolicyModel> = {
  meta: {
    id: 'policy/no-supported-versions',
    kind: 'policy',
    defaultSeverity: 'warning',
    description: 'The policy does not say which versions receive security fixes (a versions table or a statement).',
  },
  check(model, context) {
    if (model.versionsTables.some((table) => table.versionColumn !== undefined)) return;
    if (model.blocks.some((block) => SUPPORT_STATEMENT.test(block.source))) return;
    if (sectionsWith(model, 'supported-versions').some((section) => section.bodyEnd > section.headingEnd)) return;
    const version = context.facts.packageVersion;
    context.report({
      message: 'No supported versions: add a table or a statement saying which versions receive security fixes.',
      ...documentAnchor(model),
      fixes: [
        {
          title: version
            ? `Add a "Supported Versions" table (current version ${version})`
            : 'Add a "Supported Versions" section (latest version only)',
          edits: [insertSection(model, 'supported-versions', 'Supported Versions', versionRows(version))],
          preferred: true,
        },
      ],
    });
  },
};
