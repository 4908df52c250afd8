import { describe, expect, test } from "vitest";
import {
  agreeablePoints,
  jointUtility,
  kalaiSmorodinskyPoint,
  maxJointPoint,
  nashPoint,
  nashProduct,
} from "../../src/engine/bargaining.js";
import { type ParetoFrontier, computeFrontier } from "../../src/engine/frontier.js";
import { buildModel, SIX_OPTIONS, singleIssueModel } from "./scenarios.js";

const pkg = (frontier: ParetoFrontier, point: number | null) => (point === null ? null : Array.from(frontier.package(point)));

/**
 * One issue, six options, utilities (X, Y):
 *   o0 F (50, 0)   o1 A (40, 10)   o2 B (30, 22.5)   o3 C (20, 35)   o4 E (15, 45)   o5 D (0.5, 100)
 * All six are efficient; the frontier lists them in this order (X descending), so point k is option k.
 * With BATNAs (0, 0), F is not agreeable (Y gets exactly its BATNA).
 *   Nash products: A 400, B 675, C 700, E 675, D 50                       → C
 *   KS: ideal over agreeable packages = (40, 100);
 *       min(gain/ideal gain): A .1, B .225, C .35, E min(.375, .45) = .375, D .0125 → E
 *       (with F's 50 as X's ideal, C would win: .35 against E's .3)
 *   Joint: A 50, B 52.5, C 55, E 60, D 100.5                              → D
 */

describe("bargaining points, hand-computed", () => {
  const frontier = computeFrontier(singleIssueModel(SIX_OPTIONS, [0, 0]));

  test("frontier order (precondition)", () => {
    expect(frontier.size).toBe(6);
    for (let point = 0; point < 6; point++) expect(pkg(frontier, point)).toEqual([point]);
  });

  test("agreeable points exclude the package that only matches a BATNA", () => {
    expect(agreeablePoints(frontier)).toEqual([1, 2, 3, 4, 5]);
  });

  test("Nash product and joint utility of a point", () => {
    expect(nashProduct(frontier, 3)).toBe(700);
    expect(nashProduct(frontier, 2)).toBe(675);
    expect(nashProduct(frontier, 0)).toBe(0);
    expect(jointUtility(frontier, 5)).toBe(100.5);
    expect(jointUtility(frontier, 2)).toBe(52.5);
  });

  test("Nash: C", () => {
    expect(pkg(frontier, nashPoint(frontier))).toEqual([3]);
  });

  test("Kalai–Smorodinsky: E (ideal measured over agreeable packages only)", () => {
    expect(pkg(frontier, kalaiSmorodinskyPoint(frontier))).toEqual([4]);
  });

  test("max joint: D", () => {
    expect(pkg(frontier, maxJointPoint(frontier))).toEqual([5]);
  });

  test("explicit candidate lists restrict the choice", () => {
    expect(pkg(frontier, nashPoint(frontier, [1, 2]))).toEqual([2]);
    expect(pkg(frontier, maxJointPoint(frontier, [1, 2, 3]))).toEqual([3]);
    expect(nashPoint(frontier, [])).toBeNull();
  });

  test("BATNAs move the points: X's BATNA 20 leaves A and B", () => {
    const shifted = computeFrontier(singleIssueModel(SIX_OPTIONS, [20, 0]));
    expect(agreeablePoints(shifted)).toEqual([1, 2]);
    // Nash: A 20×10 = 200, B 10×22.5 = 225. KS: ideal (40, 22.5): A min(1, 10/22.5), B min(.5, 1) → B.
    expect(pkg(shifted, nashPoint(shifted))).toEqual([2]);
    expect(pkg(shifted, kalaiSmorodinskyPoint(shifted))).toEqual([2]);
    // Joint: A 50, B 52.5.
    expect(pkg(shifted, maxJointPoint(shifted))).toEqual([2]);
  });
});

describe("null when no package beats every BATNA", () => {
  test("BATNA above everything on offer", () => {
    const frontier = computeFrontier(singleIssueModel(SIX_OPTIONS, [60, 0]));
    expect(agreeablePoints(frontier)).toEqual([]);
    expect(nashPoint(frontier)).toBeNull();
    expect(kalaiSmorodinskyPoint(frontier)).toBeNull();
    expect(maxJointPoint(frontier)).toBeNull();
  });

  test("a package exactly at a BATNA does not count", () => {
    // X's BATNA 40: only F gives X more, and F gives Y exactly its BATNA 0.
    const frontier = computeFrontier(singleIssueModel(SIX_OPTIONS, [40, 0]));
    expect(agreeablePoints(frontier)).toEqual([]);
    expect(nashPoint(frontier)).toBeNull();
    expect(kalaiSmorodinskyPoint(frontier)).toBeNull();
    expect(maxJointPoint(frontier)).toBeNull();
  });

  test("an empty agreeable-only frontier", () => {
    const frontier = computeFrontier(singleIssueModel(SIX_OPTIONS, [60, 0]), { agreeableOnly: true });
    expect(frontier.size).toBe(0);
    expect(nashPoint(frontier)).toBeNull();
    expect(kalaiSmorodinskyPoint(frontier)).toBeNull();
    expect(maxJointPoint(frontier)).toBeNull();
  });
});

describe("deterministic tie-breaks", () => {
  test("symmetric points with equal scores: the lexicographically smallest package wins", () => {
    // o0 (40, 70), o1 (70, 40), o2 (10, 10); BATNAs 10: gains (30, 60) and (60, 30).
    // The frontier lists o1 first (X descending), yet o0 must win every solution.
    const frontier = computeFrontier(
      singleIssueModel(
        [
          [40, 70],
          [70, 40],
          [10, 10],
        ],
        [10, 10],
      ),
    );
    expect(pkg(frontier, 0)).toEqual([1]);
    expect(pkg(frontier, 1)).toEqual([0]);
    expect(nashProduct(frontier, 0)).toBe(nashProduct(frontier, 1));
    expect(pkg(frontier, nashPoint(frontier))).toEqual([0]);
    expect(pkg(frontier, kalaiSmorodinskyPoint(frontier))).toEqual([0]);
    expect(pkg(frontier, maxJointPoint(frontier))).toEqual([0]);
  });

  test("symmetric points over two issues: [0,1] beats [1,0]", () => {
    // Equal weights; issue 0: X 100/0, Y 0/100; issue 1: X 60/40, Y 40/60.
    //   [0,0] → (80, 20)   [0,1] → (70, 30)   [1,0] → (30, 70)   [1,1] → (20, 80)
    // Every sum is 100. Nash: 2100 for [0,1] and [1,0] → [0,1]; KS (ideal 80, 80): .375 for both → [0,1];
    // max joint: a four-way tie → [0,0].
    const model = buildModel([2, 2], [
      { weights: [1, 1], values: [[100, 0], [60, 40]] },
      { weights: [1, 1], values: [[0, 100], [40, 60]] },
    ]);
    const frontier = computeFrontier(model);
    const nash = nashPoint(frontier);
    expect(pkg(frontier, nash)).toEqual([0, 1]);
    expect(Array.from(frontier.utilities(nash!))).toEqual([70, 30]);
    expect(pkg(frontier, kalaiSmorodinskyPoint(frontier))).toEqual([0, 1]);
    expect(pkg(frontier, maxJointPoint(frontier))).toEqual([0, 0]);
  });

  test("equal Nash products: the larger joint utility wins before package order", () => {
    // o0 (20, 20) and o1 (10, 40): both products 400; joint 40 against 50 → o1.
    const frontier = computeFrontier(
      singleIssueModel(
        [
          [20, 20],
          [10, 40],
        ],
        [0, 0],
      ),
    );
    expect(nashProduct(frontier, 0)).toBe(400);
    expect(nashProduct(frontier, 1)).toBe(400);
    expect(pkg(frontier, nashPoint(frontier))).toEqual([1]);
  });

  test("scores equal up to float noise tie: weights 0.1 / 0.2 / 0.3, constant sum", () => {
    // Every package sums to 100 points (mathematically); BATNAs 0 exclude [0,0,0] and [1,1,1].
    // Max joint is then a 5-way tie, which goes to the smallest package: [0,0,1].
    const model = buildModel([2, 2, 2], [
      { weights: [0.1, 0.2, 0.3], values: [[0, 100], [0, 100], [0, 100]] },
      { weights: [0.1, 0.2, 0.3], values: [[100, 0], [100, 0], [100, 0]] },
    ]);
    const frontier = computeFrontier(model);
    expect(agreeablePoints(frontier)).toHaveLength(5);
    expect(pkg(frontier, maxJointPoint(frontier))).toEqual([0, 0, 1]);
    // Nash: the (50, 50) point, also represented by [0,0,1].
    expect(pkg(frontier, nashPoint(frontier))).toEqual([0, 0, 1]);
  });
});
