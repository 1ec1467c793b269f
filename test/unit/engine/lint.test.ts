import assert from 'node:assert/strict';
import type { Rule } from '../../../server/src/core/types';
import { formatMessage, lintText } from '../../../server/src/engine/lint';
import type { DotenvModel } from '../../../server/src/formats/dotenv';

/** A rule made for these tests: one finding per entry, with a generated secret in its fix. */
const everyEntry: Rule<DotenvModel> = {
  meta: {
    id: 'dotenv/every-entry',
    kind: 'dotenv',
    defaultSeverity: 'warning',
    description: 'Reports every entry.',
    messages: { entry: '{{name}} is set ({{count}} of {{total}}).' },
    fixable: 'review',
  },
  check(model, context) {
    model.entries.forEach((entry, index) => {
      const bytes = context.randomBytes(4);
      context.report({
        messageId: 'entry',
        data: { name: entry.name, count: index + 1, total: model.entries.length },
        start: entry.nameStart,
        end: entry.nameEnd,
        fixes: [{ title: 'Replace', edits: [{ start: 0, end: 0, newText: [...bytes].join(',') }], needsReview: true }],
      });
    });
  },
};

describe('engine lint', () => {
  it('runs the rules it is given, and only those of the document kind', () => {
    const result = lintText('dotenv', 'A=1\nB=2\n', [everyEntry]);
    assert.deepEqual(
      result.findings.map((finding) => [finding.ruleId, finding.messageId, finding.message, finding.data]),
      [
        ['dotenv/every-entry', 'entry', 'A is set (1 of 2).', { name: 'A', count: 1, total: 2 }],
        ['dotenv/every-entry', 'entry', 'B is set (2 of 2).', { name: 'B', count: 2, total: 2 }],
      ],
    );
    assert.deepEqual(lintText('policy', '# Policy\n', [everyEntry]).findings, []);
  });

  it('draws random bytes from the source it is given, and from the secure generator by default', () => {
    const fixed = (count: number) => new Uint8Array(count).fill(7);
    const [finding] = lintText('dotenv', 'A=1\n', [everyEntry], { randomBytes: fixed }).findings;
    assert.equal(finding.fixes![0].edits[0].newText, '7,7,7,7');
    const draws = new Set(
      Array.from({ length: 4 }, () => lintText('dotenv', 'A=1\n', [everyEntry]).findings[0].fixes![0].edits[0].newText),
    );
    assert.equal(draws.size, 4, 'each lint draws new bytes');
  });

  it('clamps a range that leaves the text, and drops a fix whose edits leave it or overlap', () => {
    const edit = (start: number, end: number) => ({ start, end, newText: 'x' });
    const sloppy: Rule<DotenvModel> = {
      ...everyEntry,
      check: (_model, context) =>
        context.report({
          messageId: 'entry',
          data: { name: 'A', count: 1, total: 1 },
          start: -3,
          end: 99,
          fixes: [
            { title: 'outside', edits: [edit(2, 9)] },
            { title: 'overlapping', edits: [edit(0, 2), edit(1, 3)] },
            { title: 'same point twice', edits: [edit(1, 1), edit(1, 1)] },
            { title: 'apart', edits: [edit(3, 4), edit(0, 1), edit(1, 1)] },
          ],
        }),
    };
    const [finding] = lintText('dotenv', 'A=1\n', [sloppy]).findings;
    assert.deepEqual([finding.start, finding.end, finding.fixes?.map((fix) => fix.title)], [0, 4, ['apart']]);
  });

  it('reports a rule that names a message it does not have as failed, and keeps the others', () => {
    const broken: Rule<DotenvModel> = {
      ...everyEntry,
      meta: { ...everyEntry.meta, id: 'dotenv/broken' },
      check: (_model, context) => context.report({ messageId: 'missing', start: 0, end: 1 }),
    };
    const result = lintText('dotenv', 'A=1\n', [broken, everyEntry]);
    assert.deepEqual(
      result.failures.map((failure) => [failure.ruleId, String(failure.error)]),
      [['dotenv/broken', 'Error: no message "missing"']],
    );
    assert.equal(result.findings.length, 1);
  });

  it('fills placeholders from data and leaves unknown ones as written', () => {
    const messages = { a: 'Value {{ value }} in "{{service}}", {{unknown}}.' };
    assert.equal(
      formatMessage(messages, { messageId: 'a', data: { value: '$1 $& {{x}}', service: 'db' } }),
      'Value $1 $& {{x}} in "db", {{unknown}}.',
    );
  });
});
