import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseMarkdown, parseWholeMarkdown } from '../../../server/src/formats/markdown';
import { pieceStarts } from '../../../server/src/formats/markdown-chunks';
import { parsePolicy } from '../../../server/src/formats/policy/parse';
import { lintParsed, lintText } from '../../../server/src/rules';
import { readAfresh } from '../../../server/src/core/memo';
import { corpusPolicies } from '../../helpers/corpus';
import { fixedRandomBytes } from '../../helpers/rule-tester';

/**
 * A policy parsed a section at a time gives the tree of the whole text's parse, node for node and
 * offset for offset, and so the same findings: rule ids, message ids, ranges and fixes. After edits,
 * a model built from what earlier builds read of unchanged paragraphs is the one built afresh.
 */
const RUNS = Number(process.env.SECPOLICY_FUZZ_RUNS ?? 150);

/** Shapes where one part of the text could change how another is read. */
const EDGE_CASES: Record<string, string> = {
  'reference definition in a later section': '# A\n\nSee [the form].\n\n## B\n\n[the form]: https://example.org/form\n',
  'reference definition in a list': '# A\n\nSee [x][].\n\n## B\n\n- [x]: https://example.org\n',
  'footnote definition': '# A\n\nWe reply fast[^1].\n\n## B\n\n[^1]: Within 48 hours.\n',
  'fence spanning a heading': '# A\n\n```\n# not a heading\n```\n\n## B\n\ntext\n',
  'tilde fence closed by a longer run': '# A\n~~~~\n# x\n~~~\n# y\n~~~~~\n# B\n',
  'fence first, holding the policy': '```markdown\n# Security\n\n## Reporting\n\nMail us.\n```\n# After\n',
  'fence never closed': '# A\n\n```markdown\n# Security\n\n## Reporting\n\nMail us.\n',
  'fence in a list item, closed by a heading': '- a\n  ```\n# H\n  ```\n# I\ntext\n',
  'backtick line that is not a fence': '# A\n``` a`b\n# B\ntext\n',
  'indented code': '# A\n\n    # code\n# B\n',
  'comment spanning a heading': '# A\n<!--\n# hidden\n-->\n# B\n',
  'comment on one line before a heading': '# A\n<!-- note -->\n# B\n',
  'shortest comment': '<!-->\n# B\n',
  'inline comment left open': '# A\ntext <!-- open\n# B\n-->\n',
  'HTML block running into a heading': '# A\n<div>\n# B\n</div>\n# C\n',
  'HTML block ended by a blank line': '# A\n<div>\n\n# B\n',
  'pre block over a blank line': '# A\n<pre>\n\n# B\n</pre>\n# C\n',
  'details around sections': '<details>\n<summary>More</summary>\n\n# H\ntext\n</details>\n# I\n',
  'setext headings': 'Title\n=====\n# A\nPara\n---\n# B\ntext\n# C\n===\n',
  'front matter': '---\ntitle: Security\n# a comment\n---\n# Security\n\nMail us.\n',
  'byte order mark': '\uFEFF# A\ntext\n# B\n',
  'byte order mark then a blank line': '\uFEFF\n# B\ntext\n',
  'CRLF with a fence': '# A\r\ntext\r\n# B\r\n```\r\n# c\r\n```\r\n# D\r\n',
  'carriage returns alone': '# A\rtext\r# B\r```\r# c\r',
  'table before a heading': '| a | b |\n| - | - |\n| 1 | 2 |\n# H\n| c |\n| - |\n',
  'block quote and lazy lines': '> quote\n# H\n> ```\n# I\n```\n# J\n',
  'lines that are not headings': '# A\n#######\n#tag\n#\n#\tB\n#\r\n',
  'no final line break': '# A\ntext\n# B',
  'headings only': '# A\n# B\n## C\n',
  empty: '',
  'list continued after a heading': '- item\n# H\n  continued\n',
};

function variants(text: string): [string, string][] {
  return [
    ['LF', text],
    ['CRLF', text.replace(/\r?\n/g, '\r\n')],
    ['BOM', `\uFEFF${text}`],
  ];
}

const STRICT = { config: { preset: 'strict' as const, rules: {} }, randomBytes: fixedRandomBytes };

function assertSameAsWhole(text: string): void {
  assert.deepStrictEqual(parseMarkdown(text), parseWholeMarkdown(text));
  const whole = lintParsed(parsePolicy(text, parseWholeMarkdown), STRICT).findings;
  assert.deepStrictEqual(lintText('policy', text, STRICT).findings, whole);
}

describe('Markdown parsed a section at a time', () => {
  for (const [name, text] of Object.entries(EDGE_CASES)) {
    it(`matches the whole parse: ${name}`, () => {
      for (const [variant, shaped] of variants(text)) {
        assert.doesNotThrow(() => assertSameAsWhole(shaped), variant);
      }
    });
  }

  it('matches the whole parse on every policy of the corpus, whatever its line endings', function () {
    const found = corpusPolicies();
    if (found.length === 0) this.skip();
    this.timeout(120_000);
    let cut = 0;
    for (const { name, text } of found) {
      for (const [variant, shaped] of variants(text)) {
        try {
          assertSameAsWhole(shaped);
        } catch (error) {
          assert.fail(`${name} (${variant}): ${String(error)}`);
        }
      }
      if ((pieceStarts(text)?.length ?? 0) > 1) cut++;
    }
    // Not a vacuous pass: most policies are really cut into sections.
    assert.ok(cut * 2 > found.length, `${cut} of ${found.length} cut`);
  });

  it('matches the whole parse after each of a run of one-character edits', function () {
    const found = corpusPolicies();
    if (found.length === 0) this.skip();
    this.timeout(120_000);
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      remove: fc.boolean(),
      character: fc.constantFrom('#', '`', '~', '\n', '\r', '<', '>', '!', '-', '[', ']', ':', ' ', '|', '=', 'a'),
    });
    fc.assert(
      fc.property(fc.nat(found.length - 1), fc.array(edit, { minLength: 1, maxLength: 6 }), (index, edits) => {
        // The same document edited in turn, as an editor sends it: the cache holds the earlier versions' sections.
        let text = found[index].text;
        for (const { at, remove, character } of edits) {
          const offset = Math.floor(at * text.length);
          text = text.slice(0, offset) + (remove ? '' : character) + text.slice(remove ? offset + 1 : offset);
          assert.deepStrictEqual(parseMarkdown(text), parseWholeMarkdown(text));
        }
        const chunked = lintText('policy', text, STRICT).findings;
        // The reference reads every paragraph afresh: nothing kept from the earlier versions' builds.
        const whole = readAfresh(() => lintParsed(parsePolicy(text, parseWholeMarkdown), STRICT).findings);
        assert.deepStrictEqual(chunked, whole);
      }),
      { numRuns: RUNS, seed: 17 },
    );
  });
});
