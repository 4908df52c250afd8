import { describe, expect, test } from "vitest";
import { analyzeScenario, evaluate, jointGain } from "../../src/engine/analysis.js";
import { type PartySpec, buildModel } from "./scenarios.js";
import { referenceFrontier } from "../support/bruteForce.js";

/**
 * Logrolling with a middle option and a shared issue. Weights X 6/1/1, Y 1/6/1 (→ .75/.125/.125):
 *   A: X 100/50/0, Y 0/50/100 — matters most to X
 *   B: X 100/50/0, Y 0/50/100 — matters most to Y
 *   S: X 0/100,    Y 0/100    — shared
 * BATNAs 40.
 * Naive compromise: the middle on A and B, o1 on S → [1,1,1]: X = 37.5 + 6.25 + 12.5 = 56.25, Y the same.
 *   naive joint gain = 2 × (56.25 − 40) = 32.5
 * Max joint: [0,2,1] → (87.5, 87.5), joint gain 95. Value left on the table: 95 − 32.5 = 62.5.
 * Agreeable frontier points: (87.5, 87.5) [0,2,1], (93.75, 50) [0,1,1], (50, 93.75) [1,2,1];
 * Nash products 2256.25, 537.5, 537.5.
 */
const x: PartySpec = { weights: [6, 1, 1], values: [[100, 50, 0], [100, 50, 0], [0, 100]], batna: 40 };
const y: PartySpec = { weights: [1, 6, 1], values: [[0, 50, 100], [0, 50, 100], [0, 100]], batna: 40 };

describe("analyzeScenario", () => {
  const model = buildModel([3, 3, 2], [x, y]);
  const analysis = analyzeScenario(model);
  const pkg = (point: number | null) => (point === null ? null : Array.from(analysis.frontier.package(point)));

  test("joint gains and value left on the table", () => {
    expect(analysis.maxJointGain).toBe(95);
    expect(analysis.naiveJointGain).toBe(32.5);
    expect(analysis.valueLeftOnTable).toBe(62.5);
  });

  test("naive compromise and favourites", () => {
    expect(Array.from(analysis.naiveCompromise.package)).toEqual([1, 1, 1]);
    expect(Array.from(analysis.naiveCompromise.utilities)).toEqual([56.25, 56.25]);
    expect(analysis.favourites.map((f) => Array.from(f.package))).toEqual([
      [0, 0, 1],
      [2, 2, 1],
    ]);
    expect(analysis.favourites.map((f) => Array.from(f.utilities))).toEqual([
      [100, 12.5],
      [12.5, 100],
    ]);
  });

  test("bargaining points", () => {
    expect(pkg(analysis.nash)).toEqual([0, 2, 1]);
    expect(pkg(analysis.kalaiSmorodinsky)).toEqual([0, 2, 1]);
    expect(pkg(analysis.maxJoint)).toEqual([0, 2, 1]);
  });

  test("outcome count, frontier, issue relations", () => {
    expect(analysis.model).toBe(model);
    expect(analysis.outcomeCount).toBe(18n);
    expect(analysis.frontier.size).toBe(referenceFrontier(model).length);
    expect(analysis.issueRelations.map((r) => r.kind)).toEqual(["integrative", "integrative", "compatible"]);
  });

  test("value-creating packages, ties between the mirror images broken by package order", () => {
    expect(analysis.packages.map((p) => Array.from(p.package))).toEqual([
      [0, 2, 1],
      [0, 1, 1],
      [1, 2, 1],
    ]);
    expect(analysis.packages.map((p) => p.nashProduct)).toEqual([2256.25, 537.5, 537.5]);
    expect(analysis.packages.map((p) => p.jointGain)).toEqual([95, 63.75, 63.75]);
  });

  test("options: top and agreeableOnly", () => {
    const limited = analyzeScenario(model, { top: 1, agreeableOnly: true });
    expect(limited.frontier.agreeableOnly).toBe(true);
    expect(limited.frontier.size).toBe(3);
    expect(limited.packages).toHaveLength(1);
    expect(limited.maxJointGain).toBe(95);
    expect(limited.valueLeftOnTable).toBe(62.5);
  });

  test("an entry cost lowers both the naive and the best joint gain", () => {
    // X pays 10 to enter any agreement: naive X 46.25 → gain 22.5; best (77.5, 87.5) → gain 85.
    const costly = analyzeScenario(buildModel([3, 3, 2], [{ ...x, entryCost: 10 }, y]));
    expect(costly.naiveJointGain).toBe(22.5);
    expect(costly.maxJointGain).toBe(85);
    expect(costly.valueLeftOnTable).toBe(62.5);
  });

  test("no agreeable package: nulls, and the naive gain is still reported", () => {
    const hopeless = analyzeScenario(buildModel([3, 3, 2], [{ ...x, batna: 95 }, { ...y, batna: 95 }]));
    expect(hopeless.nash).toBeNull();
    expect(hopeless.kalaiSmorodinsky).toBeNull();
    expect(hopeless.maxJoint).toBeNull();
    expect(hopeless.maxJointGain).toBeNull();
    expect(hopeless.valueLeftOnTable).toBeNull();
    expect(hopeless.packages).toEqual([]);
    expect(hopeless.naiveJointGain).toBe(2 * (56.25 - 95));
  });
});

describe("evaluate and jointGain", () => {
  test("hand-computed", () => {
    const model = buildModel([3, 3, 2], [x, y]);
    const evaluated = evaluate(model, [0, 1, 1]);
    expect(evaluated.package).toBeInstanceOf(Int32Array);
    expect(Array.from(evaluated.utilities)).toEqual([93.75, 50]);
    expect(jointGain(model, evaluated.utilities)).toBe(63.75);
    expect(jointGain(model, [40, 40])).toBe(0);
  });
});
