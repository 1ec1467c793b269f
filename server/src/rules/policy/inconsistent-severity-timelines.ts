import type { Rule } from '../../core/types';
import type { PolicyModel, SeverityEntry } from '../../formats/policy/model';

function describe(hours: number): string {
  if (hours % (24 * 7) === 0 && hours >= 24 * 14) return `${hours / (24 * 7)} weeks`;
  if (hours % 24 === 0 && hours >= 48) return `${hours / 24} days`;
  return `${hours} hours`;
}

export const inconsistentSeverityTimelines: Rule<PolicyModel> = {
  meta: {
    id: 'policy/inconsistent-severity-timelines',
    kind: 'policy',
    defaultSeverity: 'warning',
    description:
      'A severity table or list gives a more severe level a longer deadline than a less severe one, or a deadline without a unit.',
    messages: {
      noUnit: 'Deadline "{{deadline}}" for "{{level}}" has no unit: write "{{deadline}} days" or "{{deadline}} hours".',
      inverted:
        '"{{level}}" waits up to {{deadline}} but the less severe "{{fasterLevel}}" only {{fasterDeadline}}: give more severe issues the shorter deadline.',
    },
  },
  check(model, context) {
    for (const group of model.severityGroups) {
      const timed = group.entries.filter((entry): entry is SeverityEntry & Required<Pick<SeverityEntry, 'duration'>> =>
        Boolean(entry.duration),
      );
      for (const entry of group.entries) {
        if (entry.unitless) {
          context.report({
            messageId: 'noUnit',
            data: { deadline: entry.unitless.text, level: entry.level },
            start: entry.unitless.start,
            end: entry.unitless.end,
          });
        }
        if (!entry.duration) continue;
        const own = entry.duration.hours;
        const faster = timed
          .filter((other) => other.rank < entry.rank && other.duration.hours < own)
          .sort((a, b) => a.duration.hours - b.duration.hours)[0];
        if (!faster) continue;
        context.report({
          messageId: 'inverted',
          data: {
            level: entry.level,
            deadline: describe(own),
            fasterLevel: faster.level,
            fasterDeadline: describe(faster.duration.hours),
          },
          start: entry.duration.start,
          end: entry.duration.end,
        });
      }
    }
  },
};
