import type { Fix, Rule } from '../../core/types';
import type { SecurityTxtField, SecurityTxtModel } from '../../formats/securitytxt';
import { displayName, fixFor, sectionOf, URI_FIELDS } from '../utils/securitytxt-edits';

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s;
/** A telephone number as people write it: digits with the usual separators. */
const PHONE = /^\+?[\d ().-]{7,30}$/;
/** A host name, with an optional path: `example.com`, `www.example.com/security`. */
const HOST_AND_PATH = /^[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+(?:\/\S*)?$/;
/** An OpenPGP v4 fingerprint, spaces removed. */
const FINGERPRINT = /^(?:0x)?[0-9A-Fa-f]{40}$/;

/** Why a value is not an absolute URI, or undefined when it is one. */
function uriProblem(value: string): string | undefined {
  if (/\s/.test(value)) return 'a URI has no blanks';
  const scheme = SCHEME.exec(value);
  if (!scheme || scheme[2] === '') return 'it has no scheme such as https: or mailto:';
  const name = scheme[1].toLowerCase();
  if (name === 'http' || name === 'https') {
    try {
      if (new URL(value).hostname !== '') return undefined;
    } catch {
      // Reported below.
    }
    return 'the web address has no host';
  }
  return undefined;
}

/** A bare e-mail address: one `@`, something before it, a dotted domain after it. */
function isEmail(value: string): boolean {
  const at = value.indexOf('@');
  if (at <= 0 || at !== value.lastIndexOf('@') || /[\s:/<>]/.test(value)) return false;
  const domain = value.slice(at + 1);
  return domain.includes('.') && !domain.startsWith('.') && !domain.endsWith('.');
}

function fixesFor(model: SecurityTxtModel, field: SecurityTxtField): { hint: string; fixes: Fix[] } {
  const { value, valueStart, valueEnd } = field;
  const replace = (title: string, newText: string, needsReview: boolean): Fix =>
    fixFor(model, {
      title,
      edits: [{ start: valueStart, end: valueEnd, newText }],
      preferred: true,
      ...(needsReview ? { needsReview } : {}),
    });
  if (isEmail(value)) {
    return { hint: `write mailto:${value}`, fixes: [replace('Write it as a mailto: URI', `mailto:${value}`, false)] };
  }
  if (field.key === 'contact' && PHONE.test(value) && value.replace(/\D/g, '').length >= 7) {
    const number = value.trim().replace(/ +/g, '-');
    return { hint: `write tel:${number}`, fixes: [replace('Write it as a tel: URI', `tel:${number}`, false)] };
  }
  const compact = value.replace(/ /g, '');
  if (field.key === 'encryption' && FINGERPRINT.test(compact)) {
    const fingerprint = compact.replace(/^0x/i, '').toLowerCase();
    return {
      hint: `point at the key, never inline it: write openpgp4fpr:${fingerprint}`,
      fixes: [replace('Write it as an openpgp4fpr: URI', `openpgp4fpr:${fingerprint}`, false)],
    };
  }
  const host = value.split('/')[0];
  if (HOST_AND_PATH.test(value) && /[A-Za-z]/.test(host.slice(host.lastIndexOf('.') + 1))) {
    // The page is probably served over https, but only a person can check that it is there.
    return { hint: `write https://${value}`, fixes: [replace('Prefix it with https://', `https://${value}`, true)] };
  }
  return { hint: '', fixes: [] };
}

export const securityTxtInvalidUri: Rule<SecurityTxtModel> = {
  meta: {
    id: 'securitytxt/invalid-uri',
    kind: 'securitytxt',
    defaultSeverity: 'error',
    description:
      'A Contact, Policy, Encryption, Canonical, Acknowledgments, Hiring or CSAF value is not a URI (a bare email address, a phone number, a key).',
    messages: {
      // `section`: the RFC 9116 section that defines the field; `reason`: how to write the value as a
      // URI ("write mailto:security@acme.org"), or why it is none ("a URI has no blanks").
      notUri: '{{name}} must be a URI ({{section}}): {{reason}}.',
      // A field registered after RFC 9116 (CSAF), which no section of it defines.
      notUriUnsectioned: '{{name}} must be a URI: {{reason}}.',
    },
    fixable: 'unattended',
  },
  check(model, context) {
    for (const field of model.fields) {
      if (!URI_FIELDS.has(field.key) || field.value === '') continue;
      const problem = uriProblem(field.value);
      if (!problem) continue;
      const { hint, fixes } = fixesFor(model, field);
      const section = sectionOf(field.key);
      context.report({
        ...(section
          ? { messageId: 'notUri', data: { name: displayName(field), section, reason: hint || problem } }
          : { messageId: 'notUriUnsectioned', data: { name: displayName(field), reason: hint || problem } }),
        start: field.valueStart,
        end: field.valueEnd,
        fixes,
      });
    }
  },
};
