import type { Fix, Rule } from '../../core/types';
import { type PolicyModel, type VersionsTable } from '../../formats/policy/model';
import { cellWords } from '../../formats/markdown';
import { CANONICAL_MARKERS, isMarkerOnly, type MarkerStyle } from '../../formats/policy/vocabulary';

/** Rewrites every marker-only cell of `table` in `style`; cells with a note beside the marker keep their words. */
function normaliseFix(table: VersionsTable, style: MarkerStyle): Fix | undefined {
  const edits = table.rows.flatMap((row) => {
    const cell = row.support;
    if (!cell?.marker || !isMarkerOnly(cellWords(cell.text))) return [];
    const newText = CANONICAL_MARKERS[style][cell.marker];
    return newText === cell.text ? [] : [{ start: cell.start, end: cell.end, newText }];
  });
  if (edits.length === 0) return undefined;
  const { supported, unsupported } = CANONICAL_MARKERS[style];
  return { title: `Use ${supported} and ${unsupported} throughout`, edits, preferred: true };
}

/** The style most cells use; ties go to emoji, then shortcodes, then words. */
function mostUsed(styles: Map<MarkerStyle, number>): MarkerStyle {
  const order: MarkerStyle[] = ['emoji', 'shortcode', 'word'];
  return order.reduce((best, each) => ((styles.get(each) ?? 0) > (styles.get(best) ?? 0) ? each : best));
}

export const mixedMarkers: Rule<PolicyModel> = {
  meta: {
    id: 'policy/mixed-markers',
    kind: 'policy',
    defaultSeverity: 'info',
    description:
      'The support markers of a versions table mix styles (✅ beside :x: beside "no"): it reads on GitHub, but shortcodes show as text elsewhere.',
    messages: {
      mixedStyles: 'Support markers mix styles ({{styles}}): use one, such as {{supported}} and {{unsupported}}.',
    },
    fixable: 'unattended',
  },
  check(model, context) {
    for (const table of model.versionsTables) {
      if (table.supportColumn === undefined) continue;
      const styles = new Map<MarkerStyle, number>();
      const examples = new Map<MarkerStyle, string>();
      for (const { support } of table.rows) {
        if (!support?.style) continue;
        styles.set(support.style, (styles.get(support.style) ?? 0) + 1);
        if (!examples.has(support.style)) examples.set(support.style, cellWords(support.text));
      }
      if (styles.size < 2) continue;
      const style = mostUsed(styles);
      const fix = normaliseFix(table, style);
      const header = table.header[table.supportColumn];
      context.report({
        messageId: 'mixedStyles',
        data: {
          styles: [...examples.values()].join(', '),
          supported: CANONICAL_MARKERS[style].supported,
          unsupported: CANONICAL_MARKERS[style].unsupported,
        },
        start: header.start,
        end: header.end,
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
};
