/**
 * A deal judged issue by issue against the n-party Pareto frontier (tip 4), for any number
 * of parties. Every verdict agrees with the frontier: a term is *lost* or a trade *missed*
 * only where the better package (the nearest frontier package that dominates the deal)
 * takes another option, so a Pareto-efficient deal gets neither.
 *
 * Issue kinds, over all parties at once:
 * - compatible: some option is a favourite of every party (a party that does not care has
 *   every option as a favourite); every efficient package takes such an option;
 * - bridging: every package of the largest joint gain (the max-joint frontier points, ties
 *   included) takes the same option here, and it is no party's favourite: a middle option
 *   that is best together;
 * - integrative: otherwise, when the parties' priorities differ (the largest at least
 *   INTEGRATIVE_PRIORITY_RATIO times the smallest among the parties with a stake in it): a
 *   logrolling candidate;
 * - distributive: otherwise: it matters about as much to all, a real divide.
 */
import { jointUtility } from "./bargaining.js";
import { nearestDominatingPoint, nearestPoint } from "./efficiency.js";
import type { ParetoFrontier } from "./frontier.js";
import { favouriteOptions, issuePriorities, prioritiesDiffer } from "./issues.js";
import { type CompiledScenario, type Package, packageUtilities } from "./model.js";
import { UTILITY_EPSILON } from "./tolerance.js";

export type JointIssueKind = "compatible" | "bridging" | "integrative" | "distributive";

export interface JointIssueClass {
  readonly issue: number;
  readonly kind: JointIssueKind;
  /** Each party's priority for the issue (share of its stakes, 0–1). */
  readonly priorities: readonly number[];
  /** Each party's favourite options. */
  readonly favourites: readonly (readonly number[])[];
  /** The options every party likes best; empty unless compatible. */
  readonly commonFavourites: readonly number[];
  /** The options efficient packages take: those of the frontier above every BATNA, or of the whole frontier when none is. */
  readonly efficientOptions: readonly number[];
  /** The options the packages of the largest joint gain take (of those efficient packages). */
  readonly jointBestOptions: readonly number[];
}

/** Every issue's kind over all parties; `agreeable` are the frontier points above every BATNA. */
export function classifyIssuesJointly(model: CompiledScenario, frontier: ParetoFrontier, agreeable: readonly number[]): JointIssueClass[] {
  const priorities = issuePriorities(model);
  const points = agreeable.length > 0 ? agreeable : Array.from({ length: frontier.size }, (_, point) => point);
  const used = frontier.optionsUsed(points);
  // Every point of the largest joint utility, not one picked by a tie-break.
  const most = Math.max(...points.map((point) => jointUtility(frontier, point)));
  const jointBest = frontier.optionsUsed(points.filter((point) => jointUtility(frontier, point) >= most - UTILITY_EPSILON));
  const parties = model.partyIds.map((_, p) => p);
  return Array.from({ length: model.issueCount }, (_, issue): JointIssueClass => {
    const favourites = parties.map((p) => favouriteOptions(model, p, issue));
    const commonFavourites = favourites.reduce((common, own) => common.filter((option) => own.includes(option)));
    const own = parties.map((p) => priorities[p * model.issueCount + issue]);
    const staked = own.filter((priority) => priority > 0);
    const kind: JointIssueKind =
      commonFavourites.length > 0
        ? "compatible"
        : jointBest[issue].length === 1 && favourites.every((own) => !own.includes(jointBest[issue][0]))
          ? "bridging"
          : prioritiesDiffer(Math.max(...staked), Math.min(...staked))
            ? "integrative"
            : "distributive";
    return { issue, kind, priorities: own, favourites, commonFavourites, efficientOptions: used[issue], jointBestOptions: jointBest[issue] };
  });
}

/** A frontier package with its utilities. */
export interface FrontierPackage {
  readonly point: number;
  readonly package: Int32Array;
  readonly utilities: Float64Array;
  /** Its normalised distance from the package it is compared with (see efficiency.ts). */
  readonly distance: number;
}

/**
 * The better package a deal missed: the frontier package that dominates the deal and lies
 * nearest to it, of its point's packages the one with the fewest terms changed; null when
 * the deal is Pareto-efficient.
 */
export function betterPackage(frontier: ParetoFrontier, deal: Package): FrontierPackage | null {
  const utilities = packageUtilities(frontier.model, deal);
  const nearest = nearestDominatingPoint(frontier, utilities);
  if (!nearest) return null;
  return { point: nearest.point, package: frontier.closestPackage(nearest.point, deal), utilities: frontier.utilities(nearest.point), distance: nearest.distance };
}

/**
 * Without a deal, the package that was there to be had: of the frontier packages above
 * every BATNA, the one nearest to `reference` (a partner's last offer), with the fewest
 * terms changed from it; null when no package beats every BATNA.
 */
export function reachablePackage(frontier: ParetoFrontier, agreeable: readonly number[], reference: Package): FrontierPackage | null {
  const nearest = nearestPoint(frontier, packageUtilities(frontier.model, reference), agreeable);
  if (!nearest) return null;
  return { point: nearest.point, package: frontier.closestPackage(nearest.point, reference), utilities: frontier.utilities(nearest.point), distance: nearest.distance };
}

export type IssueVerdict = "kept" | "lost" | "traded" | "missed";

export interface IssueJudgement {
  readonly issue: number;
  readonly option: number;
  /**
   * kept: a compatible issue on a common favourite, or a bridging issue on its middle option;
   * lost: a compatible issue the better package puts on a common favourite; traded: the
   * party for which it matters most got its way, and no better package changes it; missed:
   * the better package takes another option here; null otherwise (who got what is in `gotTheirWay`).
   */
  readonly verdict: IssueVerdict | null;
  /** The better package's option where it differs from the deal. */
  readonly betterOption: number | null;
  /** The parties whose favourite the deal's option is. */
  readonly gotTheirWay: readonly number[];
}

/** Each issue of `deal` judged against its better package (null: the deal is efficient). */
export function judgeIssues(classes: readonly JointIssueClass[], deal: Package, better: Package | null): IssueJudgement[] {
  return classes.map((entry): IssueJudgement => {
    const option = deal[entry.issue];
    const betterOption = better && better[entry.issue] !== option ? better[entry.issue] : null;
    const gotTheirWay = entry.favourites.flatMap((favourites, p) => (favourites.includes(option) ? [p] : []));
    return { issue: entry.issue, option, verdict: verdictOf(entry, option, betterOption, gotTheirWay), betterOption, gotTheirWay };
  });
}

function verdictOf(entry: JointIssueClass, option: number, betterOption: number | null, gotTheirWay: readonly number[]): IssueVerdict | null {
  if (betterOption !== null) return entry.kind === "compatible" ? "lost" : "missed";
  switch (entry.kind) {
    case "compatible":
      return "kept";
    case "bridging":
      return entry.jointBestOptions[0] === option ? "kept" : null;
    case "integrative": {
      const most = Math.max(...entry.priorities);
      // The side that cares most got its way, and someone gave way: that is the trade.
      const toWhomItMatters = gotTheirWay.some((p) => entry.priorities[p] >= most);
      return toWhomItMatters && gotTheirWay.length < entry.priorities.length ? "traded" : null;
    }
    case "distributive":
      return null;
  }
}
