/**
 * The fold of the exact Pareto frontier (frontier.ts) for two parties: each level merges the
 * copies of the previous level shifted by the issue's undominated options, in the fold's order
 * (first utility descending, then the second; on equal vectors the lower option first), into
 * the two-party sweep, which keeps a candidate only when its second utility beats the last
 * point's.
 *
 * A copy is a staircase (first utility strictly falling along it, second strictly rising), and
 * the frontier it contributes to is mostly long runs of consecutive points of one copy. So the k
 * heads are compared once per run, not once per candidate: the first head's copy feeds the sweep
 * for as long as its candidates come before the runner-up's head. A candidate more than MARGIN
 * (four tolerances) below the last point's second utility is one the sweep would reject without
 * changing anything, whatever comes later (the last point's second utility only rises), so such
 * candidates are skipped by galloping along their copy. Every other candidate reaches the sweep
 * in the same order as in the k-way merge of one head at a time that this replaces, so levels,
 * representatives (the lower option on ties within the tolerance, the first candidate's
 * utilities) and package counts are that merge's, bit for bit.
 *
 * Typed arrays and plain loops in a handful of functions: a fresh process's first frontier runs
 * in the interpreter, where the per-candidate choice among k heads cost the most.
 */
import type { Level, LevelCounts } from "./frontier.js";
import type { CompiledScenario } from "./model.js";
import { BlockSpace, copyInto, slabCopy } from "./shared-buffers.js";
import { UTILITY_EPSILON } from "./tolerance.js";

/** What the fold reports its work and memory to: frontier.ts's Budget. */
export interface FoldBudget {
  /** Points in the levels stored so far. */
  stored: number;
  spend(comparisons: number, issue: number, building: number): void;
  checkMemory(issue: number, building: number): void;
}

/** A candidate this much below the last point's second utility is skipped before the sweep (see the header). */
const MARGIN = 4 * UTILITY_EPSILON;

/** Shared by every two-party computation (bid ladders build many small frontiers): the merge's state, the level being built, the block of levels. */
const space = {
  /** Per copy: option, weight (the options equal to it), shift, and its head and end in the previous level's arrays with the head's utilities. */
  copyOptions: new Int32Array(16),
  copyWeights: new Int32Array(16),
  shifts: new Float64Array(32),
  heads: new Int32Array(16),
  ends: new Int32Array(16),
  head0: new Float64Array(16),
  head1: new Float64Array(16),
  /** The level being built: interleaved utilities, parents, options, counts. */
  outU: new Float64Array(2048),
  outParents: new Int32Array(1024),
  outOptions: new Int32Array(1024),
  outCounts: new Float64Array(1024),
  blocks: new BlockSpace(2),
};

/** Comparisons of the merge, for the budget. */
let work = 0;

/** The base level: the empty partial package, utilities −entryCost, count 1. */
export function baseLevel(model: CompiledScenario): Level {
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
  const { heads, ends, shifts } = space;
  const u = previous.utilities;
  work = 0;
  for (let copy = 0; copy < k; copy++) {
    let lo = previous.start;
    let hi = previous.start + previous.size;
    if (remaining) {
      // Party 0's utility falls along a copy and party 1's rises: the candidates that can still
      // beat both BATNAs are one range, bounded by bisection.
      lo = firstReachable(model, u, lo, hi, shifts[2 * copy + 1], remaining[issue * 2 + 1], 1);
      hi = firstReachable(model, u, lo, hi, shifts[2 * copy], remaining[issue * 2], 0);
    }
    heads[copy] = lo;
    ends[copy] = hi;
  }
  const size = mergeCopies(previous, k, counts, budget, issue);
  budget.spend(work, issue, size);
  budget.checkMemory(issue, size);
  budget.stored += size;
  return { level: store(size), counts: takeCounts(size) };
}

/**
 * Along a copy (entries lo…hi−1 of the previous level shifted by `shift` for `party`), the first
 * entry from which the party can still beat its BATNA with `remaining` to come (party 1, whose
 * utility rises along it), or the first from which it no longer can (party 0, whose utility falls).
 */
function firstReachable(model: CompiledScenario, u: Float64Array, lo: number, hi: number, shift: number, remaining: number, party: number): number {
  const batna = model.batnas[party] + UTILITY_EPSILON;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    work++;
    if ((u[2 * mid + party] + shift + remaining <= batna) === (party === 1)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
    space.heads = new Int32Array(m);
    space.ends = new Int32Array(m);
    space.head0 = new Float64Array(m);
    space.head1 = new Float64Array(m);
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

/**
 * The k-way merge of the copies in the fold's order, fed to the two-party sweep; returns the
 * level's size (its points in the out arrays). A pass over the k heads picks the first (w) and
 * the runner-up (r); then w's candidates go to the sweep one after another for as long as they
 * come before r's head, so the k heads are compared once per run instead of once per candidate.
 * A head more than MARGIN below the last point's second utility is dropped, and its copy skipped
 * by galloping to the first candidate that is not (the sweep would reject every one in between:
 * see the header). The sweep keeps a candidate when its second utility beats the last point's
 * by more than the tolerance; equal vectors (within the tolerance) keep the first one's
 * utilities and the lower option, and add up their packages.
 */
function mergeCopies(previous: Level, k: number, from: LevelCounts, budget: FoldBudget, issue: number): number {
  const u = previous.utilities;
  const start = previous.start;
  const { heads, ends, head0, head1, shifts, copyOptions, copyWeights } = space;
  let outU = space.outU;
  let parents = space.outParents;
  let options = space.outOptions;
  const numbers = Array.isArray(from) ? null : from;
  let counts = numbers === null ? null : space.outCounts;
  let big: bigint[] | null = numbers === null ? [] : null;
  let n = 0;
  /** The last point's second utility, less MARGIN: a candidate below it can be dropped. */
  let floor = -Infinity;
  let steps = 0;
  for (let copy = 0; copy < k; copy++) {
    const h = heads[copy];
    if (h < ends[copy]) {
      head0[copy] = u[2 * h] + shifts[2 * copy];
      head1[copy] = u[2 * h + 1] + shifts[2 * copy + 1];
    }
  }
  for (;;) {
    if (steps >= 0x10000) {
      // Now and then: the budget's work and memory so far.
      budget.spend(steps, issue, n);
      budget.checkMemory(issue, n);
      steps = 0;
    }
    let w = -1;
    let w0 = 0, w1 = 0;
    let r = -1;
    let r0 = 0, r1 = 0;
    for (let copy = 0; copy < k; copy++) {
      let h = heads[copy];
      const end = ends[copy];
      if (h >= end) continue;
      let x1 = head1[copy];
      if (x1 < floor) {
        // A head under the last point: its copy is skipped to the first candidate that is not
        // (most often the next one, checked here before galloping).
        const s1 = shifts[2 * copy + 1];
        if (++h < end && u[2 * h + 1] + s1 < floor) h = gallop(u, s1, h, end, floor);
        heads[copy] = h;
        if (h >= end) continue;
        head0[copy] = u[2 * h] + shifts[2 * copy];
        head1[copy] = x1 = u[2 * h + 1] + s1;
      }
      const x0 = head0[copy];
      steps++;
      // Strictly first only: on equal vectors the lower copy stays first.
      if (w < 0 || x0 > w0 || (x0 === w0 && x1 > w1)) {
        r = w;
        r0 = w0;
        r1 = w1;
        w = copy;
        w0 = x0;
        w1 = x1;
      } else if (r < 0 || x0 > r0 || (x0 === r0 && x1 > r1)) {
        r = copy;
        r0 = x0;
        r1 = x1;
      }
    }
    if (w < 0) break;
    const s0 = shifts[2 * w];
    const s1 = shifts[2 * w + 1];
    const option = copyOptions[w];
    const weight = copyWeights[w];
    const end = ends[w];
    let h = heads[w];
    let u0 = w0;
    let u1 = w1;
    for (;;) {
      // The sweep, for candidate (u0, u1) of parent h − start.
      const parent = h - start;
      offer: {
        while (n > 0) {
          const last = n - 1;
          const t0 = outU[2 * last];
          const t1 = outU[2 * last + 1];
          if (Math.abs(t0 - u0) > UTILITY_EPSILON) {
            // u0 is lower: only a better second utility earns a place.
            if (u1 > t1 + UTILITY_EPSILON) break;
            break offer;
          }
          if (Math.abs(t1 - u1) <= UTILITY_EPSILON) {
            if (option < options[last]) {
              parents[last] = parent;
              options[last] = option;
            }
            if (counts !== null) {
              const count = counts[last] + numbers![parent] * weight;
              if (count <= Number.MAX_SAFE_INTEGER) {
                counts[last] = count;
                break offer;
              }
              big = toBig(counts, n);
              counts = null;
            }
            big![last] += bigCount(from, parent, weight);
            break offer;
          }
          if (u1 < t1) break offer;
          n--; // same first utility, better second: the last point is dominated
        }
        if (n === parents.length) {
          growOut(n);
          ({ outU, outParents: parents, outOptions: options } = space);
          if (counts !== null) counts = space.outCounts;
        }
        outU[2 * n] = u0;
        outU[2 * n + 1] = u1;
        parents[n] = parent;
        options[n] = option;
        floor = u1 - MARGIN;
        if (counts !== null) {
          const count = numbers![parent] * weight;
          if (count <= Number.MAX_SAFE_INTEGER) {
            counts[n++] = count;
            break offer;
          }
          big = toBig(counts, n);
          counts = null;
        }
        big![n++] = bigCount(from, parent, weight);
      }
      steps++;
      if (++h >= end) break;
      u0 = u[2 * h] + s0;
      u1 = u[2 * h + 1] + s1;
      if (u1 < floor) {
        if (++h < end && u[2 * h + 1] + s1 < floor) h = gallop(u, s1, h, end, floor);
        if (h >= end) break;
        u0 = u[2 * h] + s0;
        u1 = u[2 * h + 1] + s1;
      }
      // The run goes on while its candidates come before the runner-up's head.
      if (r >= 0 && !(u0 > r0 || (u0 === r0 && (u1 > r1 || (u1 === r1 && w < r))))) break;
    }
    heads[w] = h;
    if (h < end) {
      head0[w] = u0;
      head1[w] = u1;
    }
  }
  work += steps;
  bigCounts = big;
  return n;
}

/**
 * Past a dropped entry `from` of a copy: the first entry whose second utility is not below
 * `floor` (a copy's second utility rises along it). Doubling steps, then bisection: a long
 * dominated run costs its logarithm.
 */
function gallop(u: Float64Array, s1: number, from: number, hi: number, floor: number): number {
  let known = from;
  let step = 1;
  let probe = from + 1;
  while (probe < hi && u[2 * probe + 1] + s1 < floor) {
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
    if (u[2 * mid + 1] + s1 < floor) low = mid + 1;
    else high = mid;
  }
  return low;
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
  if (bigCounts === null) return slabCopy(space.outCounts, size);
  const big = bigCounts;
  big.length = size;
  bigCounts = null;
  return big;
}

/** Room for twice the points of the level being built, `size` of them kept. */
function growOut(size: number): void {
  const capacity = 2 * space.outParents.length;
  const outU = new Float64Array(2 * capacity);
  outU.set(space.outU.subarray(0, 2 * size));
  const parents = new Int32Array(capacity);
  parents.set(space.outParents.subarray(0, size));
  const options = new Int32Array(capacity);
  options.set(space.outOptions.subarray(0, size));
  const counts = new Float64Array(capacity);
  counts.set(space.outCounts.subarray(0, size));
  space.outU = outU;
  space.outParents = parents;
  space.outOptions = options;
  space.outCounts = counts;
}

/** The out arrays' first `size` points as a level, in a shared block (or one of its own when larger than a block). */
function store(size: number): Level {
  const block = space.blocks.take(size);
  const at = space.blocks.at;
  copyInto(block.utilities, 2 * at, space.outU, 2 * size);
  copyInto(block.parents, at, space.outParents, size);
  copyInto(block.options, at, space.outOptions, size);
  return { size, start: at, utilities: block.utilities, parents: block.parents, options: block.options };
}
