import { describe, expect, test } from "vitest";
import {
  FRONTIER_MEMORY_BUDGET,
  FRONTIER_WORK_BUDGET,
  FrontierTooLargeError,
  bytesPerPoint,
  type ParetoFrontier,
  computeFrontier,
  undominatedOptions,
} from "../../src/engine/frontier.js";
import type { CompiledScenario } from "../../src/engine/model.js";
import { UserError } from "../../src/errors.js";
import { agreeable, referenceFrontier } from "../support/bruteForce.js";
import { type PartySpec, buildModel, pseudoRandomModel } from "./scenarios.js";

const points = (frontier: ParetoFrontier) =>
  Array.from({ length: frontier.size }, (_, point) => Array.from(frontier.utilities(point)));
const representatives = (frontier: ParetoFrontier) =>
  Array.from({ length: frontier.size }, (_, point) => Array.from(frontier.package(point)));

/**
 * Logrolling: X cares 3:1 about A, Y 1:3 about B; X wants o0 on both, Y o1 on both.
 *   [0,0] → (100, 0)   [0,1] → (75, 75)   [1,0] → (25, 25)   [1,1] → (0, 100)
 * Frontier: (100,0), (75,75), (0,100); (25,25) is dominated by (75,75).
 */
const logrollX: PartySpec = { weights: [3, 1], values: [[100, 0], [100, 0]], batna: 20 };
const logrollY: PartySpec = { weights: [1, 3], values: [[0, 100], [0, 100]], batna: 20 };

describe("two parties, hand-derived frontier", () => {
  const model = buildModel([2, 2], [logrollX, logrollY]);
  const frontier = computeFrontier(model);

  test("points sorted by the first party's utility, descending", () => {
    expect(frontier.size).toBe(3);
    expect(points(frontier)).toEqual([
      [100, 0],
      [75, 75],
      [0, 100],
    ]);
    expect(frontier.utility(1, 0)).toBe(75);
    expect(frontier.utility(1, 1)).toBe(75);
  });

  test("representatives and counts", () => {
    expect(representatives(frontier)).toEqual([
      [0, 0],
      [0, 1],
      [1, 1],
    ]);
    for (let point = 0; point < 3; point++) expect(frontier.countPackages(point)).toBe(1n);
    expect(frontier.agreeableOnly).toBe(false);
  });

  test("utilities() returns a copy", () => {
    const copy = frontier.utilities(0);
    copy[0] = -1;
    expect(frontier.utility(0, 0)).toBe(100);
  });
});

describe("undominatedOptions", () => {
  test("drops dominated options and duplicates of a lower option", () => {
    // option vectors (X, Y): o0 (10, 10), o1 (20, 5), o2 (10, 10) duplicate, o3 (5, 5) dominated, o4 (0, 30)
    const model = buildModel([5], [
      { weights: [1], values: [[10, 20, 10, 5, 0]] },
      { weights: [1], values: [[10, 5, 10, 5, 30]] },
    ]);
    expect(undominatedOptions(model, 0)).toEqual([0, 1, 4]);
  });
});

describe("issues nobody cares about multiply package counts", () => {
  // Issue 1 (three options) has weight 0 for both parties, between the two logrolling issues.
  const model = buildModel([2, 3, 2], [
    { weights: [3, 0, 1], values: [[100, 0], [0, 50, 100], [100, 0]] },
    { weights: [1, 0, 3], values: [[0, 100], [100, 0, 30], [0, 100]] },
  ]);
  const frontier = computeFrontier(model);

  test("same points as without the issue, each reached three times", () => {
    expect(points(frontier)).toEqual([
      [100, 0],
      [75, 75],
      [0, 100],
    ]);
    for (let point = 0; point < 3; point++) expect(frontier.countPackages(point)).toBe(3n);
    expect(undominatedOptions(model, 1)).toEqual([0]);
  });

  test("representatives take the lowest option of the indifferent issue", () => {
    expect(representatives(frontier)).toEqual([
      [0, 0, 0],
      [0, 0, 1],
      [1, 0, 1],
    ]);
  });

  test("packages() lists all of them in lexicographic order", () => {
    expect(Array.from(frontier.packages(1), (pkg) => Array.from(pkg))).toEqual([
      [0, 0, 1],
      [0, 1, 1],
      [0, 2, 1],
    ]);
  });

  test("two indifferent issues multiply: 3 × 4 packages per point", () => {
    const wide = buildModel([2, 3, 2, 4], [
      { weights: [3, 0, 1, 0], values: [[100, 0], [0, 0, 0], [100, 0], [0, 0, 0, 0]] },
      { weights: [1, 0, 3, 0], values: [[0, 100], [0, 0, 0], [0, 100], [0, 0, 0, 0]] },
    ]);
    const f = computeFrontier(wide);
    expect(f.size).toBe(3);
    expect(f.countPackages(1)).toBe(12n);
    const listed = Array.from(f.packages(1), (pkg) => Array.from(pkg));
    expect(listed).toHaveLength(12);
    expect(listed[0]).toEqual([0, 0, 1, 0]);
    expect(listed[11]).toEqual([0, 2, 1, 3]);
    expect(Array.from(f.package(1))).toEqual([0, 0, 1, 0]);
  });
});

describe("representatives are the lexicographically smallest package", () => {
  test("mirror-image issues: [0,1] and [1,0] reach the same point, [0,1] represents it", () => {
    // Equal weights; X wants o0, Y wants o1 on both issues: (50, 50) is reached by [0,1] and [1,0].
    const model = buildModel([2, 2], [
      { weights: [1, 1], values: [[100, 0], [100, 0]] },
      { weights: [1, 1], values: [[0, 100], [0, 100]] },
    ]);
    const frontier = computeFrontier(model);
    expect(points(frontier)).toEqual([
      [100, 0],
      [50, 50],
      [0, 100],
    ]);
    expect(representatives(frontier)).toEqual([
      [0, 0],
      [0, 1],
      [1, 1],
    ]);
    expect(frontier.countPackages(1)).toBe(2n);
    expect(Array.from(frontier.packages(1), (pkg) => Array.from(pkg))).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  test("equal vectors that differ in both issues", () => {
    const model = buildModel([2, 3], [
      { weights: [1, 1], values: [[0, 20], [20, 0, 0]] },
      { weights: [1, 1], values: [[20, 0], [0, 10, 20]] },
    ]);
    // X = (vA + vB)/2, Y likewise: [1,0] → (20, 0), [0,0] and [1,2] → (10, 10), [0,2] → (0, 20);
    // [0,1] → (0, 15) and [1,1] → (10, 5) are dominated.
    const frontier = computeFrontier(model);
    expect(points(frontier)).toEqual([
      [20, 0],
      [10, 10],
      [0, 20],
    ]);
    const middle = 1;
    expect(Array.from(frontier.package(middle))).toEqual([0, 0]);
    expect(Array.from(frontier.packages(middle), (pkg) => Array.from(pkg))).toEqual([
      [0, 0],
      [1, 2],
    ]);
  });
});

function expectMatchesReference(model: CompiledScenario) {
  const frontier = computeFrontier(model);
  const reference = referenceFrontier(model);
  expect(frontier.size).toBe(reference.length);
  const n = model.partyCount;
  // Both listed in descending lexicographic order of utilities.
  reference.sort((a, b) => {
    for (let p = 0; p < n; p++) if (Math.abs(a.utilities[p] - b.utilities[p]) > 1e-9) return b.utilities[p] - a.utilities[p];
    return 0;
  });
  for (let point = 0; point < frontier.size; point++) {
    frontier.utilities(point).forEach((u, p) => expect(u).toBeCloseTo(reference[point].utilities[p], 9));
    expect(Array.from(frontier.package(point))).toEqual(Array.from(reference[point].package));
    expect(frontier.countPackages(point)).toBe(BigInt(reference[point].count));
  }
}

describe("three parties", () => {
  test("hand-derived: a shared issue and a three-way split", () => {
    // Issue 0 (3 options): each party wants a different option, 90 points each.
    // Issue 1 (2 options): everybody prefers o1 (10 points each): o0 is dominated.
    const model = buildModel([3, 2], [
      { weights: [9, 1], values: [[100, 0, 0], [0, 100]] },
      { weights: [9, 1], values: [[0, 100, 0], [0, 100]] },
      { weights: [9, 1], values: [[0, 0, 100], [0, 100]] },
    ]);
    const frontier = computeFrontier(model);
    expect(points(frontier).map((u) => u.map((x) => Math.round(x * 1e9) / 1e9))).toEqual([
      [100, 10, 10],
      [10, 100, 10],
      [10, 10, 100],
    ]);
    expect(representatives(frontier)).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
    ]);
    expectMatchesReference(model);
  });

  test.each([1, 2, 3, 4, 5, 6, 7, 8])("pseudo-random scenario %i against brute force", (seed) => {
    expectMatchesReference(pseudoRandomModel(seed, 3, [3, 2, 4, 3]));
  });
});

describe("four parties", () => {
  test("hand-derived: identical twins and opposing twins", () => {
    // p0 = p2 want o0, p1 = p3 want o1 on a single issue: two points, twins equal.
    const model = buildModel([2], [
      { weights: [1], values: [[80, 20]] },
      { weights: [1], values: [[20, 80]] },
      { weights: [1], values: [[80, 20]] },
      { weights: [1], values: [[20, 80]] },
    ]);
    const frontier = computeFrontier(model);
    expect(points(frontier)).toEqual([
      [80, 20, 80, 20],
      [20, 80, 20, 80],
    ]);
    expectMatchesReference(model);
  });

  test.each([11, 12, 13, 14, 15, 16])("pseudo-random scenario %i against brute force", (seed) => {
    expectMatchesReference(pseudoRandomModel(seed, 4, [3, 3, 2, 3]));
  });
});

describe("the engine's budget", () => {
  /** 12 issues, weights 2^i: all 4096 packages are efficient with distinct utilities (constant sum). */
  const counts = Array.from({ length: 12 }, () => 2);
  const weights = counts.map((_, i) => 2 ** i);
  const model = buildModel(counts, [
    { weights, values: counts.map(() => [100, 0]), batna: 49 },
    { weights, values: counts.map(() => [0, 100]), batna: 49 },
  ]);
  /** Its levels hold 1, 2, 4 … 4096 points: 8191 in all. */
  const allLevels = 2 ** 13 - 1;
  const budgetFor = (points: number) => points * bytesPerPoint(2);

  function tooLarge(run: () => unknown): FrontierTooLargeError {
    let error: unknown;
    try {
      run();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FrontierTooLargeError);
    expect(error).toBeInstanceOf(UserError);
    return error as FrontierTooLargeError;
  }

  test("the defaults: 256 MiB and half a billion comparisons, far more than this frontier needs", () => {
    expect(FRONTIER_MEMORY_BUDGET).toBe(256 * 2 ** 20);
    expect(FRONTIER_WORK_BUDGET).toBe(5e8);
    expect(computeFrontier(model).size).toBe(4096);
  });

  test("memory counts the points of every level: exactly enough fits, one point fewer does not", () => {
    expect(computeFrontier(model, { memoryBudget: budgetFor(allLevels) }).size).toBe(4096);
    tooLarge(() => computeFrontier(model, { memoryBudget: budgetFor(allLevels - 1) }));
  });

  test("a memory budget that is too small stops with a message naming the size, the budget and the shape", () => {
    const error = tooLarge(() => computeFrontier(model, { memoryBudget: budgetFor(1000) }));
    expect(error.name).toBe("FrontierTooLargeError");
    expect(error.agreeableOnly).toBe(false);
    // Levels of 0 to 8 issues hold 511 points; the 9th issue's level reaches 512 more.
    expect(error.message).toBe(
      "The exact Pareto frontier of this scenario (2 parties) does not fit in the engine's memory budget: its levels hold " +
        "1,023 points (0 MiB), and the budget of 0 MiB holds 1,000; after 9 of its 12 issues it already has 512 points. " +
        "Fewer issues or options keep it within the budget.",
    );
  });

  test("a work budget that is too small stops the fold, whatever memory is left", () => {
    const error = tooLarge(() => computeFrontier(model, { workBudget: 1000 }));
    expect(error.message).toMatch(/^The exact Pareto frontier of this scenario \(2 parties\) takes too long to compute: checking its candidates passed the engine's budget of 1,000 comparisons/);
    expect(error.message).toMatch(/after \d+ of its 12 issues it already has [\d,]+ points/);
  });

  test("four or more parties: the dominance index's node visits count against the work budget", () => {
    const wide = pseudoRandomModel(5, 5, [4, 4, 4, 4, 4, 4]);
    expect(computeFrontier(wide).size).toBeGreaterThan(100);
    const error = tooLarge(() => computeFrontier(wide, { workBudget: 1000 }));
    expect(error.message).toMatch(/^The exact Pareto frontier of this scenario \(5 parties\) takes too long to compute/);
  });

  test("the agreeable part is what the message names when only it is built, and it fits where the whole does not", () => {
    const error = tooLarge(() => computeFrontier(model, { agreeableOnly: true, memoryBudget: budgetFor(10) }));
    expect(error.agreeableOnly).toBe(true);
    expect(error.message).toMatch(/^The agreeable part of the exact Pareto frontier of this scenario/);
    // BATNAs of 49 leave the packages whose first utility lies in (49, 51): 82 of 4096.
    const part = computeFrontier(model, { agreeableOnly: true, memoryBudget: budgetFor(1000) });
    expect(part.size).toBe(82);
    tooLarge(() => computeFrontier(model, { memoryBudget: budgetFor(1000) }));
  });
});

describe("agreeableOnly", () => {
  test("logrolling: only the point beating both BATNAs is built", () => {
    const model = buildModel([2, 2], [logrollX, logrollY]);
    const part = computeFrontier(model, { agreeableOnly: true });
    expect(part.agreeableOnly).toBe(true);
    expect(points(part)).toEqual([[75, 75]]);
    expect(representatives(part)).toEqual([[0, 1]]);
    expect(part.countPackages(0)).toBe(1n);
  });

  test("a package exactly at a BATNA is not agreeable", () => {
    // (75, 75) is only as good as Y's BATNA of 75; (100, 0) and (0, 100) lose to a BATNA.
    const model = buildModel([2, 2], [logrollX, { ...logrollY, batna: 75 }]);
    const part = computeFrontier(model, { agreeableOnly: true });
    expect(part.size).toBe(0);
  });

  test("every point of the agreeable part beats every BATNA, and none is missing", () => {
    for (const seed of [21, 22, 23, 24, 25]) {
      const model = pseudoRandomModel(seed, 3, [3, 3, 2]);
      const whole = computeFrontier(model);
      const part = computeFrontier(model, { agreeableOnly: true });
      for (let point = 0; point < part.size; point++) expect(agreeable(model, part.utilities(point))).toBe(true);
      const expected = points(whole).filter((u) => agreeable(model, Float64Array.from(u)));
      expect(points(part)).toEqual(expected);
    }
  });

  test("counts and packages survive pruning", () => {
    const model = buildModel([2, 3, 2], [
      { weights: [3, 0, 1], values: [[100, 0], [0, 0, 0], [100, 0]], batna: 20 },
      { weights: [1, 0, 3], values: [[0, 100], [0, 0, 0], [0, 100]], batna: 20 },
    ]);
    const part = computeFrontier(model, { agreeableOnly: true });
    expect(part.size).toBe(1);
    expect(part.countPackages(0)).toBe(3n);
    expect(Array.from(part.packages(0), (pkg) => Array.from(pkg))).toEqual([
      [0, 0, 1],
      [0, 1, 1],
      [0, 2, 1],
    ]);
  });
});

describe("frontiers share storage blocks", () => {
  test("a frontier keeps its points and packages while many others, small and large, are built after it", () => {
    const kept = [2, 3].map((n, k) => {
      const model = pseudoRandomModel(40 + k, n, [4, 3, 5, 3]);
      const frontier = computeFrontier(model);
      return { model, frontier, points: points(frontier), packages: representatives(frontier) };
    });
    // Enough levels to fill several shared blocks, and levels larger than a block (their own block).
    for (let seed = 0; seed < 300; seed++) computeFrontier(pseudoRandomModel(100 + seed, 2 + (seed % 2), [5, 4, 4, 3]));
    computeFrontier(pseudoRandomModel(7, 2, Array.from({ length: 14 }, () => 6)));
    for (const { model, frontier, points: before, packages } of kept) {
      expect(points(frontier)).toEqual(before);
      expect(representatives(frontier)).toEqual(packages);
      expect(points(computeFrontier(model))).toEqual(before);
    }
  });
});
