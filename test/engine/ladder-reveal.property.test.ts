/** Tip 4: a bid ladder folds a revealed term in incrementally and ends where a fresh ladder would. */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { BidLadder } from "../../src/engine/ladder.js";
import { type CompiledScenario, compileScenario, withAvailability } from "../../src/engine/model.js";
import { UTILITY_EPSILON } from "../../src/engine/tolerance.js";
import { arbitraryScenario } from "../support/arbitraries.js";

/** The model with issue `hiddenIssue` locked to its first option and, where it has more than two, one option of `other` closed. */
function masked(model: CompiledScenario, hiddenIssue: number, other: number): Uint8Array {
  const available = new Uint8Array(model.totalOptions).fill(1);
  const base = model.issueOffsets[hiddenIssue];
  available.fill(0, base + 1, base + model.optionCounts[hiddenIssue]);
  if (other !== hiddenIssue && model.optionCounts[other] > 2) available[model.issueOffsets[other] + 1] = 0;
  return available;
}

const points = (ladder: BidLadder) => Array.from({ length: ladder.size }, (_, k) => [ladder.ownUtility(k), ladder.estimatedUtility(k)]);

describe("a ladder after a reveal", () => {
  test("has the points of a ladder built afresh on the revealed model, and packages that reach them", () => {
    fc.assert(
      fc.property(arbitraryScenario({ parties: 2, maxIssues: 4, maxOptions: 4 }), fc.nat(), fc.nat(), fc.boolean(), (scenario, a, b, both) => {
        const model = compileScenario(scenario);
        const hidden = a % model.issueCount;
        const other = b % model.issueCount;
        const estimate = Float64Array.from({ length: model.totalOptions }, (_, k) => model.contributions[k * 2 + 1]);
        const before = withAvailability(model, masked(model, hidden, other));
        const ladder = new BidLadder(before, 0, estimate);
        // Reveal the hidden issue, and with `both` the other closed option too.
        const after = withAvailability(model, both ? undefined : masked(model, model.issueCount, other));
        const incremental = ladder.revealed(after)!;
        const fresh = new BidLadder(after, 0, estimate);
        expect(incremental).not.toBeNull();
        expect(incremental.size).toBe(fresh.size);
        points(incremental).forEach(([own, other], k) => {
          expect(Math.abs(own - fresh.ownUtility(k))).toBeLessThanOrEqual(UTILITY_EPSILON);
          expect(Math.abs(other - fresh.estimatedUtility(k))).toBeLessThanOrEqual(UTILITY_EPSILON);
          const pkg = incremental.package(k);
          let utility = after.baseUtilities[0];
          for (let i = after.issueCount - 1; i >= 0; i--) utility += after.contributions[(after.issueOffsets[i] + pkg[i]) * 2];
          expect(Math.abs(utility - own)).toBeLessThanOrEqual(1e-6);
        });
      }),
      { numRuns: 200 },
    );
  });

  test("is not made incrementally from a model that differs in more than its mask", () => {
    const scenario = fc.sample(arbitraryScenario({ parties: 2, maxIssues: 3, maxOptions: 3 }), { numRuns: 1, seed: 7 })[0];
    const model = compileScenario(scenario);
    const ladder = new BidLadder(model, 0, new Float64Array(model.totalOptions));
    expect(ladder.revealed(compileScenario(scenario))).toBeNull();
  });
});
