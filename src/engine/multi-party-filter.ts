/**
 * The dominance filter of the frontier fold for three or more parties (`frontier.ts` dispatches
 * here; two parties have a sweep of their own there).
 *
 * Candidates come in descending lexicographic order of utilities, so a candidate can only be
 * dominated by a point already kept, and every kept point's first utility is at least the
 * candidate's. Kept points whose first utility is within the tolerance of the candidate's sit
 * at the end of the list (the "window"): they are checked for equality (the lower option is
 * kept and the package counts add up) and, the other way round, for being dominated by the
 * candidate. What remains is an orthant question on the other utilities: is there a kept point
 * with u1 ≥ c1 − ε, u2 ≥ c2 − ε, … ? Three parties answer it with a staircase (the 2-D skyline
 * of every point kept so far in the level, searched by bisection); four or more with an
 * `OrthantIndex` of the kept points (k-d trees in the logarithmic method), in place of a scan of
 * every kept point.
 */
import type { CandidateList, DominanceFilter } from "./frontier.js";
import { UTILITY_EPSILON } from "./tolerance.js";

const EQUAL = 0;
/** The first point is dominated by the second (within the tolerance). */
const DOMINATED = 1;
const OTHER = 2;

function compareWithin(a: Float64Array, aBase: number, b: Float64Array, bBase: number, n: number): number {
  let allEqual = true;
  for (let p = 0; p < n; p++) {
    const difference = a[aBase + p] - b[bBase + p];
    if (difference > UTILITY_EPSILON) return OTHER;
    if (difference < -UTILITY_EPSILON) allEqual = false;
  }
  return allEqual ? EQUAL : DOMINATED;
}

const EMPTY_IDS = new Int32Array(0);
const EMPTY_THRESHOLD = new Float64Array(0);

interface SharedState {
  readonly index: OrthantIndex;
  ids: Int32Array;
  readonly threshold: Float64Array;
}

/** Per number of dimensions (parties − 1), the index and working arrays of four or more parties: computations never overlap. */
const shared = new Map<number, SharedState>();

function sharedState(dims: number): SharedState {
  let found = shared.get(dims);
  if (!found) shared.set(dims, (found = { index: new OrthantIndex(dims), ids: new Int32Array(64), threshold: new Float64Array(dims) }));
  return found;
}

export class MultiPartyFilter implements DominanceFilter {
  private out!: CandidateList;
  private readonly stairs = new Staircase();
  private readonly index: OrthantIndex | null;
  /** Four or more parties: the index's id of each kept point, by its position in `out`. */
  private ids: Int32Array;
  private readonly threshold: Float64Array;
  /** First utility of the last candidate offered. */
  private lastFirst = -Infinity;
  /** Three parties only: see dominatedAhead. */
  readonly skipAhead?: (level: Float64Array, first: number, end: number, shifts: Float64Array, shift: number) => number;

  constructor(private readonly partyCount: number) {
    // Bid ladders build many small frontiers: the index and its arrays are shared by the computations of a party count.
    const shared = partyCount > 3 ? sharedState(partyCount - 1) : null;
    this.index = shared?.index ?? null;
    this.ids = shared?.ids ?? EMPTY_IDS;
    this.threshold = shared?.threshold ?? EMPTY_THRESHOLD;
    if (partyCount === 3) this.skipAhead = this.dominatedAhead;
  }

  /**
   * Three parties: a candidate still to come whose first utility is more than the tolerance below
   * the last offered's, and which a point of the staircase beats by twice the tolerance on the
   * other two, is turned away when it comes. Every point of the staircase then has a first utility
   * above the candidate's by more than the tolerance, so the staircase turned away every point
   * within the tolerance of the candidate that came after it: none is kept for it to equal
   * (nothing to add its packages to), and the staircase covers it.
   */
  private dominatedAhead(level: Float64Array, first: number, end: number, shifts: Float64Array, shift: number): number {
    const last = this.lastFirst;
    const stairs = this.stairs;
    const s0 = shifts[shift];
    const s1 = shifts[shift + 1];
    const s2 = shifts[shift + 2];
    // Points come by descending first utility: once one is below the last offered's by the tolerance, all after it are.
    let below = false;
    for (let k = first; k < end; k++) {
      // The sums as the merge makes them (point + shift), then the margins.
      if (!below && !(below = level[k * 3] + s0 + UTILITY_EPSILON < last)) return k;
      if (!stairs.covers(level[k * 3 + 1] + s1 + 2 * UTILITY_EPSILON, level[k * 3 + 2] + s2 + 2 * UTILITY_EPSILON)) return k;
    }
    return end;
  }

  begin(out: CandidateList): void {
    this.out = out;
    this.lastFirst = -Infinity;
    this.stairs.clear();
    this.index?.clear();
  }

  offer(source: Float64Array, index: number, parent: number, option: number, weight: number): number {
    const out = this.out;
    const n = this.partyCount;
    const base = index * n;
    this.lastFirst = source[base];
    const kept = out.utilities;
    let windowStart = out.size;
    while (windowStart > 0 && kept[(windowStart - 1) * n] <= source[base] + UTILITY_EPSILON) windowStart--;
    const window = out.size - windowStart;
    for (let k = windowStart; k < out.size; k++) {
      if (compareWithin(kept, k * n, source, base, n) === EQUAL) {
        if (option < out.options[k]) {
          out.parents[k] = parent;
          out.options[k] = option;
        }
        out.addCount(k, parent, weight);
        return 1 + window;
      }
    }
    let work: number;
    if (n === 3) {
      // A bisection.
      work = 1;
      if (this.stairs.covers(source[base + 1] - UTILITY_EPSILON, source[base + 2] - UTILITY_EPSILON)) return 1 + window + work;
    } else {
      const threshold = this.threshold;
      for (let p = 1; p < n; p++) threshold[p - 1] = source[base + p] - UTILITY_EPSILON;
      const kd = this.index!;
      const found = kd.covers(threshold);
      // A node or point looked at compares up to one coordinate per dimension.
      work = kd.visits * (n - 1);
      if (found) return 1 + window + work;
    }
    // Points in the window that the candidate dominates (possible only within the tolerance).
    let write = windowStart;
    const ids = this.ids;
    for (let k = windowStart; k < out.size; k++) {
      if (compareWithin(out.utilities, k * n, source, base, n) === DOMINATED) {
        if (n > 3) this.index!.remove(ids[k]);
        continue;
      }
      if (write !== k) {
        out.utilities.copyWithin(write * n, k * n, k * n + n);
        out.parents[write] = out.parents[k];
        out.options[write] = out.options[k];
        out.moveCount(k, write);
        ids[write] = ids[k];
      }
      write++;
    }
    if (write < out.size) out.removeRange(write, out.size);
    out.push(source, index, parent, option, weight);
    if (n === 3) this.stairs.add(source[base + 1], source[base + 2]);
    else {
      if (out.size > this.ids.length) {
        const grown = new Int32Array(this.ids.length * 2);
        grown.set(this.ids);
        this.ids = sharedState(n - 1).ids = grown;
      }
      this.ids[out.size - 1] = this.index!.add(source, base + 1);
    }
    return 1 + 2 * window + work;
  }
}

/**
 * The 2-D skyline of the (u1, u2) of every point added: entries sorted by u1 ascending with u2
 * strictly descending, so "is some point at least (a, b)" is one bisection.
 */
export class Staircase {
  private u1 = new Float64Array(64);
  private u2 = new Float64Array(64);
  private size = 0;

  clear(): void {
    this.size = 0;
  }

  covers(a: number, b: number): boolean {
    const first = this.firstAtLeast(a);
    return first < this.size && this.u2[first] >= b;
  }

  private firstAtLeast(u1: number): number {
    let low = 0;
    let high = this.size;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.u1[mid] < u1) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Adds a point that no point added so far is at least as good as on both. */
  add(u1: number, u2: number): void {
    const position = this.firstAtLeast(u1);
    let firstDominated = position;
    while (firstDominated > 0 && this.u2[firstDominated - 1] <= u2) firstDominated--;
    const removed = position - firstDominated;
    if (removed === 0 && this.size === this.u1.length) {
      const grownU1 = new Float64Array(this.u1.length * 2);
      const grownU2 = new Float64Array(this.u2.length * 2);
      grownU1.set(this.u1);
      grownU2.set(this.u2);
      this.u1 = grownU1;
      this.u2 = grownU2;
    }
    // Shift the tail to leave exactly one slot at firstDominated.
    this.u1.copyWithin(firstDominated + 1, position, this.size);
    this.u2.copyWithin(firstDominated + 1, position, this.size);
    this.u1[firstDominated] = u1;
    this.u2[firstDominated] = u2;
    this.size += 1 - removed;
  }
}

/** Points a recent-points buffer holds before they go into a tree. */
const BUFFER_POINTS = 32;
/** Points a k-d tree leaf holds, checked one by one. */
const LEAF_POINTS = 8;

/** A static k-d tree: points in tree order, each node's bounding box (its points' least and greatest coordinates). */
interface Tree {
  size: number;
  /** coordinates[k * dims + d] of the tree's point k (the arrays are kept for the next tree of the same level). */
  coordinates: Float64Array;
  ids: Int32Array;
  /** Per node (heap numbering from 1: children 2i and 2i + 1), greatest and least coordinates. */
  high: Float64Array;
  low: Float64Array;
  /** Removed points in the tree: while there are any, a box inside the orthant no longer proves a live point. */
  dead: number;
}

/**
 * A set of points in `dims` dimensions that answers "is there a point with every coordinate ≥ t"
 * (an orthant query), with insertions and removals: the logarithmic method of Bentley and Saxe
 * over static k-d trees. New points go into a small buffer; a full buffer and the trees of sizes
 * 1, 2, 4 … buffers in a row are rebuilt into one tree, so every point is rebuilt O(log n) times.
 * A query visits a tree's nodes from the root, skipping a node whose box lies outside the
 * orthant and stopping at one whose box lies inside it. Removed points are marked and dropped at
 * the next rebuild. `visits` counts the nodes and points the last query looked at: its work.
 */
export class OrthantIndex {
  private coordinates = new Float64Array(0);
  private alive = new Uint8Array(0);
  /** Per id, −1 while the point is in the buffer, else the level of its tree. */
  private where = new Int32Array(0);
  private count = 0;
  private buffer = new Int32Array(BUFFER_POINTS);
  private buffered = 0;
  private trees: (Tree | null)[] = [];
  /** Per level, the arrays of its last tree, reused by the next. */
  private pool: Tree[] = [];
  private gathered = new Int32Array(64);
  private stack = new Int32Array(64);
  /** Nodes and points the last query looked at. */
  visits = 0;

  constructor(readonly dims: number) {}

  clear(): void {
    this.count = 0;
    this.buffered = 0;
    this.trees.length = 0;
  }

  /** Adds the point at source[from …] and returns its id. */
  add(source: ArrayLike<number>, from: number): number {
    const d = this.dims;
    if (this.count === this.alive.length) this.grow();
    // A full buffer goes into the trees only when another point comes (a small level never builds one).
    if (this.buffered === BUFFER_POINTS) this.flush();
    const id = this.count++;
    for (let j = 0; j < d; j++) this.coordinates[id * d + j] = source[from + j];
    this.alive[id] = 1;
    this.where[id] = -1;
    this.buffer[this.buffered++] = id;
    return id;
  }

  remove(id: number): void {
    if (!this.alive[id]) return;
    this.alive[id] = 0;
    const level = this.where[id];
    if (level >= 0) {
      this.trees[level]!.dead++;
      return;
    }
    for (let k = 0; k < this.buffered; k++) {
      if (this.buffer[k] === id) {
        this.buffer[k] = this.buffer[--this.buffered];
        return;
      }
    }
  }

  /** Whether some live point has every coordinate ≥ threshold's. */
  covers(threshold: Float64Array): boolean {
    const d = this.dims;
    const coordinates = this.coordinates;
    let visits = 0;
    for (let k = this.buffered - 1; k >= 0; k--) {
      visits++;
      const at = this.buffer[k] * d;
      let inside = true;
      for (let j = 0; j < d && inside; j++) inside = coordinates[at + j] >= threshold[j];
      if (inside) {
        this.visits = visits;
        return true;
      }
    }
    // Larger trees hold older points (higher first utilities, lower others): the newest first.
    for (let level = 0; level < this.trees.length; level++) {
      const tree = this.trees[level];
      if (tree === null) continue;
      const found = this.search(tree, threshold);
      visits += this.visits;
      if (found) {
        this.visits = visits;
        return true;
      }
    }
    this.visits = visits;
    return false;
  }

  private search(tree: Tree, threshold: Float64Array): boolean {
    const d = this.dims;
    const { high, low, coordinates, ids } = tree;
    const alive = this.alive;
    const proves = tree.dead === 0;
    let stack = this.stack;
    let top = 0;
    // Node, first point, end: three entries per frame.
    stack[top++] = 1;
    stack[top++] = 0;
    stack[top++] = tree.size;
    let visits = 0;
    while (top > 0) {
      const end = stack[--top];
      const start = stack[--top];
      const node = stack[--top];
      visits++;
      const box = node * d;
      let outside = false;
      let inside = true;
      for (let j = 0; j < d; j++) {
        const t = threshold[j];
        if (high[box + j] < t) {
          outside = true;
          break;
        }
        if (low[box + j] < t) inside = false;
      }
      if (outside) continue;
      if (inside && proves) {
        this.visits = visits;
        return true;
      }
      if (end - start <= LEAF_POINTS) {
        for (let k = start; k < end; k++) {
          visits++;
          if (!alive[ids[k]]) continue;
          let dominates = true;
          for (let j = 0; j < d && dominates; j++) dominates = coordinates[k * d + j] >= threshold[j];
          if (dominates) {
            this.visits = visits;
            return true;
          }
        }
        continue;
      }
      if (top + 6 > stack.length) {
        const grown = new Int32Array(stack.length * 2);
        grown.set(stack);
        this.stack = stack = grown;
      }
      const mid = (start + end) >>> 1;
      // The upper half (greater coordinates on the split) is searched first: it more likely holds a dominating point.
      stack[top++] = 2 * node;
      stack[top++] = start;
      stack[top++] = mid;
      stack[top++] = 2 * node + 1;
      stack[top++] = mid;
      stack[top++] = end;
    }
    this.visits = visits;
    return false;
  }

  private grow(): void {
    const capacity = Math.max(1024, this.alive.length * 2);
    const coordinates = new Float64Array(capacity * this.dims);
    coordinates.set(this.coordinates);
    const alive = new Uint8Array(capacity);
    alive.set(this.alive);
    const where = new Int32Array(capacity);
    where.set(this.where);
    this.coordinates = coordinates;
    this.alive = alive;
    this.where = where;
  }

  /** The full buffer and the trees of consecutive levels from 0 become one tree. */
  private flush(): void {
    let total = this.buffered;
    let level = 0;
    for (; level < this.trees.length && this.trees[level] !== null; level++) total += this.trees[level]!.size;
    if (total > this.gathered.length) this.gathered = new Int32Array(Math.max(total, 2 * this.gathered.length));
    const ids = this.gathered;
    let size = 0;
    for (let k = 0; k < this.buffered; k++) ids[size++] = this.buffer[k];
    this.buffered = 0;
    for (level = 0; level < this.trees.length && this.trees[level] !== null; level++) {
      const tree = this.trees[level]!;
      for (let k = 0; k < tree.size; k++) if (this.alive[tree.ids[k]]) ids[size++] = tree.ids[k];
      this.trees[level] = null;
    }
    if (level === this.trees.length) this.trees.push(null);
    this.trees[level] = this.build(ids, size, level);
  }

  /** A tree of the points ids[0 … size − 1], in the arrays of the level's last one when they are large enough. */
  private build(ids: Int32Array, size: number, level: number): Tree {
    const d = this.dims;
    let nodes = 1;
    while (nodes * LEAF_POINTS < size) nodes *= 2;
    let tree = this.pool[level];
    if (tree === undefined || tree.ids.length < size || tree.high.length < 2 * nodes * d) {
      tree = this.pool[level] = {
        size: 0,
        coordinates: new Float64Array(size * d),
        ids: new Int32Array(size),
        high: new Float64Array(2 * nodes * d),
        low: new Float64Array(2 * nodes * d),
        dead: 0,
      };
    }
    tree.size = size;
    tree.dead = 0;
    const { coordinates } = tree;
    for (let k = 0; k < size; k++) {
      const id = ids[k];
      tree.ids[k] = id;
      this.where[id] = level;
      for (let j = 0; j < d; j++) coordinates[k * d + j] = this.coordinates[id * d + j];
    }
    if (size > 0) this.buildNode(tree, 1, 0, size);
    return tree;
  }

  private buildNode(tree: Tree, node: number, start: number, end: number): void {
    const d = this.dims;
    const { coordinates, high, low } = tree;
    const box = node * d;
    for (let j = 0; j < d; j++) {
      let hi = -Infinity;
      let lo = Infinity;
      for (let k = start; k < end; k++) {
        const x = coordinates[k * d + j];
        if (x > hi) hi = x;
        if (x < lo) lo = x;
      }
      high[box + j] = hi;
      low[box + j] = lo;
    }
    if (end - start <= LEAF_POINTS) return;
    // Split on the widest coordinate at the median: the lower half first.
    let axis = 0;
    for (let j = 1; j < d; j++) if (high[box + j] - low[box + j] > high[box + axis] - low[box + axis]) axis = j;
    const mid = (start + end) >>> 1;
    select(tree, start, end, mid, axis, d);
    this.buildNode(tree, 2 * node, start, mid);
    this.buildNode(tree, 2 * node + 1, mid, end);
  }
}

/** Reorders the tree's points start…end so that point `nth` has the nth least coordinate `axis`, lesser ones before it (quickselect). */
function select(tree: Tree, start: number, end: number, nth: number, axis: number, d: number): void {
  const { coordinates, ids } = tree;
  const swap = (a: number, b: number) => {
    for (let j = 0; j < d; j++) {
      const x = coordinates[a * d + j];
      coordinates[a * d + j] = coordinates[b * d + j];
      coordinates[b * d + j] = x;
    }
    const id = ids[a];
    ids[a] = ids[b];
    ids[b] = id;
  };
  let left = start;
  let right = end - 1;
  while (right > left) {
    // Median of three as the pivot; a three-way partition, so that equal coordinates (many, in integer scenarios) cost no more.
    const middle = (left + right) >>> 1;
    const a = coordinates[left * d + axis];
    const b = coordinates[middle * d + axis];
    const c = coordinates[right * d + axis];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let less = left;
    let k = left;
    let greater = right;
    while (k <= greater) {
      const x = coordinates[k * d + axis];
      if (x < pivot) swap(k++, less++);
      else if (x > pivot) swap(k, greater--);
      else k++;
    }
    // Now left…less−1 < pivot, less…greater = pivot, greater+1…right > pivot.
    if (nth < less) right = less - 1;
    else if (nth > greater) left = greater + 1;
    else return;
  }
}
