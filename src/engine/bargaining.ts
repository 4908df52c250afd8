/**
 * Bargaining solutions read off the Pareto frontier. Each is `null` when no package
 * gives every party strictly more than its BATNA (by more than the utility tolerance):
 * only such agreeable packages are candidates, unlike GENIUS, whose Nash point may lie
 * below a reservation value.
 *
 * Ties, after comparing the score with a relative tolerance of 1e-9, go to the larger
 * joint utility (so a tie never picks a dominated package) and then to the
 * lexicographically smallest package, so that the same scenario always yields the same point.
 */
import type { ParetoFrontier } from "./frontier.js";
import { comparePackages } from "./model.js";
import { UTILITY_EPSILON } from "./tolerance.js";

const SCORE_TOLERANCE = 1e-9;

/** Frontier points where every party beats its BATNA. */
export function agreeablePoints(frontier: ParetoFrontier): number[] {
  const { batnas, partyCount } = frontier.model;
  const points: number[] = [];
  for (let point = 0; point < frontier.size; point++) {
    let agreeable = true;
    for (let p = 0; p < partyCount && agreeable; p++) agreeable = frontier.utility(point, p) > batnas[p] + UTILITY_EPSILON;
    if (agreeable) points.push(point);
  }
  return points;
}

/** The candidate with the highest score; ties broken as documented above. */
function best(frontier: ParetoFrontier, candidates: number[], score: (point: number) => number): number | null {
  let bestPoint: number | null = null;
  let bestScore = -Infinity;
  for (const point of candidates) {
    const value = score(point);
    if (bestPoint === null) {
      bestPoint = point;
      bestScore = value;
      continue;
    }
    const margin = SCORE_TOLERANCE * Math.max(Math.abs(value), Math.abs(bestScore), Number.MIN_VALUE);
    if (value > bestScore + margin || (value >= bestScore - margin && winsTie(frontier, point, bestPoint))) {
      bestPoint = point;
      bestScore = value;
    }
  }
  return bestPoint;
}

function winsTie(frontier: ParetoFrontier, challenger: number, holder: number): boolean {
  const jointDifference = jointUtility(frontier, challenger) - jointUtility(frontier, holder);
  if (Math.abs(jointDifference) > UTILITY_EPSILON) return jointDifference > 0;
  return comparePackages(frontier.package(challenger), frontier.package(holder)) < 0;
}

/** Nash bargaining point: the largest product of gains over the BATNAs. */
export function nashPoint(frontier: ParetoFrontier, candidates = agreeablePoints(frontier)): number | null {
  return best(frontier, candidates, (point) => nashProduct(frontier, point));
}

export function nashProduct(frontier: ParetoFrontier, point: number): number {
  let product = 1;
  for (let p = 0; p < frontier.model.partyCount; p++) product *= frontier.utility(point, p) - frontier.model.batnas[p];
  return product;
}

/**
 * Kalai–Smorodinsky point: the largest smallest normalised gain, where a party's gain is
 * measured against its ideal, the most it gets from any agreeable package.
 */
export function kalaiSmorodinskyPoint(frontier: ParetoFrontier, candidates = agreeablePoints(frontier)): number | null {
  const { partyCount, batnas } = frontier.model;
  const ideal = new Float64Array(partyCount).fill(-Infinity);
  for (const point of candidates) {
    for (let p = 0; p < partyCount; p++) ideal[p] = Math.max(ideal[p], frontier.utility(point, p));
  }
  return best(frontier, candidates, (point) => {
    let smallest = Infinity;
    for (let p = 0; p < partyCount; p++) {
      smallest = Math.min(smallest, (frontier.utility(point, p) - batnas[p]) / (ideal[p] - batnas[p]));
    }
    return smallest;
  });
}

/** Maximal joint (utilitarian) point: the largest sum of utilities among agreeable packages. */
export function maxJointPoint(frontier: ParetoFrontier, candidates = agreeablePoints(frontier)): number | null {
  return best(frontier, candidates, (point) => jointUtility(frontier, point));
}

export function jointUtility(frontier: ParetoFrontier, point: number): number {
  let sum = 0;
  for (let p = 0; p < frontier.model.partyCount; p++) sum += frontier.utility(point, p);
  return sum;
}
