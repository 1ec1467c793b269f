import type { Rule } from '../../core/types';
import { parseRfc3339, type SecurityTxtModel } from '../../formats/securitytxt';
import { nextExpires } from '../../../../common/security-txt';
import { appendFieldEdit, fieldsNamed, fixFor, quote } from '../utils/securitytxt-edits';

const DAY = 24 * 60 * 60 * 1000;
/** How close to its Expires a file is reported, so it is renewed before researchers stop trusting it. */
const RENEWAL_NOTICE_DAYS = 30;

function day(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export const securityTxtExpires: Rule<SecurityTxtModel> = {
  meta: {
    id: 'securitytxt/expires',
    kind: 'securitytxt',
    defaultSeverity: 'error',
    description:
      'Expires is missing, not an RFC 3339 date-time, already past, or (a warning) less than 30 days or more than a year ahead.',
    messages: {
      missing:
        'No Expires field: say when researchers should stop trusting this file, less than a year ahead (RFC 9116 section 2.5.5).',
      // `value`: the value as written, quoted and cut short when long.
      notDateTime:
        'Expires {{value}} is not an RFC 3339 date-time such as 2026-12-31T23:59:59Z (RFC 9116 section 2.5.5).',
      // `date`: the day of the Expires value, as YYYY-MM-DD (UTC).
      expired:
        'Expired on {{date}}: researchers treat the file as stale (RFC 9116 section 5.3). Review it and set a new date.',
      // `date`: the day of the Expires value (UTC); `days`: whole days left, rounded up.
      expiresSoon:
        'Expires on {{date}}, in {{days}} days: review the file and set a new date before researchers treat it as stale.',
      tooFarAhead:
        'Expires {{date}} is more than a year ahead: RFC 9116 section 2.5.5 recommends less, so the file gets reviewed.',
    },
    // A date is a promise to review the file by then: every fix waits for a person.
    fixable: 'review',
  },
  check(model, context) {
    const next = nextExpires(context.facts.now);
    const now = context.facts.now === undefined ? NaN : Date.parse(context.facts.now);
    const fields = fieldsNamed(model, 'expires');
    if (fields.length === 0) {
      context.report({
        messageId: 'missing',
        ...model.anchor,
        fixes: next
          ? [
              fixFor(model, {
                title: `Add Expires: ${next}`,
                edits: [appendFieldEdit(model, `Expires: ${next}`)],
                preferred: true,
                // A date is a promise to review the file by then.
                needsReview: true,
              }),
            ]
          : [],
      });
      return;
    }
    for (const field of fields) {
      // An empty value is securitytxt/invalid-line's finding.
      if (field.value === '') continue;
      const fixes = next
        ? [
            fixFor(model, {
              title: `Set Expires to ${next}`,
              edits: [{ start: field.valueStart, end: field.valueEnd, newText: next }],
              preferred: true,
              needsReview: true,
            }),
          ]
        : [];
      const range = { start: field.valueStart, end: field.valueEnd };
      const expires = parseRfc3339(field.value);
      if (expires === undefined) {
        context.report({
          messageId: 'notDateTime',
          data: { value: quote(field.value) },
          ...range,
          fixes,
        });
      } else if (Number.isNaN(now)) {
        continue;
      } else if (expires <= now) {
        context.report({
          messageId: 'expired',
          data: { date: day(expires) },
          ...range,
          fixes,
        });
      } else if (expires - now <= RENEWAL_NOTICE_DAYS * DAY) {
        context.report({
          messageId: 'expiresSoon',
          data: { date: day(expires), days: Math.ceil((expires - now) / DAY) },
          ...range,
          severity: 'warning',
          fixes,
        });
      } else {
        const yearAhead = new Date(now);
        yearAhead.setUTCFullYear(yearAhead.getUTCFullYear() + 1);
        if (expires > yearAhead.getTime()) {
          context.report({
            messageId: 'tooFarAhead',
            data: { date: day(expires) },
            ...range,
            severity: 'warning',
            fixes,
          });
        }
      }
    }
  },
};
