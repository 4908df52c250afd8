/**
 * Reference implementations by enumeration, for comparing the engine's fast algorithms
 * on small outcome spaces. Deliberately naive: every package, every pair.
 */
import { type CompiledScenario, isAvailable, packageUtilities } from "../../src/engine/model.js";
import { UTILITY_EPSILON } from "../../src/engine/tolerance.js";

export interface EnumeratedOutcome {
  package: Int32Array;
  utilities: Float64Array;
}

/** Every package of available options, in lexicographic order. */
export function enumerateOutcomes(model: CompiledScenario): EnumeratedOutcome[] {
  const outcomes: EnumeratedOutcome[] = [];
  const pkg = new Int32Array(model.issueCount);
  const visit = (issue: number): void => {
    if (issue === model.issueCount) {
      outcomes.push({ package: pkg.slice(), utilities: packageUtilities(model, pkg) });
      return;
    }
    for (let o = 0; o < model.optionCounts[issue]; o++) {
      if (!isAvailable(model, issue, o)) continue;
      pkg[issue] = o;
      visit(issue + 1);
    }
  };
  visit(0);
  return outcomes;
}

export const equal = (a: Float64Array, b: Float64Array) => a.every((x, p) => Math.abs(x - b[p]) <= UTILITY_EPSILON);
/** a is at least as good for every party, within the tolerance. */
export const atLeast = (a: Float64Array, b: Float64Array) => a.every((x, p) => x >= b[p] - UTILITY_EPSILON);
export const dominates = (a: Float64Array, b: Float64Array) => atLeast(a, b) && a.some((x, p) => x > b[p] + UTILITY_EPSILON);

export interface ReferencePoint extends EnumeratedOutcome {
  count: number;
}

/** Pareto frontier by pairwise comparison: one entry per distinct utility vector, the first package in lexicographic order as representative. */
export function referenceFrontier(model: CompiledScenario): ReferencePoint[] {
  const outcomes = enumerateOutcomes(model);
  const points: ReferencePoint[] = [];
  for (const outcome of outcomes) {
    if (outcomes.some((other) => dominates(other.utilities, outcome.utilities))) continue;
    const same = points.find((point) => equal(point.utilities, outcome.utilities));
    if (same) same.count++;
    else points.push({ ...outcome, count: 1 });
  }
  return points;
}

export function agreeable(model: CompiledScenario, utilities: Float64Array): boolean {
  return utilities.every((u, p) => u > model.batnas[p] + UTILITY_EPSILON);
}
