import type { Rule } from '../../core/types';
import type { PolicyModel, Section } from '../../formats/policy/model';
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
    },
    fixable: 'review',
  },
  check(model, context) {
    if (model.versionsTables.some((table) => table.versionColumn !== undefined)) return;
    if (model.supportStatements.length > 0) return;
    const sections = sectionsWith(model, 'supported-versions');
    // A section says something when it holds prose or a table (a template's HTML comment is not enough);
    // a document title counts only its own body, a section its subsections too.
    const saysSomething = (section: Section) => {
      const end = section.depth >= model.sectionDepth ? section.contentEnd : section.bodyEnd;
      return model.blocks.some(
        (block) => block.type !== 'heading' && block.start >= section.headingEnd && block.end <= end,
      );
    };
    if (sections.some(saysSomething)) return;
    // An empty "Supported Versions" section gets the table, rather than a second section of that name.
    const empty = sections.find((section) => section.depth >= model.sectionDepth);
    const version = context.facts.packageVersion;
    const rows = versionRows(version);
    const table = rows[0].startsWith('|');
    context.report({
      messageId: 'noVersions',
      ...(empty ? { start: empty.headingStart, end: empty.headingEnd } : documentAnchor(model)),
      fixes: [
        {
          title: table
            ? `Add a "Supported Versions" table (current version ${version})`
            : 'Add a "Supported Versions" section (latest version only)',
          edits: [empty ? insertAfter(model, empty.bodyEnd, rows) : insertSection(model, 'supported-versions', rows)],
          preferred: true,
          // The inserted text is a commitment or a placeholder the maintainers must check.
          needsReview: true,
        },
      ],
    });
  },
};
