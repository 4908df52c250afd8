/**
 * Typed arrays in buffers shared by successive computations. A typed array with a buffer of its
 * own costs about 0.4–0.75 µs (its memory lives outside V8's heap and the collector tracks it,
 * partly on helper threads), as much as folding a whole small scenario and ten times a view into a
 * buffer that exists; bid ladders build many small frontiers, and a negotiation between learning
 * partners makes a couple of dozen small arrays (opponent estimates, ladders' models, level counts).
 *
 * Frontier levels are ranges of shared blocks: at most BLOCK_POINTS points (about 100 KB) kept
 * alive per live frontier. Other small Float64Arrays are views into shared slabs: at most
 * SLAB_BYTES kept alive per live array.
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

/** Bytes per shared slab. */
const SLAB_BYTES = 1 << 16;
/** Larger arrays get a buffer of their own: one would use up much of a slab. */
const LARGEST_BYTES = SLAB_BYTES >> 3;

let slab = new ArrayBuffer(0);
let used = 0;

/** A zeroed Float64Array of `length` elements, in a shared buffer unless it is large. */
export function slabFloat64(length: number): Float64Array {
  const bytes = 8 * length;
  if (bytes > LARGEST_BYTES) return new Float64Array(length);
  if (used + bytes > slab.byteLength) {
    slab = new ArrayBuffer(SLAB_BYTES);
    used = 0;
  }
  const array = new Float64Array(slab, used, length);
  used += bytes;
  return array;
}

/** A copy of `source`'s first `length` elements (all by default), in a shared buffer unless it is large. */
export function slabCopy(source: Float64Array, length = source.length): Float64Array {
  const copy = slabFloat64(length);
  copyInto(copy, 0, source, length);
  return copy;
}

/** Below this many elements a loop copies faster than a native copy through a subarray view. */
const NATIVE_COPY_FROM = 64;

/**
 * `source`'s first `length` elements into `target` from `at` on. Short runs in a loop: a view
 * costs more than copying them. Long ones natively: a fresh process's first frontier runs this
 * in the interpreter, where a loop allocates a heap number for every double it copies.
 */
export function copyInto<T extends Float64Array | Int32Array>(target: T, at: number, source: T, length: number): void {
  if (length >= NATIVE_COPY_FROM) target.set(source.subarray(0, length), at);
  else for (let k = 0; k < length; k++) target[at + k] = source[k];
}
