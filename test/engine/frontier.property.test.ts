import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { kalaiSmorodinskyPoint, maxJointPoint, nashPoint } from "../../src/engine/bargaining.js";
import { computeFrontier } from "../../src/engine/frontier.js";
import { type CompiledScenario, comparePackages, compileScenario } from "../../src/engine/model.js";
import { UTILITY_EPSILON } from "../../src/engine/tolerance.js";
import { arbitraryScenario } from "../support/arbitraries.js";
import { type EnumeratedOutcome, agreeable, enumerateOutcomes, referenceFrontier } from "../support/bruteForce.js";

const shapes = [
  { parties: 2, maxIssues: 5, maxOptions: 4 },
  { parties: 3, maxIssues: 4, maxOptions: 4 },
  { parties: 4, maxIssues: 4, maxOptions: 3 },
];

const sortKey = (u: Float64Array) => Array.from(u);
/** The frontier's documented order: first party's utility descending, ties (within the tolerance) by the next. */
function byUtilitiesDescending(a: Float64Array, b: Float64Array): number {
  for (let p = 0; p < a.length; p++) if (Math.abs(a[p] - b[p]) > UTILITY_EPSILON) return b[p] - a[p];
  return 0;
}

/** Best agreeable outcome by enumeration, with the engine's documented tie-breaks. */
function referenceBest(model: CompiledScenario, score: (u: Float64Array) => number): EnumeratedOutcome | null {
  let best: EnumeratedOutcome | null = null;
  let bestScore = -Infinity;
  const joint = (u: Float64Array) => u.reduce((a, b) => a + b, 0);
  for (const outcome of enumerateOutcomes(model)) {
    if (!agreeable(model, outcome.utilities)) continue;
    const value = score(outcome.utilities);
    const margin = 1e-9 * Math.max(Math.abs(value), Math.abs(bestScore), Number.MIN_VALUE);
    if (best === null || value > bestScore + margin) {
      best = outcome;
      bestScore = value;
    } else if (value >= bestScore - margin) {
      const jointDifference = joint(outcome.utilities) - joint(best.utilities);
      const wins =
        Math.abs(jointDifference) > UTILITY_EPSILON ? jointDifference > 0 : comparePackages(outcome.package, best.package) < 0;
      if (wins) {
        best = outcome;
        bestScore = value;
      }
    }
  }
  return best;
}

describe.each(shapes)("Pareto frontier against enumeration, $parties parties", (shape) => {
  test("same points, same representatives, same package counts", () => {
    fc.assert(
      fc.property(arbitraryScenario(shape), (scenario) => {
        const model = compileScenario(scenario);
        const frontier = computeFrontier(model);
        const reference = referenceFrontier(model).sort((a, b) => byUtilitiesDescending(a.utilities, b.utilities));
        expect(frontier.size).toBe(reference.length);
        for (let point = 0; point < frontier.size; point++) {
          const expected = reference[point];
          const utilities = frontier.utilities(point);
          utilities.forEach((u, p) => expect(u).toBeCloseTo(expected.utilities[p], 9));
          expect(Array.from(frontier.package(point))).toEqual(Array.from(expected.package));
          expect(frontier.countPackages(point)).toBe(BigInt(expected.count));
        }
      }),
      { numRuns: 150 },
    );
  });

  test("listing a point's packages gives exactly the enumerated ones, in order", () => {
    fc.assert(
      fc.property(arbitraryScenario(shape), (scenario) => {
        const model = compileScenario(scenario);
        const frontier = computeFrontier(model);
        const outcomes = enumerateOutcomes(model);
        for (let point = 0; point < frontier.size; point++) {
          const target = frontier.utilities(point);
          const expected = outcomes
            .filter((o) => o.utilities.every((u, p) => Math.abs(u - target[p]) <= UTILITY_EPSILON))
            .map((o) => Array.from(o.package));
          expect(Array.from(frontier.packages(point), (pkg) => Array.from(pkg))).toEqual(expected);
        }
      }),
      { numRuns: 60 },
    );
  });

  test("Nash, Kalai-Smorodinsky and max joint match enumeration", () => {
    fc.assert(
      fc.property(arbitraryScenario(shape), (scenario) => {
        const model = compileScenario(scenario);
        const frontier = computeFrontier(model);
        const gains = (u: Float64Array) => Array.from(u, (x, p) => x - model.batnas[p]);
        const agreeableOutcomes = enumerateOutcomes(model).filter((o) => agreeable(model, o.utilities));
        const ideal = model.batnas.map((_, p) => Math.max(...agreeableOutcomes.map((o) => o.utilities[p])));
        const cases = [
          [nashPoint(frontier), referenceBest(model, (u) => gains(u).reduce((a, b) => a * b, 1))],
          [
            kalaiSmorodinskyPoint(frontier),
            referenceBest(model, (u) => Math.min(...gains(u).map((g, p) => g / (ideal[p] - model.batnas[p])))),
          ],
          [maxJointPoint(frontier), referenceBest(model, (u) => u.reduce((a, b) => a + b, 0))],
        ] as const;
        for (const [point, expected] of cases) {
          if (expected === null) {
            expect(point).toBeNull();
            continue;
          }
          expect(point).not.toBeNull();
          expect(Array.from(frontier.package(point!))).toEqual(Array.from(expected.package));
        }
      }),
      { numRuns: 150 },
    );
  });

  test("the agreeable-only frontier is the agreeable part of the whole frontier", () => {
    fc.assert(
      fc.property(arbitraryScenario(shape), (scenario) => {
        const model = compileScenario(scenario);
        const whole = computeFrontier(model);
        const part = computeFrontier(model, { agreeableOnly: true });
        const expected: number[][] = [];
        for (let point = 0; point < whole.size; point++) {
          if (agreeable(model, whole.utilities(point))) expected.push(Array.from(whole.package(point)));
        }
        const actual: number[][] = [];
        for (let point = 0; point < part.size; point++) {
          if (agreeable(model, part.utilities(point))) actual.push(Array.from(part.package(point)));
        }
        expect(actual).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
