/**
 * What a batch scores an outcome against, per scenario: its compiled model, frontier, Nash
 * point, utility ranges and maximal joint gain. Computed once per scenario per process (per
 * worker thread): by identity for a batch's own scenarios, by JSON text for the stage scenarios
 * a partnership derives afresh in every task (few distinct ones, so a batch stays fast).
 */
import { analyzeScenario } from "../engine/analysis.js";
import { utilityRanges } from "../engine/efficiency.js";
import { type CompiledScenario, compileScenario } from "../engine/model.js";
import type { Scenario } from "../scenario/schema.js";
import type { Yardstick } from "./measures.js";

export interface ScenarioFacts extends Yardstick {
  readonly model: CompiledScenario;
  readonly maxJointGain: number | null;
}

const byIdentity = new WeakMap<Scenario, ScenarioFacts>();
const byText = new Map<string, ScenarioFacts>();
/** Distinct stage scenarios kept: beyond it (uncertain quantities resolved to many values) the cache starts again. */
const TEXT_CACHE_LIMIT = 512;

export function facts(scenario: Scenario): ScenarioFacts {
  let known = byIdentity.get(scenario);
  if (!known) {
    known = computeFacts(scenario);
    byIdentity.set(scenario, known);
  }
  return known;
}

/** The facts of a scenario derived during a task (a partnership's stage), cached by its JSON text. */
export function derivedFacts(scenario: Scenario): ScenarioFacts {
  const key = JSON.stringify(scenario);
  let known = byText.get(key);
  if (!known) {
    if (byText.size >= TEXT_CACHE_LIMIT) byText.clear();
    known = computeFacts(scenario);
    byText.set(key, known);
  }
  return known;
}

function computeFacts(scenario: Scenario): ScenarioFacts {
  const model = compileScenario(scenario);
  const analysis = analyzeScenario(model);
  const n = model.partyCount;
  const frontier = new Float64Array(analysis.frontier.size * n);
  for (let point = 0; point < analysis.frontier.size; point++) frontier.set(analysis.frontier.utilities(point), point * n);
  return {
    model,
    partyCount: n,
    frontier,
    nash: analysis.nash === null ? null : analysis.frontier.utilities(analysis.nash),
    ranges: utilityRanges(model),
    maxJointGain: analysis.maxJointGain,
  };
}
