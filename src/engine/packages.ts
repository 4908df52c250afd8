/**
 * Value-creating packages (tip 4): Pareto-efficient packages that give every party more
 * than its BATNA, ranked by Nash product (ties as in `bargaining.ts`), each with the
 * trades that make it work.
 */
import { agreeablePoints, jointUtility, nashProduct } from "./bargaining.js";
import type { ParetoFrontier } from "./frontier.js";
import { type CompiledScenario, type Package, comparePackages, contribution, contributionRange } from "./model.js";
import { issuePriorities, totalStakes } from "./issues.js";
import { UTILITY_EPSILON } from "./tolerance.js";

export interface IssueTrade {
  readonly issue: number;
  /** The issue's share of the party's stakes (0–1). */
  readonly priority: number;
  /** Share of the party's stakes given up on this issue against its favourite option (0–1). */
  readonly loss: number;
}

export interface PartyTrades {
  readonly party: number;
  /** Issues where the package does not give the party its favourite option. */
  readonly givesWayOn: readonly IssueTrade[];
  /** Issues where the party gets its favourite and some other party gives way. */
  readonly getsItsWayOn: readonly IssueTrade[];
}

export interface PackageTrades {
  readonly parties: readonly PartyTrades[];
  /** Issues where every party gets a favourite option: shared interests. */
  readonly sharedIssues: readonly number[];
}

export interface ValueCreatingPackage {
  readonly point: number;
  readonly package: Int32Array;
  readonly utilities: Float64Array;
  readonly nashProduct: number;
  readonly jointGain: number;
  readonly trades: PackageTrades;
}

/** What each party gives way on and gets its way on in a package. */
export function describeTrades(model: CompiledScenario, pkg: Package): PackageTrades {
  const priorities = issuePriorities(model);
  const spreads = model.partyIds.map((_, p) => totalStakes(model, p));
  const lossOf = (p: number, i: number) => {
    const loss = contributionRange(model, p, i).high - contribution(model, p, i, pkg[i]);
    return loss > UTILITY_EPSILON && spreads[p] > 0 ? loss / spreads[p] : 0;
  };
  const losses = model.partyIds.map((_, p) => Array.from({ length: model.issueCount }, (_, i) => lossOf(p, i)));
  const sharedIssues: number[] = [];
  for (let i = 0; i < model.issueCount; i++) if (losses.every((row) => row[i] === 0)) sharedIssues.push(i);
  const parties = model.partyIds.map((_, p): PartyTrades => {
    const givesWayOn: IssueTrade[] = [];
    const getsItsWayOn: IssueTrade[] = [];
    for (let i = 0; i < model.issueCount; i++) {
      const trade = { issue: i, priority: priorities[p * model.issueCount + i], loss: losses[p][i] };
      if (trade.loss > 0) givesWayOn.push(trade);
      else if (!sharedIssues.includes(i) && trade.priority > 0) getsItsWayOn.push(trade);
    }
    return { party: p, givesWayOn, getsItsWayOn };
  });
  return { parties, sharedIssues };
}

/** The `count` best agreeable frontier points by Nash product. */
export function valueCreatingPackages(
  frontier: ParetoFrontier,
  count: number,
  agreeable: readonly number[] = agreeablePoints(frontier),
): ValueCreatingPackage[] {
  const { model } = frontier;
  const candidates = agreeable.map((point) => ({
    point,
    product: nashProduct(frontier, point),
    joint: jointUtility(frontier, point),
  }));
  candidates.sort((a, b) => {
    const margin = 1e-9 * Math.max(Math.abs(a.product), Math.abs(b.product), Number.MIN_VALUE);
    if (Math.abs(a.product - b.product) > margin) return b.product - a.product;
    if (Math.abs(a.joint - b.joint) > UTILITY_EPSILON) return b.joint - a.joint;
    return comparePackages(frontier.package(a.point), frontier.package(b.point));
  });
  let batnaSum = 0;
  for (let p = 0; p < model.partyCount; p++) batnaSum += model.batnas[p];
  return candidates.slice(0, Math.max(0, count)).map(({ point, product, joint }) => {
    const pkg = frontier.package(point);
    return {
      point,
      package: pkg,
      utilities: frontier.utilities(point),
      nashProduct: product,
      jointGain: joint - batnaSum,
      trades: describeTrades(model, pkg),
    };
  });
}
