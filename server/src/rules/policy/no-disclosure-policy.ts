import type { Rule } from '../../core/types';
import type { PolicyModel } from '../../formats/policy/model';
import { disclosureStatement } from '../../formats/policy/disclosure';
import { documentAnchor, insertAfter, insertSection, sectionsWith } from '../utils/policy-edits';

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
    // Reported whether or not the policy has a contact yet: the two are separate gaps, and a policy
    // that lacks both should hear of both at once (policy/no-contact reports the missing address).
    if (model.sentences.some((sentence) => disclosureStatement(sentence.plain) !== undefined)) return;
    // A "Disclosure" section that does not say how disclosure works gets the text, rather than a
    // second section of that name.
    const section = sectionsWith(model, 'disclosure').find(
      (candidate) => candidate.depth >= model.sectionDepth && !candidate.hasSubsections,
    );
    context.report({
      messageId: 'noDisclosure',
      ...(section ? { start: section.headingStart, end: section.headingEnd } : documentAnchor(model)),
      fixes: [
        {
          title: section ? `Say how disclosure works under "${section.title}"` : 'Add a "Disclosure Policy" section',
          edits: [section ? insertAfter(model, section.bodyEnd, SECTION) : insertSection(model, 'disclosure', SECTION)],
          preferred: true,
          needsReview: true,
        },
      ],
    });
  },
};
