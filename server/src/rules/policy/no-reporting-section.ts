import type { Rule } from '../../core/types';
import type { Contact, PolicyModel } from '../../formats/policy/model';
import { documentAnchor, insertAfter, insertSection, realContacts, sectionsWith } from '../utils/policy-edits';

/** Verbs that turn a sentence holding a contact into an instruction to use it. */
const REPORTING_VERB =
  /\b(?:report|reporting|reports|send|e-?mail|contact|reach|submit|disclose|notify|let (?:us|me|them|the \w{1,20}) know|tell (?:us|me)|write|use|draft|open|go to|click|file|create|mail|message|forward|see|visit|read|refer|follow|found|documented|described)\b/i;

/** Mailboxes that are meant for security reports, as opposed to a person thanked in the credits. */
const SECURITY_MAILBOX =
  /^(?:security|secure|sec|psirt|cert|csirt|sirt|vuln\w{0,12}|disclosure|bugbounty|report\w{0,8})@/i;

/** The contact a new reporting section can name: a private form or link, or a security mailbox outside the credits. */
function channel(model: PolicyModel): Contact | undefined {
  return realContacts(model).find((contact) => {
    const section = model.sections.filter((each) => each.headingStart <= contact.start).pop();
    if (section?.meaning === 'credits') return false;
    return contact.kind !== 'email' || SECURITY_MAILBOX.test(contact.value);
  });
}

function routeLine(contact: Contact | undefined): string {
  const notPublic = 'Do not open a public issue.';
  if (!contact) return `Please report vulnerabilities privately by email to security@example.com. ${notPublic}`;
  switch (contact.kind) {
    case 'email':
      return /@/.test(contact.value)
        ? `Please report vulnerabilities privately by email to ${contact.value}. ${notPublic}`
        : `Please report vulnerabilities privately by email (address above). ${notPublic}`;
    case 'private-advisory':
      return /^https?:/i.test(contact.value)
        ? `Please report vulnerabilities privately through [GitHub private vulnerability reporting](${contact.value}). ${notPublic}`
        : `Please report vulnerabilities privately through GitHub private vulnerability reporting (the "Report a vulnerability" button on the Security tab). ${notPublic}`;
    case 'bug-bounty':
      return `Please report vulnerabilities privately through [our bug bounty program](${contact.value}). ${notPublic}`;
    case 'web-form':
      return `Please report vulnerabilities privately through [our reporting form](${contact.value}). ${notPublic}`;
  }
}

export const noReportingSection: Rule<PolicyModel> = {
  meta: {
    id: 'policy/no-reporting-section',
    kind: 'policy',
    defaultSeverity: 'warning',
    description:
      'The policy has an address or link but nothing tells reporters to use it: no reporting section and no sentence that says how to report.',
    messages: {
      noInstructions:
        'Nothing says how to report a vulnerability: add a "Reporting a Vulnerability" section naming the channel.',
    },
    fixable: 'review',
  },
  check(model, context) {
    // Without a real contact, policy/no-contact or policy/placeholder-contact report the problem first.
    if (realContacts(model).length === 0) return;
    const reporting = sectionsWith(model, 'reporting');
    if (reporting.some((section) => section.hasBody || section.hasSubsections)) return;
    const instructs = model.sentences.some(
      (sentence) =>
        REPORTING_VERB.test(sentence.plain) &&
        model.contacts.some((contact) => contact.start >= sentence.start && contact.start < sentence.end),
    );
    if (instructs) return;
    const empty = reporting.find((section) => section.depth >= model.sectionDepth);
    const contact = channel(model);
    const line = routeLine(contact);
    const placeholder = contact ? '' : ' (then edit the placeholder address)';
    context.report({
      messageId: 'noInstructions',
      ...(empty ? { start: empty.headingStart, end: empty.headingEnd } : documentAnchor(model)),
      fixes: [
        {
          title:
            (empty ? `Say how to report under "${empty.title}"` : 'Add a "Reporting a Vulnerability" section') +
            placeholder,
          edits: [empty ? insertAfter(model, empty.bodyEnd, [line]) : insertSection(model, 'reporting', [line])],
          preferred: true,
          needsReview: true,
        },
      ],
    });
  },
};
