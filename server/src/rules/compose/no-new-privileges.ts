import { isPair, isSeq } from 'yaml';
import type { Fix, Rule } from '../../core/types';
import { type ComposeModel } from '../../formats/compose/model';
import { hardeningSubject } from '../../formats/compose/project';
import { findPair, seqItems, stringRef } from '../../formats/compose/yaml';
import { appendSequenceItem, insertServiceLines } from '../utils/compose-edits';
import { reportOnce } from '../utils/report-once';

const NO_NEW_PRIVILEGES = /^no-new-privileges(?:[:=]true)?$/i;

export const noNewPrivileges: Rule<ComposeModel> = {
  meta: {
    id: 'compose/no-new-privileges',
    kind: 'compose',
    defaultSeverity: 'off',
    description:
      'A service does not set security_opt: no-new-privileges:true, so setuid programs can raise privileges.',
    messages: {
      missing:
        'Service "{{service}}" does not set no-new-privileges: a setuid program in the image can still raise a process\'s privileges.',
    },
    fixable: 'review',
  },
  check(model, context) {
    const report = reportOnce(context);
    for (const service of model.services) {
      const definitions = hardeningSubject(model, service);
      if (!definitions) continue;
      // security_opt adds up across the files of a project: any of them may set it.
      const set = definitions.some(({ file, service: part }) => {
        const found = findPair(file.model.doc, part.map, 'security_opt');
        const items = found && isPair(found) ? seqItems(file.model.doc, found.value as never) : [];
        return items.some((item) =>
          NO_NEW_PRIVILEGES.test(stringRef(file.model.text, item)?.value.replace(/\s+/g, '') ?? ''),
        );
      });
      if (set) continue;
      const pair = findPair(model.doc, service.map, 'security_opt');
      let edit;
      if (!pair) edit = insertServiceLines(model, service, ['security_opt:', '  - no-new-privileges:true']);
      else if (service.map.items.includes(pair) && isSeq(pair.value)) {
        edit = appendSequenceItem(model.text, pair.value, 'no-new-privileges:true');
      }
      const fixes: Fix[] = edit
        ? [{ title: 'Add no-new-privileges:true to security_opt', edits: [edit], needsReview: true }]
        : [];
      report({
        messageId: 'missing',
        data: { service: service.name },
        start: service.keyStart,
        end: service.keyEnd,
        fixes,
      });
    }
  },
};
