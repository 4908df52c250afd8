/**
 * A batch task on a partnership scenario (one with `partnership`): the whole partnership,
 * run by runPartnership with the task's style per seat (every party of the scenario, those
 * that join later included) and the task's seed, scored stage by stage.
 *
 * A stage is scored by the agreement in force at its end, under its own conditions (the
 * stage's scenario, real BATNAs): each party of the stage gets its utility of that agreement,
 * or its BATNA when none is in force or it walked away from the stage's negotiation (and so
 * left; when that dissolved the partnership, nobody's agreement is in force); a party not in the stage (before it joins, after it left) is left out (null), so it
 * counts neither in the stage's joint gain nor in its seat's mean for the stage. Every stage
 * of the scenario is scored, also those after the partnership ended: under the conditions it
 * ended with (those of the last stage with two or more parties), every party at its BATNA,
 * so that the gain an early end forwent still counts in the share of the maximal joint gain.
 *
 * The row's own fields are of the whole partnership: utilities and joint gain summed over the
 * stages, the share of the sum of the stages' maximal joint gains, the distances the mean over
 * the stages, rounds summed over every negotiation (the ambition phase's included); agreement
 * when the partnership completed every stage, and outcome "agreement" then, else the first
 * negotiation's outcome (no-agreement) or "walk-away" (it dissolved).
 */
import { jointGain } from "../engine/analysis.js";
import { packageFromRecord, packageUtilities } from "../engine/model.js";
import { type Conditions, initialConditions, stageScenario } from "../negotiation/partnership/conditions.js";
import { type PartnershipEnd, type PartnershipRun, type PhaseRecord, runPartnership } from "../negotiation/partnership/run.js";
import { foundingParties } from "../scenario/partnership-semantics.js";
import type { Scenario } from "../scenario/schema.js";
import { derivedFacts } from "./facts.js";
import { distanceToFrontier, distanceToNash } from "./measures.js";
import type { PlanSpec, Task } from "./plan.js";
import type { BatchRow, StageResult } from "./row.js";

export function isPartnership(scenario: Scenario): boolean {
  return scenario.partnership !== undefined;
}

/** The stages a partnership scenario is scored over (one without `stages` has one); 0 for any other scenario. */
export function stageCount(scenario: Scenario): number {
  return isPartnership(scenario) ? (scenario.partnership!.stages?.length ?? 1) : 0;
}

/** Measures the stage scenarios of the founding parties, before any event: a frontier too large shows before the first task. */
export function measurePartnership(scenario: Scenario): void {
  const conditions = initialConditions(scenario, foundingParties(scenario));
  for (let stage = 0; stage < stageCount(scenario); stage++) derivedFacts(stageScenario(scenario, conditions, stage));
}

export function negotiatePartnership(spec: PlanSpec, task: Task): BatchRow {
  const { scenario } = task;
  const run = runPartnership({ scenario, styles: task.strategies, seed: task.seed, rounds: spec.rounds });
  const end = endOf(run);
  if (end === "abandoned" || end === "trainee-left") throw new Error(`task ${task.index}: the scripted partnership ended "${end}"`);
  const seats = scenario.parties.map((party) => party.id);
  const stages: StageResult[] = [];
  let frontierDistance = 0;
  let nashDistance = 0;
  let ended: Conditions | undefined;
  for (let stage = 0; stage < stageCount(scenario); stage++) {
    const phase = run.phases.find((candidate) => candidate.kind === "stage" && candidate.stage === stage && candidate.scenario.parties.length >= 2);
    if (phase === undefined) ended ??= endConditions(run);
    const stageScenarioNow = phase?.scenario ?? stageScenario(scenario, ended!, stage);
    const known = derivedFacts(stageScenarioNow);
    const outcome = phase?.session?.outcome;
    // A walk-away that dissolved the partnership leaves no agreement in force for anyone.
    const dissolvedHere = end === "dissolved" && outcome?.kind === "walk-away" && phase === run.phases[run.phases.length - 1];
    const agreement = dissolvedHere ? null : (phase?.agreement ?? null);
    const utilities = agreement === null ? Float64Array.from(known.model.batnas) : packageUtilities(known.model, packageFromRecord(known.model, { ...agreement }));
    if (outcome?.kind === "walk-away") utilities[outcome.by] = known.model.batnas[outcome.by];
    const gain = jointGain(known.model, utilities);
    const maxJointGain = known.maxJointGain ?? 0;
    const perSeat: (number | null)[] = seats.map(() => null);
    stageScenarioNow.parties.forEach((party, p) => (perSeat[seats.indexOf(party.id)] = utilities[p]));
    stages.push({ stage, agreement: agreement === null ? null : { ...agreement }, utilities: perSeat, jointGain: gain, maxJointGain, share: maxJointGain > 0 ? gain / maxJointGain : 0 });
    frontierDistance += distanceToFrontier(known, utilities) / stageCount(scenario);
    nashDistance += distanceToNash(known, utilities) / stageCount(scenario);
  }
  const utilities = seats.map((_, seat) => stages.reduce((sum, result) => sum + (result.utilities[seat] ?? 0), 0));
  const gain = stages.reduce((sum, result) => sum + result.jointGain, 0);
  const maxJointGain = stages.reduce((sum, result) => sum + result.maxJointGain, 0);
  const first = run.phases.find((phase) => phase.kind === "stage" && phase.stage === 0)?.session?.outcome?.kind;
  return {
    task: task.index,
    scenario: scenario.id,
    strategies: [...task.strategies],
    seed: task.seed,
    agreement: end === "completed",
    outcome: end === "completed" ? "agreement" : end === "no-agreement" && first === "deadline" ? "deadline" : "walk-away",
    rounds: run.phases.reduce((sum, phase) => sum + (phase.session?.outcome?.round ?? 0), 0),
    utilities,
    jointUtility: utilities.reduce((sum, u) => sum + u, 0),
    jointGain: gain,
    shareOfMaxJointGain: maxJointGain > 0 ? gain / maxJointGain : 0,
    distanceToFrontier: frontierDistance,
    distanceToNash: nashDistance,
    ambition: ambitionOf(run.phases),
    end,
    stages,
  };
}

function endOf(run: PartnershipRun): PartnershipEnd {
  if (run.waiting.kind !== "ended") throw new Error("a partnership of scripted partners did not end");
  return run.waiting.reason;
}

function ambitionOf(phases: readonly PhaseRecord[]): string | null {
  const agreed = phases.find((phase) => phase.kind === "ambition")?.agreement;
  return agreed ? (Object.values(agreed)[0] ?? null) : null;
}

/**
 * The conditions a partnership ended with, for the stages it did not reach: the last stage's,
 * with the parties of the last stage that had two or more when the end left fewer.
 */
function endConditions(run: PartnershipRun): Conditions {
  const stages = run.phases.filter((phase) => phase.kind === "stage");
  const last = stages[stages.length - 1].conditions;
  if (last.present.length >= 2) return last;
  const before = stages.findLast((phase) => phase.conditions.present.length >= 2);
  return before ? { ...last, present: before.conditions.present } : last;
}
