/**
 * Where a utility vector u (a deal's utilities, or the BATNAs without one) sits against the
 * Pareto frontier, for any number of parties. Dominance uses the engine's tolerance: f
 * dominates u when f is at least as good for every party (within UTILITY_EPSILON) and
 * better for one by more than it.
 *
 * Distance from u to a frontier point f, in units of each party's utility range (its best
 * minus worst utility over all packages), so that no party's scale weighs more:
 *
 *   √( (1/n) Σ_p ((f_p − u_p) / range_p)² )
 *
 * 0 at u itself; about 1 when f is a whole range better for every party.
 */
import type { ParetoFrontier } from "./frontier.js";
import { type CompiledScenario, utilityBounds } from "./model.js";
import { UTILITY_EPSILON } from "./tolerance.js";

/** Best minus worst utility per party over all packages. */
export function utilityRanges(model: CompiledScenario): Float64Array {
  const bounds = utilityBounds(model);
  return Float64Array.from(model.partyIds, (_, p) => bounds[2 * p + 1] - bounds[2 * p]);
}

/**
 * The squared normalised distance from u up to the point at `base` of a flat array of
 * utility vectors, or Infinity when that point is worse than u for some party. Stops
 * adding once the sum passes `bound` (it is then not the nearest).
 */
export function squaredDistanceUp(
  points: Float64Array,
  base: number,
  u: ArrayLike<number>,
  ranges: Float64Array,
  bound = Infinity,
): number {
  let sum = 0;
  for (let p = 0; p < ranges.length && sum <= bound; p++) {
    const gap = points[base + p] - u[p];
    if (gap < -UTILITY_EPSILON) return Infinity;
    if (gap > 0 && ranges[p] > 0) sum += (gap / ranges[p]) ** 2;
  }
  return sum;
}

/** The normalised distance between two utility vectors, in either direction. */
export function distanceBetween(a: ArrayLike<number>, b: ArrayLike<number>, ranges: Float64Array): number {
  let sum = 0;
  for (let p = 0; p < ranges.length; p++) if (ranges[p] > 0) sum += ((a[p] - b[p]) / ranges[p]) ** 2;
  return Math.sqrt(sum / ranges.length);
}

/** a dominates b: at least as good for every party, better for one. */
export function dominates(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  let better = false;
  for (let p = 0; p < a.length; p++) {
    if (a[p] < b[p] - UTILITY_EPSILON) return false;
    if (a[p] > b[p] + UTILITY_EPSILON) better = true;
  }
  return better;
}

export interface NearestPoint {
  readonly point: number;
  readonly distance: number;
}

/**
 * The frontier point nearest to u among those that dominate it, or null when none does:
 * then u is Pareto-efficient (no package is better for one party and as good for all).
 * Ties go to the larger joint utility, then to the lower point index.
 */
export function nearestDominatingPoint(frontier: ParetoFrontier, u: ArrayLike<number>): NearestPoint | null {
  const ranges = utilityRanges(frontier.model);
  let best: { point: number; squared: number; joint: number } | null = null;
  for (let point = 0; point < frontier.size; point++) {
    const f = frontier.utilities(point);
    if (!dominates(f, u)) continue;
    const squared = squaredDistanceUp(f, 0, u, ranges);
    const joint = f.reduce((sum, x) => sum + x, 0);
    if (!best || squared < best.squared - UTILITY_EPSILON || (squared <= best.squared + UTILITY_EPSILON && joint > best.joint + UTILITY_EPSILON)) {
      best = { point, squared, joint };
    }
  }
  return best && { point: best.point, distance: Math.sqrt(best.squared / ranges.length) };
}

/** Of `candidates` (frontier points), the one nearest to u in any direction; ties to the lower index. */
export function nearestPoint(frontier: ParetoFrontier, u: ArrayLike<number>, candidates: readonly number[]): NearestPoint | null {
  const ranges = utilityRanges(frontier.model);
  let best: NearestPoint | null = null;
  for (const point of candidates) {
    const distance = distanceBetween(frontier.utilities(point), u, ranges);
    if (!best || distance < best.distance - UTILITY_EPSILON) best = { point, distance };
  }
  return best;
}

/**
 * The most the parties could add to u's joint utility together without anyone getting less:
 * the largest Σ(f − u) over frontier points f at least as good as u for every party. 0 when
 * u is efficient, and 0 when no package is at least as good for everybody.
 */
export function jointRoomAbove(frontier: ParetoFrontier, u: ArrayLike<number>): number {
  let room = 0;
  for (let point = 0; point < frontier.size; point++) {
    const f = frontier.utilities(point);
    let sum = 0;
    let atLeast = true;
    for (let p = 0; p < f.length && atLeast; p++) {
      atLeast = f[p] >= u[p] - UTILITY_EPSILON;
      sum += f[p] - u[p];
    }
    if (atLeast && sum > room) room = sum;
  }
  return room > UTILITY_EPSILON ? room : 0;
}
