/**
 * One task of a plan, negotiated to its end between scripted partners, as a row.
 *
 * Utilities and the analysis they are measured against are those of the scenario as it starts:
 * a scripted event that changes a BATNA or a weight during the negotiation does not change how
 * the outcome is scored, so every row of a scenario is on one scale.
 */
import { analyzeScenario, jointGain } from "../engine/analysis.js";
import { utilityRanges } from "../engine/efficiency.js";
import { FrontierTooLargeError } from "../engine/frontier.js";
import { type CompiledScenario, compileScenario, packageUtilities } from "../engine/model.js";
import { NegotiationDriver, sessionConfig } from "../negotiation/driver.js";
import { UserError } from "../errors.js";
import type { Scenario } from "../scenario/schema.js";
import { type Yardstick, distanceToFrontier, distanceToNash } from "./measures.js";
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

interface ScenarioFacts extends Yardstick {
  readonly model: CompiledScenario;
  readonly maxJointGain: number | null;
}

/** Compiled once and analysed once per scenario per process (per worker thread). */
const factsCache = new WeakMap<Scenario, ScenarioFacts>();

function facts(scenario: Scenario): ScenarioFacts {
  let known = factsCache.get(scenario);
  if (known) return known;
  const model = compileScenario(scenario);
  const analysis = analyzeScenario(model);
  const n = model.partyCount;
  const frontier = new Float64Array(analysis.frontier.size * n);
  for (let point = 0; point < analysis.frontier.size; point++) frontier.set(analysis.frontier.utilities(point), point * n);
  known = {
    model,
    partyCount: n,
    frontier,
    nash: analysis.nash === null ? null : analysis.frontier.utilities(analysis.nash),
    ranges: utilityRanges(model),
    maxJointGain: analysis.maxJointGain,
  };
  factsCache.set(scenario, known);
  return known;
}

/** Measures every scenario once (cached for this thread): a frontier beyond the engine's budget is a user error naming the scenario. */
export function measureScenarios(scenarios: readonly Scenario[]): void {
  for (const scenario of scenarios) {
    try {
      facts(scenario);
    } catch (error) {
      if (error instanceof FrontierTooLargeError) throw new UserError(`scenario "${scenario.id}": ${error.message}`, { cause: error });
      throw error;
    }
  }
}

export function negotiate(spec: PlanSpec, index: number): BatchRow {
  const task = taskAt(spec, index);
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
  let text = "";
  for (let position = first; position < first + count; position++) {
    text += formatRow(job.format, negotiate(job.spec, shardTask(job.shard, position)));
  }
  return text;
}
