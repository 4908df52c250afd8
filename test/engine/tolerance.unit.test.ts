import { describe, expect, test } from "vitest";
import { computeFrontier } from "../../src/engine/frontier.js";
import { packageUtilities } from "../../src/engine/model.js";
import { UTILITY_EPSILON, utilitiesEqual, utilityGreater } from "../../src/engine/tolerance.js";
import { referenceFrontier } from "../support/bruteForce.js";
import { type PartySpec, buildModel, singleIssueModel } from "./scenarios.js";

describe("utilitiesEqual / utilityGreater", () => {
  test("float noise is equal, a difference of 1e-6 points is not", () => {
    expect(UTILITY_EPSILON).toBe(1e-9);
    expect(0.1 + 0.2 === 0.3).toBe(false);
    expect(utilitiesEqual(0.1 + 0.2, 0.3)).toBe(true);
    expect(utilityGreater(0.1 + 0.2, 0.3)).toBe(false);
    expect(utilityGreater(0.3, 0.1 + 0.2)).toBe(false);
    expect(utilitiesEqual(50, 50 + 1e-6)).toBe(false);
    expect(utilityGreater(50 + 1e-6, 50)).toBe(true);
    expect(utilityGreater(50, 50 + 1e-6)).toBe(false);
    expect(utilitiesEqual(50, 50 + 1e-9)).toBe(true);
  });
});

/**
 * Weights 0.1 / 0.2 / 0.3 (normalised 1/6, 2/6, 3/6, computed as 0.1/0.6000000000000001 …).
 * "high" parties get 100 points for option o1 of every issue, "low" parties for o0.
 * Packages [0,0,1] and [1,1,0] are worth 50 / 50 mathematically, but through different
 * float sums (w2·100 against w1·100 + w0·100).
 */
const high: PartySpec = { weights: [0.1, 0.2, 0.3], values: [[0, 100], [0, 100], [0, 100]] };
const low: PartySpec = { weights: [0.1, 0.2, 0.3], values: [[100, 0], [100, 0], [100, 0]] };

describe.each([
  { parties: 2, specs: [high, low] },
  { parties: 3, specs: [high, low, high] },
  { parties: 4, specs: [high, low, high, low] },
])("mathematically equal utilities through different float sums, $parties parties", ({ specs }) => {
  const model = buildModel([2, 2, 2], specs);

  test("the two sums really differ in floating point (precondition)", () => {
    const a = packageUtilities(model, [0, 0, 1]);
    const b = packageUtilities(model, [1, 1, 0]);
    expect(Array.from(a)).not.toEqual(Array.from(b));
    a.forEach((u, p) => expect(utilitiesEqual(u, b[p])).toBe(true));
  });

  test("the frontier keeps one point for them and counts both packages", () => {
    const frontier = computeFrontier(model);
    // Constant-sum: every package is efficient; the first party's utility takes the
    // 7 values 0, 1/6, …, 6/6 of 100, with 3/6 reached twice.
    expect(frontier.size).toBe(7);
    const firstUtilities = Array.from({ length: frontier.size }, (_, point) => frontier.utility(point, 0));
    const expected = [100, 500 / 6, 400 / 6, 50, 200 / 6, 100 / 6, 0];
    firstUtilities.forEach((u, k) => expect(u).toBeCloseTo(expected[k], 9));
    const middle = firstUtilities.findIndex((u) => Math.abs(u - 50) < 1e-6);
    expect(middle).toBe(3);
    expect(frontier.countPackages(middle)).toBe(2n);
    expect(Array.from(frontier.package(middle))).toEqual([0, 0, 1]);
    expect(Array.from(frontier.packages(middle), (pkg) => Array.from(pkg))).toEqual([
      [0, 0, 1],
      [1, 1, 0],
    ]);
    let total = 0n;
    for (let point = 0; point < frontier.size; point++) total += frontier.countPackages(point);
    expect(total).toBe(8n);
  });

  test("agrees with the brute-force reference", () => {
    const reference = referenceFrontier(model);
    expect(reference.length).toBe(7);
    expect(reference.find((point) => point.count === 2)?.package).toEqual(Int32Array.of(0, 0, 1));
  });
});

describe("a real difference just above the tolerance", () => {
  test("a trade-off of 1e-6 points is two frontier points", () => {
    const model = singleIssueModel(
      [
        [50, 50],
        [50.000001, 49.999999],
      ],
      [0, 0],
    );
    const frontier = computeFrontier(model);
    expect(frontier.size).toBe(2);
    expect(Array.from(frontier.package(0))).toEqual([1]);
    expect(Array.from(frontier.package(1))).toEqual([0]);
    expect(frontier.countPackages(0)).toBe(1n);
    expect(frontier.countPackages(1)).toBe(1n);
  });

  test("an improvement of 1e-6 points for one party dominates", () => {
    const model = singleIssueModel(
      [
        [50, 50],
        [50, 50.000001],
      ],
      [0, 0],
    );
    const frontier = computeFrontier(model);
    expect(frontier.size).toBe(1);
    expect(Array.from(frontier.package(0))).toEqual([1]);
    expect(frontier.countPackages(0)).toBe(1n);
  });

  test("a difference of 1e-12 points is the same point (lower option represents it)", () => {
    const model = singleIssueModel(
      [
        [50, 50],
        [50 + 1e-12, 50 - 1e-12],
      ],
      [0, 0],
    );
    const frontier = computeFrontier(model);
    expect(frontier.size).toBe(1);
    expect(Array.from(frontier.package(0))).toEqual([0]);
    expect(frontier.countPackages(0)).toBe(2n);
  });

  test("three parties: a 1e-6 trade-off is two points, 1e-12 is one", () => {
    const apart = computeFrontier(
      singleIssueModel(
        [
          [50, 50, 50],
          [50, 50.000001, 49.999999],
        ],
        [0, 0, 0],
      ),
    );
    expect(apart.size).toBe(2);
    const together = computeFrontier(
      singleIssueModel(
        [
          [50, 50, 50],
          [50, 50 + 1e-12, 50 - 1e-12],
        ],
        [0, 0, 0],
      ),
    );
    expect(together.size).toBe(1);
    expect(together.countPackages(0)).toBe(2n);
  });
});
