import assert from 'node:assert/strict';
import { memoize, memoizeByText, readAfresh, startModelBuild } from '../../../server/src/formats/text-memo';
import { parsePolicy } from '../../../server/src/formats/policy/parse';
import { corpusPolicies } from '../../helpers/corpus';

/** Texts where one sentence holds several times, hedged differently, and cells read alike. */
const SHAPES = [
  'We aim to reply within 3 days, but we fix critical issues within 7 days; typically a patch ships in 30 days.',
  'We reply within 2 days. This may vary.\n\nWe reply within 2 days. We fix within 9 days.',
  '| Version | Supported |\n| - | - |\n| 1.x | yes |\n| 1.x | no |\n\nSend mail to a@b.org, not a public issue.',
];

describe('Text memos', () => {
  it('read a text once per build, remember it for one more build, then read it again', () => {
    const reads: string[] = [];
    const upper = memoizeByText((text: string) => {
      reads.push(text);
      return text.toUpperCase();
    });
    startModelBuild();
    assert.equal(upper('a'), 'A');
    assert.equal(upper('a'), 'A');
    startModelBuild();
    assert.equal(upper('a'), 'A');
    startModelBuild();
    startModelBuild();
    assert.equal(upper('a'), 'A');
    assert.deepEqual(reads, ['a', 'a']);
  });

  it('keep apart the arguments the key tells apart', () => {
    const reads: string[] = [];
    const at = memoize(
      (text: string, index: number) => `${index} ${text}`,
      (text: string, index: number) => {
        reads.push(`${text}@${index}`);
        return text.slice(index);
      },
    );
    startModelBuild();
    assert.equal(at('abc', 1), 'bc');
    assert.equal(at('abc', 2), 'c');
    assert.equal(at('abc', 1), 'bc');
    assert.deepEqual(reads, ['abc@1', 'abc@2']);
  });

  it('answer nothing from memory and keep nothing while reading afresh', () => {
    const reads: string[] = [];
    const length = memoizeByText((text: string) => {
      reads.push(text);
      return text.length;
    });
    startModelBuild();
    length('xy');
    assert.equal(
      readAfresh(() => length('xy')),
      2,
    );
    readAfresh(() => length('new'));
    length('new');
    assert.deepEqual(reads, ['xy', 'xy', 'new', 'new']);
  });

  it('give the policy model of a build afresh, after builds of the same text and of an edited one', function () {
    const found = corpusPolicies();
    if (found.length === 0) this.skip();
    this.timeout(120_000);
    for (const { name, text } of [...found, ...SHAPES.map((shape, i) => ({ name: `shape ${i}`, text: shape }))]) {
      const fresh = readAfresh(() => parsePolicy(text));
      parsePolicy(text);
      assert.deepStrictEqual(parsePolicy(text), fresh, `${name}, built again`);
      const edited = `${text.slice(0, text.length >> 1)}x${text.slice(text.length >> 1)}`;
      parsePolicy(edited);
      assert.deepStrictEqual(parsePolicy(text), fresh, `${name}, after an edit`);
    }
  });
});
