// What a model reads from one paragraph, sentence or table cell, kept across model builds.
// Successive versions of a document share all their paragraphs but the edited one, so the build
// after an edit finds nearly all of them here.
//
// Each memo holds two generations: the texts the current build asked for and those the build before
// it did. Older ones are let go, so a memo never keeps more than two versions of a document alive.

/** What a memo keeps for a reading that gave undefined (a map's undefined means "not read yet"). */
const NOTHING: unique symbol = Symbol('nothing');

const memos: TextMemo<unknown>[] = [];

/** More paragraphs, sentences or cells than the largest policy accepted has. */
const MAX_KEPT_PER_GENERATION = 100_000;

/** Whether memos answer from memory: not while `readAfresh` runs. */
let remembering = true;

class TextMemo<T> {
  private current = new Map<string, T | typeof NOTHING>();
  private previous = new Map<string, T | typeof NOTHING>();

  get(key: string, read: () => T): T {
    let kept = this.current.get(key);
    if (kept === undefined) {
      kept = this.previous.get(key);
      if (kept === undefined) {
        const result = read();
        kept = result === undefined ? NOTHING : result;
      }
      // Asked for more texts than any document holds without a build in between: a new generation.
      if (this.current.size >= MAX_KEPT_PER_GENERATION) this.nextGeneration();
      this.current.set(key, kept);
    }
    return kept === NOTHING ? (undefined as T) : kept;
  }

  nextGeneration(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

/**
 * `read`, answered from memory for arguments it has read in this model build or the one before.
 * `read` must depend on its arguments alone, `keyOf` must tell apart any two that `read` does, and
 * callers must not change what it returns.
 */
export function memoize<A extends unknown[], T>(
  keyOf: (...args: A) => string,
  read: (...args: A) => T,
): (...args: A) => T {
  const memo = new TextMemo<T>();
  memos.push(memo);
  return (...args) => (remembering ? memo.get(keyOf(...args), () => read(...args)) : read(...args));
}

/** `read` of one text, answered from memory as `memoize` does. */
export function memoizeByText<T>(read: (text: string) => T): (text: string) => T {
  return memoize((text: string) => text, read);
}

/** Starts a model build: what the build before the last one read is let go. */
export function startModelBuild(): void {
  for (const memo of memos) memo.nextGeneration();
}

/** Whether memos answer from memory now, as any cache of readings should: not while `readAfresh` runs. */
export function remembers(): boolean {
  return remembering;
}

/** Runs `build` with every text read afresh and nothing kept: the reference memos are checked against. */
export function readAfresh<T>(build: () => T): T {
  remembering = false;
  try {
    return build();
  } finally {
    remembering = true;
  }
}
