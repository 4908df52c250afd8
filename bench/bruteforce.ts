/**
 * The naive baseline: enumerate every package, evaluate it with packageUtilities, sort
 * all outcomes by utility and filter the dominated ones. Cost grows with the outcome
 * count, which is what the engine's issue-by-issue merge avoids.
 *
 * Equal utility vectors (within the engine's tolerance) count once, as in the engine.
 */
import { type CompiledScenario, outcomeCount, packageUtilities } from "../src/engine/model.js";
import { UTILITY_EPSILON } from "../src/engine/tolerance.js";
import { performance } from "node:perf_hooks";

export interface BruteForceResult {
  /** Frontier size: distinct non-dominated utility vectors. */
  readonly points: number;
  /** Milliseconds spent enumerating and evaluating, then sorting, then filtering. */
  readonly enumerateMs: number;
  readonly sortMs: number;
  readonly filterMs: number;
}

export interface Enumerated {
  readonly count: number;
  /** utilities[outcome * partyCount + party] */
  readonly utilities: Float64Array;
}

/** Every package, in odometer order, evaluated with packageUtilities. */
export function enumerateOutcomes(model: CompiledScenario): Enumerated {
  const total = outcomeCount(model);
  if (total > 50_000_000n) throw new Error(`refusing to enumerate ${total} outcomes`);
  const count = Number(total);
  const n = model.partyCount;
  const utilities = new Float64Array(count * n);
  const pkg = new Int32Array(model.issueCount);
  const out = new Float64Array(n);
  for (let k = 0; k < count; k++) {
    packageUtilities(model, pkg, out);
    utilities.set(out, k * n);
    // next package
    for (let i = model.issueCount - 1; i >= 0; i--) {
      if (++pkg[i] < model.optionCounts[i]) break;
      pkg[i] = 0;
    }
  }
  return { count, utilities };
}

/**
 * Sorts the enumerated utility vectors in place, by descending utilities, first party
 * first: a plain quicksort (median of three, insertion sort for short runs) that moves
 * the vectors themselves. Sorting an index array instead (with a comparator or the same
 * quicksort) is 4–10× slower at 10^7 outcomes: every comparison is then a cache miss.
 */
export function sortOutcomes(outcomes: Enumerated, n: number): void {
  const u = outcomes.utilities;
  const pivot = new Float64Array(n);
  const held = new Float64Array(n);
  // vector at a comes before the vector v: a is lexicographically larger
  const before = (a: number, v: Float64Array): boolean => {
    for (let p = 0; p < n; p++) {
      const x = u[a * n + p];
      if (x !== v[p]) return x > v[p];
    }
    return false;
  };
  const after = (a: number, v: Float64Array): boolean => {
    for (let p = 0; p < n; p++) {
      const x = u[a * n + p];
      if (x !== v[p]) return x < v[p];
    }
    return false;
  };
  const swap = (i: number, j: number): void => {
    for (let p = 0; p < n; p++) {
      const t = u[i * n + p];
      u[i * n + p] = u[j * n + p];
      u[j * n + p] = t;
    }
  };
  const load = (into: Float64Array, i: number): void => {
    for (let p = 0; p < n; p++) into[p] = u[i * n + p];
  };
  const stack: number[] = [0, outcomes.count - 1];
  while (stack.length > 0) {
    let high = stack.pop()!;
    let low = stack.pop()!;
    while (high - low > 16) {
      const mid = (low + high) >>> 1;
      load(held, low);
      if (before(mid, held)) swap(mid, low);
      load(held, low);
      if (before(high, held)) swap(high, low);
      load(held, mid);
      if (before(high, held)) swap(high, mid);
      load(pivot, mid);
      let i = low;
      let j = high;
      while (i <= j) {
        while (before(i, pivot)) i++;
        while (after(j, pivot)) j--;
        if (i <= j) {
          swap(i, j);
          i++;
          j--;
        }
      }
      if (j - low < high - i) {
        stack.push(i, high);
        high = j;
      } else {
        stack.push(low, j);
        low = i;
      }
    }
    for (let k = low + 1; k <= high; k++) {
      load(held, k);
      let m = k - 1;
      while (m >= low && after(m, held)) m--;
      // rotate held into place m + 1
      u.copyWithin((m + 2) * n, (m + 1) * n, k * n);
      for (let p = 0; p < n; p++) u[(m + 1) * n + p] = held[p];
    }
  }
}

/** sortOutcomes specialised to two parties (pairs in one Float64Array), the hot case of the baseline. */
export function sortPairs(outcomes: Enumerated): void {
  const u = outcomes.utilities;
  const stack: number[] = [0, outcomes.count - 1];
  while (stack.length > 0) {
    let high = stack.pop()!;
    let low = stack.pop()!;
    while (high - low > 16) {
      const mid = (low + high) >>> 1;
      if (pairBefore(u, u[2 * mid], u[2 * mid + 1], low)) swapPair(u, mid, low);
      if (pairBefore(u, u[2 * high], u[2 * high + 1], low)) swapPair(u, high, low);
      if (pairBefore(u, u[2 * high], u[2 * high + 1], mid)) swapPair(u, high, mid);
      const p0 = u[2 * mid];
      const p1 = u[2 * mid + 1];
      let i = low;
      let j = high;
      while (i <= j) {
        while (u[2 * i] > p0 || (u[2 * i] === p0 && u[2 * i + 1] > p1)) i++;
        while (u[2 * j] < p0 || (u[2 * j] === p0 && u[2 * j + 1] < p1)) j--;
        if (i <= j) {
          swapPair(u, i, j);
          i++;
          j--;
        }
      }
      if (j - low < high - i) {
        stack.push(i, high);
        high = j;
      } else {
        stack.push(low, j);
        low = i;
      }
    }
    for (let k = low + 1; k <= high; k++) {
      const a = u[2 * k];
      const b = u[2 * k + 1];
      let m = k - 1;
      while (m >= low && (u[2 * m] < a || (u[2 * m] === a && u[2 * m + 1] < b))) {
        u[2 * m + 2] = u[2 * m];
        u[2 * m + 3] = u[2 * m + 1];
        m--;
      }
      u[2 * m + 2] = a;
      u[2 * m + 3] = b;
    }
  }
}

/** (a, b) comes before the pair at index k. */
function pairBefore(u: Float64Array, a: number, b: number, k: number): boolean {
  return a > u[2 * k] || (a === u[2 * k] && b > u[2 * k + 1]);
}

function swapPair(u: Float64Array, i: number, j: number): void {
  const a = u[2 * i];
  const b = u[2 * i + 1];
  u[2 * i] = u[2 * j];
  u[2 * i + 1] = u[2 * j + 1];
  u[2 * j] = a;
  u[2 * j + 1] = b;
}

/** Two parties: enumerate, sort by the first utility, sweep on the second. */
export function bruteForceFrontier2(model: CompiledScenario): BruteForceResult {
  const t0 = performance.now();
  const outcomes = enumerateOutcomes(model);
  const t1 = performance.now();
  const u = outcomes.utilities;
  sortPairs(outcomes);
  const t2 = performance.now();
  const keep0: number[] = [];
  const keep1: number[] = [];
  for (let k = 0; k < outcomes.count; k++) {
    const u0 = u[k * 2];
    const u1 = u[k * 2 + 1];
    let push = true;
    while (keep0.length > 0) {
      const t0 = keep0[keep0.length - 1];
      const t1 = keep1[keep1.length - 1];
      if (Math.abs(t0 - u0) > UTILITY_EPSILON) {
        push = u1 > t1 + UTILITY_EPSILON;
        break;
      }
      if (Math.abs(t1 - u1) <= UTILITY_EPSILON || u1 < t1) {
        push = false;
        break;
      }
      keep0.pop();
      keep1.pop();
    }
    if (push) {
      keep0.push(u0);
      keep1.push(u1);
    }
  }
  return { points: keep0.length, enumerateMs: t1 - t0, sortMs: t2 - t1, filterMs: performance.now() - t2 };
}

/**
 * Any number of parties: enumerate, sort lexicographically, then check each outcome
 * against every point kept so far (O(N·F)).
 */
export function bruteForceFrontierN(model: CompiledScenario): BruteForceResult {
  const n = model.partyCount;
  const t0 = performance.now();
  const outcomes = enumerateOutcomes(model);
  const t1 = performance.now();
  const u = outcomes.utilities;
  sortOutcomes(outcomes, n);
  const t2 = performance.now();
  let kept = new Float64Array(1024 * n);
  let size = 0;
  for (let k = 0; k < outcomes.count; k++) {
    const base = k * n;
    let dominated = false;
    // Newest kept points first: they are closest in the first utility, the likeliest to dominate.
    for (let j = size - 1; j >= 0 && !dominated; j--) {
      let all = true;
      for (let p = 0; p < n; p++) {
        if (kept[j * n + p] < u[base + p] - UTILITY_EPSILON) {
          all = false;
          break;
        }
      }
      dominated = all;
    }
    if (dominated) continue;
    // Remove kept points the candidate dominates (only possible within the tolerance of the first utility).
    let write = 0;
    for (let j = 0; j < size; j++) {
      let below = true;
      for (let p = 0; p < n; p++) {
        if (kept[j * n + p] > u[base + p] + UTILITY_EPSILON) {
          below = false;
          break;
        }
      }
      if (below) continue;
      if (write !== j) kept.copyWithin(write * n, j * n, j * n + n);
      write++;
    }
    size = write;
    if ((size + 1) * n > kept.length) {
      const grown = new Float64Array(kept.length * 2);
      grown.set(kept);
      kept = grown;
    }
    for (let p = 0; p < n; p++) kept[size * n + p] = u[base + p];
    size++;
  }
  return { points: size, enumerateMs: t1 - t0, sortMs: t2 - t1, filterMs: performance.now() - t2 };
}
