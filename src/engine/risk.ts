/**
 * Tip 6: how much a package can turn out worse (or better) than expected. A party's risk of
 * a package is read off draws of the uncertain quantities from its own forecast: the 5th
 * and 95th percentile of its utility and the chance of ending below its BATNA. The mean is
 * the exact expectation (the utility the rest of the engine uses), not the draws' average.
 * The random numbers come from the caller's seeded generator: same seed, same numbers.
 */
import { draw } from "./distributions.js";
import { type CompiledScenario, packageUtility } from "./model.js";
import type { Term } from "./valuation.js";

export interface Risk {
  readonly mean: number;
  readonly p05: number;
  readonly p95: number;
  /** Share of the draws (0–1) in which the party ends below its BATNA. */
  readonly belowBatna: number;
}

export const RISK_DRAWS = 10_000;

interface UncertainTerm {
  readonly term: Term;
  /** Its weight in the utility: the issue's weight for a value, −1 for a cost. */
  readonly sign: number;
  /** What it adds to the expected utility. */
  readonly expected: number;
}

/** The uncertain part of a party's utility of a package: its terms that depend on a quantity. */
function uncertainTerms(model: CompiledScenario, party: number, pkg: ArrayLike<number>): { terms: UncertainTerm[]; uses: number[] } {
  const uncertain = model.uncertain!;
  const terms: UncertainTerm[] = [];
  const uses = new Set<number>();
  for (let i = 0; i < model.issueCount; i++) {
    const at = (model.issueOffsets[i] + pkg[i]) * model.partyCount + party;
    const weight = model.weights[party * model.issueCount + i];
    const value = uncertain.values[at];
    const cost = uncertain.costs[at];
    if (value.uses.length > 0) terms.push({ term: value, sign: weight, expected: weight * uncertain.expectedValues[at] });
    if (cost.uses.length > 0) terms.push({ term: cost, sign: -1, expected: -model.autonomyCosts[at] });
    for (const k of [...value.uses, ...cost.uses]) uses.add(k);
  }
  return { terms, uses: [...uses].sort((a, b) => a - b) };
}

/** A party's utility of a package once the quantities are known. */
export function realisedUtility(model: CompiledScenario, party: number, pkg: ArrayLike<number>, quantities: Float64Array): number {
  if (!model.uncertain) return packageUtility(model, party, pkg);
  const uncertain = model.uncertain;
  let sum = model.baseUtilities[party];
  for (let i = model.issueCount - 1; i >= 0; i--) {
    const at = (model.issueOffsets[i] + pkg[i]) * model.partyCount + party;
    sum += model.weights[party * model.issueCount + i] * uncertain.values[at].evaluate(quantities) - uncertain.costs[at].evaluate(quantities);
  }
  return sum;
}

export function packageRisk(model: CompiledScenario, party: number, pkg: ArrayLike<number>, random: () => number, draws = RISK_DRAWS): Risk {
  const mean = packageUtility(model, party, pkg);
  const batna = model.batnas[party];
  const certainly = { mean, p05: mean, p95: mean, belowBatna: mean < batna ? 1 : 0 };
  if (!model.uncertain) return certainly;
  const { terms, uses } = uncertainTerms(model, party, pkg);
  if (terms.length === 0) return certainly;
  // The certain part: the expected utility less what the uncertain terms add to it.
  let certain = mean;
  for (const { expected } of terms) certain -= expected;
  const forecast = model.uncertain.beliefs[party];
  const quantities = new Float64Array(forecast.length);
  const outcomes = new Float64Array(draws);
  let below = 0;
  for (let n = 0; n < draws; n++) {
    for (const k of uses) quantities[k] = draw(forecast[k], random());
    let utility = certain;
    for (const { term, sign } of terms) utility += sign * term.evaluate(quantities);
    outcomes[n] = utility;
    if (utility < batna) below++;
  }
  outcomes.sort();
  return { mean, p05: percentile(outcomes, 0.05), p95: percentile(outcomes, 0.95), belowBatna: below / draws };
}

/** The value below which a share `p` of the sorted outcomes lies (nearest rank). */
function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** The real value of each quantity in one game: drawn from the distribution the scenario names as the truth. */
export function drawTruth(model: CompiledScenario, random: () => number): Float64Array {
  const truth = model.uncertain?.truth ?? [];
  return Float64Array.from(truth, (distribution) => draw(distribution, random()));
}
