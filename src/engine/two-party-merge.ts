/**
 * The fold of the exact Pareto frontier (frontier.ts) for two parties: each level of the fold
 * merges the shifted copies of the previous level (one per undominated option of the issue)
 * by a tree of two-way merges, then a sweep keeps the staircase.
 *
 * A copy is a staircase: its first utility strictly descending, its second strictly rising.
 * A two-way merge walks two runs in the fold's order (first utility descending, then the
 * second; on equal vectors the lower copy first) and drops a candidate when an earlier one's
 * second utility beats it by more than MARGIN: the sweep would have rejected it without
 * changing anything (the sweep's last point never falls more than the tolerance below any
 * candidate it has seen, and MARGIN is four tolerances). Runs of dropped candidates are
 * skipped by galloping. Candidates within the margin pass, so the merge's output is only
 * nearly ascending in the second utility (by at most MARGIN, its `slack`), which the gallop
 * allows for. The root's output goes through the sweep of the k-way merge this replaces, in
 * the same order, so levels, representatives (the lower option on ties within the tolerance,
 * the first candidate's utilities) and package counts are those of that merge, bit for bit.
 *
 * Everything here is typed arrays and plain loops in a handful of functions: a fresh process's
 * first frontier runs in the interpreter, where the k-way choice among k heads cost most.
 */
import type { Level, LevelCounts } from "./frontier.js";
import type { CompiledScenario } from "./model.js";
import { UTILITY_EPSILON } from "./tolerance.js";

/** What the fold reports its work and memory to: frontier.ts's Budget. */
export interface FoldBudget {
  /** Points in the levels stored so far. */
  stored: number;
  spend(comparisons: number, issue: number, building: number): void;
  checkMemory(issue: number, building: number): void;
  /** The merge's working space: `points` candidates held at once between its levels of merges. */
  checkScratch(issue: number, points: number): void;
}

/** A candidate this much below an earlier one's second utility can be dropped before the sweep (see the header). */
const MARGIN = 4 * UTILITY_EPSILON;

/**
 * A sorted run of candidates: entries lo…hi−1 of `u` (interleaved utilities) shifted by (s0, s1),
 * candidate ids ids[j] + idBase. A copy of the previous level is a run over its arrays; a
 * merge's output is a run in a scratch buffer, shifted by −0 (which leaves every double as it is).
 */
interface Run {
  readonly u: Float64Array;
  readonly ids: Int32Array;
  readonly idBase: number;
  readonly lo: number;
  readonly hi: number;
  readonly s0: number;
  readonly s1: number;
  /** How far the second utility may fall along the run: 0 for a copy, MARGIN for a merge's output. */
  readonly slack: number;
  /** The scratch buffer (0 or 1) holding the run, −1 for a copy. */
  readonly buffer: number;
}

/** Points per shared block of levels; a larger level gets a block of its own, exactly its size. */
const BLOCK_POINTS = 4096;

/** Room for points in a level's layout (two utilities, parent, option), one buffer for the three arrays. */
function newBlock(capacity: number): { utilities: Float64Array; parents: Int32Array; options: Int32Array } {
  const buffer = new ArrayBuffer(capacity * 24);
  return {
    utilities: new Float64Array(buffer, 0, capacity * 2),
    parents: new Int32Array(buffer, capacity * 16, capacity),
    options: new Int32Array(buffer, capacity * 20, capacity),
  };
}

/** Shared by every two-party computation (bid ladders build many small frontiers): scratch, output list and the level block. */
const space = {
  /** identity[j] = j: the ids of a copy's entries, before its idBase. */
  identity: new Int32Array(0),
  /** Two scratch buffers of merged runs (interleaved utilities and ids), each used as a stack. */
  bufferU: [new Float64Array(0), new Float64Array(0)],
  bufferIds: [new Int32Array(0), new Int32Array(0)],
  top: [0, 0],
  /** The level being built: interleaved utilities, parents, options, counts. */
  outU: new Float64Array(0),
  outParents: new Int32Array(0),
  outOptions: new Int32Array(0),
  outCounts: new Float64Array(0),
  /** Per copy: option, weight (the options equal to it) and shift. */
  copyOptions: new Int32Array(16),
  copyWeights: new Int32Array(16),
  shifts: new Float64Array(32),
  block: null as ReturnType<typeof newBlock> | null,
  used: 0,
};

/** Comparisons of the merges since the last report to the budget. */
let work = 0;

/** The base level: the empty partial package, utilities −entryCost, count 1. */
export function baseLevel(model: CompiledScenario): Level {
  ensureOut(1);
  space.outU[0] = model.baseUtilities[0];
  space.outU[1] = model.baseUtilities[1];
  space.outParents[0] = -1;
  space.outOptions[0] = -1;
  return store(1);
}

/**
 * The next level: `previous` (package counts `counts`) shifted by each undominated available
 * option of `issue`, relative to option `replaces` (−1: none), the staircase of the lot. With
 * `remaining`, candidates that cannot beat a BATNA even with the best options still to come are left out.
 */
export function foldTwoParty(
  model: CompiledScenario,
  previous: Level,
  counts: LevelCounts,
  issue: number,
  replaces: number,
  remaining: Float64Array | undefined,
  budget: FoldBudget,
): { readonly level: Level; readonly counts: LevelCounts } {
  const k = issueCopies(model, issue, replaces);
  const size = previous.size;
  // Candidate ids (copy × size + parent) are 32-bit.
  if (size * k > 0x7fffffff) budget.checkScratch(issue, size * k);
  if (space.identity.length < previous.start + size) {
    const identity = new Int32Array(Math.max(previous.start + size, 2 * space.identity.length, 4096));
    for (let j = 0; j < identity.length; j++) identity[j] = j;
    space.identity = identity;
  }
  work = 0;
  const copies: Run[] = [];
  for (let copy = 0; copy < k; copy++) {
    const s0 = space.shifts[2 * copy];
    const s1 = space.shifts[2 * copy + 1];
    let lo = previous.start;
    let hi = previous.start + size;
    if (remaining) {
      // Party 0's utility falls along a copy and party 1's rises: the candidates that can still
      // beat both BATNAs are one range, bounded by bisection.
      const u = previous.utilities;
      const r0 = remaining[issue * 2];
      const r1 = remaining[issue * 2 + 1];
      const b0 = model.batnas[0] + UTILITY_EPSILON;
      const b1 = model.batnas[1] + UTILITY_EPSILON;
      let high = hi;
      while (lo < high) {
        const mid = (lo + high) >>> 1;
        work++;
        if (u[2 * mid + 1] + s1 + r1 <= b1) lo = mid + 1;
        else high = mid;
      }
      let low = lo;
      while (low < hi) {
        const mid = (low + hi) >>> 1;
        work++;
        if (u[2 * mid] + s0 + r0 <= b0) hi = mid;
        else low = mid + 1;
      }
    }
    copies.push({ u: previous.utilities, ids: space.identity, idBase: copy * size - previous.start, lo, hi, s0, s1, slack: 0, buffer: -1 });
  }
  let building = 0;
  if (k > 0) {
    const root = k === 1 ? copies[0] : mergeTree(copies, 0, k, 0, issue, size, budget);
    building = sweep(root, counts, size);
    space.top[0] = 0;
    space.top[1] = 0;
  }
  budget.spend(work, issue, building);
  budget.checkMemory(issue, building);
  budget.stored += building;
  const level = store(building);
  return { level, counts: takeCounts(building) };
}

/**
 * Fills copyOptions, copyWeights and shifts for the issue's undominated available options
 * (undominatedOptions and optionWeights of frontier.ts, for two parties); returns how many.
 */
function issueCopies(model: CompiledScenario, issue: number, replaces: number): number {
  const m = model.optionCounts[issue];
  const first = model.issueOffsets[issue];
  const c = model.contributions;
  const available = model.available;
  if (space.copyOptions.length < m) {
    space.copyOptions = new Int32Array(m);
    space.copyWeights = new Int32Array(m);
    space.shifts = new Float64Array(2 * m);
  }
  const options = space.copyOptions;
  const weights = space.copyWeights;
  let k = 0;
  for (let o = 0; o < m; o++) {
    if (available !== undefined && available[first + o] === 0) continue;
    const o0 = c[2 * (first + o)];
    const o1 = c[2 * (first + o) + 1];
    let beaten = false;
    for (let other = 0; other < m && !beaten; other++) {
      if (other === o || (available !== undefined && available[first + other] === 0)) continue;
      const d0 = o0 - c[2 * (first + other)];
      const d1 = o1 - c[2 * (first + other) + 1];
      if (d0 > UTILITY_EPSILON || d1 > UTILITY_EPSILON) continue;
      // Dominated, or equal to a lower option.
      beaten = d0 < -UTILITY_EPSILON || d1 < -UTILITY_EPSILON || other < o;
    }
    if (beaten) continue;
    options[k] = o;
    weights[k] = 1;
    k++;
  }
  if (k < m) {
    // An option equal to a kept one (within the tolerance) adds its packages to the first such.
    for (let o = 0, at = 0; o < m; o++) {
      if (at < k && options[at] === o) {
        at++;
        continue;
      }
      if (available !== undefined && available[first + o] === 0) continue;
      for (let kept = 0; kept < k; kept++) {
        const d0 = c[2 * (first + o)] - c[2 * (first + options[kept])];
        const d1 = c[2 * (first + o) + 1] - c[2 * (first + options[kept]) + 1];
        if (d0 <= UTILITY_EPSILON && d0 >= -UTILITY_EPSILON && d1 <= UTILITY_EPSILON && d1 >= -UTILITY_EPSILON) {
          weights[kept]++;
          break;
        }
      }
    }
  }
  const shifts = space.shifts;
  const replaced = 2 * (first + replaces);
  for (let copy = 0; copy < k; copy++) {
    const offset = 2 * (first + options[copy]);
    shifts[2 * copy] = replaces < 0 ? c[offset] : c[offset] - c[replaced];
    shifts[2 * copy + 1] = replaces < 0 ? c[offset + 1] : c[offset + 1] - c[replaced + 1];
  }
  return k;
}

/** Copies lo…hi−1 merged: the two halves' merges (or copies) merged into scratch buffer depth & 1. */
function mergeTree(copies: Run[], lo: number, hi: number, depth: number, issue: number, size: number, budget: FoldBudget): Run {
  if (hi - lo === 1) return copies[lo];
  const mid = (lo + hi) >>> 1;
  const a = mergeTree(copies, lo, mid, depth + 1, issue, size, budget);
  const b = mergeTree(copies, mid, hi, depth + 1, issue, size, budget);
  const buffer = depth & 1;
  const at = space.top[buffer];
  const need = at + (a.hi - a.lo) + (b.hi - b.lo);
  if (need > space.bufferIds[buffer].length) {
    budget.checkScratch(issue, need + space.top[buffer ^ 1]);
    // Runs already in the old arrays keep reading them; the new ones only need room from `at` on.
    const capacity = Math.max(need, 2 * space.bufferIds[buffer].length, 1024);
    space.bufferU[buffer] = new Float64Array(2 * capacity);
    space.bufferIds[buffer] = new Int32Array(capacity);
  }
  const end = mergeRuns(a, b, space.bufferU[buffer], space.bufferIds[buffer], at);
  // The halves were the last runs of the other buffer: their room is free again.
  if (a.buffer >= 0) space.top[a.buffer] = a.lo;
  else if (b.buffer >= 0) space.top[b.buffer] = b.lo;
  space.top[buffer] = end;
  if (work > 65536) {
    budget.spend(work, issue, size);
    work = 0;
  }
  return { u: space.bufferU[buffer], ids: space.bufferIds[buffer], idBase: 0, lo: at, hi: end, s0: -0, s1: -0, slack: MARGIN, buffer };
}

/**
 * Merges runs a and b (a's copies before b's on equal vectors) into u/ids from `at`, dropping
 * every candidate whose second utility is more than MARGIN below an earlier one's. Returns the end.
 */
function mergeRuns(a: Run, b: Run, u: Float64Array, ids: Int32Array, at: number): number {
  const au = a.u, aIds = a.ids, aBase = a.idBase, as0 = a.s0, as1 = a.s1, aSlack = a.slack, ie = a.hi;
  const bu = b.u, bIds = b.ids, bBase = b.idBase, bs0 = b.s0, bs1 = b.s1, bSlack = b.slack, je = b.hi;
  let i = a.lo;
  let j = b.lo;
  let w = at;
  /** The best second utility so far, less MARGIN. */
  let floor = -Infinity;
  let steps = 0;
  let a0 = 0, a1 = 0, b0 = 0, b1 = 0;
  if (i < ie) {
    a0 = au[2 * i] + as0;
    a1 = au[2 * i + 1] + as1;
  }
  if (j < je) {
    b0 = bu[2 * j] + bs0;
    b1 = bu[2 * j + 1] + bs1;
  }
  while (i < ie && j < je) {
    steps++;
    if (b0 > a0 || (b0 === a0 && b1 > a1)) {
      if (b1 < floor) j = gallop(bu, bs1, j, je, floor - bSlack);
      else {
        u[2 * w] = b0;
        u[2 * w + 1] = b1;
        ids[w++] = bIds[j++] + bBase;
        if (b1 - MARGIN > floor) floor = b1 - MARGIN;
      }
      if (j < je) {
        b0 = bu[2 * j] + bs0;
        b1 = bu[2 * j + 1] + bs1;
      }
    } else {
      if (a1 < floor) i = gallop(au, as1, i, ie, floor - aSlack);
      else {
        u[2 * w] = a0;
        u[2 * w + 1] = a1;
        ids[w++] = aIds[i++] + aBase;
        if (a1 - MARGIN > floor) floor = a1 - MARGIN;
      }
      if (i < ie) {
        a0 = au[2 * i] + as0;
        a1 = au[2 * i + 1] + as1;
      }
    }
  }
  // One run is left: it only needs the floor.
  while (i < ie) {
    steps++;
    a1 = au[2 * i + 1] + as1;
    if (a1 < floor) {
      i = gallop(au, as1, i, ie, floor - aSlack);
      continue;
    }
    u[2 * w] = au[2 * i] + as0;
    u[2 * w + 1] = a1;
    ids[w++] = aIds[i++] + aBase;
    if (a1 - MARGIN > floor) floor = a1 - MARGIN;
  }
  while (j < je) {
    steps++;
    b1 = bu[2 * j + 1] + bs1;
    if (b1 < floor) {
      j = gallop(bu, bs1, j, je, floor - bSlack);
      continue;
    }
    u[2 * w] = bu[2 * j] + bs0;
    u[2 * w + 1] = b1;
    ids[w++] = bIds[j++] + bBase;
    if (b1 - MARGIN > floor) floor = b1 - MARGIN;
  }
  work += steps;
  return w;
}

/**
 * Past a dropped entry `from` of a run: the next entry that may not be dropped. `below` is the
 * floor less the run's slack, so every entry up to one whose second utility is below it lies
 * under the floor itself. Doubling steps, then bisection: a long dominated run costs its logarithm.
 */
function gallop(u: Float64Array, s1: number, from: number, hi: number, below: number): number {
  let known = from;
  let step = 1;
  let probe = from + 1;
  while (probe < hi && u[2 * probe + 1] + s1 < below) {
    known = probe;
    step *= 2;
    probe = known + step;
    work++;
  }
  let low = known + 1;
  let high = probe < hi ? probe : hi;
  while (low < high) {
    const mid = (low + high) >>> 1;
    work++;
    if (u[2 * mid + 1] + s1 < below) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The staircase of a run, as the two-party sweep of the k-way merge kept it: a candidate stays
 * when its second utility beats the last point's by more than the tolerance; equal vectors
 * (within the tolerance) keep the first one's utilities and the lower option, and add up their
 * packages. Returns the level's size; its points are in the out arrays.
 */
function sweep(run: Run, from: LevelCounts, size: number): number {
  ensureOut(run.hi - run.lo);
  const { u: ru, ids, idBase, hi, s0, s1 } = run;
  const outU = space.outU;
  const parents = space.outParents;
  const options = space.outOptions;
  const copyOptions = space.copyOptions;
  const copyWeights = space.copyWeights;
  const numbers = Array.isArray(from) ? null : from;
  let counts = numbers === null ? null : space.outCounts;
  let big: bigint[] | null = numbers === null ? [] : null;
  let n = 0;
  work += hi - run.lo;
  next: for (let j = run.lo; j < hi; j++) {
    const u0 = ru[2 * j] + s0;
    const u1 = ru[2 * j + 1] + s1;
    const id = ids[j] + idBase;
    const copy = (id / size) | 0;
    const parent = id - copy * size;
    const option = copyOptions[copy];
    while (n > 0) {
      const last = n - 1;
      const t0 = outU[2 * last];
      const t1 = outU[2 * last + 1];
      if (Math.abs(t0 - u0) > UTILITY_EPSILON) {
        // u0 is lower: only a better second utility earns a place.
        if (u1 > t1 + UTILITY_EPSILON) break;
        continue next;
      }
      if (Math.abs(t1 - u1) <= UTILITY_EPSILON) {
        if (option < options[last]) {
          parents[last] = parent;
          options[last] = option;
        }
        if (counts !== null) {
          const count = counts[last] + numbers![parent] * copyWeights[copy];
          if (count <= Number.MAX_SAFE_INTEGER) {
            counts[last] = count;
            continue next;
          }
          big = toBig(counts, n);
          counts = null;
        }
        big![last] += bigCount(from, parent, copyWeights[copy]);
        continue next;
      }
      if (u1 < t1) continue next;
      n--; // same first utility, better second: the last point is dominated
    }
    outU[2 * n] = u0;
    outU[2 * n + 1] = u1;
    parents[n] = parent;
    options[n] = option;
    if (counts !== null) {
      const count = numbers![parent] * copyWeights[copy];
      if (count <= Number.MAX_SAFE_INTEGER) {
        counts[n++] = count;
        continue;
      }
      big = toBig(counts, n);
      counts = null;
    }
    big![n++] = bigCount(from, parent, copyWeights[copy]);
  }
  bigCounts = big;
  return n;
}

/** The counts of the level just swept when they needed BigInts, else null (then they are in outCounts). */
let bigCounts: bigint[] | null = null;

/** Counts so far as BigInts, before the first that a number would round. */
function toBig(counts: Float64Array, size: number): bigint[] {
  const big = new Array<bigint>(size);
  for (let k = 0; k < size; k++) big[k] = BigInt(counts[k]);
  return big;
}

function bigCount(from: LevelCounts, parent: number, weight: number): bigint {
  const count = Array.isArray(from) ? from[parent] : BigInt(from[parent]);
  return weight === 1 ? count : count * BigInt(weight);
}

function takeCounts(size: number): LevelCounts {
  if (bigCounts === null) return space.outCounts.slice(0, size);
  const big = bigCounts;
  big.length = size;
  bigCounts = null;
  return big;
}

function ensureOut(capacity: number): void {
  if (space.outParents.length >= capacity) return;
  const grown = Math.max(capacity, 2 * space.outParents.length, 1024);
  space.outU = new Float64Array(2 * grown);
  space.outParents = new Int32Array(grown);
  space.outOptions = new Int32Array(grown);
  space.outCounts = new Float64Array(grown);
}

/** The out arrays' first `size` points as a level, in a shared block (or one of its own when larger than a block). */
function store(size: number): Level {
  let block: ReturnType<typeof newBlock>;
  let at = 0;
  if (size > BLOCK_POINTS) block = newBlock(size);
  else {
    if (space.block === null || space.used + size > BLOCK_POINTS) {
      space.block = newBlock(BLOCK_POINTS);
      space.used = 0;
    }
    block = space.block;
    at = space.used;
    space.used += size;
  }
  block.utilities.set(space.outU.subarray(0, 2 * size), 2 * at);
  block.parents.set(space.outParents.subarray(0, size), at);
  block.options.set(space.outOptions.subarray(0, size), at);
  return { size, start: at, utilities: block.utilities, parents: block.parents, options: block.options };
}
