/** Look-ups over ranges in document order, by binary search instead of a scan of every range. */

interface Range {
  start: number;
  end: number;
}

/** The index of the first item whose start is greater than `offset` (items sorted by `startOf`). */
export function firstStartAfter<T>(
  items: readonly T[],
  offset: number,
  startOf: (item: T) => number = (item) => (item as Range).start,
): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (startOf(items[middle]) <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The one of `ranges` (apart from each other, in document order) that holds `offset`, if any. */
export function rangeAt<T extends Range>(ranges: readonly T[], offset: number): T | undefined {
  const before = firstStartAfter(ranges, offset) - 1;
  return before >= 0 && offset < ranges[before].end ? ranges[before] : undefined;
}

/** Whether one of `ranges` (apart from each other, in document order) holds `offset`. */
export function inRanges(ranges: readonly Range[], offset: number): boolean {
  return rangeAt(ranges, offset) !== undefined;
}

/** The first of `ranges` (in document order) that starts at or after `start` and before `end`, if any. */
export function firstStartingIn<T extends Range>(ranges: readonly T[], start: number, end: number): T | undefined {
  const index = firstStartAfter(ranges, start - 1);
  return index < ranges.length && ranges[index].start < end ? ranges[index] : undefined;
}

/** The index of the first of `values` (in ascending order) at or above `target`; -1 when none is. */
export function firstAtLeast(values: readonly number[], target: number): number {
  const index = firstStartAfter(values, target - 1, (value) => value);
  return index < values.length ? index : -1;
}

/**
 * Ranges added one by one, kept by start, that answer whether a new one overlaps any of them:
 * only those starting within the longest range's length before it can.
 */
export class RangeSet<T extends Range> {
  private readonly sorted: T[] = [];
  private longest = 1;

  overlaps(range: Range): boolean {
    for (let index = firstStartAfter(this.sorted, range.end - 1) - 1; index >= 0; index--) {
      const other = this.sorted[index];
      if (other.start < range.start - this.longest) break;
      if (other.start < range.end && range.start < other.end) return true;
    }
    return false;
  }

  add(range: T): void {
    this.sorted.splice(firstStartAfter(this.sorted, range.start), 0, range);
    this.longest = Math.max(this.longest, range.end - range.start, 1);
  }
}
