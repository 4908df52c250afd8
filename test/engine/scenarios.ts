import seedrandom from "seedrandom";
/**
 * Small hand-built scenarios for the engine's unit tests. Issues are named i0, i1, …,
 * their options o0, o1, …, the parties p0, p1, …; every scenario is validated against
 * the scenario schema so that a test never relies on data the loader would reject.
 */
import { type CompiledScenario, compileScenario } from "../../src/engine/model.js";
import { type Scenario, ScenarioSchema } from "../../src/scenario/schema.js";

export interface PartySpec {
  /** Interest weight per issue, in issue order (not normalised). */
  readonly weights: readonly number[];
  /** Points per issue, per option. */
  readonly values: readonly (readonly number[])[];
  /** Autonomy cost per issue, per option (omitted issues cost nothing). */
  readonly costs?: readonly (readonly number[] | undefined)[];
  readonly entryCost?: number;
  readonly batna?: number;
}

export function buildScenario(optionCounts: readonly number[], parties: readonly PartySpec[]): Scenario {
  const issues = optionCounts.map((count, i) => ({
    id: `i${i}`,
    label: `Issue ${i}`,
    options: Array.from({ length: count }, (_, o) => ({ id: `o${o}`, label: `Option ${o}` })),
  }));
  const scenario: Scenario = {
    id: "unit",
    title: "Unit test scenario",
    story: "Built by a unit test.",
    issues,
    parties: parties.map((spec, p) => {
      if (spec.weights.length !== issues.length || spec.values.length !== issues.length) {
        throw new Error(`party p${p}: one weight and one value list per issue expected`);
      }
      const autonomyCosts: Record<string, Record<string, number>> = {};
      spec.costs?.forEach((costs, i) => {
        if (costs) autonomyCosts[`i${i}`] = Object.fromEntries(costs.map((c, o) => [`o${o}`, c]));
      });
      return {
        id: `p${p}`,
        name: `Party ${p}`,
        briefing: "Unit test party.",
        weights: Object.fromEntries(spec.weights.map((w, i) => [`i${i}`, w])),
        values: Object.fromEntries(
          spec.values.map((values, i) => {
            if (values.length !== optionCounts[i]) throw new Error(`party p${p}, issue i${i}: one value per option expected`);
            return [`i${i}`, Object.fromEntries(values.map((v, o) => [`o${o}`, v]))];
          }),
        ),
        ...(spec.costs ? { autonomyCosts } : {}),
        ...(spec.entryCost !== undefined ? { entryCost: spec.entryCost } : {}),
        batna: spec.batna ?? 0,
      };
    }),
  };
  return ScenarioSchema.parse(scenario);
}

export function buildModel(optionCounts: readonly number[], parties: readonly PartySpec[]): CompiledScenario {
  return compileScenario(buildScenario(optionCounts, parties));
}

/**
 * One issue whose options give the parties exactly the listed points (weight 1, so the
 * utility of option o for party p is points[o][p]).
 */
export function singleIssueModel(points: readonly (readonly number[])[], batnas: readonly number[]): CompiledScenario {
  return buildModel(
    [points.length],
    batnas.map((batna, p) => ({ weights: [1], values: [points.map((option) => option[p])], batna })),
  );
}

/** Deterministic pseudo-random numbers, for reproducible "random" scenarios. */
export function seededRandom(seed: number): () => number {
  return seedrandom(String(seed));
}

/** A reproducible scenario with few distinct values (so ties and duplicate vectors occur). */
export function pseudoRandomModel(seed: number, partyCount: number, optionCounts: readonly number[]): CompiledScenario {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const parties: PartySpec[] = Array.from({ length: partyCount }, () => ({
    weights: optionCounts.map((_, i) => (i === 0 ? pick([1, 2, 3]) : pick([0, 1, 2, 0.1, 0.2, 0.3]))),
    values: optionCounts.map((count) => Array.from({ length: count }, () => pick([0, 25, 50, 75, 100]))),
    costs: optionCounts.map((count) => Array.from({ length: count }, () => pick([0, 0, 0, 2]))),
    entryCost: pick([0, 0, 5]),
    batna: pick([0, 10, 20, 30]),
  }));
  return buildModel(optionCounts, parties);
}

/** One issue, utilities (X, Y) per option: a curved two-party frontier used by the bargaining and package tests. */
export const SIX_OPTIONS: readonly (readonly number[])[] = [
  [50, 0],
  [40, 10],
  [30, 22.5],
  [20, 35],
  [15, 45],
  [0.5, 100],
];
