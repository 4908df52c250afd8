/**
 * A bid ladder (src/engine/ladder.ts): every party's ladder on one model, built from the shared
 * per-party template of its two-party model, has its own utilities and the estimate's; and a
 * point's package is the same whatever points were asked for before (the last one is kept).
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { BidLadder } from "../../src/engine/ladder.js";
import { compileScenario, packageUtility } from "../../src/engine/model.js";
import { UTILITY_EPSILON } from "../../src/engine/tolerance.js";
import { arbitraryScenario } from "../support/arbitraries.js";

describe("a bid ladder", () => {
  test("of each party, in any order of points asked, has packages that reach their points", () => {
    fc.assert(
      fc.property(arbitraryScenario({ parties: 3, maxIssues: 5, maxOptions: 4 }), fc.integer({ min: 1, max: 1_000_000 }), fc.array(fc.nat(), { maxLength: 40 }), (scenario, seed, order) => {
        const model = compileScenario(scenario);
        const estimate = Float64Array.from({ length: model.totalOptions }, (_, k) => ((k * 7919 + seed) % 101) / 3);
        for (let self = 0; self < model.partyCount; self++) {
          const ladder = new BidLadder(model, self, estimate);
          const fresh = new BidLadder(model, self, estimate);
          for (const pick of [...order, ...order]) {
            const point = pick % ladder.size;
            const pkg = ladder.package(point);
            expect(Array.from(pkg)).toEqual(Array.from(fresh.package(point)));
            expect(Math.abs(packageUtility(model, self, pkg) - ladder.ownUtility(point))).toBeLessThanOrEqual(UTILITY_EPSILON);
            let estimated = 0;
            for (let issue = 0; issue < model.issueCount; issue++) estimated += estimate[model.issueOffsets[issue] + pkg[issue]];
            expect(Math.abs(estimated - ladder.estimatedUtility(point))).toBeLessThanOrEqual(1e-6);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
