/**
 * How efficient and how fair a negotiation's outcome is, measured on its utility vector u
 * (the agreement's utilities, or the BATNAs without agreement). Both distances are about 0–1.
 *
 * Distance to the frontier: the smallest normalised gap to a frontier point f that weakly
 * dominates u (f ≥ u for every party, within the utility tolerance; engine/efficiency.ts),
 *
 *   min_f √( (1/n) Σ_p ((f_p − u_p) / range_p)² )
 *
 * where range_p is party p's best minus worst utility over all packages. It is 0 on the frontier,
 * and 0 too when no package is at least as good as u for everybody (a walk-away from a scenario
 * without a deal that beats the BATNAs is efficient). Only dominating points count: moving to
 * one leaves nobody worse off, so the distance is value the parties left on the table together.
 *
 * Distance to the Nash point N: ‖u − N‖ / (√n × mean range), the Euclidean distance in points
 * scaled so that crossing the mean range in every dimension gives 1. It is 1 when the scenario
 * has no Nash point (no package beats every BATNA).
 */
import { squaredDistanceUp } from "../engine/efficiency.js";

export interface Yardstick {
  readonly partyCount: number;
  /** Frontier points, flat: frontier[point * partyCount + party]. */
  readonly frontier: Float64Array;
  /** Utilities of the Nash point, or null. */
  readonly nash: Float64Array | null;
  /** Best minus worst utility per party. */
  readonly ranges: Float64Array;
}

export function distanceToFrontier(yardstick: Yardstick, u: ArrayLike<number>): number {
  const { partyCount: n, frontier, ranges } = yardstick;
  let best = Infinity;
  for (let base = 0; base < frontier.length; base += n) best = Math.min(best, squaredDistanceUp(frontier, base, u, ranges, best));
  return best === Infinity ? 0 : Math.sqrt(best / n);
}

export function distanceToNash(yardstick: Yardstick, u: ArrayLike<number>): number {
  const { partyCount: n, nash, ranges } = yardstick;
  if (nash === null) return 1;
  let meanRange = 0;
  let squares = 0;
  for (let p = 0; p < n; p++) {
    meanRange += ranges[p] / n;
    squares += (u[p] - nash[p]) ** 2;
  }
  return meanRange > 0 ? Math.sqrt(squares) / (Math.sqrt(n) * meanRange) : 0;
}
