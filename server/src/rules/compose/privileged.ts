import { isPair } from 'yaml';
import type { Rule } from '../../core/types';
import { type ComposeModel } from '../../formats/compose/model';
import { overriddenLater } from '../../formats/compose/project';
import { findPair, isTrue, pairValueRange } from '../../formats/compose/yaml';
import { removePairEdit } from '../utils/compose-edits';
import { reportOnce } from '../utils/report-once';

export const privileged: Rule<ComposeModel> = {
  meta: {
    id: 'compose/privileged',
    kind: 'compose',
    defaultSeverity: 'error',
    description: 'A service runs privileged: every capability, every host device and no confinement.',
    messages: {
      privileged:
        'Service "{{service}}" runs privileged: it gets every capability and every host device, with seccomp, AppArmor and SELinux off, so a compromise of the container is a compromise of the host.',
    },
    fixable: 'review',
  },
  check(model, context) {
    const report = reportOnce(context);
    for (const service of model.services) {
      const pair = findPair(model.doc, service.map, 'privileged');
      if (!pair || !isPair(pair) || !isTrue(pair.value) || overriddenLater(model, service, 'privileged')) continue;
      const range = pairValueRange(pair);
      const key = (pair.key as { range?: number[] } | null)?.range;
      if (!range || !key) continue;
      const removal = removePairEdit(model, service.map, pair);
      report({
        messageId: 'privileged',
        data: { service: service.name },
        start: key[0],
        end: range.end,
        fixes: removal ? [{ title: 'Remove privileged: true', edits: [removal], needsReview: true }] : [],
      });
    }
  },
};
