/**
 * Exact Pareto frontier of a scenario's outcome space, without enumerating outcomes.
 *
 * The frontier of a sum lies in the sum of the frontiers, so issues are folded in one
 * at a time: every point of the current frontier is shifted by every option of the next
 * issue that is not dominated within that issue, the shifted copies (each already sorted)
 * are merged pairwise, and dominated partial packages are pruned at every merge. Cost is
 * the number of candidates, Σ |frontier| × |options|, not the outcome count.
 *
 * Issues are folded from the last to the first, so each level adds the most significant
 * issue so far. Two candidates with the same utility vector then differ in that issue's
 * option (their remainders are distinct frontier points), and keeping the lower option
 * index keeps the lexicographically smallest package as each point's representative.
 * Every level is stored, so the packages that reach a point can be counted and listed
 * on demand by walking back through the levels.
 */
import { UserError } from "../errors.js";
import type { CompiledScenario } from "./model.js";
import { UTILITY_EPSILON } from "./tolerance.js";

export interface FrontierOptions {
  /** Drop partial packages that can no longer beat every BATNA: only the agreeable part is built. */
  readonly agreeableOnly?: boolean;
  /** Largest number of points one level may hold before the computation stops with a clear message. */
  readonly maxPoints?: number;
}

export const DEFAULT_MAX_FRONTIER_POINTS = 4_000_000;

export class FrontierTooLargeError extends UserError {
  override readonly name = "FrontierTooLargeError";
}

/** Points of one level, sorted by the first party's utility, descending (then the next parties'). */
interface Level {
  readonly size: number;
  /** utilities[point * partyCount + party] */
  readonly utilities: Float64Array;
  /** Index of the point in the previous level this point extends. */
  readonly parents: Int32Array;
  /** Option of this level's issue. */
  readonly options: Int32Array;
}

/** A growable list of candidate points, in the same layout as a level. */
class CandidateList {
  size = 0;
  utilities: Float64Array;
  parents: Int32Array;
  options: Int32Array;

  constructor(
    readonly partyCount: number,
    capacity: number,
  ) {
    this.utilities = new Float64Array(Math.max(1, capacity) * partyCount);
    this.parents = new Int32Array(Math.max(1, capacity));
    this.options = new Int32Array(Math.max(1, capacity));
  }

  push(source: Float64Array, sourceIndex: number, parent: number, option: number): void {
    const n = this.partyCount;
    this.utilities.set(source.subarray(sourceIndex * n, sourceIndex * n + n), this.size * n);
    this.parents[this.size] = parent;
    this.options[this.size] = option;
    this.size++;
  }

  /** Removes the points at `from`… and moves the points after `to` down to take their place. */
  removeRange(from: number, to: number): void {
    const n = this.partyCount;
    this.utilities.copyWithin(from * n, to * n, this.size * n);
    this.parents.copyWithin(from, to, this.size);
    this.options.copyWithin(from, to, this.size);
    this.size -= to - from;
  }

  toLevel(): Level {
    return {
      size: this.size,
      utilities: this.utilities.slice(0, this.size * this.partyCount),
      parents: this.parents.slice(0, this.size),
      options: this.options.slice(0, this.size),
    };
  }
}

/**
 * Receives candidates in descending lexicographic order of utilities and keeps the
 * non-dominated ones in `out`. Equal vectors (within the tolerance) keep the lower option.
 */
interface DominanceFilter {
  begin(out: CandidateList): void;
  offer(source: Float64Array, index: number, parent: number, option: number): void;
}

/** Two parties: a sweep keeping a point only when its second utility beats the best so far. */
class TwoPartySweep implements DominanceFilter {
  private out!: CandidateList;

  begin(out: CandidateList): void {
    this.out = out;
  }

  offer(source: Float64Array, index: number, parent: number, option: number): void {
    const out = this.out;
    const u0 = source[index * 2];
    const u1 = source[index * 2 + 1];
    while (out.size > 0) {
      const last = out.size - 1;
      const t0 = out.utilities[last * 2];
      const t1 = out.utilities[last * 2 + 1];
      if (Math.abs(t0 - u0) > UTILITY_EPSILON) {
        // u0 is lower: only a better second utility earns a place.
        if (u1 > t1 + UTILITY_EPSILON) break;
        return;
      }
      if (Math.abs(t1 - u1) <= UTILITY_EPSILON) {
        if (option < out.options[last]) {
          out.parents[last] = parent;
          out.options[last] = option;
        }
        return;
      }
      if (u1 < t1) return;
      out.size--; // same first utility, better second: the last point is dominated
    }
    out.push(source, index, parent, option);
  }
}

/**
 * Three or more parties. Candidates come in descending order of the first utility, so a
 * candidate can only be dominated by a point already kept. Points whose first utility is
 * within the tolerance of the candidate's sit at the end of the list (the "window"): they
 * are checked for equality and, the other way round, for being dominated by the candidate.
 * For three parties the remaining check is a staircase (the 2-D skyline of the kept points'
 * second and third utilities, searched by bisection); for more, a scan of the kept points.
 */
class MultiPartyFilter implements DominanceFilter {
  private out!: CandidateList;
  private stairU1 = new Float64Array(64);
  private stairU2 = new Float64Array(64);
  private stairSize = 0;

  constructor(private readonly partyCount: number) {}

  begin(out: CandidateList): void {
    this.out = out;
    this.stairSize = 0;
  }

  offer(source: Float64Array, index: number, parent: number, option: number): void {
    const out = this.out;
    const n = this.partyCount;
    const base = index * n;
    let windowStart = out.size;
    while (windowStart > 0 && out.utilities[(windowStart - 1) * n] <= source[base] + UTILITY_EPSILON) windowStart--;
    for (let k = windowStart; k < out.size; k++) {
      if (compareWithin(out.utilities, k * n, source, base, n) === Relation.Equal) {
        if (option < out.options[k]) {
          out.parents[k] = parent;
          out.options[k] = option;
        }
        return;
      }
    }
    if (this.isDominated(source, base)) return;
    // Points in the window that the candidate dominates (possible only within the tolerance).
    let write = windowStart;
    for (let k = windowStart; k < out.size; k++) {
      if (compareWithin(out.utilities, k * n, source, base, n) === Relation.Dominated) continue;
      if (write !== k) {
        out.utilities.copyWithin(write * n, k * n, k * n + n);
        out.parents[write] = out.parents[k];
        out.options[write] = out.options[k];
      }
      write++;
    }
    if (write < out.size) out.removeRange(write, out.size);
    out.push(source, index, parent, option);
    if (n === 3) this.addToStaircase(source[base + 1], source[base + 2]);
  }

  private isDominated(source: Float64Array, base: number): boolean {
    const n = this.partyCount;
    if (n === 3) {
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
      if (dominates) return true;
    }
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

/** Descending lexicographic order of two utility vectors. */
function comesFirst(a: Float64Array, aBase: number, b: Float64Array, bBase: number, n: number): boolean {
  for (let p = 0; p < n; p++) {
    if (a[aBase + p] !== b[bBase + p]) return a[aBase + p] > b[bBase + p];
  }
  return true;
}

function mergeInto(a: CandidateList, b: CandidateList, filter: DominanceFilter): CandidateList {
  const n = a.partyCount;
  const out = new CandidateList(n, a.size + b.size);
  filter.begin(out);
  let i = 0;
  let j = 0;
  while (i < a.size && j < b.size) {
    if (comesFirst(a.utilities, i * n, b.utilities, j * n, n)) {
      filter.offer(a.utilities, i, a.parents[i], a.options[i]);
      i++;
    } else {
      filter.offer(b.utilities, j, b.parents[j], b.options[j]);
      j++;
    }
  }
  for (; i < a.size; i++) filter.offer(a.utilities, i, a.parents[i], a.options[i]);
  for (; j < b.size; j++) filter.offer(b.utilities, j, b.parents[j], b.options[j]);
  return out;
}

/** Options of an issue that no other option dominates; of equal ones only the lowest index. */
export function undominatedOptions(model: CompiledScenario, issue: number): number[] {
  const n = model.partyCount;
  const start = model.issueOffsets[issue] * n;
  const vectors = model.contributions;
  const kept: number[] = [];
  for (let o = 0; o < model.optionCounts[issue]; o++) {
    let beaten = false;
    for (let other = 0; other < model.optionCounts[issue] && !beaten; other++) {
      if (other === o) continue;
      const relation = compareWithin(vectors, start + o * n, vectors, start + other * n, n);
      beaten = relation === Relation.Dominated || (relation === Relation.Equal && other < o);
    }
    if (!beaten) kept.push(o);
  }
  return kept;
}

export class ParetoFrontier {
  private readonly countMemo: Map<number, bigint>[];

  constructor(
    readonly model: CompiledScenario,
    /** levels[k] holds the frontier of the last k issues; levels[issueCount] is the whole frontier. */
    private readonly levels: readonly Level[],
    readonly agreeableOnly: boolean,
  ) {
    this.countMemo = levels.map(() => new Map());
  }

  private get top(): Level {
    return this.levels[this.levels.length - 1];
  }

  /** Number of distinct utility vectors on the frontier. */
  get size(): number {
    return this.top.size;
  }

  utility(point: number, party: number): number {
    return this.top.utilities[point * this.model.partyCount + party];
  }

  utilities(point: number): Float64Array {
    const n = this.model.partyCount;
    return this.top.utilities.slice(point * n, point * n + n);
  }

  /** The representative package of a point: the lexicographically smallest one that reaches it. */
  package(point: number): Int32Array {
    const pkg = new Int32Array(this.model.issueCount);
    let index = point;
    for (let issue = 0; issue < this.model.issueCount; issue++) {
      const level = this.levels[this.model.issueCount - issue];
      pkg[issue] = level.options[index];
      index = level.parents[index];
    }
    return pkg;
  }

  /** Exact number of packages whose utility vector is this point. */
  countPackages(point: number): bigint {
    return this.countAt(this.model.issueCount, point);
  }

  /** Every package that reaches this point, in lexicographic order. */
  *packages(point: number): Generator<Int32Array> {
    for (const suffix of this.suffixes(this.model.issueCount, point)) yield Int32Array.from(suffix);
  }

  private countAt(levelIndex: number, point: number): bigint {
    if (levelIndex === 0) return 1n;
    const memo = this.countMemo[levelIndex];
    const known = memo.get(point);
    if (known !== undefined) return known;
    let count = 0n;
    for (const [, parent] of this.predecessors(levelIndex, point)) count += this.countAt(levelIndex - 1, parent);
    memo.set(point, count);
    return count;
  }

  private *suffixes(levelIndex: number, point: number): Generator<number[]> {
    if (levelIndex === 0) {
      yield [];
      return;
    }
    for (const [option, parent] of this.predecessors(levelIndex, point)) {
      for (const rest of this.suffixes(levelIndex - 1, parent)) yield [option, ...rest];
    }
  }

  /** (option, point of the previous level) pairs that add up to this point, by option. */
  private *predecessors(levelIndex: number, point: number): Generator<[number, number]> {
    const { model } = this;
    const n = model.partyCount;
    const issue = model.issueCount - levelIndex;
    const level = this.levels[levelIndex];
    const previous = this.levels[levelIndex - 1];
    const target = new Float64Array(n);
    for (let option = 0; option < model.optionCounts[issue]; option++) {
      const offset = (model.issueOffsets[issue] + option) * n;
      for (let p = 0; p < n; p++) target[p] = level.utilities[point * n + p] - model.contributions[offset + p];
      const parent = findPoint(previous, target, n);
      if (parent >= 0) yield [option, parent];
    }
  }
}

/** Index of the level's point equal (within the tolerance) to `target`, or −1. */
function findPoint(level: Level, target: Float64Array, n: number): number {
  let low = 0;
  let high = level.size;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (level.utilities[mid * n] > target[0] + 2 * UTILITY_EPSILON) low = mid + 1;
    else high = mid;
  }
  for (let k = low; k < level.size && level.utilities[k * n] >= target[0] - 2 * UTILITY_EPSILON; k++) {
    let equal = true;
    for (let p = 0; p < n && equal; p++) equal = Math.abs(level.utilities[k * n + p] - target[p]) <= 2 * UTILITY_EPSILON;
    if (equal) return k;
  }
  return -1;
}

/** Highest contribution each party can still collect from issues 0…issue−1: bestBefore[issue * n + p]. */
function bestRemaining(model: CompiledScenario): Float64Array {
  const n = model.partyCount;
  const best = new Float64Array((model.issueCount + 1) * n);
  for (let issue = 0; issue < model.issueCount; issue++) {
    for (let p = 0; p < n; p++) {
      let high = -Infinity;
      for (let o = 0; o < model.optionCounts[issue]; o++) {
        high = Math.max(high, model.contributions[(model.issueOffsets[issue] + o) * n + p]);
      }
      best[(issue + 1) * n + p] = best[issue * n + p] + high;
    }
  }
  return best;
}

export function computeFrontier(model: CompiledScenario, options: FrontierOptions = {}): ParetoFrontier {
  const n = model.partyCount;
  const maxPoints = options.maxPoints ?? DEFAULT_MAX_FRONTIER_POINTS;
  const agreeableOnly = options.agreeableOnly ?? false;
  const filter: DominanceFilter = n === 2 ? new TwoPartySweep() : new MultiPartyFilter(n);
  const remaining = agreeableOnly ? bestRemaining(model) : undefined;

  const start = new CandidateList(n, 1);
  start.push(model.baseUtilities, 0, -1, -1);
  const levels: Level[] = [start.toLevel()];

  for (let issue = model.issueCount - 1; issue >= 0; issue--) {
    const previous = levels[levels.length - 1];
    let lists = undominatedOptions(model, issue).map((option) =>
      shiftedCopy(model, previous, issue, option, remaining),
    );
    while (lists.length > 1) {
      const merged: CandidateList[] = [];
      for (let k = 0; k + 1 < lists.length; k += 2) {
        const list = mergeInto(lists[k], lists[k + 1], filter);
        if (list.size > maxPoints) throw tooLarge(model, issue, list.size, maxPoints);
        merged.push(list);
      }
      if (lists.length % 2 === 1) merged.push(lists[lists.length - 1]);
      lists = merged;
    }
    if (lists[0].size > maxPoints) throw tooLarge(model, issue, lists[0].size, maxPoints);
    levels.push(lists[0].toLevel());
  }
  return new ParetoFrontier(model, levels, agreeableOnly);
}

/**
 * The previous level shifted by one option, as a sorted non-dominated candidate list.
 * With `remaining`, partial packages that cannot beat some party's BATNA even with that
 * party's best options on the issues still to come are left out.
 */
function shiftedCopy(
  model: CompiledScenario,
  previous: Level,
  issue: number,
  option: number,
  remaining: Float64Array | undefined,
): CandidateList {
  const n = model.partyCount;
  const list = new CandidateList(n, previous.size);
  const offset = (model.issueOffsets[issue] + option) * n;
  const shifted = list.utilities;
  for (let k = 0; k < previous.size; k++) {
    const at = list.size * n;
    let reachable = true;
    for (let p = 0; p < n; p++) {
      const u = previous.utilities[k * n + p] + model.contributions[offset + p];
      shifted[at + p] = u;
      if (remaining && u + remaining[issue * n + p] <= model.batnas[p] + UTILITY_EPSILON) reachable = false;
    }
    if (!reachable) continue;
    list.parents[list.size] = k;
    list.options[list.size] = option;
    list.size++;
  }
  return list;
}

function tooLarge(model: CompiledScenario, issue: number, points: number, maxPoints: number): FrontierTooLargeError {
  const folded = model.issueCount - issue;
  return new FrontierTooLargeError(
    `The exact Pareto frontier of this scenario does not fit: after ${folded} of ${model.issueCount} issues it already ` +
      `has ${points.toLocaleString("en")} points (limit ${maxPoints.toLocaleString("en")}, about ` +
      `${Math.round((maxPoints * (8 * model.partyCount + 8)) / 2 ** 20)} MiB per level) for ${model.partyCount} parties. ` +
      `Fewer parties or options, or analysing only the agreeable part, keeps it exact.`,
  );
}
