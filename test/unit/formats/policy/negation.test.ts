import assert from 'node:assert/strict';
import { affirmedMatch, isNegated } from '../../../../server/src/formats/policy/negation';

describe('policy prose: negation', () => {
  it('a negating word earlier in the same clause turns the phrase around', () => {
    const cases: [string, string, boolean][] = [
      ['We do not offer a bug bounty.', 'bug bounty', true],
      ["Please don't open a public issue.", 'open a public issue', true],
      ['The option for security advisories is not showing up under the Security tab.', 'showing up', true],
      ['We are unable to commit to a support schedule.', 'commit', true],
      ['Instead of opening an issue, email us.', 'opening an issue', true],
      ['We offer a bug bounty.', 'bug bounty', false],
      // The negation belongs to another clause.
      ['If it is not a security bug, open an issue.', 'open an issue', false],
      // "no" inside a word is not a negation.
      ['Notify us and open an advisory.', 'open an advisory', false],
    ];
    for (const [plain, phrase, negated] of cases) {
      assert.equal(isNegated(plain, plain.indexOf(phrase)), negated, plain);
    }
  });

  it('the first match no word of its clause negates', () => {
    const plain = 'Do not open an issue; open an issue only for ordinary bugs.';
    assert.equal(affirmedMatch(plain, /open an issue/i)?.index, 22);
    assert.equal(affirmedMatch('Never open an issue.', /open an issue/), undefined);
  });
});
