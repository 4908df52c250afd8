/**
 * The dominance structures of three or more parties (`multi-party-filter.ts`) against brute
 * force on small random point sets with duplicates and ties, and the fold of four and five
 * parties against enumeration, whole and agreeable only.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { computeFrontier } from "../../src/engine/frontier.js";
import { compileScenario } from "../../src/engine/model.js";
import { OrthantIndex, Staircase } from "../../src/engine/multi-party-filter.js";
import { UTILITY_EPSILON } from "../../src/engine/tolerance.js";
import { arbitraryScenario } from "../support/arbitraries.js";
import { generateScenario } from "../../bench/generate.js";
import { agreeable, referenceFrontier } from "../support/bruteForce.js";

/** Few distinct coordinates (many duplicates and ties), some apart by less than the tolerance. */
const coordinate = fc.oneof(
  fc.integer({ min: 0, max: 4 }),
  fc.integer({ min: 0, max: 4 }).map((x) => x + 0.1 + 0.2 - 0.3),
  fc.double({ min: -10, max: 10, noNaN: true }),
);

type Operation = { kind: "add"; point: number[] } | { kind: "remove"; pick: number } | { kind: "query"; threshold: number[] };

const operations = (dims: number) =>
  fc.array(
    fc.oneof(
      { weight: 6, arbitrary: fc.array(coordinate, { minLength: dims, maxLength: dims }).map((point): Operation => ({ kind: "add", point })) },
      { weight: 4, arbitrary: fc.nat().map((pick): Operation => ({ kind: "remove", pick })) },
      { weight: 4, arbitrary: fc.array(coordinate, { minLength: dims, maxLength: dims }).map((threshold): Operation => ({ kind: "query", threshold })) },
    ),
    { minLength: 40, maxLength: 400, size: "max" },
  );

const atLeast = (point: readonly number[], threshold: readonly number[]) => point.every((x, j) => x >= threshold[j]);

describe("OrthantIndex: is there a live point with every coordinate ≥ t", () => {
  test.each([2, 3, 4, 6])("%i dimensions, against every live point", (dims) => {
    fc.assert(
      fc.property(operations(dims), (ops) => {
        const index = new OrthantIndex(dims);
        index.clear();
        const live = new Map<number, number[]>();
        for (const op of ops) {
          if (op.kind === "add") {
            const id = index.add(op.point, 0);
            expect(live.has(id)).toBe(false);
            live.set(id, op.point);
          } else if (op.kind === "remove") {
            if (live.size === 0) continue;
            const id = [...live.keys()][op.pick % live.size];
            index.remove(id);
            live.delete(id);
          } else {
            const expected = [...live.values()].some((point) => atLeast(point, op.threshold));
            expect(index.covers(Float64Array.from(op.threshold))).toBe(expected);
            expect(index.visits).toBeGreaterThanOrEqual(0);
          }
        }
        // Every live point covers itself, and a threshold just above it in one coordinate only what beats it there.
        for (const point of live.values()) expect(index.covers(Float64Array.from(point))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  test("removed points no longer count, even where a whole tree's box lies inside the orthant", () => {
    const index = new OrthantIndex(3);
    const high = Array.from({ length: 100 }, (_, k) => index.add([10 + (k % 7), 10 + (k % 5), 10 + (k % 3)], 0));
    expect(index.covers(Float64Array.of(9, 9, 9))).toBe(true);
    for (const id of high) index.remove(id);
    expect(index.covers(Float64Array.of(9, 9, 9))).toBe(false);
    const kept = index.add([9, 9, 9], 0);
    expect(index.covers(Float64Array.of(9, 9, 9))).toBe(true);
    index.remove(kept);
    expect(index.covers(Float64Array.of(9, 9, 9))).toBe(false);
    // The dead are dropped when the trees are rebuilt, and the rest still answer.
    for (let k = 0; k < 200; k++) index.add([k % 9, (k * 7) % 9, (k * 5) % 9], 0);
    expect(index.covers(Float64Array.of(8, 8, 8))).toBe(false);
    expect(index.covers(Float64Array.of(1, 7, 5))).toBe(true);
  });

  test("a cleared index is empty, and ids start again from 0", () => {
    const index = new OrthantIndex(3);
    for (let k = 0; k < 100; k++) index.add([k, k, k], 0);
    expect(index.covers(Float64Array.of(50, 50, 50))).toBe(true);
    index.clear();
    expect(index.covers(Float64Array.of(-1, -1, -1))).toBe(false);
    expect(index.add([1, 2, 3], 0)).toBe(0);
    expect(index.covers(Float64Array.of(1, 2, 3))).toBe(true);
    expect(index.covers(Float64Array.of(1, 2, 3.5))).toBe(false);
  });
});

describe("Staircase: is there a point added with u1 ≥ a and u2 ≥ b", () => {
  test("against every point added (each beaten by none added before it)", () => {
    fc.assert(
      fc.property(operations(2), (ops) => {
        const stairs = new Staircase();
        stairs.clear();
        const added: number[][] = [];
        for (const op of ops) {
          if (op.kind === "add") {
            // The filter adds only points no point added beats (it turns the others away).
            if (added.some((point) => atLeast(point, op.point))) continue;
            stairs.add(op.point[0], op.point[1]);
            added.push(op.point);
          } else if (op.kind === "query") {
            expect(stairs.covers(op.threshold[0], op.threshold[1])).toBe(added.some((point) => atLeast(point, op.threshold)));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

const shapes = [
  { parties: 4, maxIssues: 5, maxOptions: 4 },
  { parties: 5, maxIssues: 4, maxOptions: 4 },
];

describe.each(shapes)("Pareto frontier of $parties parties against enumeration", (shape) => {
  const scenarios = fc.oneof(
    arbitraryScenario(shape),
    // Integer weights and a handful of values: many ties and equal vectors.
    arbitraryScenario({ ...shape, value: fc.constantFrom(0, 50, 100), weight: fc.integer({ min: 0, max: 2 }), cost: fc.constant(0) }),
  );

  test.each([false, true])("agreeable only: %s; same points in order, same representatives and counts", (agreeableOnly) => {
    fc.assert(
      fc.property(scenarios, (scenario) => {
        const model = compileScenario(scenario);
        const frontier = computeFrontier(model, { agreeableOnly });
        const reference = referenceFrontier(model)
          .filter((point) => !agreeableOnly || agreeable(model, point.utilities))
          .sort((a, b) => {
            for (let p = 0; p < a.utilities.length; p++) {
              if (Math.abs(a.utilities[p] - b.utilities[p]) > UTILITY_EPSILON) return b.utilities[p] - a.utilities[p];
            }
            return 0;
          });
        expect(frontier.size).toBe(reference.length);
        for (let point = 0; point < frontier.size; point++) {
          const expected = reference[point];
          frontier.utilities(point).forEach((u, p) => expect(Math.abs(u - expected.utilities[p])).toBeLessThanOrEqual(UTILITY_EPSILON));
          expect(Array.from(frontier.package(point))).toEqual(Array.from(expected.package));
          expect(frontier.countPackages(point)).toBe(BigInt(expected.count));
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe("generated scenarios, large enough frontiers for the trees (opposed: most packages are on the frontier)", () => {
  test.each([
    { parties: 4, issues: 4, options: 6, family: "opposed" as const },
    { parties: 4, issues: 5, options: 4, family: "independent" as const },
    { parties: 5, issues: 4, options: 5, family: "opposed" as const },
  ])("$parties parties, $issues × $options, $family: whole and agreeable against enumeration", (shape) => {
    const model = compileScenario(generateScenario(shape));
    const reference = referenceFrontier(model);
    for (const agreeableOnly of [false, true]) {
      const frontier = computeFrontier(model, { agreeableOnly });
      const expected = reference.filter((point) => !agreeableOnly || agreeable(model, point.utilities));
      expect(frontier.size).toBe(expected.length);
      const byKey = new Map(expected.map((point) => [Array.from(point.utilities).join(","), point]));
      for (let point = 0; point < frontier.size; point++) {
        const found = byKey.get(Array.from(frontier.utilities(point)).join(","))!;
        expect(Array.from(frontier.package(point))).toEqual(Array.from(found.package));
        expect(frontier.countPackages(point)).toBe(BigInt(found.count));
      }
    }
  });
});
