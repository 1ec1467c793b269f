import type { Rule } from '../../core/types';
import type { Duration, PolicyModel } from '../../formats/policy/model';
import { isResponseCommitment, RESPONSE_WORDS } from '../../formats/policy/durations';
import { quote } from '../utils/policy-edits';

/** Durations about fixing or publishing, which a hedge takes back as surely as a response time. */
const FIX_WORDS =
  /\b(?:fix|fixes|fixed|patch|patches|patched|resolve|resolved|remediat\w{0,5}|mitigat\w{0,5}|advisory)\b/i;

/** Whether the duration's own sentence (or table row) promises an answer or a fix. */
function isCommitment(duration: Duration, model: PolicyModel): boolean {
  if (duration.block.type === 'tableCell') return isResponseCommitment(duration, model);
  const words = duration.sentence?.plain ?? duration.block.plain;
  return RESPONSE_WORDS.test(words) || FIX_WORDS.test(words) || duration.block.section?.meaning === 'response';
}

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
      if (duration.hedges.length === 0 || !isCommitment(duration, model)) continue;
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
