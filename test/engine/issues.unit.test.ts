import { describe, expect, test } from "vitest";
import {
  INTEGRATIVE_PRIORITY_RATIO,
  classifyIssues,
  favouriteOptions,
  issuePriorities,
  totalStakes,
} from "../../src/engine/issues.js";
import { buildModel } from "./scenarios.js";

/**
 * Two parties, four issues of two options, every value 0 or 100, weights summing to 16,
 * so each issue's priority is exactly its normalised weight:
 *   X weights 4 / 6 / 4 / 2 → .25 / .375 / .25 / .125, favourites o1 / o0 / o0 / o0
 *   Y weights 2 / 4 / 4 / 6 → .125 / .25 / .25 / .375, favourites o1 / o1 / o1 / o1
 * Issue 0: same favourite → compatible.
 * Issue 1: .375 / .25 = 1.5 exactly → integrative (the boundary counts as integrative).
 * Issue 2: .25 / .25 = 1 → distributive.
 * Issue 3: .375 / .125 = 3, Y cares more → integrative.
 */
const model = buildModel([2, 2, 2, 2], [
  { weights: [4, 6, 4, 2], values: [[0, 100], [100, 0], [100, 0], [100, 0]] },
  { weights: [2, 4, 4, 6], values: [[0, 100], [0, 100], [0, 100], [0, 100]] },
]);

describe("issue priorities", () => {
  test("share of each party's stakes", () => {
    expect(Array.from(issuePriorities(model))).toEqual([0.25, 0.375, 0.25, 0.125, 0.125, 0.25, 0.25, 0.375]);
    expect(totalStakes(model, 0)).toBe(100);
    expect(totalStakes(model, 1)).toBe(100);
  });

  test("autonomy costs count in the spread", () => {
    // X: weights 1/1 → .5; issue 0: 0.5·100 − 20 = 30 against 0.5·90 = 45 → spread 15, favourite o1;
    // issue 1: 50 against 0 → spread 50. Stakes 65.
    const costly = buildModel([2, 2], [
      { weights: [1, 1], values: [[100, 90], [100, 0]], costs: [[20, 0]] },
      { weights: [1, 1], values: [[0, 100], [0, 100]] },
    ]);
    expect(totalStakes(costly, 0)).toBe(65);
    const priorities = issuePriorities(costly);
    expect(priorities[0]).toBeCloseTo(15 / 65, 12);
    expect(priorities[1]).toBeCloseTo(50 / 65, 12);
    expect(favouriteOptions(costly, 0, 0)).toEqual([1]);
    const relations = classifyIssues(costly);
    // The cost turns X's favourite on issue 0 into Y's: compatible.
    expect(relations[0].kind).toBe("compatible");
    expect(relations[0].favourites).toEqual([1, 1]);
    // Issue 1: (50/65) / .5 ≈ 1.54 → integrative.
    expect(relations[1].kind).toBe("integrative");
  });
});

describe("classifyIssues", () => {
  const relations = classifyIssues(model);

  test("one relation per issue and pair of parties", () => {
    expect(relations.map((r) => [r.issue, ...r.parties])).toEqual([
      [0, 0, 1],
      [1, 0, 1],
      [2, 0, 1],
      [3, 0, 1],
    ]);
  });

  test("compatible, integrative at exactly 1.5, distributive, integrative", () => {
    expect(INTEGRATIVE_PRIORITY_RATIO).toBe(1.5);
    expect(relations.map((r) => r.kind)).toEqual(["compatible", "integrative", "distributive", "integrative"]);
  });

  test("priorities and favourites are reported per party", () => {
    expect(relations[1].priorities).toEqual([0.375, 0.25]);
    expect(relations[3].priorities).toEqual([0.125, 0.375]);
    expect(relations.map((r) => r.favourites)).toEqual([
      [1, 1],
      [0, 1],
      [0, 1],
      [0, 1],
    ]);
  });

  test("just below the boundary is distributive", () => {
    // X's favourite on issue 1 is worth 99.9 instead of 100: X's spreads 25, 37.4625, 25, 12.5.
    const below = buildModel([2, 2, 2, 2], [
      { weights: [4, 6, 4, 2], values: [[0, 100], [99.9, 0], [100, 0], [100, 0]] },
      { weights: [2, 4, 4, 6], values: [[0, 100], [0, 100], [0, 100], [0, 100]] },
    ]);
    const relation = classifyIssues(below)[1];
    expect(relation.priorities[0]).toBeCloseTo(37.4625 / 99.9625, 12);
    expect(relation.priorities[0] / relation.priorities[1]).toBeLessThan(1.5);
    expect(relation.priorities[0] / relation.priorities[1]).toBeGreaterThan(1.49);
    expect(relation.kind).toBe("distributive");
  });

  test("just above the boundary is integrative", () => {
    // Y's favourite on issue 1 is worth 99.9: Y's priority drops to 24.975 / 99.975.
    const above = buildModel([2, 2, 2, 2], [
      { weights: [4, 6, 4, 2], values: [[0, 100], [100, 0], [100, 0], [100, 0]] },
      { weights: [2, 4, 4, 6], values: [[0, 100], [0, 99.9], [0, 100], [0, 100]] },
    ]);
    const relation = classifyIssues(above)[1];
    expect(relation.priorities[1]).toBeCloseTo(24.975 / 99.975, 12);
    expect(relation.priorities[0] / relation.priorities[1]).toBeGreaterThan(1.5);
    expect(relation.kind).toBe("integrative");
  });

  // 0.6 / 0.4 === 1.4999999999999998 in floating point: the boundary must still count as 1.5.
  test("a ratio of exactly 1.5 reached through float noise (weights 3:2 against 2:3) is integrative", () => {
    const sixtyForty = buildModel([2, 2], [
      { weights: [3, 2], values: [[100, 0], [100, 0]] },
      { weights: [2, 3], values: [[0, 100], [0, 100]] },
    ]);
    const relations = classifyIssues(sixtyForty);
    expect(relations[0].priorities).toEqual([0.6, 0.4]);
    expect(relations[1].priorities).toEqual([0.4, 0.6]);
    expect(relations.map((r) => r.kind)).toEqual(["integrative", "integrative"]);
  });
});

describe("an indifferent party makes an issue compatible", () => {
  test("all options worth the same to one party", () => {
    // X values every option of issue 0 at 50; Y wants o1.
    const indifferent = buildModel([3, 2], [
      { weights: [1, 1], values: [[50, 50, 50], [100, 0]] },
      { weights: [1, 1], values: [[0, 0, 100], [0, 100]] },
    ]);
    expect(favouriteOptions(indifferent, 0, 0)).toEqual([0, 1, 2]);
    const relation = classifyIssues(indifferent)[0];
    expect(relation.kind).toBe("compatible");
    expect(relation.priorities[0]).toBe(0);
    expect(relation.priorities[1]).toBe(0.5);
    expect(relation.favourites).toEqual([0, 2]);
    // Issue 1 matters to X only; favourites differ; ratio 1 / .5 = 2 → integrative.
    expect(classifyIssues(indifferent)[1].kind).toBe("integrative");
  });

  test("a zero interest weight", () => {
    const zeroWeight = buildModel([2, 2], [
      { weights: [0, 1], values: [[100, 0], [100, 0]] },
      { weights: [1, 1], values: [[0, 100], [0, 100]] },
    ]);
    const relations = classifyIssues(zeroWeight);
    expect(relations[0].kind).toBe("compatible");
    expect(relations[0].priorities).toEqual([0, 0.5]);
    expect(relations[0].favourites).toEqual([0, 1]);
  });
});

describe("three parties", () => {
  test("pairs in order (0,1), (0,2), (1,2) for every issue", () => {
    // One issue, three options: X and Z want o0, Y wants o2. Second issue splits priorities.
    const three = buildModel([3, 2], [
      { weights: [1, 1], values: [[100, 50, 0], [0, 100]] },
      { weights: [1, 3], values: [[0, 50, 100], [0, 100]] },
      { weights: [3, 1], values: [[100, 0, 0], [100, 0]] },
    ]);
    const relations = classifyIssues(three);
    expect(relations.map((r) => [r.issue, ...r.parties, r.kind])).toEqual([
      // issue 0: priorities X .5, Y .25, Z .75
      [0, 0, 1, "integrative"], // .5 / .25 = 2
      [0, 0, 2, "compatible"], // both want o0
      [0, 1, 2, "integrative"], // .75 / .25 = 3
      // issue 1: priorities X .5, Y .75, Z .25; X and Y want o1, Z o0
      [1, 0, 1, "compatible"],
      [1, 0, 2, "integrative"], // .5 / .25 = 2
      [1, 1, 2, "integrative"], // .75 / .25 = 3
    ]);
  });

  test("distributive between two parties who care equally", () => {
    const three = buildModel([2, 2], [
      { weights: [1, 1], values: [[100, 0], [100, 0]] },
      { weights: [1, 1], values: [[0, 100], [0, 100]] },
      { weights: [1, 1], values: [[0, 100], [100, 0]] },
    ]);
    const kinds = classifyIssues(three).map((r) => r.kind);
    expect(kinds).toEqual(["distributive", "distributive", "compatible", "distributive", "compatible", "distributive"]);
  });
});
