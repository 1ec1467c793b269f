import assert from 'node:assert/strict';
import { memoize, memoizeByText, readAfresh, startModelBuild } from '../../../server/src/core/memo';
import { parseWholeMarkdown } from '../../../server/src/formats/markdown';
import { parsePolicy } from '../../../server/src/formats/policy/parse';
import { corpusPolicies } from '../../helpers/corpus';

/** Texts where one sentence holds several times, hedged differently, cells read alike, and sections nest. */
const SHAPES = [
  'We aim to reply within 3 days, but we fix critical issues within 7 days; typically a patch ships in 30 days.',
  'We reply within 2 days. This may vary.\n\nWe reply within 2 days. We fix within 9 days.',
  '| Version | Supported |\n| - | - |\n| 1.x | yes |\n| 1.x | no |\n\nSend mail to a@b.org, not a public issue.',
  '# Security\n\n## Supported versions\n\n| Version | Supported |\n| - | - |\n| 2.x | yes |\n\n### Older\n\nOnly 2.x gets fixes.\n\n' +
    '## Reporting\n\nUse [GitHub Security Advisories](https://github.com/yourorg/your-project/security/advisories/new).\n\n' +
    '## Timeline\n\n- Critical: fixed within 7 days\n- High: fixed within 30 days\n\nWe never run containers as root.\n',
];

describe('Memos', () => {
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

  it('keep a reading that gives undefined, as any other', () => {
    const reads: string[] = [];
    const none = memoizeByText((text: string) => {
      reads.push(text);
      return text === 'a' ? undefined : text.length;
    });
    startModelBuild();
    assert.equal(none('a'), undefined);
    assert.equal(none('a'), undefined);
    assert.equal(none('bb'), 2);
    startModelBuild();
    assert.equal(none('a'), undefined);
    assert.deepEqual(reads, ['a', 'bb']);
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

  it('give the policy model of a whole build afresh, after builds of the same text and of edited ones', function () {
    const found = corpusPolicies();
    if (found.length === 0) this.skip();
    this.timeout(120_000);
    // Edits that move every later piece, open a section (changing what later ones sit in), or change one word.
    const edits = [
      (text: string) => `x${text}`,
      (text: string) => `${text.slice(0, text.length >> 1)}\n\n# Requirements\n\n${text.slice(text.length >> 1)}`,
      (text: string) => `${text.slice(0, text.length >> 1)}x${text.slice(text.length >> 1)}`,
    ];
    for (const { name, text } of [...found, ...SHAPES.map((shape, i) => ({ name: `shape ${i}`, text: shape }))]) {
      const fresh = readAfresh(() => parsePolicy(text, parseWholeMarkdown));
      parsePolicy(text);
      assert.deepStrictEqual(parsePolicy(text), fresh, `${name}, built again`);
      for (const [index, edit] of edits.entries()) {
        const edited = edit(text);
        parsePolicy(text);
        assert.deepStrictEqual(
          parsePolicy(edited),
          readAfresh(() => parsePolicy(edited, parseWholeMarkdown)),
          `${name}, edit ${index}`,
        );
        assert.deepStrictEqual(parsePolicy(text), fresh, `${name}, after edit ${index}`);
      }
    }
  });
});
