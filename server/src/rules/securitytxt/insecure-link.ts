import type { Rule } from '../../core/types';
import type { SecurityTxtModel } from '../../formats/securitytxt';
import { displayName, fixFor, sectionOf, URI_FIELDS } from '../utils/securitytxt-edits';

export const securityTxtInsecureLink: Rule<SecurityTxtModel> = {
  meta: {
    id: 'securitytxt/insecure-link',
    kind: 'securitytxt',
    defaultSeverity: 'warning',
    description:
      'A Contact, Policy, Encryption, Canonical, Acknowledgments, Hiring or CSAF link uses http://, where RFC 9116 requires https://.',
    messages: {
      // `section`: the RFC 9116 section that defines the field.
      httpLink:
        '{{name}} uses http://: web links must use https:// ({{section}}), or a report or key can be swapped in transit.',
      // A field registered after RFC 9116 (CSAF), which no section of it defines.
      httpLinkUnsectioned:
        '{{name}} uses http://: web links must use https://, or a report or key can be swapped in transit.',
    },
    fixable: 'unattended',
  },
  check(model, context) {
    for (const field of model.fields) {
      if (!URI_FIELDS.has(field.key) || !/^http:\/\//i.test(field.value)) continue;
      const section = sectionOf(field.key);
      context.report({
        ...(section
          ? { messageId: 'httpLink', data: { name: displayName(field), section } }
          : { messageId: 'httpLinkUnsectioned', data: { name: displayName(field) } }),
        start: field.valueStart,
        end: field.valueEnd,
        fixes: [
          fixFor(model, {
            title: 'Use https://',
            edits: [{ start: field.valueStart, end: field.valueStart + 'http'.length, newText: 'https' }],
            preferred: true,
          }),
        ],
      });
    }
  },
};
