import type { Fix, Rule } from '../../core/types';
import { KNOWN_FIELDS, type SecurityTxtModel } from '../../formats/securitytxt';
import { fixFor } from '../utils/securitytxt-edits';

/** Names people write for a registered field, by lower-case spelling. */
const ALIASES: Record<string, string> = {
  email: 'Contact',
  'e-mail': 'Contact',
  expiration: 'Expires',
  'expiration-date': 'Expires',
  'expiry-date': 'Expires',
  'pgp-key': 'Encryption',
  languages: 'Preferred-Languages',
  'disclosure-policy': 'Policy',
};

/** Fields of earlier drafts, with the message that says what replaced them. */
const RETIRED: Record<string, string> = {
  signature: 'retiredSignature',
};

/** Edit distance with adjacent transpositions (optimal string alignment), capped: beyond `cap` it returns `cap + 1`. */
export function editDistance(a: string, b: string, cap = 2): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  // Three rolling rows: the one before the previous is needed for transpositions.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2] + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length], cap + 1);
}

/** The registered name a typo most likely meant, and how far it is; undefined when none is close or two tie. */
function nearest(key: string): { name: string; distance: number } | undefined {
  if (ALIASES[key]) return { name: ALIASES[key], distance: 3 };
  let best: { name: string; distance: number } | undefined;
  let tie = false;
  for (const [known, name] of KNOWN_FIELDS) {
    const distance = editDistance(key, known);
    if (distance > 2 || distance >= key.length) continue;
    if (!best || distance < best.distance) {
      best = { name, distance };
      tie = false;
    } else if (distance === best.distance) {
      tie = true;
    }
  }
  return tie ? undefined : best;
}

export const securityTxtUnknownField: Rule<SecurityTxtModel> = {
  meta: {
    id: 'securitytxt/unknown-field',
    kind: 'securitytxt',
    defaultSeverity: 'info',
    description:
      'A field name RFC 9116 does not define, which readers ignore: usually a typo such as "Contacts" or "Expiry".',
    messages: {
      // `name`: the field name as written; `suggestion`: the registered name it most likely meant.
      unknownWithSuggestion:
        'Unknown field {{name}}: did you mean {{suggestion}}? Readers ignore unknown fields (RFC 9116 section 2.4).',
      unknown: 'Unknown field {{name}}: readers ignore fields they do not know (RFC 9116 section 2.4).',
      retiredSignature:
        'Signature was dropped before RFC 9116: sign the file itself with gpg --clearsign (RFC 9116 section 2.3) and remove this line.',
    },
    fixable: 'unattended',
  },
  check(model, context) {
    const suggestions = new Map<string, ReturnType<typeof nearest>>();
    for (const field of model.fields) {
      if (KNOWN_FIELDS.has(field.key)) continue;
      const range = { start: field.nameStart, end: field.nameEnd };
      if (RETIRED[field.key]) {
        context.report({ messageId: RETIRED[field.key], ...range });
        continue;
      }
      if (!suggestions.has(field.key)) suggestions.set(field.key, nearest(field.key));
      const suggestion = suggestions.get(field.key);
      const fixes: Fix[] = suggestion
        ? [
            fixFor(model, {
              title: `Rename to ${suggestion.name}`,
              edits: [{ ...range, newText: suggestion.name }],
              preferred: true,
              // One letter off is a typo; further off, or a synonym, may be a field of its own.
              ...(suggestion.distance === 1 ? {} : { needsReview: true }),
            }),
          ]
        : [];
      context.report({
        ...(suggestion
          ? { messageId: 'unknownWithSuggestion', data: { name: field.name, suggestion: suggestion.name } }
          : { messageId: 'unknown', data: { name: field.name } }),
        ...range,
        fixes,
      });
    }
  },
};
