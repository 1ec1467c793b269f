import { isPair } from 'yaml';
import type { Rule } from '../../core/types';
import { type ComposeModel } from '../../formats/compose/model';
import { findPair, seqItems, stringRef } from '../../formats/compose/yaml';
import { removeSequenceItem } from '../utils/compose-edits';
import { reportOnce } from '../utils/report-once';

/** `security_opt` entries that switch a protection off, and what is lost. */
const UNCONFINED: [pattern: RegExp, what: string][] = [
  [
    /^seccomp[:=]unconfined$/i,
    'turns seccomp off: every system call is open to the container, including the ones escapes use',
  ],
  [/^apparmor[:=]unconfined$/i, 'turns AppArmor off for the container'],
  [/^label[:=]disable$/i, 'turns SELinux separation off for the container'],
  [/^label[:=]type:spc_t$/i, 'runs the container as spc_t, the SELinux type for super-privileged containers'],
  [
    /^systempaths[:=]unconfined$/i,
    'unmasks /proc and /sys paths the runtime hides, such as /proc/kcore and /proc/sysrq-trigger',
  ],
];

export const unconfinedProfile: Rule<ComposeModel> = {
  meta: {
    id: 'compose/unconfined-profile',
    kind: 'compose',
    defaultSeverity: 'error',
    description: 'security_opt turns off seccomp, AppArmor, SELinux or the masked system paths.',
    messages: {
      unconfined: 'Service "{{service}}" sets {{option}}, which {{effect}}.',
    },
    fixable: 'review',
  },
  check(model, context) {
    const report = reportOnce(context);
    for (const service of model.services) {
      const pair = findPair(model.doc, service.map, 'security_opt');
      if (!pair || !isPair(pair)) continue;
      const entries = seqItems(model.doc, pair.value as never).map((item) => {
        const ref = stringRef(model.text, item);
        const value = ref?.value.trim().replace(/\s+/g, '') ?? '';
        return { item, ref, match: UNCONFINED.find(([pattern]) => pattern.test(value)) };
      });
      // When every entry goes, each fix empties the list, so that any of them applied together agree.
      const all = entries.every(({ match }) => match !== undefined);
      for (const { item, ref, match } of entries) {
        if (!ref || !match) continue;
        const removal = removeSequenceItem(model.text, pair, item, all);
        report({
          messageId: 'unconfined',
          data: { service: service.name, option: ref.value.trim(), effect: match[1] },
          start: ref.start,
          end: ref.end,
          fixes: removal ? [{ title: `Remove ${ref.value.trim()}`, edits: [removal], needsReview: true }] : [],
        });
      }
    }
  },
};
