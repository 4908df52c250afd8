/**
 * The two-party merge (src/engine/two-party-merge.ts) against the k-way merge it replaced
 * (bench/kway-merge.ts): every level, point by point and bit for bit (utilities, parents,
 * options), and the package counts, on small random spaces with exact ties, ties within the
 * tolerance that are not bit-equal, equal options, zero weights, availability masks and BATNAs.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { kwayFrontier, kwayPackage } from "../../bench/kway-merge.js";
import { type ParetoFrontier, computeFrontier } from "../../src/engine/frontier.js";
import { type CompiledScenario, compileScenario, outcomeCount, withAvailability } from "../../src/engine/model.js";
import { arbitraryScenario } from "../support/arbitraries.js";

interface EngineLevel {
  readonly size: number;
  readonly start: number;
  readonly utilities: Float64Array;
  readonly parents: Int32Array;
  readonly options: Int32Array;
}

/** The engine's levels (private to ParetoFrontier), as they are stored. */
const levelsOf = (frontier: ParetoFrontier) => (frontier as unknown as { levels: readonly EngineLevel[] }).levels;

/** Bits of a double: Object.is tells −0 from 0, and the string gives every other double exactly. */
const bits = (x: number) => (Object.is(x, -0) ? "-0" : String(x));

function expectSameAsKway(model: CompiledScenario, agreeableOnly: boolean): void {
  const frontier = computeFrontier(model, { agreeableOnly });
  const reference = kwayFrontier(model, { agreeableOnly });
  const levels = levelsOf(frontier);
  expect(levels.length).toBe(reference.levels.length);
  levels.forEach((level, l) => {
    const expected = reference.levels[l];
    expect(level.size).toBe(expected.size);
    const got = { utilities: [] as string[], parents: [] as number[], options: [] as number[] };
    for (let k = 0; k < level.size; k++) {
      got.utilities.push(bits(level.utilities[(level.start + k) * 2]), bits(level.utilities[(level.start + k) * 2 + 1]));
      got.parents.push(level.parents[level.start + k]);
      got.options.push(level.options[level.start + k]);
    }
    expect(got).toEqual({
      utilities: Array.from(expected.utilities, bits),
      parents: Array.from(expected.parents),
      options: Array.from(expected.options),
    });
  });
  for (let point = 0; point < frontier.size; point++) {
    expect(frontier.countPackages(point)).toBe(reference.counts[point]);
    expect(Array.from(frontier.package(point))).toEqual(Array.from(kwayPackage(model, reference, point)));
  }
}

/**
 * A two-party model with its contributions moved by multiples of `noise`: contributions that were
 * equal stay within the tolerance of each other without being bit-equal (noise 1e-13), or move
 * across it (noise 3e-10: eight steps pass the tolerance of 1e-9).
 */
const noisyModel = fc
  .record({
    scenario: fc.oneof(
      arbitraryScenario({ parties: 2, maxIssues: 5, maxOptions: 6 }),
      // Few distinct contributions: ties between copies everywhere.
      arbitraryScenario({ parties: 2, maxIssues: 5, maxOptions: 6, value: fc.constantFrom(0, 50, 100), weight: fc.constant(1), cost: fc.constant(0) }),
    ),
    noise: fc.constantFrom(0, 1e-13, 2e-10, 3e-10),
    steps: fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 64, maxLength: 64 }),
    hidden: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
  })
  .map(({ scenario, noise, steps, hidden }) => {
    const model = compileScenario(scenario);
    const contributions = Float64Array.from(model.contributions, (c, k) => c + noise * steps[k % 64]);
    // Some options not on the table: each issue keeps its first.
    const mask = new Uint8Array(model.totalOptions).fill(1);
    let anyHidden = false;
    for (let i = 0; i < model.issueCount; i++) {
      for (let o = 1; o < model.optionCounts[i]; o++) {
        if (hidden[(model.issueOffsets[i] + o) % 64] && (model.issueOffsets[i] + o) % 3 === 0) {
          mask[model.issueOffsets[i] + o] = 0;
          anyHidden = true;
        }
      }
    }
    return withAvailability({ ...model, contributions }, anyHidden ? mask : undefined);
  });

describe("the two-party merge against the k-way merge it replaced", () => {
  test("every level, point by point and bit for bit, the representatives and the package counts", () => {
    fc.assert(
      fc.property(noisyModel, (model) => {
        expectSameAsKway(model, false);
      }),
      { numRuns: 300 },
    );
  });

  test("the agreeable part only (partial packages that cannot beat a BATNA left out)", () => {
    fc.assert(
      fc.property(noisyModel, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (model, b0, b1) => {
        expectSameAsKway({ ...model, batnas: Float64Array.of(b0, b1) }, true);
      }),
      { numRuns: 200 },
    );
  });

  test("a tie within the tolerance across copies, not bit-equal, is one point whose packages add up", () => {
    // Level of issue 1: (1, 0) and (0, 1). Issue 0 adds (0, 1) or (1, −6e-10): two candidates
    // (1, 1) and (1, 1 − 6e-10), equal within the tolerance, from different copies.
    const model = compileScenario({
      id: "tie",
      title: "tie",
      story: "",
      issues: [0, 1].map((i) => ({ id: `i${i}`, label: `i${i}`, options: [0, 1].map((o) => ({ id: `o${o}`, label: `o${o}` })) })),
      parties: [0, 1].map((p) => ({ id: `p${p}`, name: `p${p}`, briefing: "", weights: { i0: 1, i1: 1 }, values: { i0: { o0: 0, o1: 0 }, i1: { o0: 0, o1: 0 } }, batna: 0 })),
    });
    const contributions = Float64Array.of(0, 1, 1, -6e-10, 1, 0, 0, 1);
    const tie = { ...model, contributions, baseUtilities: Float64Array.of(0, 0) };
    const frontier = computeFrontier(tie);
    expect(Array.from({ length: frontier.size }, (_, p) => Array.from(frontier.utilities(p)))).toEqual([
      [2, -6e-10],
      [1, 1],
      [0, 2],
    ]);
    expect(frontier.countPackages(1)).toBe(2n);
    expect(Array.from(frontier.package(1))).toEqual([0, 0]);
    expectSameAsKway(tie, false);
  });

  test("counts past 2^53 become BigInts with the same values: 40 issues of 4 equal options, one of 3 different", () => {
    const scenario = {
      id: "big",
      title: "big counts",
      story: "",
      issues: Array.from({ length: 41 }, (_, i) => ({ id: `i${i}`, label: `i${i}`, options: [0, 1, 2, 3].map((o) => ({ id: `o${o}`, label: `o${o}` })) })),
      parties: [0, 1].map((p) => ({
        id: `p${p}`,
        name: `p${p}`,
        briefing: "",
        weights: Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`i${i}`, i === 20 ? 10 : 1])),
        values: Object.fromEntries(
          Array.from({ length: 41 }, (_, i) => [`i${i}`, Object.fromEntries([0, 1, 2, 3].map((o) => [`o${o}`, i === 20 ? (p === 0 ? o * 30 : 100 - o * 30) : 50]))]),
        ),
        batna: 0,
      })),
    };
    const model = compileScenario(scenario);
    expect(outcomeCount(model)).toBe(4n ** 41n);
    const frontier = computeFrontier(model);
    expect(frontier.size).toBe(4);
    for (let point = 0; point < 4; point++) expect(frontier.countPackages(point)).toBe(4n ** 40n);
    expectSameAsKway(model, false);
  });

  test("generated scenarios up to 10^20 outcomes, both families", async () => {
    const { generateScenario } = await import("../../bench/generate.js");
    for (const family of ["opposed", "independent"] as const) {
      for (const [issues, options] of [
        [7, 10],
        [12, 4],
        [20, 10],
      ]) {
        expectSameAsKway(compileScenario(generateScenario({ parties: 2, family, issues, options })), false);
      }
    }
  });
});
