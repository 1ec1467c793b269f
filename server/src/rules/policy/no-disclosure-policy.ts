import type { Rule } from '../../core/types';
import type { PolicyModel } from '../../formats/policy/model';
import { documentAnchor, insertAfter, insertSection, realContacts, sectionsWith } from '../utils/policy-edits';

/**
 * Words that say what happens publicly after a report: an advisory, a CVE, an embargo, publishing
 * once fixed. "We appreciate your efforts to disclose responsibly" says nothing of the kind.
 */
const DISCLOSURE_STATEMENT = new RegExp(
  [
    /\bcoordinated (?:vulnerability )?disclosure\b|\b(?:security )?advisor(?:y|ies)\b|\bCVEs?\b|\bGHSA\b|\bembargo/,
    /\bdisclosure (?:policy|process|timeline|date|deadline|period|window)\b|\bpublic(?:ly)? disclos/,
    /\bdisclos\w{0,5} (?:it |them |the (?:issue|vulnerability|details|bug) )?publicly\b/,
    /\b(?:fixed|patched|resolved) and (?:publicly )?(?:disclosed|announced|published)\b/,
    /\b(?:full|public) announcement|\b(?:security|vulnerability) announcements?\b|\bsecurity (?:bulletins?|mailing list)/,
    /\bpublicly (?:viewable|visible|available)\b|\bglobally visible\b|\bmade public\b|\bbecomes? public\b/,
  ]
    .map((part) => part.source)
    .join('|'),
  'i',
);

/** "We publish the details once a fix is released": publishing, a fix and a word of time in one sentence. */
const PUBLISH = /\b(?:publish|announce|disclose|publicize|publicise)/i;
const WHEN = /\b(?:after|once|when|until|before|with)\b/i;
const FIXED = /\b(?:fix|patch|releas|resolv|available|ship)/i;

function saysWhatGoesPublic(sentence: string): boolean {
  return DISCLOSURE_STATEMENT.test(sentence) || (PUBLISH.test(sentence) && WHEN.test(sentence) && FIXED.test(sentence));
}

const SECTION = [
  'We follow coordinated disclosure: we agree a disclosure date with you, and once the fix is released we publish a',
  'security advisory (with a CVE where one applies) that credits you unless you prefer otherwise. Please keep the',
  'details private until then.',
];

export const noDisclosurePolicy: Rule<PolicyModel> = {
  meta: {
    id: 'policy/no-disclosure-policy',
    kind: 'policy',
    defaultSeverity: 'info',
    description:
      'The policy says nothing about disclosure: no advisory, CVE, embargo or plan to publish once a fix ships.',
    messages: {
      noDisclosure:
        'No disclosure policy: say when and how a fixed vulnerability is made public (advisory, CVE, embargo).',
    },
    fixable: 'review',
  },
  check(model, context) {
    // Until reporters can reach you, disclosure terms are moot: policy/no-contact and policy/placeholder-contact come first.
    if (realContacts(model).length === 0) return;
    const sections = sectionsWith(model, 'disclosure');
    if (sections.some((section) => section.hasBody)) return;
    if (model.sentences.some((sentence) => saysWhatGoesPublic(sentence.plain))) return;
    // An empty "Disclosure" section gets the text, rather than a second section of that name.
    const empty = sections.find((section) => section.depth >= model.sectionDepth && !section.hasSubsections);
    context.report({
      messageId: 'noDisclosure',
      ...(empty ? { start: empty.headingStart, end: empty.headingEnd } : documentAnchor(model)),
      fixes: [
        {
          title: empty ? `Say how disclosure works under "${empty.title}"` : 'Add a "Disclosure Policy" section',
          edits: [empty ? insertAfter(model, empty.bodyEnd, SECTION) : insertSection(model, 'disclosure', SECTION)],
          preferred: true,
          needsReview: true,
        },
      ],
    });
  },
};
