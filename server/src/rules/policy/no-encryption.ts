import type { Rule } from '../../core/types';
import type { PolicyModel } from '../../formats/policy/model';
import { documentAnchor, insertSection, sectionsWith } from '../utils/policy-edits';

/** A key, a fingerprint or an encrypted channel named anywhere in the prose. */
const ENCRYPTION =
  /\b(?:pgp|gpg|gnupg|openpgp|encrypt\w{0,6}|s\/mime|keybase|fingerprint|public key|signal|age key|minisign)\b/i;

const SECTION = [
  'If your report holds sensitive details, ask for our PGP key in your first message and we will send it before you',
  'share them.',
];

export const noEncryption: Rule<PolicyModel> = {
  meta: {
    id: 'policy/no-encryption',
    kind: 'policy',
    defaultSeverity: 'off',
    description:
      'Reports can only be sent by plain email: the policy offers no PGP key or other encrypted channel for sensitive details.',
    messages: {
      noEncryption:
        'Email is the only channel and no PGP key is offered: give reporters a way to encrypt sensitive details.',
    },
    fixable: 'review',
  },
  check(model, context) {
    const real = model.contacts.filter((contact) => !contact.placeholder);
    // Forms, bug bounty platforms and GitHub's private reporting travel over HTTPS already.
    if (real.length === 0 || real.some((contact) => contact.kind !== 'email')) return;
    if (sectionsWith(model, 'encryption').length > 0) return;
    if (model.blocks.some((block) => ENCRYPTION.test(block.plain))) return;
    context.report({
      messageId: 'noEncryption',
      ...documentAnchor(model),
      fixes: [
        {
          title: 'Add an "Encrypted Reports" section',
          edits: [insertSection(model, 'encryption', SECTION)],
          preferred: true,
          needsReview: true,
        },
      ],
    });
  },
};
