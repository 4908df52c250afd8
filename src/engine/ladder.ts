/**
 * A bid ladder: the Pareto frontier of (my utility, my estimate of the other side's
 * utility), sorted by my utility. "The package best for the other side's (estimated)
 * interests, given my utility ≥ t" is then a binary search: the last point at or above t.
 * Built once per estimate, so a partner's move never enumerates the outcome space.
 */
import { computeFrontier, type ParetoFrontier } from "./frontier.js";
import type { CompiledScenario } from "./model.js";
import { UTILITY_EPSILON } from "./tolerance.js";

export class BidLadder {
  /** Points sorted by my utility, descending. */
  private readonly frontier: ParetoFrontier;

  /**
   * @param estimate what each option (flat index issueOffsets[i] + o) is believed to add to
   *                 the other side's utility; any scale.
   */
  constructor(
    readonly model: CompiledScenario,
    readonly self: number,
    estimate: ArrayLike<number>,
  ) {
    const contributions = new Float64Array(model.totalOptions * 2);
    for (let k = 0; k < model.totalOptions; k++) {
      contributions[2 * k] = model.contributions[k * model.partyCount + self];
      contributions[2 * k + 1] = estimate[k];
    }
    const pair: CompiledScenario = {
      ...model,
      partyCount: 2,
      partyIds: [model.partyIds[self], "estimate"],
      contributions,
      baseUtilities: Float64Array.of(model.baseUtilities[self], 0),
      batnas: Float64Array.of(model.batnas[self], 0),
      weights: new Float64Array(0),
    };
    this.frontier = computeFrontier(pair);
  }

  get size(): number {
    return this.frontier.size;
  }

  /** My utility at a ladder point (0 is my best). */
  ownUtility(point: number): number {
    return this.frontier.utility(point, 0);
  }

  /** The estimate's utility at a ladder point. */
  estimatedUtility(point: number): number {
    return this.frontier.utility(point, 1);
  }

  /** The point with my utility ≥ target that is best for the other side; my best point when none reaches the target. */
  pointAt(target: number): number {
    let low = 0;
    let high = this.frontier.size;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.frontier.utility(mid, 0) >= target - UTILITY_EPSILON) low = mid + 1;
      else high = mid;
    }
    return Math.max(0, low - 1);
  }

  /**
   * Like `pointAt`, but when the estimate cannot tell points apart it keeps what is sure:
   * among the points the estimate rates within `slack` (a share of the estimate's range on
   * the ladder) of the best one at the target, the one best for me.
   */
  robustPointAt(target: number, slack: number): number {
    const point = this.pointAt(target);
    const last = this.frontier.size - 1;
    const range = this.estimatedUtility(last) - this.estimatedUtility(0);
    const floor = this.estimatedUtility(point) - slack * range;
    // The estimate rises along the ladder: find the first point at or above the floor.
    let low = 0;
    let high = point;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.estimatedUtility(mid) < floor) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  package(point: number): Int32Array {
    return this.frontier.package(point);
  }
}
