import { isPair, isScalar, isSeq } from 'yaml';
import type { Fix, Rule, TextEdit } from '../../core/types';
import { type ComposeModel } from '../../formats/compose/model';
import { effectiveNode, hardeningSubject } from '../../formats/compose/project';
import { findPair, getNode, seqItems, stringRef } from '../../formats/compose/yaml';
import { isTrue } from '../../formats/compose/yaml';
import { appendSequenceItem, insertServiceLines } from '../utils/compose-edits';
import { reportOnce } from '../utils/report-once';

export const writableRootFilesystem: Rule<ComposeModel> = {
  meta: {
    id: 'compose/writable-root-filesystem',
    kind: 'compose',
    defaultSeverity: 'off',
    description: "A service's root filesystem is writable (read_only is not set).",
    messages: {
      writable:
        'Service "{{service}}" has a writable root filesystem: whoever takes over its process can change its programs and plant files. Set read_only: true and mount volumes or tmpfs where it must write.',
    },
    fixable: 'review',
  },
  check(model, context) {
    const report = reportOnce(context);
    for (const service of model.services) {
      if (!hardeningSubject(model, service)) continue;
      // The last file that sets read_only decides it.
      const effective = effectiveNode(model, service, 'read_only');
      if (effective && isTrue(effective.node)) continue;
      const pair = findPair(model.doc, service.map, 'read_only');
      // A read_only: false set by another file would win over any fix here.
      if (effective && effective.model !== model) continue;
      const own = pair !== undefined && service.map.items.includes(pair);
      const tmpfs = getNode(model.doc, service.map, 'tmpfs');
      const tmpfsPaths = (isSeq(tmpfs) ? seqItems(model.doc, tmpfs) : [tmpfs]).map(
        (item) => stringRef(model.text, item)?.value.split(':')[0].trim() ?? '',
      );
      const tmpfsPair = findPair(model.doc, service.map, 'tmpfs');
      // `read_only: false` written here is flipped; an inherited one is overridden by a key of the service's own.
      const flip =
        own && isPair(pair) && isScalar(pair.value) && pair.value.range
          ? { start: pair.value.range[0], end: pair.value.range[1], newText: 'true' }
          : undefined;
      const readOnly = own ? flip : insertServiceLines(model, service, ['read_only: true']);
      const fixes: Fix[] = [];
      if (readOnly) {
        fixes.push({ title: 'Set read_only: true', edits: [readOnly], needsReview: true });
        let withTmp: (TextEdit | undefined)[] = [];
        if (tmpfsPaths.includes('/tmp')) withTmp = [];
        else if (!tmpfsPair) {
          withTmp = flip
            ? [flip, insertServiceLines(model, service, ['tmpfs:', '  - /tmp'])]
            : [insertServiceLines(model, service, ['read_only: true', 'tmpfs:', '  - /tmp'])];
        } else if (service.map.items.includes(tmpfsPair) && isSeq(tmpfsPair.value)) {
          withTmp = [readOnly, appendSequenceItem(model.text, tmpfsPair.value, '/tmp')];
        }
        const edits = withTmp.filter((edit): edit is TextEdit => edit !== undefined);
        if (edits.length > 0 && edits.length === withTmp.length) {
          fixes.push({
            title: 'Set read_only: true, with a tmpfs at /tmp for scratch files',
            edits,
            needsReview: true,
          });
        }
      }
      report({
        messageId: 'writable',
        data: { service: service.name },
        start: service.keyStart,
        end: service.keyEnd,
        fixes,
      });
    }
  },
};
