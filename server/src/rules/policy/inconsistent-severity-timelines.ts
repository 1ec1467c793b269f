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
  },
  check(model, context) {
    for (const group of model.severityGroups) {
      const timed = group.entries.filter((entry): entry is SeverityEntry & Required<Pick<SeverityEntry, 'duration'>> =>
        Boolean(entry.duration),
      );
      for (const entry of group.entries) {
        if (entry.unitless) {
          context.report({
            message: `Deadline "${entry.unitless.text}" for "${entry.level}" has no unit: write "${entry.unitless.text} days" or "${entry.unitless.text} hours".`,
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
          message: `"${entry.level}" waits up to ${describe(own)} but the less severe "${faster.level}" only ${describe(faster.duration.hours)}: give more severe issues the shorter deadline.`,
          start: entry.duration.start,
          end: entry.duration.end,
        });
      }
    }
  },
};
