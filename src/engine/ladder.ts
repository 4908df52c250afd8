/**
 * A bid ladder: the Pareto frontier of (my utility, my estimate of the other side's
 * utility), sorted by my utility. "The package best for the other side's (estimated)
 * interests, given my utility ≥ t" is then a binary search: the last point at or above t.
 * Built once per estimate, so a partner's move never enumerates the outcome space.
 */
import { computeFrontier, type ParetoFrontier, revealInFrontier } from "./frontier.js";
import { type CompiledScenario, withAvailability } from "./model.js";
import { slabCopy } from "./shared-buffers.js";
import { UTILITY_EPSILON } from "./tolerance.js";

export class BidLadder {
  /** Points sorted by my utility, descending. */
  private readonly frontier: ParetoFrontier;
  /** The point `package` was last asked for, and its package. */
  private lastPoint = -1;
  private lastPackage: Int32Array | null = null;

  /**
   * @param estimate what each option (flat index issueOffsets[i] + o) is believed to add to
   *                 the other side's utility; any scale.
   * @param frontier the ladder's frontier when already known (see `revealed`).
   */
  constructor(
    readonly model: CompiledScenario,
    readonly self: number,
    readonly estimate: ArrayLike<number>,
    frontier?: ParetoFrontier,
  ) {
    this.frontier = frontier ?? computeFrontier(pairModel(model, self, estimate));
  }

  /**
   * Tip 4: the ladder once hidden terms are revealed (`model` is this ladder's model with more
   * options available): each newly opened issue folded in incrementally, not the whole frontier
   * recomputed; null when `model` differs in more than its mask.
   */
  revealed(model: CompiledScenario): BidLadder | null {
    const before = this.model;
    if (model.contributions !== before.contributions || model.issueCount !== before.issueCount) return null;
    let frontier = this.frontier;
    let available = before.available;
    for (let issue = 0; issue < model.issueCount; issue++) {
      const from = model.issueOffsets[issue];
      const to = from + model.optionCounts[issue];
      const opened = !sameMask(available, model.available, from, to);
      if (!opened) continue;
      if (!gainsOnly(available, model.available, from, to)) return null;
      available = mergedMask(available, model.available, from, to, model.totalOptions);
      frontier = revealInFrontier(frontier, withAvailability(frontier.model, available), issue);
    }
    return new BidLadder(model, this.self, this.estimate, frontier);
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

  /** The package of a point; the same array as the last call's for the same point (a partner bids one point turn after turn): do not modify. */
  package(point: number): Int32Array {
    if (point !== this.lastPoint) {
      this.lastPackage = this.frontier.package(point);
      this.lastPoint = point;
    }
    return this.lastPackage!;
  }
}

/** Per model and party, what every ladder's two-party model shares: all but the estimate's contributions. */
const pairTemplates = new WeakMap<CompiledScenario, (CompiledScenario | undefined)[]>();

/** The two-party model of a ladder: my contributions and the estimate of the others'. */
function pairModel(model: CompiledScenario, self: number, estimate: ArrayLike<number>): CompiledScenario {
  let templates = pairTemplates.get(model);
  if (!templates) pairTemplates.set(model, (templates = []));
  let template = templates[self];
  if (!template) {
    const own = new Float64Array(model.totalOptions * 2);
    for (let k = 0; k < model.totalOptions; k++) own[2 * k] = model.contributions[k * model.partyCount + self];
    templates[self] = template = {
      ...model,
      partyCount: 2,
      partyIds: [model.partyIds[self], "estimate"],
      contributions: own,
      baseUtilities: Float64Array.of(model.baseUtilities[self], 0),
      batnas: Float64Array.of(model.batnas[self], 0),
      weights: new Float64Array(0),
    };
  }
  const contributions = slabCopy(template.contributions);
  for (let k = 0; k < model.totalOptions; k++) contributions[2 * k + 1] = estimate[k];
  return { ...template, contributions };
}

const open = (mask: Uint8Array | undefined, k: number) => !mask || mask[k] === 1;

function sameMask(a: Uint8Array | undefined, b: Uint8Array | undefined, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (open(a, k) !== open(b, k)) return false;
  return true;
}

/** Whether `b` only opens options that `a` has closed, in [from, to). */
function gainsOnly(a: Uint8Array | undefined, b: Uint8Array | undefined, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (open(a, k) && !open(b, k)) return false;
  return true;
}

/** Mask `a` with the range [from, to) taken from `b`. */
function mergedMask(a: Uint8Array | undefined, b: Uint8Array | undefined, from: number, to: number, total: number): Uint8Array {
  const merged = a ? Uint8Array.from(a) : new Uint8Array(total).fill(1);
  for (let k = from; k < to; k++) merged[k] = open(b, k) ? 1 : 0;
  return merged;
}
