/**
 * Tip 6 in the debrief: the uncertain quantities revealed (every party's forecast, and the
 * value each turned out at in this game, drawn once from the game's seed), what the deal
 * turned out to be worth then against what each party expected, the risk the trainee took,
 * and the contingent clauses: used where forecasts differed, or missed, with their value.
 */
import seedrandom from "seedrandom";
import { type ClauseValue, clauseValues } from "../engine/contingent.js";
import { mean, quantile } from "../engine/distributions.js";
import type { CompiledScenario } from "../engine/model.js";
import { type Risk, drawTruth, packageRisk, realisedUtility } from "../engine/risk.js";
import type { PackageArray, SessionEvent } from "../negotiation/protocol.js";

/** Forecasts differ when their means are this share of the wider 90 % range apart (as the partners judge it too). */
export const FORECAST_GAP = 0.25;
/** A clause is worth having when it adds at least this many joint expected points. */
export const CLAUSE_WORTH = 1;

export interface Forecast {
  readonly party: number;
  readonly mean: number;
  /** The 5th and 95th percentiles. */
  readonly low: number;
  readonly high: number;
}

export interface QuantityReview {
  readonly quantity: number;
  readonly forecasts: readonly Forecast[];
  /** Whether some party's forecast differs from the trainee's. */
  readonly differ: boolean;
  /** What it turned out at in this game. */
  readonly truth: number;
}

export interface ClauseReview extends ClauseValue {
  /** The deal settled this issue on a contingent clause. */
  readonly used: boolean;
  /** The forecasts of the clause's quantity differ. */
  readonly forecastsDiffer: boolean;
}

export interface UncertaintyReview {
  readonly quantities: readonly QuantityReview[];
  /** What the deal turned out to be worth to each party, at the values drawn; null without a deal. */
  readonly realised: readonly number[] | null;
  /** The deal's risk for the trainee, under its own forecast; null without a deal. */
  readonly risk: Risk | null;
  readonly clauses: readonly ClauseReview[];
  /** How many questions about a forecast the trainee asked. */
  readonly forecastQuestions: number;
}

function forecastOf(model: CompiledScenario, party: number, quantity: number): Forecast {
  const belief = model.uncertain!.beliefs[party][quantity];
  return { party, mean: mean(belief), low: quantile(belief, 0.05), high: quantile(belief, 0.95) };
}

function differ(a: Forecast, b: Forecast): boolean {
  return Math.abs(a.mean - b.mean) > FORECAST_GAP * Math.max(a.high - a.low, b.high - b.low);
}

/** Null for a scenario without uncertain quantities. */
export function reviewUncertainty(
  model: CompiledScenario,
  trainee: number,
  deal: PackageArray | null,
  events: readonly SessionEvent[],
  seed: string,
): UncertaintyReview | null {
  const uncertain = model.uncertain;
  if (!uncertain || uncertain.quantityIds.length === 0) return null;
  // One draw of the truth per game, the same whenever the game is debriefed.
  const truth = drawTruth(model, seedrandom(`${seed}/truth`));
  const quantities = uncertain.quantityIds.map((_, k): QuantityReview => {
    const forecasts = model.partyIds.map((_, party) => forecastOf(model, party, k));
    return { quantity: k, forecasts, differ: forecasts.some((forecast) => forecast.party !== trainee && differ(forecast, forecasts[trainee])), truth: truth[k] };
  });
  const clauses = clauseValues(model).map((value): ClauseReview => {
    const option = model.issueOffsets[value.issue] + value.clause;
    const quantity = uncertain.values[option * model.partyCount].uses.find((k) => quantities[k]?.differ) ?? uncertain.values[option * model.partyCount].uses[0];
    return {
      ...value,
      used: deal !== null && uncertain.contingent[model.issueOffsets[value.issue] + deal[value.issue]] === 1,
      forecastsDiffer: quantity !== undefined && quantities[quantity].differ,
    };
  });
  const forecastQuestions = events.filter((event) => event.type === "move" && event.actor === trainee && event.move.type === "ask" && event.move.question.kind === "expectation").length;
  return {
    quantities,
    realised: deal ? model.partyIds.map((_, party) => realisedUtility(model, party, deal, truth)) : null,
    risk: deal ? packageRisk(model, trainee, deal, seedrandom(`${seed}/risk`)) : null,
    clauses,
    forecastQuestions,
  };
}

/** The clauses the deal left out where forecasts differed and a clause would have added value. */
export function missedClauses(review: UncertaintyReview): ClauseReview[] {
  return review.clauses.filter((clause) => !clause.used && clause.forecastsDiffer && clause.value >= CLAUSE_WORTH);
}
