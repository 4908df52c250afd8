/**
 * The n-party deal review (engine/deal-review.ts, engine/efficiency.ts) against brute force
 * on small random scenarios of 2–4 parties: every verdict agrees with the frontier, a
 * Pareto-efficient package never gets a "lost" or "missed" verdict, and the better package
 * is the nearest dominating one with the fewest terms changed.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { agreeablePoints } from "../../src/engine/bargaining.js";
import { betterPackage, classifyIssuesJointly, judgeIssues, reachablePackage } from "../../src/engine/deal-review.js";
import { distanceBetween, jointRoomAbove, utilityRanges } from "../../src/engine/efficiency.js";
import { computeFrontier } from "../../src/engine/frontier.js";
import { favouriteOptions } from "../../src/engine/issues.js";
import { compileScenario, packageUtilities } from "../../src/engine/model.js";
import { UTILITY_EPSILON } from "../../src/engine/tolerance.js";
import { arbitraryScenario } from "../support/arbitraries.js";
import { type EnumeratedOutcome, agreeable, atLeast, dominates, enumerateOutcomes, equal } from "../support/bruteForce.js";

const shapes = [
  { parties: 2, maxIssues: 4, maxOptions: 4 },
  { parties: 3, maxIssues: 4, maxOptions: 3 },
  { parties: 4, maxIssues: 3, maxOptions: 3 },
];

const differences = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).filter((x, i) => x !== b[i]).length;

function efficientOutcomes(outcomes: EnumeratedOutcome[]): EnumeratedOutcome[] {
  return outcomes.filter((outcome) => !outcomes.some((other) => dominates(other.utilities, outcome.utilities)));
}

describe.each(shapes)("the deal review against brute force, $parties parties", (shape) => {
  test("a Pareto-efficient package has no better package and no lost or missed verdict", () => {
    fc.assert(
      fc.property(arbitraryScenario(shape), (scenario) => {
        const model = compileScenario(scenario);
        const frontier = computeFrontier(model);
        const classes = classifyIssuesJointly(model, frontier, agreeablePoints(frontier));
        for (const outcome of efficientOutcomes(enumerateOutcomes(model))) {
          expect(betterPackage(frontier, outcome.package)).toBeNull();
          const verdicts = judgeIssues(classes, outcome.package, null).map((judgement) => judgement.verdict);
          expect(verdicts).not.toContain("lost");
          expect(verdicts).not.toContain("missed");
        }
      }),
      { numRuns: 60 },
    );
  });

  test("a dominated package: the better package dominates it, is the nearest such, with the fewest terms changed", () => {
    fc.assert(
      fc.property(arbitraryScenario(shape), (scenario) => {
        const model = compileScenario(scenario);
        const frontier = computeFrontier(model);
        const ranges = utilityRanges(model);
        const outcomes = enumerateOutcomes(model);
        const efficient = efficientOutcomes(outcomes);
        const classes = classifyIssuesJointly(model, frontier, agreeablePoints(frontier));
        for (const deal of outcomes) {
          const dominating = efficient.filter((other) => dominates(other.utilities, deal.utilities));
          const better = betterPackage(frontier, deal.package);
          if (dominating.length === 0) {
            expect(better).toBeNull();
            expect(jointRoomAbove(frontier, deal.utilities)).toBe(0);
            continue;
          }
          expect(better).not.toBeNull();
          const found = better!;
          expect(equal(packageUtilities(model, found.package), found.utilities)).toBe(true);
          expect(dominates(found.utilities, deal.utilities)).toBe(true);
          const nearest = Math.min(...dominating.map((other) => distanceBetween(other.utilities, deal.utilities, ranges)));
          expect(found.distance).toBeCloseTo(nearest, 9);
          const samePoint = outcomes.filter((other) => equal(other.utilities, found.utilities));
          expect(differences(found.package, deal.package)).toBe(Math.min(...samePoint.map((other) => differences(other.package, deal.package))));
          // A verdict of loss only where the better package takes another option.
          for (const judgement of judgeIssues(classes, deal.package, found.package)) {
            const changed = found.package[judgement.issue] !== deal.package[judgement.issue];
            expect(judgement.verdict === "lost" || judgement.verdict === "missed").toBe(changed);
          }
          const room = Math.max(...efficient.filter((other) => atLeast(other.utilities, deal.utilities)).map((other) => other.utilities.reduce((a, b) => a + b, 0) - deal.utilities.reduce((a, b) => a + b, 0)));
          expect(jointRoomAbove(frontier, deal.utilities)).toBeCloseTo(room, 9);
        }
      }),
      { numRuns: 40 },
    );
  });

  test("issue kinds: compatible is a favourite of every party; the efficient options are those of the efficient agreeable packages", () => {
    fc.assert(
      fc.property(arbitraryScenario(shape), (scenario) => {
        const model = compileScenario(scenario);
        const frontier = computeFrontier(model);
        const points = agreeablePoints(frontier);
        const efficient = efficientOutcomes(enumerateOutcomes(model));
        const pool = points.length > 0 ? efficient.filter((outcome) => agreeable(model, outcome.utilities)) : efficient;
        for (const entry of classifyIssuesJointly(model, frontier, points)) {
          const common = Array.from({ length: model.optionCounts[entry.issue] }, (_, o) => o).filter((o) =>
            model.partyIds.every((_, p) => favouriteOptions(model, p, entry.issue).includes(o)),
          );
          expect(entry.commonFavourites).toEqual(common);
          expect(entry.kind === "compatible").toBe(common.length > 0);
          const used = [...new Set(pool.map((outcome) => outcome.package[entry.issue]))].sort((a, b) => a - b);
          expect(entry.efficientOptions).toEqual(used);
          const joint = (outcome: EnumeratedOutcome) => outcome.utilities.reduce((a, b) => a + b, 0);
          const most = Math.max(...pool.map(joint));
          const jointBest = [...new Set(pool.filter((outcome) => joint(outcome) >= most - UTILITY_EPSILON).map((outcome) => outcome.package[entry.issue]))].sort((a, b) => a - b);
          expect(entry.jointBestOptions).toEqual(jointBest);
          const nobodysFavourite = model.partyIds.every((_, p) => !favouriteOptions(model, p, entry.issue).includes(jointBest[0]));
          expect(entry.kind === "bridging").toBe(common.length === 0 && jointBest.length === 1 && nobodysFavourite);
        }
      }),
      { numRuns: 60 },
    );
  });

  test("without a deal: the reachable package beats every BATNA and lies nearest to the reference", () => {
    fc.assert(
      fc.property(arbitraryScenario(shape), fc.nat(), (scenario, pick) => {
        const model = compileScenario(scenario);
        const frontier = computeFrontier(model);
        const ranges = utilityRanges(model);
        const outcomes = enumerateOutcomes(model);
        const reference = outcomes[pick % outcomes.length];
        const found = reachablePackage(frontier, agreeablePoints(frontier), reference.package);
        const candidates = efficientOutcomes(outcomes).filter((outcome) => agreeable(model, outcome.utilities));
        if (candidates.length === 0) {
          expect(found).toBeNull();
          return;
        }
        expect(agreeable(model, found!.utilities)).toBe(true);
        const nearest = Math.min(...candidates.map((outcome) => distanceBetween(outcome.utilities, reference.utilities, ranges)));
        expect(found!.distance).toBeCloseTo(nearest, 9);
      }),
      { numRuns: 60 },
    );
  });
});
