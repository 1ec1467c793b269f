import type { Rule } from '../../core/types';
import type { PolicyModel } from '../../formats/policy/model';
import { supportedVersionsTable } from '../../../../common/templates/policy';
import { documentAnchor, insertAfter, insertSection, sectionsWith } from '../utils/policy-edits';

/** Rows for a supported-versions table built from the project's current version. */
function versionRows(version: string | undefined): string[] {
  return (
    supportedVersionsTable(version) ?? [
      'Security fixes are released for the latest version only. Please upgrade before reporting a problem.',
    ]
  );
}

export const noSupportedVersions: Rule<PolicyModel> = {
  meta: {
    id: 'policy/no-supported-versions',
    kind: 'policy',
    defaultSeverity: 'warning',
    description: 'The policy does not say which versions receive security fixes (a versions table or a statement).',
    messages: {
      noVersions: 'No supported versions: add a table or a statement saying which versions receive security fixes.',
      sectionNamesNone:
        'The supported-versions section names no version: add a table or a statement such as "only the latest release gets security fixes".',
    },
    fixable: 'review',
  },
  check(model, context) {
    if (model.versionsTables.some((table) => table.versionColumn !== undefined)) return;
    if (model.supportStatements.length > 0) return;
    // A "Supported Versions" section that is empty (a template's comment is not enough) or names no version
    // (a link elsewhere, "we cannot commit to a schedule") gets the table after its body, rather than a
    // second section of that name.
    const section = sectionsWith(model, 'supported-versions').find((each) => each.depth >= model.sectionDepth);
    const saysSomething =
      section !== undefined &&
      model.blocks.some(
        (block) => block.type !== 'heading' && block.start >= section.headingEnd && block.end <= section.contentEnd,
      );
    const version = context.facts.packageVersion;
    const rows = versionRows(version);
    const table = rows[0].startsWith('|');
    context.report({
      messageId: saysSomething ? 'sectionNamesNone' : 'noVersions',
      ...(section ? { start: section.headingStart, end: section.headingEnd } : documentAnchor(model)),
      fixes: [
        {
          title: table
            ? `Add a "Supported Versions" table (current version ${version})`
            : 'Add a "Supported Versions" section (latest version only)',
          edits: [
            section ? insertAfter(model, section.bodyEnd, rows) : insertSection(model, 'supported-versions', rows),
          ],
          preferred: true,
          // The inserted text is a commitment or a placeholder the maintainers must check.
          needsReview: true,
        },
      ],
    });
  },
};
