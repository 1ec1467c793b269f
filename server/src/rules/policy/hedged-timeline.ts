import type { Rule } from '../../core/types';
import type { PolicyModel } from '../../formats/policy/model';
import { promisesAnswerOrFix } from '../../formats/policy/durations';
import { quote } from '../utils/policy-edits';

export const hedgedTimeline: Rule<PolicyModel> = {
  meta: {
    id: 'policy/hedged-timeline',
    kind: 'policy',
    defaultSeverity: 'warning',
    description:
      'A response or fix time is taken back in the same breath ("we strive to…", "best effort", "do not expect…", "no guarantee").',
    messages: {
      // `duration` and `hedges` arrive quoted: the hedges are a list ("strive" and "do not count on").
      hedged: 'Hedged timeline: {{duration}} is undercut by {{hedges}}. State a time you can keep, without the hedge.',
    },
  },
  check(model, context) {
    for (const duration of model.durations) {
      if (duration.hedges.length === 0 || !promisesAnswerOrFix(duration, model)) continue;
      const hedges = [...new Set(duration.hedges.map((hedge) => quote(hedge.text, 30)))].join(' and ');
      context.report({
        messageId: 'hedged',
        data: { duration: quote(duration.text), hedges },
        start: duration.start,
        end: duration.end,
      });
    }
  },
};
