/**
 * The naive baseline: enumerate every package, evaluate it with packageUtilities, sort
 * all outcomes by utility and filter the dominated ones. Cost grows with the outcome
 * count, which is what the engine's issue-by-issue merge avoids.
 *
 * Equal utility vectors (within the engine's tolerance) count once, as in the engine.
 */
import { type CompiledScenario, outcomeCount, packageUtilities } from "../src/engine/model.js";
import { UTILITY_EPSILON } from "../src/engine/tolerance.js";

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

/** Outcome indices sorted by descending utilities, first party first (a comparator sort). */
function sortedOrder(outcomes: Enumerated, n: number): Uint32Array {
  const u = outcomes.utilities;
  const order = new Uint32Array(outcomes.count);
  for (let k = 0; k < order.length; k++) order[k] = k;
  order.sort((a, b) => {
    for (let p = 0; p < n; p++) {
      const d = u[b * n + p] - u[a * n + p];
      if (d !== 0) return d;
    }
    return 0;
  });
  return order;
}

/** Two parties: enumerate, sort by the first utility, sweep on the second. Returns the frontier size. */
export function bruteForceFrontier2(model: CompiledScenario): number {
  const outcomes = enumerateOutcomes(model);
  const u = outcomes.utilities;
  const order = sortedOrder(outcomes, 2);
  const keep0: number[] = [];
  const keep1: number[] = [];
  for (let k = 0; k < order.length; k++) {
    const u0 = u[order[k] * 2];
    const u1 = u[order[k] * 2 + 1];
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
  return keep0.length;
}

/**
 * Any number of parties: enumerate, sort lexicographically, then check each outcome
 * against every point kept so far (O(N·F)). Returns the frontier size.
 */
export function bruteForceFrontierN(model: CompiledScenario): number {
  const n = model.partyCount;
  const outcomes = enumerateOutcomes(model);
  const u = outcomes.utilities;
  const order = sortedOrder(outcomes, n);
  let kept = new Float64Array(1024 * n);
  let size = 0;
  for (let k = 0; k < order.length; k++) {
    const base = order[k] * n;
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
  return size;
}
