import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  firstAtLeast,
  firstStartAfter,
  firstStartingIn,
  inRanges,
  rangeAt,
  RangeSet,
} from '../../../../server/src/formats/policy/ranges';

describe('policy/ranges', () => {
  it('finds the first range starting after an offset', () => {
    const ranges = [
      { start: 2, end: 4 },
      { start: 4, end: 9 },
      { start: 12, end: 12 },
    ];
    assert.deepEqual(
      [0, 2, 3, 4, 11, 12, 13].map((offset) => firstStartAfter(ranges, offset)),
      [0, 1, 1, 2, 2, 3, 3],
    );
    assert.deepEqual(
      [1, 2, 3, 4, 8, 9, 12].map((offset) => inRanges(ranges, offset)),
      [false, true, true, true, true, false, false],
    );
  });

  it('finds the range holding an offset, the first starting in a span, and the first value at least a target', () => {
    const ranges = [
      { start: 2, end: 4 },
      { start: 6, end: 9 },
    ];
    assert.deepEqual(
      [1, 2, 5, 8, 9].map((offset) => rangeAt(ranges, offset)),
      [undefined, ranges[0], undefined, ranges[1], undefined],
    );
    assert.deepEqual(
      [
        [0, 2],
        [0, 3],
        [3, 7],
        [7, 20],
      ].map(([start, end]) => firstStartingIn(ranges, start, end)),
      [undefined, ranges[0], ranges[1], undefined],
    );
    assert.deepEqual(
      [0, 3, 4, 10, 11].map((target) => firstAtLeast([3, 4, 4, 10], target)),
      [0, 0, 1, 3, -1],
    );
  });

  it('answers overlaps as a scan of every range added would', () => {
    const range = fc.tuple(fc.nat(60), fc.nat(12)).map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 40 }), (ranges) => {
        const set = new RangeSet<{ start: number; end: number }>();
        const added: { start: number; end: number }[] = [];
        for (const candidate of ranges) {
          const scanned = added.some((other) => other.start < candidate.end && candidate.start < other.end);
          assert.equal(set.overlaps(candidate), scanned, JSON.stringify({ added, candidate }));
          if (!scanned) {
            set.add(candidate);
            added.push(candidate);
          }
        }
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
