/**
 * Exact Pareto frontier of a scenario's outcome space, without enumerating outcomes.
 *
 * The frontier of a sum lies in the sum of the frontiers, so issues are folded in one
 * at a time: every point of the current frontier is shifted by every option of the next
 * issue that is not dominated within that issue, the shifted copies (each already sorted)
 * are merged pairwise, and dominated partial packages are pruned at every merge. Cost is
 * the number of candidates, Σ |frontier| × |options|, not the outcome count. The pruning is
 * a dominance filter that sees the candidates in descending order of utilities; three or more
 * parties have theirs in `multi-party-filter.ts`.
 *
 * Issues are folded from the last to the first, so each level adds the most significant
 * issue so far. Two candidates with the same utility vector then differ in that issue's
 * option (their remainders are distinct frontier points), and keeping the lower option
 * index keeps the lexicographically smallest package as each point's representative.
 * Every level is stored, so the packages that reach a point can be listed on demand by
 * walking back through the levels. They are counted during the fold: each candidate carries
 * the count of its parent times the options equal to its own, and merged candidates add up.
 *
 * Hidden terms grow the outcome space mid-game. Revealing an issue that had one available
 * option adds a single level on top (`revealInFrontier`): the whole frontier is the frontier
 * of the other issues shifted by that option, so shifting it again by each newly available
 * option's difference and merging gives the new frontier without folding any other issue.
 */
import { UserError } from "../errors.js";
import { type CompiledScenario, isAvailable } from "./model.js";
import { MultiPartyFilter } from "./multi-party-filter.js";
import { type Block, BlockSpace } from "./shared-buffers.js";
import { UTILITY_EPSILON } from "./tolerance.js";
import { baseLevel, foldTwoParty } from "./two-party-merge.js";

export interface FrontierOptions {
  /** Drop partial packages that can no longer beat every BATNA: only the agreeable part is built. */
  readonly agreeableOnly?: boolean;
  /** Bytes the points of all levels may take together before the computation stops with a clear message. */
  readonly memoryBudget?: number;
  /** Comparisons the fold may make (a measure of its time that does not depend on the machine) before it stops. */
  readonly workBudget?: number;
  /** For the bench's baseline only: another dominance filter of three or more parties than the engine's (`multi-party-filter.ts`). */
  readonly multiPartyFilter?: (partyCount: number) => DominanceFilter;
}

/** The engine's memory budget for a frontier: about 11 million points of two parties, 3.7 million of eight. */
export const FRONTIER_MEMORY_BUDGET = 256 * 2 ** 20;
/** About three seconds of folding on a 2.6 GHz core, whatever the shape of the scenario. */
export const FRONTIER_WORK_BUDGET = 5e8;

/** Bytes a stored point takes: its utilities and two indices (parent, option). */
export const bytesPerPoint = (partyCount: number) => 8 * partyCount + 8;

/** A frontier beyond the engine's budget: a user error whose message names the size, the budget and what keeps it exact. */
export class FrontierTooLargeError extends UserError {
  override readonly name = "FrontierTooLargeError";

  constructor(
    message: string,
    /** Whether only the agreeable part was being built (so asking for it would not help). */
    readonly agreeableOnly: boolean,
  ) {
    super(message);
  }
}

/** Points of one level, sorted by the first party's utility, descending (then the next parties'). */
export interface Level {
  readonly size: number;
  /** Point k of the level is entry start + k of the arrays, which other levels share. */
  readonly start: number;
  /** utilities[(start + point) * partyCount + party] */
  readonly utilities: Float64Array;
  /** Index of the point in the previous level (from its start) this point extends. */
  readonly parents: Int32Array;
  /** Option of this level's issue. */
  readonly options: Int32Array;
}

/**
 * Package counts of a level's points, by point: numbers while every count is below 2^53
 * (exact in a double), BigInts from the level where some count passes it.
 */
export type LevelCounts = Float64Array | bigint[];

/** The one package of the empty partial package, the level every fold starts from. */
const BASE_COUNTS: LevelCounts = Float64Array.of(1);

/**
 * A growable list of candidate points, in the layout of a level that starts at 0. Each point
 * carries the number of packages that reach it: a candidate brings its parent's count times
 * its option's weight (the options equal to it), and equal candidates add up as they merge.
 */
export class CandidateList {
  size = 0;
  utilities: Float64Array;
  parents: Int32Array;
  options: Int32Array;
  /** Counts while they are exact as numbers; `big` takes over from the first that is not. */
  counts: Float64Array;
  big: bigint[] | null = null;
  /** The counts of the level being extended. */
  private from: LevelCounts = BASE_COUNTS;

  constructor(
    readonly partyCount: number,
    capacity: number,
  ) {
    this.utilities = new Float64Array(Math.max(1, capacity) * partyCount);
    this.parents = new Int32Array(Math.max(1, capacity));
    this.options = new Int32Array(Math.max(1, capacity));
    this.counts = new Float64Array(Math.max(1, capacity));
  }

  push(source: Float64Array, sourceIndex: number, parent: number, option: number, weight: number): void {
    const n = this.partyCount;
    if (this.size === this.parents.length) this.grow();
    // A plain loop: a subarray view per point was a third of the whole fold's time.
    for (let p = 0, from = sourceIndex * n, to = this.size * n; p < n; p++) this.utilities[to + p] = source[from + p];
    this.parents[this.size] = parent;
    this.options[this.size] = option;
    const size = this.size++;
    if (this.big === null) {
      const count = (this.from as Float64Array)[parent < 0 ? 0 : parent] * weight;
      if (count <= Number.MAX_SAFE_INTEGER) {
        this.counts[size] = count;
        return;
      }
      this.toBig();
    }
    this.big![size] = this.bigCount(parent, weight);
  }

  /** Adds a candidate's packages to point `at`, which has its utilities. */
  addCount(at: number, parent: number, weight: number): void {
    if (this.big === null) {
      const count = this.counts[at] + (this.from as Float64Array)[parent] * weight;
      if (count <= Number.MAX_SAFE_INTEGER) {
        this.counts[at] = count;
        return;
      }
      this.toBig();
    }
    this.big![at] += this.bigCount(parent, weight);
  }

  /** Moves point `from`'s count to `to` (a point removed in between). */
  moveCount(from: number, to: number): void {
    if (this.big === null) this.counts[to] = this.counts[from];
    else this.big[to] = this.big[from];
  }

  private bigCount(parent: number, weight: number): bigint {
    const from = this.from;
    const count = Array.isArray(from) ? from[parent] : BigInt((from as Float64Array)[parent < 0 ? 0 : parent]);
    return weight === 1 ? count : count * BigInt(weight);
  }

  /** From numbers to BigInts, before the first count that a number would round. */
  private toBig(): void {
    const big = new Array<bigint>(this.size);
    for (let k = 0; k < this.size; k++) big[k] = BigInt(this.counts[k]);
    this.big = big;
  }

  /** The counts of the list's points, as a level keeps them. */
  takeCounts(): LevelCounts {
    if (this.big === null) return this.counts.slice(0, this.size);
    const big = this.big;
    big.length = this.size;
    this.big = [];
    return big;
  }

  /** Empties the list, with room for `expected` points, to extend a level with counts `from`; its buffers are reused across levels. */
  clear(expected: number, from: LevelCounts = BASE_COUNTS): void {
    this.size = 0;
    this.from = from;
    // A level whose counts needed BigInts has descendants that mostly do too: they start as BigInts.
    this.big = Array.isArray(from) ? [] : null;
    if (expected > this.parents.length) this.grow(Math.min(expected, 1 << 16));
  }

  private grow(capacity = this.parents.length * 2): void {
    const utilities = new Float64Array(capacity * this.partyCount);
    utilities.set(this.utilities.subarray(0, this.size * this.partyCount));
    const parents = new Int32Array(capacity);
    parents.set(this.parents.subarray(0, this.size));
    const options = new Int32Array(capacity);
    options.set(this.options.subarray(0, this.size));
    const counts = new Float64Array(capacity);
    if (this.big === null) counts.set(this.counts.subarray(0, this.size));
    this.utilities = utilities;
    this.parents = parents;
    this.options = options;
    this.counts = counts;
  }

  /** Removes the points at `from`… and moves the points after `to` down to take their place. */
  removeRange(from: number, to: number): void {
    const n = this.partyCount;
    this.utilities.copyWithin(from * n, to * n, this.size * n);
    this.parents.copyWithin(from, to, this.size);
    this.options.copyWithin(from, to, this.size);
    if (this.big === null) this.counts.copyWithin(from, to, this.size);
    else this.big.copyWithin(from, to, this.size);
    this.size -= to - from;
  }
}

/** Stores levels in shared blocks (shared-buffers.ts), each level a range of one. */
class LevelStore {
  private readonly space: BlockSpace;

  constructor(private readonly partyCount: number) {
    this.space = new BlockSpace(partyCount);
  }

  /** A copy of the list's points as a level. */
  store(list: CandidateList): Level {
    const block = this.space.take(list.size);
    return this.copy(list, block, this.space.at);
  }

  private copy(list: CandidateList, block: Block, at: number): Level {
    const n = this.partyCount;
    const size = list.size;
    for (let k = 0; k < size * n; k++) block.utilities[at * n + k] = list.utilities[k];
    for (let k = 0; k < size; k++) {
      block.parents[at + k] = list.parents[k];
      block.options[at + k] = list.options[k];
    }
    return { size, start: at, utilities: block.utilities, parents: block.parents, options: block.options };
  }
}

/**
 * Receives candidates in descending lexicographic order of utilities and keeps the
 * non-dominated ones in `out`. Equal vectors (within the tolerance) keep the lower option.
 */
export interface DominanceFilter {
  begin(out: CandidateList): void;
  /**
   * Returns how many kept points the candidate was compared with: the work it cost. The candidate
   * stands for `weight` options (equal ones) and brings its parent's count times that.
   */
  offer(source: Float64Array, index: number, parent: number, option: number, weight: number): number;
  /**
   * Candidates not offered yet that would certainly be turned away, with nothing kept changed,
   * whenever they came: of the points first, first + 1 … end − 1 of `level` (utilities, in the
   * layout of a level) shifted by shifts[shift …], the first that may not be (end if none). The
   * merge skips the others. Absent: none is skipped.
   */
  skipAhead?(level: Float64Array, first: number, end: number, shifts: Float64Array, shift: number): number;
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

/** Available options of an issue that no other available option dominates; of equal ones only the lowest index. */
export function undominatedOptions(model: CompiledScenario, issue: number): number[] {
  const n = model.partyCount;
  const start = model.issueOffsets[issue] * n;
  const vectors = model.contributions;
  const kept: number[] = [];
  for (let o = 0; o < model.optionCounts[issue]; o++) {
    if (!isAvailable(model, issue, o)) continue;
    let beaten = false;
    for (let other = 0; other < model.optionCounts[issue] && !beaten; other++) {
      if (other === o || !isAvailable(model, issue, other)) continue;
      const relation = compareWithin(vectors, start + o * n, vectors, start + other * n, n);
      beaten = relation === Relation.Dominated || (relation === Relation.Equal && other < o);
    }
    if (!beaten) kept.push(o);
  }
  return kept;
}

/**
 * Per option of `kept` (undominatedOptions), how many available options it stands for: itself
 * and those equal to it (within the tolerance) that it represents. Their packages reach the same points.
 */
function optionWeights(model: CompiledScenario, issue: number, kept: readonly number[]): Int32Array {
  const n = model.partyCount;
  const start = model.issueOffsets[issue] * n;
  const weights = new Int32Array(kept.length).fill(1);
  for (let o = 0; o < model.optionCounts[issue]; o++) {
    if (!isAvailable(model, issue, o) || kept.includes(o)) continue;
    const k = kept.findIndex((other) => compareWithin(model.contributions, start + o * n, model.contributions, start + other * n, n) === Relation.Equal);
    if (k >= 0) weights[k]++;
  }
  return weights;
}

/**
 * What the fold of one level decided: its issue, and for a reveal the option of that issue
 * its parent level already includes, whose contribution each new option's replaces (−1 for
 * a plain fold, which adds the option's whole contribution).
 */
export interface Fold {
  readonly issue: number;
  readonly replaces: number;
}

/** canonicalFolds' lists by issue count: bid ladders make many frontiers, and a list is never changed. */
const canonicalByCount: (readonly Fold[])[] = [];

/** The folds of computeFrontier: the last issue first. */
function canonicalFolds(issueCount: number): readonly Fold[] {
  return (canonicalByCount[issueCount] ??= Array.from({ length: issueCount }, (_, k) => ({ issue: issueCount - 1 - k, replaces: -1 })));
}

export class ParetoFrontier {
  /**
   * Per level, the one option its points take when a higher level (a reveal) decides the
   * same issue and replaces that option; −1 when the level decides its issue itself.
   */
  private readonly superseded: Int32Array;

  constructor(
    readonly model: CompiledScenario,
    /** levels[k] holds the frontier of the first k folds; the last level is the whole frontier. */
    private readonly levels: readonly Level[],
    readonly agreeableOnly: boolean,
    /**
     * Package counts of the top level's points and of the level below it (what a reveal folds
     * onto), counted during the fold: counts[0] for the top, counts[1] for the level below.
     */
    private readonly counts: readonly [LevelCounts, LevelCounts | undefined],
    /** folds[k − 1] made levels[k]: from the last issue to the first, then any reveals. */
    private readonly folds: readonly Fold[] = canonicalFolds(model.issueCount),
  ) {
    this.superseded = new Int32Array(levels.length).fill(-1);
    for (let k = 1; k < levels.length; k++) {
      for (let above = k + 1; above < levels.length; above++) {
        if (folds[above - 1].issue === folds[k - 1].issue) {
          this.superseded[k] = folds[above - 1].replaces;
          break;
        }
      }
    }
  }

  private get top(): Level {
    return this.levels[this.levels.length - 1];
  }

  private get topIndex(): number {
    return this.levels.length - 1;
  }

  /** Number of distinct utility vectors on the frontier. */
  get size(): number {
    return this.top.size;
  }

  utility(point: number, party: number): number {
    const top = this.top;
    return top.utilities[(top.start + point) * this.model.partyCount + party];
  }

  utilities(point: number): Float64Array {
    const n = this.model.partyCount;
    const from = (this.top.start + point) * n;
    return this.top.utilities.slice(from, from + n);
  }

  /**
   * The representative package of a point: the smallest one that reaches it in fold order
   * from the top, which is the lexicographic order unless issues were revealed (then the
   * smallest option of the last revealed issue comes first).
   */
  package(point: number): Int32Array {
    const pkg = new Int32Array(this.model.issueCount);
    let index = point;
    for (let levelIndex = this.topIndex; levelIndex > 0; levelIndex--) {
      const level = this.levels[levelIndex];
      if (this.superseded[levelIndex] < 0) pkg[this.folds[levelIndex - 1].issue] = level.options[level.start + index];
      index = level.parents[level.start + index];
    }
    return pkg;
  }

  /** Exact number of packages whose utility vector is this point, counted during the fold. */
  countPackages(point: number): bigint {
    const counts = this.counts[0];
    return Array.isArray(counts) ? counts[point] : BigInt(counts[point]);
  }

  /** Every package that reaches this point, in the order of `package` (lexicographic without reveals). */
  *packages(point: number): Generator<Int32Array> {
    yield* this.completions(this.topIndex, point, new Int32Array(this.model.issueCount));
  }

  /**
   * The package of a point with the fewest terms different from `reference` (among equals
   * the first in the order of `package`): the point's packages are walked back level by
   * level, each (level, point) once.
   */
  closestPackage(point: number, reference: ArrayLike<number>): Int32Array {
    const best: Map<number, { readonly cost: number; readonly option: number; readonly parent: number }>[] = [];
    const solve = (levelIndex: number, at: number): number => {
      if (levelIndex === 0) return 0;
      const memo = (best[levelIndex] ??= new Map());
      const known = memo.get(at);
      if (known) return known.cost;
      const issue = this.folds[levelIndex - 1].issue;
      let choice = { cost: Infinity, option: -1, parent: -1 };
      // Predecessors come by ascending option, so a strict improvement keeps the smallest option on ties.
      // A superseded level has one option: it adds the same to every path and changes no choice.
      for (const [option, parent] of this.predecessors(levelIndex, at)) {
        const cost = (option === reference[issue] ? 0 : 1) + solve(levelIndex - 1, parent);
        if (cost < choice.cost) choice = { cost, option, parent };
      }
      memo.set(at, choice);
      return choice.cost;
    };
    solve(this.topIndex, point);
    const pkg = new Int32Array(this.model.issueCount);
    let at = point;
    for (let levelIndex = this.topIndex; levelIndex > 0; levelIndex--) {
      const choice = best[levelIndex].get(at)!;
      if (this.superseded[levelIndex] < 0) pkg[this.folds[levelIndex - 1].issue] = choice.option;
      at = choice.parent;
    }
    return pkg;
  }

  /** Per issue, the options (ascending) that some package of one of `points` takes. */
  optionsUsed(points: readonly number[]): number[][] {
    const used = Array.from({ length: this.model.issueCount }, () => new Set<number>());
    let reached = new Set(points);
    for (let levelIndex = this.topIndex; levelIndex > 0; levelIndex--) {
      const issue = this.folds[levelIndex - 1].issue;
      const parents = new Set<number>();
      for (const at of reached) {
        for (const [option, parent] of this.predecessors(levelIndex, at)) {
          if (this.superseded[levelIndex] < 0) used[issue].add(option);
          parents.add(parent);
        }
      }
      reached = parents;
    }
    return used.map((options) => [...options].sort((a, b) => a - b));
  }

  /**
   * The frontier once more options of `issue` are available in `model`, by one merge instead of
   * folding every issue again where that is exact: when this frontier's last fold decided the
   * issue, that fold is redone from its parent level; when the issue had a single available
   * option, every point is shifted by each option's difference to it. Otherwise (an option
   * revealed in the middle of the fold) the frontier is computed anew.
   */
  reveal(model: CompiledScenario, issue: number, options: FrontierOptions): ParetoFrontier {
    const old = this.model;
    if (model.contributions !== old.contributions || model.issueCount !== old.issueCount || model.partyCount !== old.partyCount) {
      throw new Error("revealInFrontier needs the frontier's own model with another availability mask (see withAvailability)");
    }
    const before: number[] = [];
    for (let i = 0; i < model.issueCount; i++) {
      for (let o = 0; o < model.optionCounts[i]; o++) {
        const was = isAvailable(old, i, o);
        if (was && !isAvailable(model, i, o)) throw new Error(`revealInFrontier: option ${o} of issue ${i} was withdrawn, not revealed`);
        if (i !== issue && was !== isAvailable(model, i, o)) throw new Error(`revealInFrontier: issue ${i} changed, not only issue ${issue}`);
        if (i === issue && was) before.push(o);
      }
    }
    // Pruned levels lack the partial packages that only the new options make agreeable.
    if (this.agreeableOnly) return computeFrontier(model, { ...options, agreeableOnly: true });
    const lastFold = this.folds[this.folds.length - 1];
    if (lastFold.issue === issue) {
      return foldOnto(model, this.levels.slice(0, -1), this.counts[1]!, this.folds.slice(0, -1), issue, lastFold.replaces, options);
    }
    if (before.length === 1) return foldOnto(model, this.levels, this.counts[0], this.folds, issue, before[0], options);
    return computeFrontier(model, options);
  }

  /** The packages through (level, point), the terms of the levels above already in `pkg`. */
  private *completions(levelIndex: number, point: number, pkg: Int32Array): Generator<Int32Array> {
    if (levelIndex === 0) {
      yield pkg.slice();
      return;
    }
    const issue = this.folds[levelIndex - 1].issue;
    for (const [option, parent] of this.predecessors(levelIndex, point)) {
      if (this.superseded[levelIndex] < 0) pkg[issue] = option;
      yield* this.completions(levelIndex - 1, parent, pkg);
    }
  }

  /** (option, point of the previous level) pairs that add up to this point, by option. */
  private *predecessors(levelIndex: number, point: number): Generator<[number, number]> {
    const { model } = this;
    const n = model.partyCount;
    const { issue, replaces } = this.folds[levelIndex - 1];
    const only = this.superseded[levelIndex];
    const level = this.levels[levelIndex];
    const previous = this.levels[levelIndex - 1];
    const target = new Float64Array(n);
    const replaced = (model.issueOffsets[issue] + replaces) * n;
    for (let option = 0; option < model.optionCounts[issue]; option++) {
      if (only >= 0 ? option !== only : !isAvailable(model, issue, option)) continue;
      const offset = (model.issueOffsets[issue] + option) * n;
      for (let p = 0; p < n; p++) {
        const shift = replaces < 0 ? model.contributions[offset + p] : model.contributions[offset + p] - model.contributions[replaced + p];
        target[p] = level.utilities[(level.start + point) * n + p] - shift;
      }
      const parent = findPoint(previous, target, n);
      if (parent >= 0) yield [option, parent];
    }
  }
}

/** Index of the level's point equal (within the tolerance) to `target`, or −1. */
function findPoint(level: Level, target: Float64Array, n: number): number {
  const { start, utilities } = level;
  let low = 0;
  let high = level.size;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (utilities[(start + mid) * n] > target[0] + 2 * UTILITY_EPSILON) low = mid + 1;
    else high = mid;
  }
  for (let k = low; k < level.size && utilities[(start + k) * n] >= target[0] - 2 * UTILITY_EPSILON; k++) {
    let equal = true;
    for (let p = 0; p < n && equal; p++) equal = Math.abs(utilities[(start + k) * n + p] - target[p]) <= 2 * UTILITY_EPSILON;
    if (equal) return k;
  }
  return -1;
}

/** Highest contribution each party can still collect from issues 0…issue−1 (available options): bestBefore[issue * n + p]. */
function bestRemaining(model: CompiledScenario): Float64Array {
  const n = model.partyCount;
  const best = new Float64Array((model.issueCount + 1) * n);
  for (let issue = 0; issue < model.issueCount; issue++) {
    for (let p = 0; p < n; p++) {
      let high = -Infinity;
      for (let o = 0; o < model.optionCounts[issue]; o++) {
        if (isAvailable(model, issue, o)) high = Math.max(high, model.contributions[(model.issueOffsets[issue] + o) * n + p]);
      }
      best[(issue + 1) * n + p] = best[issue * n + p] + high;
    }
  }
  return best;
}

/**
 * The whole frontier, ordered by the first party's utility descending, then the next
 * parties'. The merge orders points by exact utilities; two first utilities that are equal
 * within the tolerance (sums of imported weights, say) are ordered here by the next
 * utility instead of by their last bit. Only the top level is reordered (in place): nothing points to it.
 */
function sortWithinTolerance(level: Level, counts: LevelCounts, n: number): LevelCounts {
  const { size, start, utilities, parents, options } = level;
  // Already in that order (the sort below would find one ascending run and move nothing): as it is.
  let ordered = true;
  for (let k = start + 1; k < start + size && ordered; k++) {
    for (let p = 0; p < n; p++) {
      const difference = utilities[(k - 1) * n + p] - utilities[k * n + p];
      if (Math.abs(difference) > UTILITY_EPSILON) {
        ordered = difference > 0;
        break;
      }
    }
  }
  if (ordered) return counts;
  const was = {
    utilities: utilities.slice(start * n, (start + size) * n),
    parents: parents.slice(start, start + size),
    options: options.slice(start, start + size),
  };
  const order = Array.from({ length: size }, (_, k) => k).sort((a, b) => {
    for (let p = 0; p < n; p++) {
      const difference = was.utilities[b * n + p] - was.utilities[a * n + p];
      if (Math.abs(difference) > UTILITY_EPSILON) return difference;
    }
    return a - b;
  });
  order.forEach((from, to) => {
    for (let p = 0; p < n; p++) utilities[(start + to) * n + p] = was.utilities[from * n + p];
    parents[start + to] = was.parents[from];
    options[start + to] = was.options[from];
  });
  return Array.isArray(counts) ? order.map((from) => counts[from]) : Float64Array.from(order, (from) => counts[from]);
}

/** One working list and one level store per party count, shared by every computation: bid ladders build many small frontiers. */
const workspaces = new Map<number, { readonly scratch: CandidateList; readonly store: LevelStore }>();

function workspace(partyCount: number): { readonly scratch: CandidateList; readonly store: LevelStore } {
  let found = workspaces.get(partyCount);
  if (!found) workspaces.set(partyCount, (found = { scratch: new CandidateList(partyCount, 1024), store: new LevelStore(partyCount) }));
  return found;
}

export function computeFrontier(model: CompiledScenario, options: FrontierOptions = {}): ParetoFrontier {
  const n = model.partyCount;
  const agreeableOnly = options.agreeableOnly ?? false;
  const remaining = agreeableOnly ? bestRemaining(model) : undefined;
  const budget = new Budget(model, agreeableOnly, options);
  if (n === 2) return computeTwoPartyFrontier(model, agreeableOnly, remaining, budget);

  const { scratch, store } = workspace(n);
  scratch.clear(1);
  scratch.push(model.baseUtilities, 0, -1, -1, 1);
  const levels: Level[] = [store.store(scratch)];
  // Only the counts of the last two levels are kept: each level's come from the one below.
  let below: LevelCounts | undefined;
  let counts = scratch.takeCounts();
  budget.stored = 1;
  const filter = options.multiPartyFilter ? options.multiPartyFilter(n) : new MultiPartyFilter(n);
  const merge = new IssueMerge(model, filter, scratch, remaining, budget);

  for (let issue = model.issueCount - 1; issue >= 0; issue--) {
    merge.fold(levels[levels.length - 1], counts, issue, -1);
    levels.push(store.store(scratch));
    below = counts;
    counts = scratch.takeCounts();
  }
  counts = sortWithinTolerance(levels[levels.length - 1], counts, n);
  return new ParetoFrontier(model, levels, agreeableOnly, [counts, below]);
}

/** Two parties: the same fold, each level merged by two-party-merge.ts. */
function computeTwoPartyFrontier(model: CompiledScenario, agreeableOnly: boolean, remaining: Float64Array | undefined, budget: Budget): ParetoFrontier {
  const levels: Level[] = [baseLevel(model)];
  let below: LevelCounts | undefined;
  let counts: LevelCounts = Float64Array.of(1);
  budget.stored = 1;
  for (let issue = model.issueCount - 1; issue >= 0; issue--) {
    const next = foldTwoParty(model, levels[levels.length - 1], counts, issue, -1, remaining, budget);
    levels.push(next.level);
    below = counts;
    counts = next.counts;
  }
  return new ParetoFrontier(model, levels, agreeableOnly, [counts, below]);
}

/**
 * The frontier of hidden terms revealed: `frontier` was computed on a model where `issue` had
 * one available option, or where its fold was the last; `model` is the same model with more
 * options of `issue` available (withAvailability). The result equals computeFrontier(model):
 * the same points in the same order, utilities within the tolerance (the shifted sums may
 * differ from a fresh fold's in the last bits), with packages as `ParetoFrontier.package` says.
 * An agreeable-only frontier is computed anew: its levels were pruned for the old options.
 */
export function revealInFrontier(
  frontier: ParetoFrontier,
  model: CompiledScenario,
  issue: number,
  options: Omit<FrontierOptions, "agreeableOnly"> = {},
): ParetoFrontier {
  return frontier.reveal(model, issue, options);
}

/** A frontier of one more level: `issue`'s available options folded onto the top of `levels`, each relative to option `replaces` (−1: none). */
function foldOnto(
  model: CompiledScenario,
  levels: readonly Level[],
  /** The package counts of the top of `levels`. */
  counts: LevelCounts,
  folds: readonly Fold[],
  issue: number,
  replaces: number,
  options: FrontierOptions,
): ParetoFrontier {
  const n = model.partyCount;
  const budget = new Budget(model, false, options);
  budget.stored = levels.reduce((sum, level) => sum + level.size, 0);
  if (n === 2) {
    const next = foldTwoParty(model, levels[levels.length - 1], counts, issue, replaces, undefined, budget);
    return new ParetoFrontier(model, [...levels, next.level], false, [next.counts, counts], [...folds, { issue, replaces }]);
  }
  const { scratch, store } = workspace(n);
  new IssueMerge(model, new MultiPartyFilter(n), scratch, undefined, budget).fold(levels[levels.length - 1], counts, issue, replaces);
  const top = store.store(scratch);
  let topCounts = scratch.takeCounts();
  topCounts = sortWithinTolerance(top, topCounts, n);
  return new ParetoFrontier(model, [...levels, top], false, [topCounts, counts], [...folds, { issue, replaces }]);
}

/**
 * Offers the filter every point of the previous level shifted by every option, in
 * descending lexicographic order: a k-way merge of the shifted copies (each already
 * sorted), computed on the fly. With `remaining`, partial packages that cannot beat
 * some party's BATNA even with that party's best options on the issues still to come
 * are left out.
 */
class IssueMerge {
  /** Per copy (option), the index of its current point in the previous level. */
  private heads = new Int32Array(16);
  /** Per copy, its current point shifted by the option. */
  private headUtilities = new Float64Array(0);
  /** Per copy, what the option adds: its contribution, or for a reveal its difference to the replaced option. */
  private shifts = new Float64Array(0);
  private previous!: Level;
  private issue = 0;

  constructor(
    private readonly model: CompiledScenario,
    private readonly filter: DominanceFilter,
    private readonly out: CandidateList,
    private readonly remaining: Float64Array | undefined,
    private readonly budget: Budget,
  ) {}

  /**
   * Builds the next level in `out` from `previous` (whose package counts are `counts`) and the
   * issue's undominated options, each relative to option `replaces` (−1: none).
   */
  fold(previous: Level, counts: LevelCounts, issue: number, replaces: number): void {
    const issueOptions = undominatedOptions(this.model, issue);
    this.out.clear(previous.size * issueOptions.length, counts);
    this.filter.begin(this.out);
    this.run(previous, issue, issueOptions, optionWeights(this.model, issue, issueOptions), replaces);
    this.budget.stored += this.out.size;
  }

  private run(previous: Level, issue: number, issueOptions: readonly number[], weights: Int32Array, replaces: number): void {
    const n = this.model.partyCount;
    const k = issueOptions.length;
    if (this.heads.length < k || this.headUtilities.length < k * n) {
      this.heads = new Int32Array(k);
      this.headUtilities = new Float64Array(k * n);
      this.shifts = new Float64Array(k * n);
    }
    this.previous = previous;
    this.issue = issue;
    const { heads, headUtilities, shifts, out, model, budget } = this;
    const replaced = (model.issueOffsets[issue] + replaces) * n;
    for (let copy = 0; copy < k; copy++) {
      const offset = (model.issueOffsets[issue] + issueOptions[copy]) * n;
      for (let p = 0; p < n; p++) {
        shifts[copy * n + p] = replaces < 0 ? model.contributions[offset + p] : model.contributions[offset + p] - model.contributions[replaced + p];
      }
    }
    for (let copy = 0; copy < k; copy++) heads[copy] = this.seek(copy, 0);
    let offered = 0;
    for (;;) {
      let first = -1;
      for (let copy = 0; copy < k; copy++) {
        if (heads[copy] >= previous.size) continue;
        if (first < 0 || comesStrictlyFirst(headUtilities, copy * n, first * n, n)) first = copy;
      }
      if (first < 0) break;
      // Picking the candidate compared the k copies' heads; the filter says what checking it cost.
      budget.spend(k + this.filter.offer(headUtilities, first, heads[first], issueOptions[first], weights[first]), issue, out.size);
      if ((++offered & 0xffff) === 0) budget.checkMemory(issue, out.size);
      heads[first] = this.seek(first, heads[first] + 1);
    }
    budget.checkMemory(issue, out.size);
  }

  /** The first point of a copy from `from` on that can still beat every BATNA; its shifted utilities in headUtilities. */
  private seek(copy: number, from: number): number {
    const { model, previous, remaining, headUtilities, shifts } = this;
    const n = model.partyCount;
    const offset = copy * n;
    const filter = this.filter;
    for (let index = from; index < previous.size; index++) {
      if (filter.skipAhead !== undefined) {
        // The filter may already know that the next candidates are dominated.
        index = filter.skipAhead(previous.utilities, previous.start + index, previous.start + previous.size, shifts, offset) - previous.start;
        if (index === previous.size) break;
      }
      let reachable = true;
      for (let p = 0; p < n; p++) {
        const u = previous.utilities[(previous.start + index) * n + p] + shifts[offset + p];
        headUtilities[copy * n + p] = u;
        if (remaining && u + remaining[this.issue * n + p] <= model.batnas[p] + UTILITY_EPSILON) reachable = false;
      }
      if (reachable) {
        this.budget.spend(index - from, this.issue, this.out.size);
        return index;
      }
    }
    this.budget.spend(previous.size - from, this.issue, this.out.size);
    return previous.size;
  }
}

/**
 * The memory and the work a frontier may take, and the error that names them when it would take
 * more. Memory counts the points of every level kept so far and of the level being built.
 */
class Budget {
  /** Points in the levels stored so far. */
  stored = 0;
  private work = 0;
  private readonly capacity: number;
  private readonly workLimit: number;

  constructor(
    private readonly model: CompiledScenario,
    private readonly agreeableOnly: boolean,
    options: FrontierOptions,
  ) {
    this.capacity = Math.floor((options.memoryBudget ?? FRONTIER_MEMORY_BUDGET) / bytesPerPoint(model.partyCount));
    this.workLimit = options.workBudget ?? FRONTIER_WORK_BUDGET;
  }

  spend(comparisons: number, issue: number, building: number): void {
    this.work += comparisons;
    if (this.work > this.workLimit) {
      throw this.tooLarge(
        issue,
        building,
        `takes too long to compute: checking its candidates passed the engine's budget of ${count(this.workLimit)} comparisons (a few seconds)`,
      );
    }
  }

  checkMemory(issue: number, building: number): void {
    const points = this.stored + building;
    if (points <= this.capacity) return;
    throw this.tooLarge(
      issue,
      building,
      `does not fit in the engine's memory budget: its levels hold ${count(points)} points (${mebibytes(points, this.model.partyCount)}), ` +
        `and the budget of ${mebibytes(this.capacity, this.model.partyCount)} holds ${count(this.capacity)}`,
    );
  }

  private tooLarge(issue: number, building: number, why: string): FrontierTooLargeError {
    const { model } = this;
    const part = this.agreeableOnly ? "The agreeable part of the exact Pareto frontier" : "The exact Pareto frontier";
    return new FrontierTooLargeError(
      `${part} of this scenario (${model.partyCount} parties) ${why}; after ${model.issueCount - issue} of its ${model.issueCount} ` +
        `issues it already has ${count(building)} points. Fewer issues or options keep it within the budget.`,
      this.agreeableOnly,
    );
  }
}

const count = (n: number) => n.toLocaleString("en");
const mebibytes = (points: number, partyCount: number) =>
  `${((points * bytesPerPoint(partyCount)) / 2 ** 20).toLocaleString("en", { maximumFractionDigits: 1 })} MiB`;

/** Descending lexicographic order of two utility vectors in one array; equal vectors keep their order. */
function comesStrictlyFirst(utilities: Float64Array, a: number, b: number, n: number): boolean {
  for (let p = 0; p < n; p++) {
    if (utilities[a + p] !== utilities[b + p]) return utilities[a + p] > utilities[b + p];
  }
  return false;
}
