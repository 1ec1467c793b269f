import { ruleDocUrl } from '../../engine/docs';
import type { Severity, SeveritySetting } from '../../core/types';
import type { AnyRule } from '../../rules';
import { type RunReport } from '../report';

const LEVELS: Record<SeveritySetting, string> = { error: 'error', warning: 'warning', info: 'note', off: 'none' };

function artifactUri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/**
 * SARIF 2.1.0 for code scanning: rule metadata, precise regions (1-based, UTF-16 columns) and
 * each finding's fixes as artifact changes, with paths relative to the folder the command ran in.
 */
export function formatSarif(report: RunReport, rules: readonly AnyRule[], version: string): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.meta.id, index]));
  const results = report.files.flatMap((file) => {
    const index = file.lines;
    const region = (start: number, end: number) => {
      const from = index.position(start);
      const to = index.position(end);
      return { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column };
    };
    const location = { uri: artifactUri(file.path), uriBaseId: '%SRCROOT%' };
    // Findings an inline directive turned off are results with an in-source suppression, which
    // code scanning shows as dismissed, with the reason written after " -- " as the justification.
    const suppressed = file.suppressed.map((finding) => ({
      ...finding,
      suppressions: [
        {
          kind: 'inSource',
          ...(finding.justification !== undefined ? { justification: finding.justification } : {}),
        },
      ],
    }));
    return [...file.findings, ...suppressed].map((finding) => ({
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
      level: LEVELS[finding.severity as Severity],
      message: { text: finding.message },
      locations: [{ physicalLocation: { artifactLocation: location, region: region(finding.start, finding.end) } }],
      ...(finding.relatedAt && finding.relatedAt.length > 0
        ? {
            relatedLocations: finding.relatedAt.map((related, id) => ({
              id,
              message: { text: related.message },
              physicalLocation: {
                artifactLocation: { uri: artifactUri(related.path), uriBaseId: '%SRCROOT%' },
                region: {
                  startLine: related.start.line,
                  startColumn: related.start.column,
                  endLine: related.end.line,
                  endColumn: related.end.column,
                },
              },
            })),
          }
        : {}),
      ...('suppressions' in finding ? { suppressions: finding.suppressions } : {}),
      ...(finding.fixes && finding.fixes.length > 0 && !('suppressions' in finding)
        ? {
            fixes: finding.fixes.map((fix) => ({
              description: { text: fix.title },
              artifactChanges: [
                {
                  artifactLocation: location,
                  replacements: fix.edits.map((edit) => ({
                    deletedRegion: region(edit.start, edit.end),
                    insertedContent: { text: edit.newText },
                  })),
                },
              ],
            })),
          }
        : {}),
    }));
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'secpolicy',
            version,
            informationUri: 'https://github.com/secpolicy/secpolicy',
            rules: rules.map((rule) => ({
              id: rule.meta.id,
              name: rule.meta.id,
              shortDescription: { text: rule.meta.description },
              helpUri: ruleDocUrl(rule.meta.id),
              defaultConfiguration: {
                level: LEVELS[rule.meta.defaultSeverity],
                enabled: rule.meta.defaultSeverity !== 'off',
              },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder secpolicy ran in.' } } },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [
          {
            executionSuccessful: report.problems.length === 0,
            toolExecutionNotifications: report.problems.map((problem) => ({
              level: 'error',
              message: { text: `${problem.shown}: ${problem.message}` },
            })),
          },
        ],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
