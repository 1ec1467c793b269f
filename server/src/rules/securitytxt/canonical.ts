import type { Rule } from '../../core/types';
import type { SecurityTxtModel } from '../../formats/securitytxt';
import { fieldsNamed, fixFor, quote } from '../utils/securitytxt-edits';

const WELL_KNOWN = '/.well-known/security.txt';

/** The URL of a web Canonical value, or undefined for other schemes and broken values (another rule's finding). */
function webUrl(value: string): URL | undefined {
  if (!/^https?:\/\//i.test(value)) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

export const securityTxtCanonical: Rule<SecurityTxtModel> = {
  meta: {
    id: 'securitytxt/canonical',
    kind: 'securitytxt',
    defaultSeverity: 'warning',
    description: 'A Canonical URI does not point at a security.txt location, or a signed file names no Canonical URI.',
    messages: {
      signedWithoutCanonical:
        'Signed, but no Canonical field: without one the signature does not say where the file belongs (RFC 9116 section 2.3).',
      // `value`: the Canonical value, quoted and cut short when long.
      notSecurityTxtLocation: `Canonical {{value}} is not where a security.txt is served: use ${WELL_KNOWN} (RFC 9116 sections 2.5.2 and 3).`,
    },
    fixable: 'unattended',
  },
  check(model, context) {
    const canonical = fieldsNamed(model, 'canonical');
    if (model.signed && canonical.length === 0) {
      context.report({
        messageId: 'signedWithoutCanonical',
        start: model.signed.headerStart,
        end: model.signed.headerEnd,
      });
    }
    for (const field of canonical) {
      const url = webUrl(field.value);
      if (!url || url.pathname.endsWith(WELL_KNOWN) || url.pathname === '/security.txt') continue;
      const bare = url.pathname === '/' && url.search === '' && url.hash === '';
      const base = field.value.replace(/\/$/, '');
      context.report({
        messageId: 'notSecurityTxtLocation',
        data: { value: quote(field.value) },
        start: field.valueStart,
        end: field.valueEnd,
        fixes: bare
          ? [
              fixFor(model, {
                title: `Point it at ${WELL_KNOWN}`,
                edits: [{ start: field.valueStart, end: field.valueEnd, newText: `${base}${WELL_KNOWN}` }],
                preferred: true,
              }),
            ]
          : [],
      });
    }
  },
};
