import { describe, expect, test } from "vitest";
import { agreeablePoints, nashProduct } from "../../src/engine/bargaining.js";
import { computeFrontier } from "../../src/engine/frontier.js";
import { packageUtilities } from "../../src/engine/model.js";
import { describeTrades, valueCreatingPackages } from "../../src/engine/packages.js";
import { agreeable, referenceFrontier } from "../support/bruteForce.js";
import { buildModel, pseudoRandomModel, SIX_OPTIONS, singleIssueModel } from "./scenarios.js";

/**
 * One issue, utilities (X, Y): o0 (50, 0), o1 (40, 10), o2 (30, 22.5), o3 (20, 35), o4 (15, 45), o5 (0.5, 100).
 * BATNAs (5, 0): o0 and o5 are not agreeable. Nash products (gains):
 *   o1 35×10 = 350, o2 25×22.5 = 562.5, o3 15×35 = 525, o4 10×45 = 450 → o2, o3, o4, o1.
 */

describe("valueCreatingPackages", () => {
  const frontier = computeFrontier(singleIssueModel(SIX_OPTIONS, [5, 0]));

  test("ranked by Nash product, with hand-computed products and joint gains", () => {
    const packages = valueCreatingPackages(frontier, 10);
    expect(packages.map((p) => Array.from(p.package))).toEqual([[2], [3], [4], [1]]);
    expect(packages.map((p) => p.nashProduct)).toEqual([562.5, 525, 450, 350]);
    // joint gain = Σ utilities − Σ BATNAs
    expect(packages.map((p) => p.jointGain)).toEqual([47.5, 50, 55, 45]);
    expect(packages.map((p) => Array.from(p.utilities))).toEqual([
      [30, 22.5],
      [20, 35],
      [15, 45],
      [40, 10],
    ]);
    for (const p of packages) expect(p.nashProduct).toBe(nashProduct(frontier, p.point));
  });

  test("count limits the list", () => {
    expect(valueCreatingPackages(frontier, 2).map((p) => Array.from(p.package))).toEqual([[2], [3]]);
    expect(valueCreatingPackages(frontier, 0)).toEqual([]);
    expect(valueCreatingPackages(frontier, -3)).toEqual([]);
  });

  test("none without agreeable packages", () => {
    expect(valueCreatingPackages(computeFrontier(singleIssueModel(SIX_OPTIONS, [60, 0])), 5)).toEqual([]);
  });

  test("equal products: larger joint gain first, then the smaller package", () => {
    // o0 (30, 70) and o1 (70, 30): products 2100, joints equal → [0] first.
    // o2 (20, 20) and o3 (10, 40): products 400; joints 40 and 50 → o3 before o2.
    const frontier2 = computeFrontier(
      singleIssueModel(
        [
          [30, 70],
          [70, 30],
          [20, 20],
          [10, 40],
        ],
        [0, 0],
      ),
    );
    // (20, 20) is dominated by (30, 70); (10, 40) too. Only o0 and o1 are efficient.
    expect(valueCreatingPackages(frontier2, 5).map((p) => Array.from(p.package))).toEqual([[0], [1]]);
    const frontier3 = computeFrontier(
      singleIssueModel(
        [
          [20, 20],
          [10, 40],
        ],
        [0, 0],
      ),
    );
    expect(valueCreatingPackages(frontier3, 5).map((p) => Array.from(p.package))).toEqual([[1], [0]]);
  });

  test.each([31, 32, 33, 34])("pseudo-random scenario %i: all agreeable, all on the frontier, sorted", (seed) => {
    const model = pseudoRandomModel(seed, 3, [3, 3, 2, 2]);
    const frontier = computeFrontier(model);
    const reference = referenceFrontier(model);
    const packages = valueCreatingPackages(frontier, 1000);
    expect(packages).toHaveLength(agreeablePoints(frontier).length);
    for (const p of packages) {
      expect(agreeable(model, p.utilities)).toBe(true);
      expect(Array.from(packageUtilities(model, p.package))).toEqual(Array.from(p.utilities));
      // The package is the lexicographically smallest one reaching an efficient point.
      expect(reference.some((r) => r.package.every((o, i) => o === p.package[i]))).toBe(true);
    }
    for (let k = 1; k < packages.length; k++) {
      expect(packages[k - 1].nashProduct).toBeGreaterThanOrEqual(packages[k].nashProduct * (1 - 1e-9));
    }
  });
});

/**
 * Logrolling with a shared issue. Weights X 6/1/1, Y 1/6/1 (→ .75/.125/.125), values 0 or 100:
 *   A: X wants o0, Y wants o1 — matters most to X
 *   B: X wants o0, Y wants o1 — matters most to Y
 *   S: both want o1
 * Priorities: X .75/.125/.125, Y .125/.75/.125; stakes 100 each.
 */
const logroll = buildModel([2, 2, 2], [
  { weights: [6, 1, 1], values: [[100, 0], [100, 0], [0, 100]], batna: 40 },
  { weights: [1, 6, 1], values: [[0, 100], [0, 100], [0, 100]], batna: 40 },
]);

describe("describeTrades", () => {
  test("the logroll [0,1,1]: each gives way on what matters less to it, S is shared", () => {
    expect(describeTrades(logroll, [0, 1, 1])).toEqual({
      parties: [
        {
          party: 0,
          givesWayOn: [{ issue: 1, priority: 0.125, loss: 0.125 }],
          getsItsWayOn: [{ issue: 0, priority: 0.75, loss: 0 }],
        },
        {
          party: 1,
          givesWayOn: [{ issue: 0, priority: 0.125, loss: 0.125 }],
          getsItsWayOn: [{ issue: 1, priority: 0.75, loss: 0 }],
        },
      ],
      sharedIssues: [2],
    });
  });

  test("the reverse trade [1,0,0]: big losses, nothing shared", () => {
    expect(describeTrades(logroll, [1, 0, 0])).toEqual({
      parties: [
        {
          party: 0,
          givesWayOn: [
            { issue: 0, priority: 0.75, loss: 0.75 },
            { issue: 2, priority: 0.125, loss: 0.125 },
          ],
          getsItsWayOn: [{ issue: 1, priority: 0.125, loss: 0 }],
        },
        {
          party: 1,
          givesWayOn: [
            { issue: 1, priority: 0.75, loss: 0.75 },
            { issue: 2, priority: 0.125, loss: 0.125 },
          ],
          getsItsWayOn: [{ issue: 0, priority: 0.125, loss: 0 }],
        },
      ],
      sharedIssues: [],
    });
  });

  test("an issue one party does not care about is shared when the other gets its way", () => {
    // X has no interest in B (weight 0): Y getting o1 costs X nothing.
    const model = buildModel([2, 2], [
      { weights: [1, 0], values: [[100, 0], [100, 0]] },
      { weights: [1, 1], values: [[0, 100], [0, 100]] },
    ]);
    const trades = describeTrades(model, [0, 1]);
    expect(trades.sharedIssues).toEqual([1]);
    expect(trades.parties[0].givesWayOn).toEqual([]);
    expect(trades.parties[0].getsItsWayOn).toEqual([{ issue: 0, priority: 1, loss: 0 }]);
    expect(trades.parties[1].givesWayOn).toEqual([{ issue: 0, priority: 0.5, loss: 0.5 }]);
    expect(trades.parties[1].getsItsWayOn).toEqual([]);
  });

  test("partial losses are shares of the party's stakes", () => {
    // Weights 6:1 (→ 6/7, 1/7); X's stakes are 100. On A (X 100/40/0) o1 loses X 6/7 × 60 points.
    const model = buildModel([3, 2], [
      { weights: [6, 1], values: [[100, 40, 0], [100, 0]] },
      { weights: [1, 6], values: [[0, 50, 100], [0, 100]] },
    ]);
    const trades = describeTrades(model, [1, 1]);
    const x = trades.parties[0];
    expect(x.givesWayOn.map((t) => t.issue)).toEqual([0, 1]);
    expect(x.givesWayOn[0].loss).toBeCloseTo(((6 / 7) * 60) / 100, 12);
    expect(x.givesWayOn[0].priority).toBeCloseTo(6 / 7, 12);
    expect(x.givesWayOn[1].loss).toBeCloseTo(1 / 7, 12);
    const y = trades.parties[1];
    expect(y.getsItsWayOn.map((t) => t.issue)).toEqual([1]);
    expect(y.getsItsWayOn[0].priority).toBeCloseTo(6 / 7, 12);
    expect(y.givesWayOn.map((t) => t.issue)).toEqual([0]);
    expect(y.givesWayOn[0].loss).toBeCloseTo(((1 / 7) * 50) / 100, 12);
    expect(trades.sharedIssues).toEqual([]);
  });
});

describe("valueCreatingPackages on the logroll", () => {
  test("the only agreeable efficient package is the logroll, with its trades", () => {
    const frontier = computeFrontier(logroll);
    // Frontier: [0,0,1] (100, 12.5), [0,1,1] (87.5, 87.5), [1,1,1] (12.5, 100); BATNAs 40.
    expect(frontier.size).toBe(3);
    const [only, ...rest] = valueCreatingPackages(frontier, 5);
    expect(rest).toEqual([]);
    expect(Array.from(only.package)).toEqual([0, 1, 1]);
    expect(Array.from(only.utilities)).toEqual([87.5, 87.5]);
    expect(only.nashProduct).toBe(47.5 * 47.5);
    expect(only.jointGain).toBe(95);
    expect(only.trades).toEqual(describeTrades(logroll, [0, 1, 1]));
  });
});
