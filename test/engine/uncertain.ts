/**
 * Small hand-built uncertain scenarios for the engine's tip-6 tests, passed through the
 * scenario loader (schema and semantic checks) so that a test never relies on a scenario the
 * loader would refuse; and the built-in solar park.
 */
import { expect } from "vitest";
import { type CompiledScenario, compileScenario } from "../../src/engine/model.js";
import { resolveScenarioPath } from "../../src/scenario/builtin.js";
import { loadScenarioFile, parseScenario } from "../../src/scenario/load.js";
import type { Scenario } from "../../src/scenario/schema.js";

/** The scenario the loader makes of `input`; fails the test on any error or warning. */
export function loaded(input: object): Scenario {
  const { scenario, diagnostics } = parseScenario(JSON.stringify(input, null, 2), "lab.json");
  expect(diagnostics, JSON.stringify(diagnostics, null, 2)).toEqual([]);
  return scenario!;
}

export function solarPark(): Scenario {
  return loadScenarioFile(resolveScenarioPath("solar-park")).scenario;
}

export function solarParkModel(): CompiledScenario {
  return compileScenario(solarPark());
}

/** Issues i0, i1, … with options o0, o1, … (plain labels). */
export function options(count: number, extra: Record<number, object> = {}): object[] {
  return Array.from({ length: count }, (_, o) => ({ id: `o${o}`, label: `Option ${o}`, ...(extra[o] ?? {}) }));
}

/**
 * The split of a prize between parties A and B: A wins, B wins, halves (and any further fixed
 * splits given), and the bet "A wins if x turns out at least `threshold`, else B wins".
 */
export function prizeIssue(threshold: number, splits: readonly { readonly id: string; readonly label: string }[] = []): object {
  return {
    id: "prize",
    label: "prize",
    options: [
      { id: "a-wins", label: "A wins" },
      { id: "b-wins", label: "B wins" },
      { id: "halves", label: "halves" },
      ...splits,
      { id: "bet", label: "bet", contingent: { quantity: "x", atLeast: threshold, then: "a-wins", else: "b-wins" } },
    ],
  };
}

/** What the prize's fixed options are worth to A and to B (the bet follows from them). */
export const PRIZE_FOR_A = { "a-wins": 100, "b-wins": 0, halves: 50 } as const;
export const PRIZE_FOR_B = { "a-wins": 0, "b-wins": 100, halves: 50 } as const;
