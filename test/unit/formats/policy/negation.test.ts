import assert from 'node:assert/strict';
import { affirmedMatch, isNegated, negatingWord } from '../../../../server/src/formats/policy/negation';

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

  it('names the negating word nearest before the phrase, in its clause', () => {
    const plain = "If you get no reply, we don't guarantee a fix; we cannot promise one.";
    assert.deepEqual(negatingWord(plain, plain.indexOf('guarantee')), { index: plain.indexOf("n't"), text: "n't" });
    assert.deepEqual(negatingWord(plain, plain.indexOf('promise')), { index: plain.indexOf('cannot'), text: 'cannot' });
    assert.deepEqual(negatingWord(plain, plain.indexOf('reply')), { index: plain.indexOf('no '), text: 'no' });
    // The negation of the clause before does not reach across the comma.
    const firm = 'If you get no reply, we guarantee a fix.';
    assert.equal(negatingWord(firm, firm.indexOf('guarantee')), undefined);
  });

  it('the first match no word of its clause negates', () => {
    const plain = 'Do not open an issue; open an issue only for ordinary bugs.';
    assert.equal(affirmedMatch(plain, /open an issue/i)?.index, 22);
    assert.equal(affirmedMatch('Never open an issue.', /open an issue/), undefined);
  });
});
