/**
 * A scenario compiled into typed arrays once, so that utilities are evaluated
 * without allocation in hot paths.
 *
 * utility(party, package) = Σ_issues normalisedWeight × value(option)
 *                           − Σ_issues autonomyCost(option) − entryCost
 *
 * Each issue's option folds into one contribution per party (weighted value minus
 * autonomy cost). Every sum in the engine starts from −entryCost and adds the
 * contributions from the last issue to the first, the order in which the frontier
 * merge folds them in, so that the same package always gets bit-identical utilities.
 */
import { own } from "../records.js";
import type { Scenario } from "../scenario/schema.js";
import { type UncertainModel, expectedPoints, isUncertain, uncertainModel } from "./valuation.js";

export interface CompiledScenario {
  readonly partyCount: number;
  readonly issueCount: number;
  readonly partyIds: readonly string[];
  readonly issueIds: readonly string[];
  readonly optionIds: readonly (readonly string[])[];
  /** Number of options per issue. */
  readonly optionCounts: Int32Array;
  /** Index of each issue's first option in the flat option arrays. */
  readonly issueOffsets: Int32Array;
  readonly totalOptions: number;
  /** contributions[(issueOffsets[i] + o) * partyCount + p]: what option o of issue i adds to party p's utility. */
  readonly contributions: Float64Array;
  /** autonomyCosts[(issueOffsets[i] + o) * partyCount + p]: what option o of issue i costs party p in autonomy (expected, where uncertain). */
  readonly autonomyCosts: Float64Array;
  /** −entryCost per party: the utility every agreement starts from. */
  readonly baseUtilities: Float64Array;
  /** Utility of no agreement, per party. */
  readonly batnas: Float64Array;
  /** Normalised interest weight per party and issue: weights[p * issueCount + i]. */
  readonly weights: Float64Array;
  /**
   * Tip 6: the uncertain quantities and every option's terms, when the scenario has any; the
   * contributions are then each party's expectations under its own forecast.
   */
  readonly uncertain?: UncertainModel;
  /**
   * Hidden terms: available[issueOffsets[i] + o] is 1 when option o of issue i may be offered
   * and 0 while it is not yet on the table; absent, every option is. The outcome space is the
   * product of the available options, so nothing the engine returns takes an unavailable one.
   * Precondition: every issue keeps at least one available option (a hidden issue its first).
   */
  readonly available?: Uint8Array;
}

/** A package: one option index per issue, in the scenario's issue order. */
export type Package = ArrayLike<number>;

export function compileScenario(scenario: Scenario): CompiledScenario {
  const partyCount = scenario.parties.length;
  const issueCount = scenario.issues.length;
  const optionCounts = Int32Array.from(scenario.issues, (issue) => issue.options.length);
  const issueOffsets = new Int32Array(issueCount);
  let totalOptions = 0;
  for (let i = 0; i < issueCount; i++) {
    issueOffsets[i] = totalOptions;
    totalOptions += optionCounts[i];
  }
  const contributions = new Float64Array(totalOptions * partyCount);
  const autonomyCosts = new Float64Array(totalOptions * partyCount);
  const weights = new Float64Array(partyCount * issueCount);
  const baseUtilities = new Float64Array(partyCount);
  const batnas = new Float64Array(partyCount);

  const uncertain = isUncertain(scenario) ? uncertainModel(scenario) : undefined;
  scenario.parties.forEach((party, p) => {
    let weightSum = 0;
    for (const issue of scenario.issues) weightSum += own(party.weights, issue.id) ?? 0;
    if (!(weightSum > 0)) throw new Error(`party ${party.id} has no positive interest weight`);
    scenario.issues.forEach((issue, i) => {
      const weight = (own(party.weights, issue.id) ?? 0) / weightSum;
      weights[p * issueCount + i] = weight;
      issue.options.forEach((option, o) => {
        const at = (issueOffsets[i] + o) * partyCount + p;
        if (uncertain) {
          const forecast = uncertain.beliefs[p];
          autonomyCosts[at] = expectedPoints(uncertain.costs[at], forecast);
          contributions[at] = weight * uncertain.expectedValues[at] - autonomyCosts[at];
          return;
        }
        const value = own(own(party.values, issue.id), option.id) ?? 0;
        const cost = own(own(party.autonomyCosts, issue.id), option.id) ?? 0;
        autonomyCosts[at] = cost as number;
        contributions[at] = weight * (value as number) - (cost as number);
      });
    });
    baseUtilities[p] = -(party.entryCost ?? 0);
    batnas[p] = party.batna;
  });

  return {
    partyCount,
    issueCount,
    partyIds: scenario.parties.map((party) => party.id),
    issueIds: scenario.issues.map((issue) => issue.id),
    optionIds: scenario.issues.map((issue) => issue.options.map((option) => option.id)),
    optionCounts,
    issueOffsets,
    totalOptions,
    contributions,
    autonomyCosts,
    baseUtilities,
    batnas,
    weights,
    ...(uncertain ? { uncertain } : {}),
  };
}

/** What option `option` of issue `issue` adds to party `party`'s utility. */
export function contribution(model: CompiledScenario, party: number, issue: number, option: number): number {
  return model.contributions[(model.issueOffsets[issue] + option) * model.partyCount + party];
}

/** One party's utility of a package, summed in the engine's canonical order. */
export function packageUtility(model: CompiledScenario, party: number, pkg: Package): number {
  const { contributions, issueOffsets, partyCount } = model;
  let sum = model.baseUtilities[party];
  for (let i = model.issueCount - 1; i >= 0; i--) {
    sum += contributions[(issueOffsets[i] + pkg[i]) * partyCount + party];
  }
  return sum;
}

/** Every party's utility of a package, written into `out` (no allocation when `out` is given). */
export function packageUtilities(
  model: CompiledScenario,
  pkg: Package,
  out: Float64Array = new Float64Array(model.partyCount),
): Float64Array {
  for (let p = 0; p < model.partyCount; p++) out[p] = packageUtility(model, p, pkg);
  return out;
}

/** Whether option `option` of issue `issue` is on the table (see `CompiledScenario.available`). */
export function isAvailable(model: CompiledScenario, issue: number, option: number): boolean {
  return model.available === undefined || model.available[model.issueOffsets[issue] + option] !== 0;
}

/**
 * The model with another availability mask (undefined: every option available). A new object
 * sharing every other array, because the engine's caches are keyed by model identity.
 */
export function withAvailability(model: CompiledScenario, available: Uint8Array | undefined): CompiledScenario {
  const { available: _previous, ...shared } = model;
  return available ? { ...shared, available } : shared;
}

/** Exact number of packages (one available option per issue); a BigInt because real domains pass 2^53. */
export function outcomeCount(model: CompiledScenario): bigint {
  let count = 1n;
  for (let i = 0; i < model.issueCount; i++) {
    let options = 0;
    for (let o = 0; o < model.optionCounts[i]; o++) if (isAvailable(model, i, o)) options++;
    count *= BigInt(options);
  }
  return count;
}

/** A party's worst and best contribution on an issue, over its available options. */
export function contributionRange(model: CompiledScenario, party: number, issue: number): { low: number; high: number } {
  let low = Infinity;
  let high = -Infinity;
  for (let o = 0; o < model.optionCounts[issue]; o++) {
    if (!isAvailable(model, issue, o)) continue;
    const c = contribution(model, party, issue, o);
    if (c < low) low = c;
    if (c > high) high = c;
  }
  return { low, high };
}

/** Converts a package between option indices and the scenario's { issueId: optionId } form. */
export function packageToRecord(model: CompiledScenario, pkg: Package): Record<string, string> {
  const record: Record<string, string> = {};
  for (let i = 0; i < model.issueCount; i++) record[model.issueIds[i]] = model.optionIds[i][pkg[i]];
  return record;
}

export function packageFromRecord(model: CompiledScenario, record: Record<string, string>): Int32Array {
  const pkg = new Int32Array(model.issueCount);
  for (let i = 0; i < model.issueCount; i++) {
    const index = model.optionIds[i].indexOf(record[model.issueIds[i]]);
    if (index < 0) throw new Error(`no option ${record[model.issueIds[i]]} in issue ${model.issueIds[i]}`);
    pkg[i] = index;
  }
  return pkg;
}

/** Compares packages lexicographically by option index, in issue order. */
export function comparePackages(a: Package, b: Package): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

const boundsCache = new WeakMap<CompiledScenario, Float64Array>();

/** Each party's worst and best utility over all (available) packages: bounds[2p] and bounds[2p + 1]. Cached per model. */
export function utilityBounds(model: CompiledScenario): Float64Array {
  let bounds = boundsCache.get(model);
  if (bounds) return bounds;
  bounds = new Float64Array(model.partyCount * 2);
  for (let p = 0; p < model.partyCount; p++) {
    let low = model.baseUtilities[p];
    let high = model.baseUtilities[p];
    for (let i = model.issueCount - 1; i >= 0; i--) {
      const range = contributionRange(model, p, i);
      low += range.low;
      high += range.high;
    }
    bounds[2 * p] = low;
    bounds[2 * p + 1] = high;
  }
  boundsCache.set(model, bounds);
  return bounds;
}
