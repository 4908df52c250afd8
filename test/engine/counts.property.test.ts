/**
 * Package counts are made during the fold (each candidate carries its parent's count times the
 * options equal to its own, equal candidates add up): against enumeration on small spaces with
 * duplicate options and hidden terms, through a reveal, and exact far past 2^53.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { computeFrontier, revealInFrontier } from "../../src/engine/frontier.js";
import { type CompiledScenario, compileScenario, isAvailable, outcomeCount, withAvailability } from "../../src/engine/model.js";
import { UTILITY_EPSILON } from "../../src/engine/tolerance.js";
import type { Scenario } from "../../src/scenario/schema.js";
import { arbitraryScenario } from "../support/arbitraries.js";
import { agreeable, equal, referenceFrontier } from "../support/bruteForce.js";
import { buildModel } from "./scenarios.js";

const shapes = [
  { parties: 2, maxIssues: 5, maxOptions: 4 },
  { parties: 3, maxIssues: 4, maxOptions: 4 },
  { parties: 4, maxIssues: 4, maxOptions: 3 },
];

/** Integer weights and a handful of values: many packages share a utility vector, and options repeat within an issue. */
const coarseScenario = (shape: (typeof shapes)[number]): fc.Arbitrary<Scenario> =>
  arbitraryScenario({ ...shape, value: fc.constantFrom(0, 50, 100), weight: fc.integer({ min: 0, max: 2 }), cost: fc.constant(0) });

/** A coarse scenario's model with a random mask of available options (every issue keeps one). */
function maskedModel(shape: (typeof shapes)[number]): fc.Arbitrary<CompiledScenario> {
  return coarseScenario(shape).chain((scenario) => {
    const model = compileScenario(scenario);
    return fc.array(fc.boolean(), { minLength: model.totalOptions, maxLength: model.totalOptions }).map((bits) => {
      const mask = Uint8Array.from(bits, Number);
      for (let i = 0; i < model.issueCount; i++) {
        const base = model.issueOffsets[i];
        if (!mask.subarray(base, base + model.optionCounts[i]).includes(1)) mask[base] = 1;
      }
      return withAvailability(model, mask);
    });
  });
}

/** Every frontier point's count equals the enumerated packages with its utility vector (of the agreeable points only, if asked). */
function expectCountsOfEnumeration(model: CompiledScenario, agreeableOnly: boolean): void {
  const frontier = computeFrontier(model, { agreeableOnly });
  const reference = referenceFrontier(model).filter((point) => !agreeableOnly || agreeable(model, point.utilities));
  expect(frontier.size).toBe(reference.length);
  for (let point = 0; point < frontier.size; point++) {
    const found = reference.find((candidate) => equal(candidate.utilities, frontier.utilities(point)));
    expect(frontier.countPackages(point)).toBe(BigInt(found!.count));
  }
}

describe.each(shapes)("fold-time package counts against enumeration, $parties parties", (shape) => {
  test("with repeated options and hidden terms", () => {
    fc.assert(
      fc.property(maskedModel(shape), (model) => expectCountsOfEnumeration(model, false)),
      { numRuns: 120 },
    );
  });

  test("of the agreeable part only", () => {
    fc.assert(
      fc.property(maskedModel(shape), (model) => expectCountsOfEnumeration(model, true)),
      { numRuns: 80 },
    );
  });

  test("after a reveal folds an issue's options on top", () => {
    fc.assert(
      fc.property(maskedModel(shape), fc.nat(), (revealed, pick) => {
        const issue = pick % revealed.issueCount;
        const base = revealed.issueOffsets[issue];
        const available = Array.from({ length: revealed.optionCounts[issue] }, (_, o) => o).filter((o) => isAvailable(revealed, issue, o));
        const mask = revealed.available ? revealed.available.slice() : new Uint8Array(revealed.totalOptions).fill(1);
        for (let o = 0; o < revealed.optionCounts[issue]; o++) mask[base + o] = o === available[0] ? 1 : 0;
        const hidden = withAvailability(revealed, mask);
        const frontier = revealInFrontier(computeFrontier(hidden), revealed, issue);
        const reference = referenceFrontier(revealed);
        expect(frontier.size).toBe(reference.length);
        for (let point = 0; point < frontier.size; point++) {
          const found = reference.find((candidate) => candidate.utilities.every((u, p) => Math.abs(u - frontier.utility(point, p)) <= 4 * UTILITY_EPSILON));
          expect(frontier.countPackages(point)).toBe(BigInt(found!.count));
        }
      }),
      { numRuns: 80 },
    );
  });
});

describe("counts past 2^53 are exact", () => {
  test("every package equal: one point whose count is the product of the option counts", () => {
    const optionCounts = Array.from({ length: 40 }, (_, i) => 2 + (i % 9));
    const flat = { weights: optionCounts.map(() => 1), values: optionCounts.map((count) => new Array<number>(count).fill(50)) };
    const model = buildModel(optionCounts, [flat, flat, flat]);
    const frontier = computeFrontier(model);
    expect(frontier.size).toBe(1);
    expect(outcomeCount(model) > 2n ** 53n).toBe(true);
    expect(frontier.countPackages(0)).toBe(optionCounts.reduce((product, count) => product * BigInt(count), 1n));
  });

  test("constant-sum binary issues of equal weight: point k holds C(issues, k) packages", () => {
    const issues = 80;
    const party = (p: number) => ({ weights: new Array<number>(issues).fill(1), values: Array.from({ length: issues }, () => (p === 0 ? [100, 0] : [0, 100])) });
    const frontier = computeFrontier(buildModel(new Array<number>(issues).fill(2), [party(0), party(1)]));
    expect(frontier.size).toBe(issues + 1);
    let binomial = 1n;
    for (let k = 0; k <= issues; k++) {
      expect(frontier.countPackages(k)).toBe(binomial);
      binomial = (binomial * BigInt(issues - k)) / BigInt(k + 1);
    }
  });
});
