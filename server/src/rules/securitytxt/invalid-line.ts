import type { Fix, MessageData, Rule } from '../../core/types';
import type { SecurityTxtField, SecurityTxtModel, SecurityTxtProblem } from '../../formats/securitytxt';
import { fixFor } from '../utils/securitytxt-edits';

function fixesFor(model: SecurityTxtModel, problem: SecurityTxtProblem): Fix[] {
  if (!problem.edit) return [];
  return [fixFor(model, { title: 'Remove the blank before the colon', edits: [problem.edit], preferred: true })];
}

/**
 * The message of a parse problem. The texts are the parser's own (`problem.message`), as templates:
 * the field-line problems name their field, found at the problem's start.
 */
function messageFor(
  model: SecurityTxtModel,
  problem: SecurityTxtProblem,
  fieldAt: ReadonlyMap<number, SecurityTxtField>,
): { messageId: string; data?: MessageData } {
  switch (problem.kind) {
    case 'not-a-field':
      return { messageId: 'notAField' };
    case 'space-before-colon':
      return { messageId: 'spaceBeforeColon', data: { name: fieldAt.get(problem.start)!.name } };
    case 'empty-value':
      return { messageId: 'emptyValue', data: { name: fieldAt.get(problem.start)!.name } };
    case 'outside-signed-message':
      return { messageId: 'outsideSignedMessage' };
    case 'no-hash-header':
      return { messageId: 'noHashHeader' };
    case 'no-signature':
      return { messageId: model.signed?.signatureStart === undefined ? 'noSignatureBlock' : 'signatureNotClosed' };
    case 'stray-signature':
      return { messageId: 'straySignature' };
  }
}

export const securityTxtInvalidLine: Rule<SecurityTxtModel> = {
  meta: {
    id: 'securitytxt/invalid-line',
    kind: 'securitytxt',
    defaultSeverity: 'error',
    reportsUnreadable: true,
    description:
      'A line is not a field, a comment or blank, a field has no value, or the PGP signature wrapping is broken.',
    messages: {
      notAField:
        'Not a field, a comment or a blank line: write "Name: value", or start the line with # to make it a comment.',
      // `name`: the field name as written.
      spaceBeforeColon: 'No blank is allowed between the field name {{name}} and its colon.',
      emptyValue: '{{name}} has no value: a field is always a name and a value (RFC 9116 section 2).',
      outsideSignedMessage:
        'Outside the signed message, so not covered by the signature: move it into the signed body or delete it.',
      noHashHeader: 'The signed message has no "Hash:" armor header, so it cannot be verified.',
      noSignatureBlock:
        'The signed message has no "-----BEGIN PGP SIGNATURE-----" block: sign it again with gpg --clearsign.',
      signatureNotClosed:
        'The signature has no "-----END PGP SIGNATURE-----" line: sign the file again with gpg --clearsign.',
      straySignature:
        'A signature block without "-----BEGIN PGP SIGNED MESSAGE-----" before the fields: sign the whole file with gpg --clearsign.',
    },
    fixable: 'unattended',
  },
  check(model, context) {
    const fieldAt = new Map(model.fields.map((field) => [field.nameStart, field]));
    for (const problem of model.problems) {
      context.report({
        ...messageFor(model, problem, fieldAt),
        start: problem.start,
        end: problem.end,
        fixes: fixesFor(model, problem),
      });
    }
  },
};
