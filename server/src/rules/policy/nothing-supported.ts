import type { Rule } from '../../core/types';
import type { PolicyModel } from '../../formats/policy/model';
import { lineEnd } from '../../core/text';

export const nothingSupported: Rule<PolicyModel> = {
  meta: {
    id: 'policy/nothing-supported',
    kind: 'policy',
    defaultSeverity: 'error',
    description: 'Every row of the supported-versions table is marked unsupported, so no release gets security fixes.',
    messages: {
      allUnsupported:
        'Every version in the table is marked unsupported: mark the releases that receive security fixes with ✅.',
    },
  },
  check(model, context) {
    const tables = model.versionsTables.filter((table) => table.supportColumn !== undefined && table.rows.length > 0);
    if (tables.length === 0) return;
    if (!tables.every((table) => table.rows.every((row) => row.support?.marker === 'unsupported'))) return;
    // "Only the latest release is supported" beside a table of retired lines says what is supported.
    if (model.supportStatements.length > 0) return;
    const [first] = tables;
    context.report({
      messageId: 'allUnsupported',
      start: first.start,
      end: lineEnd(model.text, first.start),
    });
  },
};
