/**
 * fast-check generators of small random scenarios, built to hit the engine's edge cases:
 * few distinct values (ties and duplicate utility vectors), zero weights, autonomy costs,
 * entry costs and non-integer weights.
 */
import fc from "fast-check";
import type { Scenario } from "../../src/scenario/schema.js";

export interface ScenarioShape {
  parties: number;
  maxIssues: number;
  maxOptions: number;
  /** Other draws of the points, weights and autonomy costs than the defaults below. */
  value?: fc.Arbitrary<number>;
  weight?: fc.Arbitrary<number>;
  cost?: fc.Arbitrary<number>;
}

const defaultValue: fc.Arbitrary<number> = fc.oneof(fc.constantFrom<number>(0, 25, 50, 100), fc.integer({ min: 0, max: 100 }));
const defaultWeight: fc.Arbitrary<number> = fc.oneof(fc.constantFrom<number>(0, 1, 2), fc.double({ min: 0.05, max: 1, noNaN: true }));
const defaultCost: fc.Arbitrary<number> = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 10 }) });

export function arbitraryScenario({ parties, maxIssues, maxOptions, value = defaultValue, weight = defaultWeight, cost = defaultCost }: ScenarioShape): fc.Arbitrary<Scenario> {
  return fc
    .array(fc.integer({ min: 2, max: maxOptions }), { minLength: 1, maxLength: maxIssues })
    .chain((optionCounts) => {
      const issues = optionCounts.map((count, i) => ({
        id: `i${i}`,
        label: `Issue ${i}`,
        options: Array.from({ length: count }, (_, o) => ({ id: `o${o}`, label: `Option ${o}` })),
      }));
      const party = (p: number) =>
        fc
          .record({
            weights: fc.array(weight, { minLength: issues.length, maxLength: issues.length }),
            values: fc.tuple(...optionCounts.map((count) => fc.array(value, { minLength: count, maxLength: count }))),
            costs: fc.tuple(...optionCounts.map((count) => fc.array(cost, { minLength: count, maxLength: count }))),
            entryCost: fc.constantFrom(0, 0, 5),
            batna: fc.integer({ min: 0, max: 60 }),
          })
          .map(({ weights, values, costs, entryCost, batna }) => {
            if (!weights.some((w) => w > 0)) weights[0] = 1;
            return {
              id: `p${p}`,
              name: `Party ${p}`,
              briefing: "Generated.",
              weights: Object.fromEntries(issues.map((issue, i) => [issue.id, weights[i]])),
              values: Object.fromEntries(
                issues.map((issue, i) => [issue.id, Object.fromEntries(issue.options.map((o, k) => [o.id, values[i][k]]))]),
              ),
              autonomyCosts: Object.fromEntries(
                issues.map((issue, i) => [issue.id, Object.fromEntries(issue.options.map((o, k) => [o.id, costs[i][k]]))]),
              ),
              entryCost,
              batna,
            };
          });
      return fc.tuple(...Array.from({ length: parties }, (_, p) => party(p))).map(
        (partyList): Scenario => ({ id: "generated", title: "Generated", story: "Generated.", issues, parties: partyList }),
      );
    });
}
