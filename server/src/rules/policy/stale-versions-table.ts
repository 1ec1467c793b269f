import { coerce, parse } from 'semver';
import type { Rule } from '../../core/types';
import { type PolicyModel, type VersionsTable } from '../../formats/policy/model';
import { cellWords } from '../../formats/markdown';
import { rowCovers } from '../../formats/policy/versions';
import { CANONICAL_MARKERS } from '../../formats/policy/vocabulary';
import { lineEnding } from '../../core/text';

/** A body row for `table` that marks `version`'s minor line supported, in the table's own marker style. */
function newRow(model: PolicyModel, table: VersionsTable, line: string): string {
  const marker =
    table.rows.find((row) => row.support?.marker === 'supported')?.support?.text.trim() ||
    CANONICAL_MARKERS[
      table.rows.some((row) => /^:[a-z_]+:$/.test(cellWords(row.support?.text ?? ''))) ? 'shortcode' : 'emoji'
    ].supported;
  const cells = table.header.map((_, index) =>
    index === table.versionColumn ? line : index === table.supportColumn ? marker : '',
  );
  return `|${cells.map((cell) => (cell === '' ? ' ' : ` ${cell} `)).join('|')}|${lineEnding(model.text)}`;
}

export const staleVersionsTable: Rule<PolicyModel> = {
  meta: {
    id: 'policy/stale-versions-table',
    kind: 'policy',
    defaultSeverity: 'warning',
    description:
      "The supported-versions table does not cover the project's current version (from package.json), or marks it unsupported.",
    messages: {
      // `row` arrives as a JSON string, quotes included.
      currentUnsupported:
        'The table marks the current version {{version}} unsupported (row {{row}}): mark the release line you ship ✅.',
      currentMissing: 'The current version {{version}} is not in the supported-versions table: add a row for {{line}}.',
    },
    fixable: 'review',
  },
  check(model, context) {
    const raw = context.facts.packageVersion;
    const version = raw && raw.length <= 64 ? (parse(raw, { loose: true }) ?? coerce(raw)) : null;
    if (!version || version.version === '0.0.0') return;
    const table = model.versionsTables.find(
      (each) =>
        each.versionColumn !== undefined &&
        each.supportColumn !== undefined &&
        each.rows.some((row) => row.version?.kind === 'range'),
    );
    if (!table || table.versionColumn === undefined) return;
    // A prerelease of 3.0.0 belongs to the 3.0.x line.
    const release = `${version.major}.${version.minor}.${version.patch}`;
    const covering = table.rows.filter((row) => rowCovers(row, release));
    const header = table.header[table.versionColumn];
    if (covering.some((row) => row.support?.marker === 'supported' || row.support?.marker === 'limited')) return;
    if (covering.length > 0) {
      const [row] = covering;
      context.report({
        messageId: 'currentUnsupported',
        data: { version: version.version, row: JSON.stringify(cellWords(row.version!.text)) },
        start: row.start,
        end: row.end,
      });
      return;
    }
    const line = `${version.major}.${version.minor}.x`;
    context.report({
      messageId: 'currentMissing',
      data: { version: version.version, line },
      start: header.start,
      end: header.end,
      fixes: [
        {
          title: `Add a row for ${line}`,
          edits: [{ start: table.headerEnd, end: table.headerEnd, newText: newRow(model, table, line) }],
          preferred: true,
          // Whether the new line is supported is the maintainers' promise to make.
          needsReview: true,
        },
      ],
    });
  },
};
