/**
 * What styles achieve against each other on the built-in scenarios: hardliners deadlock,
 * logrollers find efficient packages, win-win pairs create more value than win-lose pairs.
 */
import seedrandom from "seedrandom";
import { describe, expect, test } from "vitest";
import { computeFrontier } from "../../src/engine/frontier.js";
import { type CompiledScenario, utilityBounds } from "../../src/engine/model.js";
import { stylesOfFamily } from "../../src/negotiation/partners/registry.js";
import type { StyleFamily } from "../../src/negotiation/partners/types.js";
import { SINGLE_BUILTIN_IDS, builtin, compileScenario, runStyles, utilities } from "./support.js";
import { mean, studentUpperTail, welchGreater } from "./stats.js";

const SEEDS = Array.from({ length: 10 }, (_, k) => `seed-${k}`);

test("hardliner against hardliner mostly ends without agreement", () => {
  let runs = 0;
  let deals = 0;
  for (const id of SINGLE_BUILTIN_IDS) {
    for (const seed of SEEDS) {
      const outcome = runStyles(builtin(id), ["hardliner"], seed).session.outcome!;
      runs++;
      if (outcome.kind === "agreement") deals++;
      else expect(["deadline", "walk-away"]).toContain(outcome.kind);
    }
  }
  // "Mostly": more than three in four negotiations end without a deal.
  expect(deals / runs).toBeLessThan(0.25);
});

/**
 * Distance of a utility vector u from the Pareto frontier F, as a share of the parties' ranges:
 *
 *   d(u) = min over f ∈ F with f ≥ u (every party at least as well off) of max_p (f_p − u_p) / range_p,
 *
 * where range_p is party p's best minus worst utility over all packages. d(u) = 0 exactly when u is
 * itself on the frontier; d(u) = 0.02 means the nearest efficient package that is at least as good
 * for everyone still gives some party 2 % of its range more.
 */
function frontierDistance(model: CompiledScenario, u: readonly number[]): number {
  const frontier = computeFrontier(model);
  const bounds = utilityBounds(model);
  let best = Infinity;
  for (let point = 0; point < frontier.size; point++) {
    const f = frontier.utilities(point);
    if (u.some((x, p) => f[p] < x - 1e-9)) continue;
    let gap = 0;
    for (let p = 0; p < model.partyCount; p++) gap = Math.max(gap, (f[p] - u[p]) / (bounds[2 * p + 1] - bounds[2 * p]));
    best = Math.min(best, gap);
  }
  return best;
}

describe("frontierDistance", () => {
  const model = compileScenario(builtin("hospital-it-platform"));

  test("is 0 on every frontier point and positive for a dominated package", () => {
    const frontier = computeFrontier(model);
    for (let point = 0; point < frontier.size; point++) expect(frontierDistance(model, Array.from(frontier.utilities(point)))).toBe(0);
    const bounds = utilityBounds(model);
    const worst = [bounds[0], bounds[2]];
    expect(frontierDistance(model, worst)).toBeGreaterThan(0.1);
  });

  test("measures the smallest improvement, relative to the ranges", () => {
    const frontier = computeFrontier(model);
    const bounds = utilityBounds(model);
    const f = Array.from(frontier.utilities(0));
    const range0 = bounds[1] - bounds[0];
    // Half a percent of party 0's range below a frontier point; party 1 unchanged.
    expect(frontierDistance(model, [f[0] - 0.005 * range0, f[1]])).toBeCloseTo(0.005, 9);
  });
});

describe("logroller against logroller", () => {
  // Two logrollers learn each other's interests (by asking and from offers) well enough to trade: their
  // agreement is (nearly) Pareto-efficient, with no points given away for nothing.
  test.each(SINGLE_BUILTIN_IDS)("lands on or within 2 percent of the Pareto frontier on %s", (id) => {
    const scenario = builtin(id);
    const model = compileScenario(scenario);
    for (const seed of SEEDS.slice(0, 3)) {
      const outcome = runStyles(scenario, ["logroller"], seed).session.outcome!;
      expect(outcome.kind, `seed ${seed}`).toBe("agreement");
      if (outcome.kind !== "agreement") continue;
      const u = utilities(model, outcome.package);
      const distance = frontierDistance(model, u);
      expect(distance, `agreement ${JSON.stringify(outcome.package)} = (${u.join(", ")}), seed ${seed}`).toBeLessThanOrEqual(0.02);
    }
  });
});

describe("win-win against win-lose", () => {
  test("the t-test helper reproduces t-table values", () => {
    expect(studentUpperTail(0, 7)).toBeCloseTo(0.5, 12);
    expect(studentUpperTail(12.706, 1)).toBeCloseTo(0.025, 4);
    expect(studentUpperTail(2.764, 10)).toBeCloseTo(0.01, 4);
    expect(studentUpperTail(1.812, 10)).toBeCloseTo(0.05, 3);
    expect(studentUpperTail(2.326, 1e6)).toBeCloseTo(0.01, 4);
    expect(studentUpperTail(-1.812, 10)).toBeCloseTo(0.95, 3);
    const result = welchGreater([1, 2, 3, 4, 5], [2, 3, 4, 5, 6, 7]);
    expect(result.t).toBeCloseTo(-1.5 / Math.sqrt(2.5 / 5 + 3.5 / 6), 12);
    expect(result.df).toBeCloseTo(8.9894, 3);
    expect(result.p).toBeGreaterThan(0.5);
  });

  /**
   * Joint utility of a run: the sum of the parties' utilities of the agreement, or of their
   * BATNAs when there is none. Run k (k = 0…199, a fixed seed base) plays built-in scenario
   * k mod 4 with one style per party drawn from the family by seedrandom("family-draw/k"),
   * with session seed "family/k". The families' styles are deterministic, so the spread comes
   * from the scenarios and pairings drawn.
   */
  function jointUtilities(family: StyleFamily): number[] {
    const styles = stylesOfFamily(family).map((style) => style.id);
    expect(styles.length).toBeGreaterThanOrEqual(3);
    return Array.from({ length: 200 }, (_, k) => {
      const scenario = builtin(SINGLE_BUILTIN_IDS[k % SINGLE_BUILTIN_IDS.length]);
      const draw = seedrandom(`family-draw/${k}`);
      const participants = scenario.parties.map(() => styles[Math.floor(draw() * styles.length)]);
      const session = runStyles(scenario, participants, `family/${k}`).session;
      const outcome = session.outcome!;
      const u = outcome.kind === "agreement" ? utilities(session.model, outcome.package) : Array.from(session.model.batnas);
      return u.reduce((sum, x) => sum + x, 0);
    });
  }

  test("win-win pairs reach a higher mean joint utility than win-lose pairs (one-sided Welch t-test, α = 1 %)", () => {
    const winWin = jointUtilities("win-win");
    const winLose = jointUtilities("win-lose");
    const result = welchGreater(winWin, winLose);
    expect(mean(winWin)).toBeGreaterThan(mean(winLose));
    expect(result.p, `t = ${result.t.toFixed(2)}, df = ${result.df.toFixed(1)}`).toBeLessThan(0.01);
  });
});
