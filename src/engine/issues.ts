/**
 * How each issue sets two parties against each other (tip 4: turn positions into interests).
 *
 * - compatible: some option is a favourite of both (the classic trap: haggling hides it);
 * - integrative: their favourites differ and the issue matters at least
 *   INTEGRATIVE_PRIORITY_RATIO times more to one than to the other: a logrolling candidate;
 * - distributive: their favourites differ and it matters about as much to both.
 *
 * An issue's priority for a party is its share of what is at stake for that party: the
 * spread of the issue's contributions (best minus worst option, autonomy costs included)
 * over the sum of those spreads across all issues.
 */
import { type CompiledScenario, contribution, contributionRange, isAvailable } from "./model.js";
import { UTILITY_EPSILON } from "./tolerance.js";

export const INTEGRATIVE_PRIORITY_RATIO = 1.5;

export type IssueKind = "compatible" | "integrative" | "distributive";

export interface IssueRelation {
  readonly issue: number;
  readonly parties: readonly [number, number];
  readonly kind: IssueKind;
  /** Each party's priority for the issue (share of its stakes, 0–1). */
  readonly priorities: readonly [number, number];
  /** Each party's favourite option (the lowest index among equals). */
  readonly favourites: readonly [number, number];
}

const prioritiesCache = new WeakMap<CompiledScenario, Float64Array>();

/** priorities[p * issueCount + i]: share of party p's stakes in issue i. Cached per model: do not modify. */
export function issuePriorities(model: CompiledScenario): Float64Array {
  const cached = prioritiesCache.get(model);
  if (cached) return cached;
  const { partyCount, issueCount } = model;
  const priorities = new Float64Array(partyCount * issueCount);
  for (let p = 0; p < partyCount; p++) {
    const total = totalStakes(model, p);
    for (let i = 0; i < issueCount; i++) priorities[p * issueCount + i] = issueSpread(model, p, i);
    for (let i = 0; i < issueCount; i++) priorities[p * issueCount + i] = total > 0 ? priorities[p * issueCount + i] / total : 0;
  }
  prioritiesCache.set(model, priorities);
  return priorities;
}

/** What is at stake for a party: the sum of its issues' spreads. */
export function totalStakes(model: CompiledScenario, party: number): number {
  let total = 0;
  for (let i = 0; i < model.issueCount; i++) total += issueSpread(model, party, i);
  return total;
}

function issueSpread(model: CompiledScenario, party: number, issue: number): number {
  const { low, high } = contributionRange(model, party, issue);
  return high - low;
}

/** Available options within the tolerance of a party's best on an issue. */
export function favouriteOptions(model: CompiledScenario, party: number, issue: number): number[] {
  const { high } = contributionRange(model, party, issue);
  const favourites: number[] = [];
  for (let o = 0; o < model.optionCounts[issue]; o++) {
    if (isAvailable(model, issue, o) && contribution(model, party, issue, o) >= high - UTILITY_EPSILON) favourites.push(o);
  }
  return favourites;
}

/** The largest priority is at least INTEGRATIVE_PRIORITY_RATIO times the smallest: the issue can be traded. */
export function prioritiesDiffer(largest: number, smallest: number): boolean {
  // Compared by multiplication with a tolerance: 0.6 / 0.4 is 1.4999999999999998 in floating point.
  return largest >= INTEGRATIVE_PRIORITY_RATIO * smallest - 1e-12;
}

export function classifyIssues(model: CompiledScenario): IssueRelation[] {
  const priorities = issuePriorities(model);
  const relations: IssueRelation[] = [];
  for (let i = 0; i < model.issueCount; i++) {
    for (let a = 0; a < model.partyCount; a++) {
      for (let b = a + 1; b < model.partyCount; b++) {
        const favouritesA = favouriteOptions(model, a, i);
        const favouritesB = favouriteOptions(model, b, i);
        const priorityA = priorities[a * model.issueCount + i];
        const priorityB = priorities[b * model.issueCount + i];
        let kind: IssueKind;
        if (favouritesA.some((o) => favouritesB.includes(o))) kind = "compatible";
        else {
          kind = prioritiesDiffer(Math.max(priorityA, priorityB), Math.min(priorityA, priorityB)) ? "integrative" : "distributive";
        }
        relations.push({
          issue: i,
          parties: [a, b],
          kind,
          priorities: [priorityA, priorityB],
          favourites: [favouritesA[0], favouritesB[0]],
        });
      }
    }
  }
  return relations;
}
