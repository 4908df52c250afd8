/**
 * Hidden terms against enumeration: a masked outcome space is the product of the available
 * options, and revealing an issue's options in a frontier gives the frontier computed anew.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type ParetoFrontier, computeFrontier, revealInFrontier } from "../../src/engine/frontier.js";
import { type CompiledScenario, compileScenario, isAvailable, packageUtilities, withAvailability } from "../../src/engine/model.js";
import { UTILITY_EPSILON } from "../../src/engine/tolerance.js";
import { arbitraryScenario } from "../support/arbitraries.js";
import { enumerateOutcomes, equal, referenceFrontier } from "../support/bruteForce.js";

const shapes = [
  { parties: 2, maxIssues: 5, maxOptions: 4 },
  { parties: 3, maxIssues: 4, maxOptions: 4 },
  { parties: 4, maxIssues: 4, maxOptions: 3 },
];

function byUtilitiesDescending(a: Float64Array, b: Float64Array): number {
  for (let p = 0; p < a.length; p++) if (Math.abs(a[p] - b[p]) > UTILITY_EPSILON) return b[p] - a[p];
  return 0;
}

interface HiddenCase {
  /** The model with the revealed issue locked to one option. */
  readonly hidden: CompiledScenario;
  /** The same model once the issue's options are on the table. */
  readonly revealed: CompiledScenario;
  readonly issue: number;
}

/**
 * A scenario, a random mask (every issue keeps an option), an issue locked to one of its
 * options and the same issue with a random superset available.
 */
function arbitraryHiddenCase(shape: (typeof shapes)[number]): fc.Arbitrary<HiddenCase> {
  return arbitraryScenario(shape).chain((scenario) => {
    const model = compileScenario(scenario);
    const bits = fc.array(fc.boolean(), { minLength: model.totalOptions, maxLength: model.totalOptions });
    return fc
      .record({ issue: fc.nat({ max: model.issueCount - 1 }), keep: fc.nat({ max: 99 }), before: bits, after: bits })
      .map(({ issue, keep, before, after }) => {
        const mask = Uint8Array.from(before, Number);
        for (let i = 0; i < model.issueCount; i++) {
          const base = model.issueOffsets[i];
          if (!mask.subarray(base, base + model.optionCounts[i]).includes(1)) mask[base + (keep % model.optionCounts[i])] = 1;
        }
        const base = model.issueOffsets[issue];
        const locked = keep % model.optionCounts[issue];
        const hiddenMask = mask.slice();
        const revealedMask = mask.slice();
        for (let o = 0; o < model.optionCounts[issue]; o++) {
          hiddenMask[base + o] = o === locked ? 1 : 0;
          revealedMask[base + o] = o === locked || after[base + o] ? 1 : 0;
        }
        return { hidden: withAvailability(model, hiddenMask), revealed: withAvailability(model, revealedMask), issue };
      });
  });
}

const usesOnlyAvailable = (model: CompiledScenario, pkg: ArrayLike<number>) =>
  Array.from(pkg).every((o, i) => isAvailable(model, i, o));

/** The frontier is the enumerated one: same points in order, valid packages reaching them, exact counts and listings. */
function expectEnumerated(frontier: ParetoFrontier, model: CompiledScenario): void {
  const reference = referenceFrontier(model).sort((a, b) => byUtilitiesDescending(a.utilities, b.utilities));
  const outcomes = enumerateOutcomes(model);
  expect(frontier.size).toBe(reference.length);
  for (let point = 0; point < frontier.size; point++) {
    const target = reference[point].utilities;
    frontier.utilities(point).forEach((u, p) => expect(u).toBeCloseTo(target[p], 9));
    const pkg = frontier.package(point);
    expect(usesOnlyAvailable(model, pkg)).toBe(true);
    expect(equal(packageUtilities(model, pkg), target)).toBe(true);
    expect(frontier.countPackages(point)).toBe(BigInt(reference[point].count));
    const reaching = outcomes.filter((o) => equal(o.utilities, target)).map((o) => Array.from(o.package).join());
    expect(Array.from(frontier.packages(point), (p) => Array.from(p).join()).sort()).toEqual(reaching.sort());
  }
}

/** Same points in the same order as a frontier computed anew. */
function expectSamePoints(actual: ParetoFrontier, expected: ParetoFrontier): void {
  expect(actual.size).toBe(expected.size);
  for (let point = 0; point < expected.size; point++) {
    expect(equal(actual.utilities(point), expected.utilities(point))).toBe(true);
  }
}

describe.each(shapes)("hidden terms against enumeration, $parties parties", (shape) => {
  test("a masked frontier is the frontier of the available options, with the lexicographic representatives", () => {
    fc.assert(
      fc.property(arbitraryHiddenCase(shape), ({ revealed }) => {
        const frontier = computeFrontier(revealed);
        expectEnumerated(frontier, revealed);
        const reference = referenceFrontier(revealed).sort((a, b) => byUtilitiesDescending(a.utilities, b.utilities));
        for (let point = 0; point < frontier.size; point++) {
          expect(Array.from(frontier.package(point))).toEqual(Array.from(reference[point].package));
        }
      }),
      { numRuns: 100 },
    );
  });

  test("revealing an issue gives the frontier computed anew and by enumeration", () => {
    fc.assert(
      fc.property(arbitraryHiddenCase(shape), ({ hidden, revealed, issue }) => {
        const frontier = revealInFrontier(computeFrontier(hidden), revealed, issue);
        expect(frontier.model).toBe(revealed);
        expectSamePoints(frontier, computeFrontier(revealed));
        expectEnumerated(frontier, revealed);
      }),
      { numRuns: 100 },
    );
  });

  test("closest packages and the options used follow the revealed outcome space", () => {
    fc.assert(
      fc.property(arbitraryHiddenCase(shape), ({ hidden, revealed, issue }) => {
        const frontier = revealInFrontier(computeFrontier(hidden), revealed, issue);
        const outcomes = enumerateOutcomes(revealed);
        const reference = Int32Array.from({ length: revealed.issueCount }, (_, i) => revealed.optionCounts[i] - 1);
        const differences = (pkg: ArrayLike<number>) => Array.from(pkg).filter((o, i) => o !== reference[i]).length;
        const points = Array.from({ length: frontier.size }, (_, point) => point);
        const used = Array.from({ length: revealed.issueCount }, () => new Set<number>());
        for (const point of points) {
          const target = frontier.utilities(point);
          const reaching = outcomes.filter((o) => equal(o.utilities, target));
          const closest = frontier.closestPackage(point, reference);
          expect(usesOnlyAvailable(revealed, closest)).toBe(true);
          expect(equal(packageUtilities(revealed, closest), target)).toBe(true);
          expect(differences(closest)).toBe(Math.min(...reaching.map((o) => differences(o.package))));
          for (const o of reaching) o.package.forEach((option, i) => used[i].add(option));
        }
        expect(frontier.optionsUsed(points)).toEqual(used.map((options) => [...options].sort((a, b) => a - b)));
      }),
      { numRuns: 60 },
    );
  });

  test("reveals one after another: a second issue, then more options of both", () => {
    fc.assert(
      fc.property(arbitraryHiddenCase(shape), fc.nat(), ({ hidden, revealed, issue }, pick) => {
        // Lock a second issue in both models, reveal the first, then the second in full, then the first in full.
        const second = pick % hidden.issueCount;
        const lock = (model: CompiledScenario, i: number, open: boolean) => {
          const mask = model.available!.slice();
          const base = model.issueOffsets[i];
          const first = mask.subarray(base, base + model.optionCounts[i]).indexOf(1);
          for (let o = 0; o < model.optionCounts[i]; o++) mask[base + o] = open || o === first ? 1 : 0;
          return withAvailability(model, mask);
        };
        const start = second === issue ? hidden : lock(hidden, second, false);
        const steps: [CompiledScenario, number][] =
          second === issue
            ? [[revealed, issue], [lock(revealed, issue, true), issue]]
            : [[lock(revealed, second, false), issue], [lock(revealed, second, true), second], [lock(lock(revealed, second, true), issue, true), issue]];
        let frontier = computeFrontier(start);
        for (const [model, revealedIssue] of steps) {
          frontier = revealInFrontier(frontier, model, revealedIssue);
          expectSamePoints(frontier, computeFrontier(model));
          expectEnumerated(frontier, model);
        }
      }),
      { numRuns: 60 },
    );
  });

  test("an agreeable-only frontier reveals into the agreeable-only frontier of the revealed model", () => {
    fc.assert(
      fc.property(arbitraryHiddenCase(shape), ({ hidden, revealed, issue }) => {
        const frontier = revealInFrontier(computeFrontier(hidden, { agreeableOnly: true }), revealed, issue);
        expect(frontier.agreeableOnly).toBe(true);
        expectSamePoints(frontier, computeFrontier(revealed, { agreeableOnly: true }));
      }),
      { numRuns: 60 },
    );
  });
});
