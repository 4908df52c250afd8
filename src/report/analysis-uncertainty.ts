/**
 * Tip 6 in the analysis: the uncertain quantities with every party's forecast, the value of
 * contingent clauses, and the risk of a package per party (seeded draws, so the same seed
 * gives the same figures). Shared by `analyze` as text and as JSON.
 */
import seedrandom from "seedrandom";
import { clauseValues } from "../engine/contingent.js";
import { type Distribution, mean, quantile } from "../engine/distributions.js";
import type { CompiledScenario } from "../engine/model.js";
import { type Risk, packageRisk } from "../engine/risk.js";
import type { Scenario } from "../scenario/schema.js";

/** The risk of a package for every party, keyed by party id; the draws are seeded by the seed, the package and the party. */
export function riskByParty(model: CompiledScenario, pkg: ArrayLike<number>, seed: string): Record<string, Risk> {
  const key = Array.from(pkg).join(",");
  return Object.fromEntries(model.partyIds.map((id, p) => [id, packageRisk(model, p, pkg, seedrandom(`${seed}/${key}/${id}`))]));
}

/** A forecast summed up: its distribution, what it expects and its 90 % range. */
function forecastJson(distribution: Distribution) {
  return { distribution, mean: mean(distribution), p05: quantile(distribution, 0.05), p95: quantile(distribution, 0.95) };
}

export function uncertaintiesJson(scenario: Scenario, model: CompiledScenario) {
  const uncertain = model.uncertain;
  return (scenario.uncertainties ?? []).map((quantity, k) => ({
    id: quantity.id,
    label: quantity.label,
    ...(quantity.unit !== undefined ? { unit: quantity.unit } : {}),
    common: forecastJson(quantity.distribution as Distribution),
    beliefs: Object.fromEntries(model.partyIds.map((id, p) => [id, forecastJson(uncertain!.beliefs[p][k])])),
    truth: quantity.truth ?? "common",
  }));
}

export function clausesJson(model: CompiledScenario) {
  return clauseValues(model).map((value) => ({
    issue: model.issueIds[value.issue],
    clause: model.optionIds[value.issue][value.clause],
    fixed: model.optionIds[value.issue][value.fixed],
    value: value.value,
  }));
}

/** What a row of `analyze --json` holds for a package when the scenario is uncertain. */
export function riskJson(model: CompiledScenario, pkg: ArrayLike<number>, seed: string): { risk?: Record<string, Risk> } {
  return model.uncertain ? { risk: riskByParty(model, pkg, seed) } : {};
}
