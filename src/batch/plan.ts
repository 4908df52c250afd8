/**
 * The plan of a batch run: a fixed, ordered list of negotiations (tasks), each computed from
 * its index so that a plan of millions of tasks is never held in memory.
 *
 * Order: scenario, then pairing (strategy × opponent, strategy-major), then seat, then run:
 *
 *   index = ((scenario × pairings + pairing) × SEATS + seat) × runs + run
 *
 * A pairing is ordered (strategy a against opponent b); in seat 0 party p plays pairing[p mod 2],
 * in seat 1 pairing[(p + 1) mod 2], so with two parties each strategy plays each role, and with
 * three or more the seats are filled by rotating the pair (a, b, a … then b, a, b …).
 *
 * Each task's session seed is derived from the base seed, the scenario, the strategies per party,
 * the seat and the run — never from a worker or shard — so a task's result is the same however
 * the plan is split up.
 */
import { UserError } from "../errors.js";
import type { Shard } from "../vocabulary.js";
import { PARTNER_STYLES, findStyle } from "../negotiation/partners/registry.js";
import type { StyleFamily } from "../negotiation/partners/types.js";
import { didYouMean } from "../scenario/diagnostics.js";
import type { Scenario } from "../scenario/schema.js";

export const SEATS = 2;

export interface PlanSpec {
  readonly scenarios: readonly Scenario[];
  /** The strategies under test (--strategies) and their opponents (--vs). */
  readonly strategies: readonly string[];
  readonly opponents: readonly string[];
  readonly runs: number;
  readonly seed: string;
  /** Deadline in rounds; absent: each scenario's own. */
  readonly rounds?: number;
}

export interface Task {
  readonly index: number;
  readonly scenario: Scenario;
  /** Style per party, in the scenario's party order. */
  readonly strategies: readonly string[];
  readonly seat: number;
  readonly run: number;
  /** The session seed: partner p draws from seedrandom(`${seed}/${p}`). */
  readonly seed: string;
}

export function planSize(spec: PlanSpec): number {
  return spec.scenarios.length * spec.strategies.length * spec.opponents.length * SEATS * spec.runs;
}

export function taskAt(spec: PlanSpec, index: number): Task {
  if (!Number.isInteger(index) || index < 0 || index >= planSize(spec)) throw new RangeError(`no task ${index} in the plan`);
  const run = index % spec.runs;
  const seat = Math.floor(index / spec.runs) % SEATS;
  const pairingCount = spec.strategies.length * spec.opponents.length;
  const pairing = Math.floor(index / (spec.runs * SEATS)) % pairingCount;
  const scenario = spec.scenarios[Math.floor(index / (spec.runs * SEATS * pairingCount))];
  const pair = [spec.strategies[Math.floor(pairing / spec.opponents.length)], spec.opponents[pairing % spec.opponents.length]];
  const strategies = scenario.parties.map((_, party) => pair[(party + seat) % SEATS]);
  // The seat is in the seed for self-play, where both seats have the same strategies.
  const seed = `${spec.seed}|${scenario.id}|${strategies.join(",")}|${seat}|${run}`;
  return { index, scenario, strategies, seat, run, seed };
}

// ---------------------------------------------------------------------------------------------
// Shards: a job runs the tasks whose index ≡ i (mod n); --shard's syntax is in vocabulary.ts.

export { type Shard, WHOLE_PLAN, parseShard } from "../vocabulary.js";

/** Number of the plan's tasks in a shard. */
export function shardLength(planLength: number, shard: Shard): number {
  return planLength > shard.index ? Math.ceil((planLength - shard.index) / shard.count) : 0;
}

/** Plan index of a shard's k-th task. */
export function shardTask(shard: Shard, position: number): number {
  return shard.index + position * shard.count;
}

// ---------------------------------------------------------------------------------------------
// Strategy lists

/** A --strategies or --vs list ("all" or ids separated by commas), restricted to a family when one is given. */
export function resolveStrategies(list: string, flag: string, family?: StyleFamily): string[] {
  const known = PARTNER_STYLES.map((style) => style.id);
  const ids = list.trim() === "all" ? known : [...new Set(list.split(",").map((id) => id.trim()).filter((id) => id !== ""))];
  for (const id of ids) {
    if (!findStyle(id)) throw new UserError(`${flag}: unknown strategy "${id}"${didYouMean(id, known)} (strategies: ${known.join(", ")}, or all)`);
  }
  const chosen = family === undefined ? ids : ids.filter((id) => findStyle(id)!.family === family);
  if (chosen.length === 0) throw new UserError(`${flag}: no ${family === undefined ? "" : `${family} `}strategy in "${list}".`);
  return chosen;
}
