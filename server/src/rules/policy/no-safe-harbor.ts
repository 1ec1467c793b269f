import type { Rule } from '../../core/types';
import type { PolicyModel } from '../../formats/policy/model';
import { documentAnchor, insertSection, realContacts, sectionsWith } from '../utils/policy-edits';

/** A promise not to pursue good-faith research, in any of its usual wordings. */
const SAFE_HARBOR =
  /safe harbou?r|good[- ]faith|legal action|\b(?:will|shall) not (?:pursue|sue|prosecute|take (?:legal )?action|initiate)|not (?:pursue|initiate|bring) (?:any )?(?:legal|civil|criminal)|\bauthori[sz]ed (?:research|testing|under)|\bDMCA\b|\bCFAA\b|computer fraud/i;

const SECTION = [
  'We will not pursue legal action against research done in good faith under this policy: avoid privacy violations,',
  'data destruction and service disruption, and give us reasonable time to fix the issue before you disclose it.',
];

export const noSafeHarbor: Rule<PolicyModel> = {
  meta: {
    id: 'policy/no-safe-harbor',
    kind: 'policy',
    defaultSeverity: 'off',
    description: 'The policy does not promise that good-faith research under it will not be met with legal action.',
    messages: {
      noSafeHarbor: 'No safe harbor: say that good-faith research under this policy will not be met with legal action.',
    },
    fixable: 'review',
  },
  check(model, context) {
    if (realContacts(model).length === 0) return;
    if (sectionsWith(model, 'safe-harbor').some((section) => section.hasBody)) return;
    if (model.blocks.some((block) => SAFE_HARBOR.test(block.plain))) return;
    context.report({
      messageId: 'noSafeHarbor',
      ...documentAnchor(model),
      fixes: [
        {
          title: 'Add a "Safe Harbor" section',
          edits: [insertSection(model, 'safe-harbor', SECTION)],
          preferred: true,
          needsReview: true,
        },
      ],
    });
  },
};
