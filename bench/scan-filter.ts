/**
 * The bench's baseline for three or more parties: the dominance filter the engine had before
 * `multi-party-filter.ts`, kept verbatim (a staircase for three parties, a scan of every kept
 * point for four or more), passed to computeFrontier as `multiPartyFilter`. Same points, same
 * representatives and counts; only slower.
 */
import type { CandidateList, DominanceFilter } from "../src/engine/frontier.js";
import { UTILITY_EPSILON } from "../src/engine/tolerance.js";

/**
 * Three or more parties. Candidates come in descending order of the first utility, so a
 * candidate can only be dominated by a point already kept. Points whose first utility is
 * within the tolerance of the candidate's sit at the end of the list (the "window"): they
 * are checked for equality and, the other way round, for being dominated by the candidate.
 * For three parties the remaining check is a staircase (the 2-D skyline of the kept points'
 * second and third utilities, searched by bisection); for more, a scan of the kept points.
 */
export class ScanFilter implements DominanceFilter {
  private out!: CandidateList;
  private stairU1 = new Float64Array(64);
  private stairU2 = new Float64Array(64);
  private stairSize = 0;
  /** Kept points the last dominance check looked at. */
  private scanned = 0;

  constructor(private readonly partyCount: number) {}

  begin(out: CandidateList): void {
    this.out = out;
    this.stairSize = 0;
  }

  offer(source: Float64Array, index: number, parent: number, option: number, weight: number): number {
    const out = this.out;
    const n = this.partyCount;
    const base = index * n;
    let windowStart = out.size;
    while (windowStart > 0 && out.utilities[(windowStart - 1) * n] <= source[base] + UTILITY_EPSILON) windowStart--;
    const window = out.size - windowStart;
    for (let k = windowStart; k < out.size; k++) {
      if (compareWithin(out.utilities, k * n, source, base, n) === Relation.Equal) {
        if (option < out.options[k]) {
          out.parents[k] = parent;
          out.options[k] = option;
        }
        out.addCount(k, parent, weight);
        return 1 + window;
      }
    }
    if (this.isDominated(source, base)) return 1 + window + this.scanned;
    // Points in the window that the candidate dominates (possible only within the tolerance).
    let write = windowStart;
    for (let k = windowStart; k < out.size; k++) {
      if (compareWithin(out.utilities, k * n, source, base, n) === Relation.Dominated) continue;
      if (write !== k) {
        out.utilities.copyWithin(write * n, k * n, k * n + n);
        out.parents[write] = out.parents[k];
        out.options[write] = out.options[k];
        out.moveCount(k, write);
      }
      write++;
    }
    if (write < out.size) out.removeRange(write, out.size);
    out.push(source, index, parent, option, weight);
    if (n === 3) this.addToStaircase(source[base + 1], source[base + 2]);
    return 1 + 2 * window + this.scanned;
  }

  private isDominated(source: Float64Array, base: number): boolean {
    const n = this.partyCount;
    if (n === 3) {
      this.scanned = 1; // a bisection
      const first = this.firstStairAtLeast(source[base + 1] - UTILITY_EPSILON);
      return first < this.stairSize && this.stairU2[first] >= source[base + 2] - UTILITY_EPSILON;
    }
    const kept = this.out.utilities;
    for (let k = 0; k < this.out.size; k++) {
      let dominates = true;
      for (let p = 1; p < n; p++) {
        if (kept[k * n + p] < source[base + p] - UTILITY_EPSILON) {
          dominates = false;
          break;
        }
      }
      if (dominates) {
        this.scanned = k + 1;
        return true;
      }
    }
    this.scanned = this.out.size;
    return false;
  }

  /** Staircase entries are sorted by u1 ascending with u2 strictly descending. */
  private firstStairAtLeast(u1: number): number {
    let low = 0;
    let high = this.stairSize;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.stairU1[mid] < u1) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private addToStaircase(u1: number, u2: number): void {
    const position = this.firstStairAtLeast(u1);
    let firstDominated = position;
    while (firstDominated > 0 && this.stairU2[firstDominated - 1] <= u2) firstDominated--;
    const removed = position - firstDominated;
    if (removed === 0 && this.stairSize === this.stairU1.length) {
      const grownU1 = new Float64Array(this.stairU1.length * 2);
      const grownU2 = new Float64Array(this.stairU2.length * 2);
      grownU1.set(this.stairU1);
      grownU2.set(this.stairU2);
      this.stairU1 = grownU1;
      this.stairU2 = grownU2;
    }
    // Shift the tail to leave exactly one slot at firstDominated.
    this.stairU1.copyWithin(firstDominated + 1, position, this.stairSize);
    this.stairU2.copyWithin(firstDominated + 1, position, this.stairSize);
    this.stairU1[firstDominated] = u1;
    this.stairU2[firstDominated] = u2;
    this.stairSize += 1 - removed;
  }
}

const enum Relation {
  Equal,
  /** The first point is dominated by the second. */
  Dominated,
  Other,
}

function compareWithin(a: Float64Array, aBase: number, b: Float64Array, bBase: number, n: number): Relation {
  let allEqual = true;
  for (let p = 0; p < n; p++) {
    const difference = a[aBase + p] - b[bBase + p];
    if (difference > UTILITY_EPSILON) return Relation.Other;
    if (difference < -UTILITY_EPSILON) allEqual = false;
  }
  return allEqual ? Relation.Equal : Relation.Dominated;
}
