import type { Rule } from '../../core/types';
import type { SecurityTxtModel } from '../../formats/securitytxt';
import { displayName, fieldsNamed, fixFor, removeLineEdit, sectionOf } from '../utils/securitytxt-edits';

/** The fields allowed once at most: two by RFC 9116, Bug-Bounty by its IANA registration. */
const SINGLE = ['expires', 'preferred-languages', 'bug-bounty'];

export const securityTxtDuplicateField: Rule<SecurityTxtModel> = {
  meta: {
    id: 'securitytxt/duplicate-field',
    kind: 'securitytxt',
    defaultSeverity: 'error',
    description:
      'Expires, Preferred-Languages or Bug-Bounty appears more than once, so readers must guess which one holds.',
    messages: {
      // `reference`: the RFC 9116 section of the field, or the IANA registry for a later registration.
      duplicate: '{{name}} appears again (first on line {{firstLine}}): keep one ({{reference}}).',
    },
    fixable: 'unattended',
  },
  check(model, context) {
    for (const key of SINGLE) {
      const [first, ...repeats] = fieldsNamed(model, key);
      for (const field of repeats) {
        const same = field.value === first.value;
        context.report({
          messageId: 'duplicate',
          data: {
            name: displayName(field),
            firstLine: first.line,
            reference: sectionOf(key) ?? 'IANA security.txt fields registry',
          },
          start: field.nameStart,
          end: field.valueEnd,
          fixes: [
            fixFor(model, {
              title: `Remove this ${displayName(field)} line`,
              edits: [removeLineEdit(field)],
              preferred: true,
              // Two different values: which one is right is the owner's call.
              ...(same ? {} : { needsReview: true }),
            }),
          ],
        });
      }
    }
  },
};
