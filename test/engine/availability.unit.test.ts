/**
 * Hidden terms: the availability mask in every engine function that ranges over options, and
 * revealing an issue in a frontier by one merge.
 */
import { describe, expect, test } from "vitest";
import { generateScenario } from "../../bench/generate.js";
import { clauseValues, fixedTermsOnly, hasContingentOptions } from "../../src/engine/contingent.js";
import { FrontierTooLargeError, computeFrontier, revealInFrontier, undominatedOptions } from "../../src/engine/frontier.js";
import { favouriteOptions } from "../../src/engine/issues.js";
import {
  compileScenario,
  contributionRange,
  isAvailable,
  outcomeCount,
  utilityBounds,
  withAvailability,
} from "../../src/engine/model.js";
import { favouritePackage, naiveCompromise } from "../../src/engine/reference-packages.js";
import { buildModel, singleIssueModel } from "./scenarios.js";
import { solarParkModel } from "./uncertain.js";

/** Issue 0: option 2 is best for both parties; issue 1: opposed. */
const model = buildModel(
  [3, 2],
  [
    { weights: [1, 1], values: [[0, 40, 100], [0, 100]], batna: 10 },
    { weights: [1, 1], values: [[0, 60, 100], [100, 0]], batna: 10 },
  ],
);
/** Option 2 of issue 0 not yet on the table. */
const masked = withAvailability(model, Uint8Array.of(1, 1, 0, 1, 1));

describe("availability mask", () => {
  test("withAvailability makes a new model sharing every array but the mask; undefined removes it", () => {
    expect(masked).not.toBe(model);
    expect(masked.contributions).toBe(model.contributions);
    expect(isAvailable(masked, 0, 2)).toBe(false);
    expect(isAvailable(masked, 0, 1)).toBe(true);
    expect(isAvailable(model, 0, 2)).toBe(true);
    const open = withAvailability(masked, undefined);
    expect("available" in open).toBe(false);
    expect(isAvailable(open, 0, 2)).toBe(true);
  });

  test("the outcome count, ranges and bounds cover the available options only", () => {
    expect(outcomeCount(model)).toBe(6n);
    expect(outcomeCount(masked)).toBe(4n);
    expect(contributionRange(masked, 0, 0)).toEqual({ low: 0, high: 20 });
    expect(contributionRange(model, 0, 0)).toEqual({ low: 0, high: 50 });
    expect(Array.from(utilityBounds(masked))).toEqual([0, 70, 0, 80]);
  });

  test("undominated options and favourites skip what is not on the table", () => {
    expect(undominatedOptions(model, 0)).toEqual([2]);
    expect(undominatedOptions(masked, 0)).toEqual([1]);
    expect(favouriteOptions(masked, 0, 0)).toEqual([1]);
    expect(Array.from(favouritePackage(masked, 1))).toEqual([1, 0]);
    expect(Array.from(naiveCompromise(masked))[0]).toBe(1);
    expect(Array.from(naiveCompromise(model))[0]).toBe(2);
  });

  test("a hidden first option is never the default of a package", () => {
    const points = [[100, 0], [50, 50], [0, 100]];
    const hidden = withAvailability(singleIssueModel(points, [0, 0]), Uint8Array.of(0, 1, 1));
    expect(Array.from(favouritePackage(hidden, 0))).toEqual([1]);
    const frontier = computeFrontier(hidden);
    expect(Array.from({ length: frontier.size }, (_, point) => frontier.package(point)[0])).toEqual([1, 2]);
  });

  test("contingent clauses not on the table are no clauses; fixedTermsOnly keeps the mask", () => {
    const solar = solarParkModel();
    const mask = new Uint8Array(solar.totalOptions).fill(1);
    mask[solar.issueOffsets[0] + 3] = 0; // price-clause
    mask[solar.issueOffsets[1] + 3] = 0; // overrun-clause
    mask[solar.issueOffsets[2] + 2] = 0; // lease: high
    const hidden = withAvailability(solar, mask);
    expect(hasContingentOptions(solar)).toBe(true);
    expect(hasContingentOptions(hidden)).toBe(false);
    expect(clauseValues(hidden)).toEqual([]);
    mask[solar.issueOffsets[1] + 3] = 1;
    const oneClause = withAvailability(solar, mask);
    expect(clauseValues(oneClause).map((value) => value.issue)).toEqual([1]);
    const fixed = fixedTermsOnly(oneClause)!;
    expect(Array.from(fixed.available!)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1]);
    expect(fixed.optionIds[2]).toEqual(["low", "medium", "high"]);
  });

  test("fixedTermsOnly is null when an issue's only available options are clauses", () => {
    const solar = solarParkModel();
    const mask = new Uint8Array(solar.totalOptions).fill(1);
    for (let o = 0; o < 3; o++) mask[solar.issueOffsets[0] + o] = 0;
    expect(fixedTermsOnly(withAvailability(solar, mask))).toBeNull();
  });
});

describe("revealInFrontier", () => {
  const bench = compileScenario(generateScenario({ parties: 2, family: "opposed", issues: 10, options: 10 }));
  const lockedMask = new Uint8Array(bench.totalOptions).fill(1);
  for (let o = 1; o < 10; o++) lockedMask[bench.issueOffsets[4] + o] = 0;
  const locked = withAvailability(bench, lockedMask);

  test("one merge: a work budget too small for the whole fold is enough for the reveal", () => {
    const before = computeFrontier(locked);
    // 4 000 comparisons: the reveal takes about 1 800 here, folding the ten issues about 9 600 (two-party merge's count).
    expect(() => computeFrontier(bench, { workBudget: 4000 })).toThrow(FrontierTooLargeError);
    const after = revealInFrontier(before, bench, 4, { workBudget: 4000 });
    const fresh = computeFrontier(bench);
    expect(after.size).toBe(fresh.size);
    for (let point = 0; point < fresh.size; point++) expect(Array.from(after.utilities(point))).toEqual(Array.from(fresh.utilities(point)));
  });

  test("the old frontier is left as it was", () => {
    const before = computeFrontier(locked);
    const points = Array.from({ length: before.size }, (_, point) => Array.from(before.utilities(point)));
    const packages = Array.from({ length: before.size }, (_, point) => Array.from(before.package(point)));
    revealInFrontier(before, bench, 4);
    expect(Array.from({ length: before.size }, (_, point) => Array.from(before.utilities(point)))).toEqual(points);
    expect(Array.from({ length: before.size }, (_, point) => Array.from(before.package(point)))).toEqual(packages);
    expect(packages.every((pkg) => pkg[4] === 0)).toBe(true);
  });

  test("only a reveal of the frontier's own model is accepted", () => {
    const before = computeFrontier(locked);
    expect(() => revealInFrontier(before, compileScenario(generateScenario({ parties: 2, family: "opposed", issues: 10, options: 10 })), 4)).toThrow(
      /withAvailability/,
    );
    const withdrawn = bench.available ?? new Uint8Array(bench.totalOptions).fill(1);
    const fewer = withdrawn.slice();
    fewer[bench.issueOffsets[4]] = 0;
    fewer[bench.issueOffsets[4] + 1] = 1;
    expect(() => revealInFrontier(before, withAvailability(bench, fewer), 4)).toThrow(/withdrawn/);
    expect(() => revealInFrontier(before, bench, 3)).toThrow(/issue 4 changed/);
  });
});
