import { describe, expect, test } from "vitest";
import {
  comparePackages,
  compileScenario,
  contribution,
  contributionRange,
  outcomeCount,
  packageFromRecord,
  packageToRecord,
  packageUtilities,
  packageUtility,
} from "../../src/engine/model.js";
import type { Scenario } from "../../src/scenario/schema.js";
import { buildModel } from "./scenarios.js";

/**
 * Party X: weights A 3, B 1 (normalised 0.75 / 0.25); autonomy costs a1 5, b1 2; entry cost 10.
 * Party Y: only a weight on B (A is absent, so 0); only b0 has a value (the rest count as 0);
 * no costs, no entry cost.
 */
const scenario: Scenario = {
  id: "model",
  title: "Model",
  story: "Utility formula.",
  issues: [
    { id: "A", label: "A", options: [{ id: "a0", label: "a0" }, { id: "a1", label: "a1" }, { id: "a2", label: "a2" }] },
    { id: "B", label: "B", options: [{ id: "b0", label: "b0" }, { id: "b1", label: "b1" }] },
  ],
  parties: [
    {
      id: "X",
      name: "X",
      briefing: "X",
      weights: { A: 3, B: 1 },
      values: { A: { a0: 100, a1: 40, a2: 0 }, B: { b0: 20, b1: 80 } },
      autonomyCosts: { A: { a1: 5 }, B: { b1: 2 } },
      entryCost: 10,
      batna: 30,
    },
    {
      id: "Y",
      name: "Y",
      briefing: "Y",
      weights: { B: 2 },
      values: { B: { b0: 100 } },
      batna: -5,
    },
  ],
};

describe("compileScenario", () => {
  const model = compileScenario(scenario);

  test("shape, ids and offsets", () => {
    expect(model.partyCount).toBe(2);
    expect(model.issueCount).toBe(2);
    expect(model.partyIds).toEqual(["X", "Y"]);
    expect(model.issueIds).toEqual(["A", "B"]);
    expect(model.optionIds).toEqual([
      ["a0", "a1", "a2"],
      ["b0", "b1"],
    ]);
    expect(Array.from(model.optionCounts)).toEqual([3, 2]);
    expect(Array.from(model.issueOffsets)).toEqual([0, 3]);
    expect(model.totalOptions).toBe(5);
  });

  test("weights are normalised per party; a missing weight counts as 0", () => {
    // weights[p * issueCount + i]
    expect(Array.from(model.weights)).toEqual([0.75, 0.25, 0, 1]);
  });

  test("entry cost becomes a negative base utility; BATNAs are kept as given", () => {
    expect(model.baseUtilities[0]).toBe(-10);
    expect(model.baseUtilities[1] === 0).toBe(true); // −0: no entry cost
    expect(Array.from(model.batnas)).toEqual([30, -5]);
  });

  test("contribution = normalised weight × value − autonomy cost", () => {
    // X on A: 0.75×100, 0.75×40 − 5, 0.75×0; on B: 0.25×20, 0.25×80 − 2
    expect([0, 1, 2].map((o) => contribution(model, 0, 0, o))).toEqual([75, 25, 0]);
    expect([0, 1].map((o) => contribution(model, 0, 1, o))).toEqual([5, 18]);
    // Y: weight 0 on A, and missing values count as 0
    expect([0, 1, 2].map((o) => contribution(model, 1, 0, o))).toEqual([0, 0, 0]);
    expect([0, 1].map((o) => contribution(model, 1, 1, o))).toEqual([100, 0]);
    expect(contributionRange(model, 0, 0)).toEqual({ low: 0, high: 75 });
    expect(contributionRange(model, 0, 1)).toEqual({ low: 5, high: 18 });
  });

  test("utility of every package, hand-computed", () => {
    // X = 0.75·vA + 0.25·vB − costA − costB − 10;  Y = vB(b0 → 100, b1 → 0)
    const expected: [number[], number, number][] = [
      [[0, 0], 75 + 5 - 10, 100],
      [[0, 1], 75 + 18 - 10, 0],
      [[1, 0], 30 - 5 + 5 - 10, 100],
      [[1, 1], 30 - 5 + 20 - 2 - 10, 0],
      [[2, 0], 0 + 5 - 10, 100],
      [[2, 1], 0 + 18 - 10, 0],
    ];
    for (const [pkg, x, y] of expected) {
      expect(packageUtility(model, 0, pkg)).toBeCloseTo(x, 12);
      expect(packageUtility(model, 1, pkg)).toBeCloseTo(y, 12);
      expect(Array.from(packageUtilities(model, pkg))).toEqual([packageUtility(model, 0, pkg), packageUtility(model, 1, pkg)]);
    }
    expect(packageUtility(model, 0, [1, 1])).toBe(33);
  });

  test("packageUtilities writes into the given array and returns it", () => {
    const out = new Float64Array(2).fill(NaN);
    expect(packageUtilities(model, [0, 0], out)).toBe(out);
    expect(Array.from(out)).toEqual([70, 100]);
  });

  test("a party without any positive weight is rejected", () => {
    const broken: Scenario = {
      ...scenario,
      parties: [scenario.parties[0], { ...scenario.parties[1], weights: { A: 0, B: 0 } }],
    };
    expect(() => compileScenario(broken)).toThrow(/party Y has no positive interest weight/);
  });
});

describe("outcomeCount", () => {
  test("product of the option counts", () => {
    expect(outcomeCount(compileScenario(scenario))).toBe(6n);
    const model = buildModel([3, 4, 5], [
      { weights: [1, 1, 1], values: [[0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0, 0]] },
      { weights: [1, 1, 1], values: [[0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0, 0]] },
    ]);
    expect(outcomeCount(model)).toBe(60n);
  });

  test("exact past 2^53: 60 issues of 2 options give 2^60", () => {
    const counts = Array.from({ length: 60 }, () => 2);
    const party = { weights: counts.map(() => 1), values: counts.map(() => [0, 100]) };
    const model = buildModel(counts, [party, party]);
    const count = outcomeCount(model);
    expect(typeof count).toBe("bigint");
    expect(count).toBe(1_152_921_504_606_846_976n);
    expect(count).toBe(2n ** 60n);
  });

  test("exact where a double would round: 3^40 × 2", () => {
    const counts = [...Array.from({ length: 40 }, () => 3), 2];
    const party = { weights: counts.map(() => 1), values: counts.map((c) => Array.from({ length: c }, () => 50)) };
    const count = outcomeCount(buildModel(counts, [party, party]));
    expect(count).toBe(2n * 3n ** 40n);
    expect(count).toBe(24_315_330_918_113_857_602n); // odd × 2: not representable as a double
    expect(BigInt(Number(count))).not.toBe(count);
  });
});

describe("package records", () => {
  const model = compileScenario(scenario);

  test("packageToRecord maps option indices to ids", () => {
    expect(packageToRecord(model, [2, 1])).toEqual({ A: "a2", B: "b1" });
    expect(packageToRecord(model, Int32Array.of(0, 0))).toEqual({ A: "a0", B: "b0" });
  });

  test("packageFromRecord maps ids back to indices", () => {
    const pkg = packageFromRecord(model, { B: "b1", A: "a1" });
    expect(pkg).toBeInstanceOf(Int32Array);
    expect(Array.from(pkg)).toEqual([1, 1]);
  });

  test("round trip over every package", () => {
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 2; b++) {
        expect(Array.from(packageFromRecord(model, packageToRecord(model, [a, b])))).toEqual([a, b]);
      }
    }
    const record = { A: "a2", B: "b0" };
    expect(packageToRecord(model, packageFromRecord(model, record))).toEqual(record);
  });

  test("an unknown or missing option is rejected", () => {
    expect(() => packageFromRecord(model, { A: "a9", B: "b0" })).toThrow(/no option a9 in issue A/);
    expect(() => packageFromRecord(model, { A: "a0" })).toThrow(/issue B/);
  });

  test("comparePackages is lexicographic in issue order", () => {
    expect(comparePackages([0, 1], [1, 0])).toBeLessThan(0);
    expect(comparePackages([1, 0], [0, 1])).toBeGreaterThan(0);
    expect(comparePackages([1, 1], [1, 2])).toBeLessThan(0);
    expect(comparePackages(Int32Array.of(2, 1), [2, 1])).toBe(0);
  });
});
