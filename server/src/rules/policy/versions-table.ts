import type { Rule } from '../../core/types';
import type { PolicyModel } from '../../formats/policy/model';
import { cellWords } from '../../formats/markdown';
import type { SupportMarker } from '../../formats/policy/vocabulary';
import { lineEnd, lineEnding, lineStart } from '../../core/text';
import { quote } from '../utils/policy-edits';

function rowKey(cells: string[]): string {
  return cells.map((cell) => cellWords(cell).toLowerCase().replace(/\s+/g, '')).join('|');
}

export const versionsTable: Rule<PolicyModel> = {
  meta: {
    id: 'policy/versions-table',
    kind: 'policy',
    defaultSeverity: 'warning',
    description:
      'A supported-versions table that readers cannot rely on: no version or supported column, empty cells, unknown markers, duplicate rows, cells that are not versions.',
    // `version` and `marker` arrive quoted (and shortened when long).
    messages: {
      noVersionColumn: 'Versions table without a version column: add a "Version" column listing releases or ranges.',
      noSupportColumn: 'Versions table without a "Supported" column: mark each row ✅ or ❌.',
      noVersion: 'Row without a version: name the release or range it covers.',
      notAVersion: '{{version}} is not a version or range: write it like 2.3.x, >= 2.0 or < 1.0.',
      noMarker: 'Row without a support marker: mark it ✅ or ❌.',
      unknownMarker: 'Unknown marker {{marker}}: use ✅ for supported or ❌ for unsupported.',
      duplicateRow: 'Duplicate row for {{version}}: remove it.',
      conflictingRows: '{{version}} is listed twice, once {{first}} and once {{second}}: keep one row.',
      listedTwice: '{{version}} is listed twice: keep one row.',
    },
    fixable: 'unattended',
  },
  check(model, context) {
    const { text } = model;
    for (const table of model.versionsTables) {
      const headerRange = { start: table.start, end: lineEnd(text, table.start) };
      if (table.versionColumn === undefined) {
        context.report({
          messageId: 'noVersionColumn',
          ...headerRange,
        });
      }
      if (table.supportColumn === undefined) {
        context.report({
          messageId: 'noSupportColumn',
          ...headerRange,
        });
      }
      const seen = new Map<string, { key: string; marker?: SupportMarker }>();
      for (const row of table.rows) {
        const rowRange = { start: row.start, end: row.end };
        const version = row.version;
        if (version?.kind === 'empty') {
          context.report({ messageId: 'noVersion', ...rowRange });
        } else if (version?.kind === 'invalid') {
          context.report({
            messageId: 'notAVersion',
            data: { version: quote(cellWords(version.text)) },
            start: version.start,
            end: version.end,
          });
        }
        const support = row.support;
        if (support && cellWords(support.text) === '') {
          context.report({ messageId: 'noMarker', ...rowRange });
        } else if (support && !support.marker) {
          context.report({
            messageId: 'unknownMarker',
            data: { marker: quote(cellWords(support.text)) },
            start: support.start,
            end: support.end,
          });
        }
        if (!version || version.kind === 'empty') continue;
        const name = cellWords(version.text).toLowerCase().replace(/\s+/g, '');
        const key = rowKey(row.cells.map((cell) => cell.text));
        const earlier = seen.get(name);
        if (!earlier) {
          seen.set(name, { key, marker: support?.marker });
          continue;
        }
        if (earlier.key === key) {
          const eol = lineEnding(text);
          const from = lineStart(text, row.start);
          const to = Math.min(text.length, lineEnd(text, row.start) + eol.length);
          context.report({
            messageId: 'duplicateRow',
            data: { version: quote(cellWords(version.text)) },
            ...rowRange,
            fixes: [
              { title: 'Remove the duplicate row', edits: [{ start: from, end: to, newText: '' }], preferred: true },
            ],
          });
        } else {
          const quoted = quote(cellWords(version.text));
          context.report({
            ...(earlier.marker && support?.marker && earlier.marker !== support.marker
              ? {
                  messageId: 'conflictingRows',
                  data: { version: quoted, first: earlier.marker, second: support.marker },
                }
              : { messageId: 'listedTwice', data: { version: quoted } }),
            ...rowRange,
          });
        }
      }
    }
  },
};
