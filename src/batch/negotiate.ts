/**
 * One task of a plan, negotiated to its end between scripted partners, as a row.
 *
 * Utilities and the analysis they are measured against are those of the scenario as it starts:
 * a scripted event that changes a BATNA or a weight during the negotiation does not change how
 * the outcome is scored, so every row of a scenario is on one scale.
 *
 * A task on a partnership scenario runs the whole partnership, scored stage by stage
 * (partnership.ts).
 */
import { jointGain } from "../engine/analysis.js";
import { FrontierTooLargeError } from "../engine/frontier.js";
import { packageUtilities } from "../engine/model.js";
import { NegotiationDriver, sessionConfig } from "../negotiation/driver.js";
import { UserError } from "../errors.js";
import type { Scenario } from "../scenario/schema.js";
import { facts } from "./facts.js";
import { distanceToFrontier, distanceToNash } from "./measures.js";
import { isPartnership, measurePartnership, negotiatePartnership, stageCount } from "./partnership.js";
import { type PlanSpec, type Shard, shardTask, taskAt } from "./plan.js";
import type { BatchRow } from "./row.js";
import { type RowFormat, formatRow } from "./rowfile.js";

/** What a process running part of a batch needs to know; plain data, so a worker thread receives it as is. */
export interface BatchJob {
  readonly spec: PlanSpec;
  readonly shard: Shard;
  /** How rows are formatted. */
  readonly format: RowFormat;
}

/** Measures every scenario once (cached for this thread): a frontier beyond the engine's budget is a user error naming the scenario. */
export function measureScenarios(scenarios: readonly Scenario[]): void {
  for (const scenario of scenarios) {
    try {
      if (isPartnership(scenario)) measurePartnership(scenario);
      else facts(scenario);
    } catch (error) {
      if (error instanceof FrontierTooLargeError) throw new UserError(`scenario "${scenario.id}": ${error.message}`, { cause: error });
      throw error;
    }
  }
}

export function negotiate(spec: PlanSpec, index: number): BatchRow {
  const task = taskAt(spec, index);
  if (isPartnership(task.scenario)) return negotiatePartnership(spec, task);
  const { scenario } = task;
  const known = facts(scenario);
  const { model } = known;
  const participants = task.strategies.map((style) => ({ style }));
  const config = sessionConfig({ scenario, participants, seed: task.seed, deadlineRounds: spec.rounds }, model);
  const outcome = new NegotiationDriver(scenario, config, model).run();
  if (outcome.kind === "abandoned") throw new Error(`task ${index}: scripted partners abandoned the negotiation`);
  const agreement = outcome.kind === "agreement";
  const utilities = agreement ? packageUtilities(model, outcome.package) : model.batnas;
  const gain = agreement ? jointGain(model, utilities) : 0;
  return {
    task: index,
    scenario: scenario.id,
    strategies: [...task.strategies],
    seed: task.seed,
    agreement,
    outcome: outcome.kind,
    rounds: outcome.round,
    utilities: Array.from(utilities),
    jointUtility: utilities.reduce((sum, u) => sum + u, 0),
    jointGain: gain,
    shareOfMaxJointGain: agreement && known.maxJointGain ? gain / known.maxJointGain : 0,
    distanceToFrontier: distanceToFrontier(known, utilities),
    distanceToNash: distanceToNash(known, utilities),
  };
}

/** The lines of `count` consecutive tasks of a job's shard, from its `first` one. */
export function negotiateChunk(job: BatchJob, first: number, count: number): string {
  const stages = stageColumns(job.spec.scenarios);
  let text = "";
  for (let position = first; position < first + count; position++) {
    text += formatRow(job.format, negotiate(job.spec, shardTask(job.shard, position)), stages);
  }
  return text;
}

/** The stage columns of a job's CSV rows: as many as its partnership scenario with the most stages has; none without one. */
export function stageColumns(scenarios: readonly Scenario[]): number {
  return scenarios.reduce((most, scenario) => Math.max(most, stageCount(scenario)), 0);
}
