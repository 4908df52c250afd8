/**
 * Room for the points of frontier levels, shared by successive computations. A typed array with a
 * buffer of its own costs about as much as folding a whole small scenario, and bid ladders build
 * many small frontiers, so levels are ranges of shared blocks. A block lives as long as any level
 * in it: at most BLOCK_POINTS points (about 100 KB) kept alive per live frontier.
 */

/** Points per shared block; a level larger than a block gets a block of its own, exactly its size. */
export const BLOCK_POINTS = 4096;

/** Room for points in the layout of a level; one buffer holds all three arrays. */
export interface Block {
  /** utilities[point * partyCount + party] */
  readonly utilities: Float64Array;
  readonly parents: Int32Array;
  readonly options: Int32Array;
}

function newBlock(partyCount: number, capacity: number): Block {
  const buffer = new ArrayBuffer(capacity * (8 * partyCount + 8));
  return {
    utilities: new Float64Array(buffer, 0, capacity * partyCount),
    parents: new Int32Array(buffer, capacity * partyCount * 8, capacity),
    options: new Int32Array(buffer, capacity * partyCount * 8 + capacity * 4, capacity),
  };
}

/** Hands out room for levels of one party count, one after another in shared blocks. */
export class BlockSpace {
  private block: Block | null = null;
  private used = 0;
  /** Where the room `take` last gave starts in its block. */
  at = 0;

  constructor(private readonly partyCount: number) {}

  /** Room for `size` points from `at` on: the rest of the shared block, a new one, or a block of its own when larger than one. */
  take(size: number): Block {
    this.at = 0;
    if (size > BLOCK_POINTS) return newBlock(this.partyCount, size);
    if (this.block === null || this.used + size > BLOCK_POINTS) {
      this.block = newBlock(this.partyCount, BLOCK_POINTS);
      this.used = 0;
    }
    this.at = this.used;
    this.used += size;
    return this.block;
  }
}
