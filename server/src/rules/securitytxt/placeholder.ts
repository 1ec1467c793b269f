import type { Rule } from '../../core/types';
import { isPlaceholderHost } from '../../formats/policy/contacts';
import type { SecurityTxtModel } from '../../formats/securitytxt';
import { displayName, quote, URI_FIELDS } from '../utils/securitytxt-edits';

/** Mailboxes a template leaves for the owner to fill in. */
const PLACEHOLDER_MAILBOX =
  /^(?:you|your[-_.]?(?:name|email|e-?mail|address|team)|user(?:name)?|name|email|someone|(?:john|jane)[-_.]?doe)$/i;
/** `<your email>`, `{{ contact }}`, `${EMAIL}`: a template's slot. */
const TEMPLATE_SLOT = /<[^<>]{1,60}>|\{\{?[^{}]{1,60}\}\}?/;
/** North American 555-0100 to 555-0199 numbers are reserved for fiction (the RFC's own example is one). */
const FICTIONAL_PHONE = /^1?\d{3}55501\d{2}$/;

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Whether a URI is a stand-in: an example or "your" domain, a placeholder mailbox, a template slot, a fictional phone. */
export function isPlaceholderUri(value: string): boolean {
  if (TEMPLATE_SLOT.test(value)) return true;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value)?.[1].toLowerCase();
  // A bare address is another rule's finding (securitytxt/invalid-uri), and a placeholder all the same.
  if (scheme === 'mailto' || (scheme === undefined && value.includes('@'))) {
    const address = decode((scheme ? value.slice('mailto:'.length) : value).split('?')[0]);
    const at = address.lastIndexOf('@');
    if (at === -1) return false;
    return PLACEHOLDER_MAILBOX.test(address.slice(0, at)) || isPlaceholderHost(address.slice(at + 1));
  }
  if (scheme === 'tel') return FICTIONAL_PHONE.test(value.replace(/\D/g, ''));
  if (scheme === 'http' || scheme === 'https') {
    try {
      return isPlaceholderHost(new URL(value).hostname);
    } catch {
      return false;
    }
  }
  return false;
}

export const securityTxtPlaceholder: Rule<SecurityTxtModel> = {
  meta: {
    id: 'securitytxt/placeholder',
    kind: 'securitytxt',
    defaultSeverity: 'error',
    description:
      "A field still holds a template's stand-in (security@example.com, yourdomain, 555-0123), so reports and readers go nowhere.",
    messages: {
      // `value`: the value as written, quoted and cut short when long.
      contactPlaceholder:
        'Contact {{value}} is a template placeholder: replace it with a channel your security team watches.',
      linkPlaceholder: '{{name}} {{value}} is a template placeholder: replace it with the real link.',
    },
  },
  check(model, context) {
    for (const field of model.fields) {
      if (!URI_FIELDS.has(field.key) || !isPlaceholderUri(field.value)) continue;
      context.report({
        ...(field.key === 'contact'
          ? { messageId: 'contactPlaceholder', data: { value: quote(field.value) } }
          : { messageId: 'linkPlaceholder', data: { name: displayName(field), value: quote(field.value) } }),
        start: field.valueStart,
        end: field.valueEnd,
      });
    }
  },
};
