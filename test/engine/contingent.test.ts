/**
 * Tip 6: contingent clauses ("bets"). Where partners forecast differently, a clause that gives
 * each side what it wants in the future it believes in is worth more to both than a fixed
 * compromise; where they forecast alike, it adds nothing. Expected values are worked out here
 * in closed form, never read off the engine.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { analyzeScenario, jointGain } from "../../src/engine/analysis.js";
import { clauseValues, fixedTermsOnly, hasContingentOptions } from "../../src/engine/contingent.js";
import { compileScenario, contribution, packageUtility } from "../../src/engine/model.js";
import { UTILITY_EPSILON } from "../../src/engine/tolerance.js";
import { resolveScenarioPath } from "../../src/scenario/builtin.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { PRIZE_FOR_A, PRIZE_FOR_B, loaded, prizeIssue, solarPark } from "./uncertain.js";

type Uniform = { kind: "uniform"; min: number; max: number };

/**
 * One issue, the split of a prize: A wins (A 100, B 0), B wins (A 0, B 100), halves (50, 50),
 * A 70 / B 30, and the bet: A wins if x turns out at least `threshold`, else B wins.
 */
function betScenario(beliefA: Uniform, beliefB: Uniform, threshold: number) {
  return loaded({
    id: "bet",
    title: "A bet",
    story: "Built by a test.",
    uncertainties: [{ id: "x", label: "x", distribution: { kind: "uniform", min: 0, max: 100 }, beliefs: { A: beliefA, B: beliefB } }],
    issues: [
      prizeIssue(threshold, [{ id: "a-more", label: "A 70, B 30" }]),
    ],
    parties: [
      { id: "A", name: "A", briefing: "A", weights: { prize: 1 }, values: { prize: { ...PRIZE_FOR_A, "a-more": 70 } }, batna: 10 },
      { id: "B", name: "B", briefing: "B", weights: { prize: 1 }, values: { prize: { ...PRIZE_FOR_B, "a-more": 30 } }, batna: 10 },
    ],
  });
}

const FIXED = [0, 1, 2, 3];
const BET = 4;
const atLeast = (d: Uniform, t: number) => Math.min(1, Math.max(0, (d.max - t) / (d.max - d.min)));

describe("a bet between partners who forecast differently", () => {
  // A expects x on [40, 100], B on [0, 60]; the bet turns at 50.
  const beliefA: Uniform = { kind: "uniform", min: 40, max: 100 };
  const beliefB: Uniform = { kind: "uniform", min: 0, max: 60 };
  const model = compileScenario(betScenario(beliefA, beliefB, 50));
  const value = (p: number, o: number) => contribution(model, p, 0, o);
  const expectedA = 100 * atLeast(beliefA, 50); // 83.33…
  const expectedB = 100 * (1 - atLeast(beliefB, 50)); // 83.33…

  test("each party values the bet under its own forecast", () => {
    expect(Math.abs(value(0, BET) - expectedA)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(value(1, BET) - expectedB)).toBeLessThanOrEqual(1e-9);
  });

  test("both expect more of the bet than of the compromise, and no fixed option gives both as much", () => {
    expect(value(0, BET)).toBeGreaterThan(value(0, 2) + 30);
    expect(value(1, BET)).toBeGreaterThan(value(1, 2) + 30);
    for (const o of FIXED) expect(value(0, o) >= value(0, BET) && value(1, o) >= value(1, BET), `fixed option ${o}`).toBe(false);
    // The joint expectation of the bet beats every fixed option's.
    for (const o of FIXED) expect(value(0, BET) + value(1, BET)).toBeGreaterThan(value(0, o) + value(1, o) + 60);
  });

  test("clauseValues: the bet's joint expected points over the best fixed option's", () => {
    const [clause] = clauseValues(model);
    expect(clause.issue).toBe(0);
    expect(clause.clause).toBe(BET);
    // Every fixed option is worth 100 jointly; the first of the best is kept.
    expect(FIXED).toContain(clause.fixed);
    expect(Math.abs(clause.value - (expectedA + expectedB - 100))).toBeLessThanOrEqual(1e-9);
    expect(clause.value).toBeGreaterThan(0);
  });

  test("the bet is the one package both prefer to the rest: the frontier and the Nash point hold it", () => {
    const analysis = analyzeScenario(model, { fixedTerms: true });
    expect(analysis.nash).not.toBeNull();
    expect(Array.from(analysis.frontier.package(analysis.nash!))).toEqual([BET]);
    expect(Math.abs(analysis.maxJointGain! - (expectedA + expectedB - 20))).toBeLessThanOrEqual(1e-9);
    // Without the bet, the best joint gain is 100 − 20.
    expect(analysis.fixedTermsJointGain).toBeCloseTo(80, 9);
  });
});

describe("partners who forecast alike", () => {
  test("the clause adds nothing: it is the mixture of its two options, whatever the forecast and the threshold", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -20, max: 80 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: -30, max: 130 }),
        (min, width, threshold) => {
          const belief: Uniform = { kind: "uniform", min, max: min + width };
          const model = compileScenario(betScenario(belief, belief, threshold));
          const p = atLeast(belief, threshold);
          // A gets a-wins (100) with chance p, B gets b-wins (100) otherwise.
          expect(Math.abs(contribution(model, 0, 0, BET) - 100 * p)).toBeLessThanOrEqual(1e-9);
          expect(Math.abs(contribution(model, 1, 0, BET) - 100 * (1 - p))).toBeLessThanOrEqual(1e-9);
          const [clause] = clauseValues(model);
          expect(clause.value).toBeLessThanOrEqual(1e-9);
          expect(clause.value).toBeGreaterThanOrEqual(-1e-9);
        },
      ),
      { numRuns: 60 },
    );
  });

  test("without beliefs of their own (the common forecast) the clause adds nothing either", () => {
    const common: Uniform = { kind: "uniform", min: 0, max: 100 };
    const model = compileScenario(betScenario(common, common, 50));
    expect(Math.abs(clauseValues(model)[0].value)).toBeLessThanOrEqual(1e-9);
    const analysis = analyzeScenario(model, { fixedTerms: true });
    expect(Math.abs(analysis.maxJointGain! - analysis.fixedTermsJointGain!)).toBeLessThanOrEqual(UTILITY_EPSILON);
  });
});

describe("fixedTermsOnly", () => {
  test("removes exactly the contingent options, keeping every other option's expected contributions", () => {
    const model = compileScenario(solarPark());
    const fixed = fixedTermsOnly(model)!;
    expect(fixed).not.toBeNull();
    expect(hasContingentOptions(model)).toBe(true);
    expect(fixed.optionIds).toEqual([
      ["equal", "eemvallei-more", "polderstroom-more"],
      ["cooperatives", "municipality", "shared"],
      ["low", "medium", "high"],
      ["none", "bonds", "fund"],
    ]);
    expect(fixed.totalOptions).toBe(model.totalOptions - 2);
    expect(hasContingentOptions(fixed)).toBe(false);
    for (let i = 0; i < model.issueCount; i++) {
      fixed.optionIds[i].forEach((id, k) => {
        const o = model.optionIds[i].indexOf(id);
        for (let p = 0; p < model.partyCount; p++) {
          expect(contribution(fixed, p, i, k)).toBe(contribution(model, p, i, o));
          expect(fixed.autonomyCosts[(fixed.issueOffsets[i] + k) * fixed.partyCount + p]).toBe(model.autonomyCosts[(model.issueOffsets[i] + o) * model.partyCount + p]);
        }
      });
    }
    expect(Array.from(fixed.batnas)).toEqual(Array.from(model.batnas));
    expect(Array.from(fixed.baseUtilities)).toEqual(Array.from(model.baseUtilities));
  });

  test("a scenario without contingent options is left as it is", () => {
    const model = compileScenario(loadScenarioFile(resolveScenarioPath("hospital-it-platform")).scenario);
    expect(hasContingentOptions(model)).toBe(false);
    expect(fixedTermsOnly(model)).toBe(model);
    expect(clauseValues(model)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The solar park, worked out by hand: triangular forecasts, revenue shares, autonomy-cost formulas.

type Triangle = { kind: "triangular"; min: number; mode: number; max: number };

/** ∫ x^n f(x) dx over [lo, hi] (n = 0 or 1) for a triangular density, from its antiderivatives. */
function moment(d: Triangle, n: 0 | 1, lo: number, hi: number): number {
  const { min: a, mode: c, max: b } = d;
  let total = 0;
  const from1 = Math.max(a, lo);
  const to1 = Math.min(c, hi);
  if (c > a && to1 > from1) {
    const k = 2 / ((b - a) * (c - a));
    const F = (x: number) => (n === 0 ? k * ((x - a) ** 2 / 2) : k * (x ** 3 / 3 - (a * x * x) / 2));
    total += F(to1) - F(from1);
  }
  const from2 = Math.max(c, lo);
  const to2 = Math.min(b, hi);
  if (b > c && to2 > from2) {
    const k = 2 / ((b - a) * (b - c));
    const G = (x: number) => (n === 0 ? k * (b * x - x * x / 2) : k * ((b * x * x) / 2 - x ** 3 / 3));
    total += G(to2) - G(from2);
  }
  return total;
}

/** E[cost; lo ≤ overrun < hi] of each autonomy-cost formula the solar park uses. */
const COST_FORMULAS: Record<string, (d: Triangle, lo: number, hi: number) => number> = {
  "overrun * 0.3": (d, lo, hi) => 0.3 * moment(d, 1, lo, hi),
  "overrun * 0.15": (d, lo, hi) => 0.15 * moment(d, 1, lo, hi),
  "overrun * 0.1": (d, lo, hi) => 0.1 * moment(d, 1, lo, hi),
  "min(overrun, 20) * 0.5": (d, lo, hi) => 0.5 * (moment(d, 1, lo, Math.min(hi, 20)) + 20 * moment(d, 0, Math.max(lo, 20), hi)),
};

describe("the solar park", () => {
  const scenario = solarPark();
  const model = compileScenario(scenario);
  const analysis = analyzeScenario(model, { fixedTerms: true });
  const belief = (quantity: string, party: string): Triangle => {
    const q = scenario.uncertainties!.find((u) => u.id === quantity)!;
    return (q.beliefs?.[party] ?? q.distribution) as Triangle;
  };

  /** Each party's expected contribution of each option, by hand: expected[i][o][p]. */
  const expected = scenario.issues.map((issue) =>
    issue.options.map((option) =>
      scenario.parties.map((party) => {
        const weightSum = Object.values(party.weights).reduce((s, w) => s + w, 0);
        const weight = party.weights[issue.id] / weightSum;
        // The option's value and cost where the quantity lies in [lo, hi), following a clause.
        const part = (id: string, quantity: string, lo: number, hi: number) => {
          const d = belief(quantity, party.id);
          if (issue.revenue !== undefined) {
            expect(issue.revenue).toBe("price");
            const shares = issue.options.find((o) => o.id === id)!.shares!;
            return weight * shares[party.id] * moment(d, 1, lo, hi);
          }
          const value = party.values[issue.id][id] as number;
          const cost = party.autonomyCosts?.[issue.id]?.[id] ?? 0;
          const expectedCost = typeof cost === "number" ? cost * moment(d, 0, lo, hi) : COST_FORMULAS[cost](d, lo, hi);
          expect(typeof cost === "number" || cost in COST_FORMULAS, `a formula this test knows: ${cost}`).toBe(true);
          return weight * value * moment(d, 0, lo, hi) - expectedCost;
        };
        const quantity = issue.revenue !== undefined ? "price" : "overrun";
        if (option.contingent) {
          const { quantity: q, atLeast, then, else: otherwise } = option.contingent;
          return part(then, q, atLeast, Infinity) + part(otherwise, q, -Infinity, atLeast);
        }
        return part(option.id, quantity, -Infinity, Infinity);
      }),
    ),
  );

  test("every option's expected contribution matches the hand computation", () => {
    scenario.issues.forEach((issue, i) =>
      issue.options.forEach((option, o) =>
        scenario.parties.forEach((party, p) => {
          expect(Math.abs(contribution(model, p, i, o) - expected[i][o][p]), `${issue.id}/${option.id}/${party.id}`).toBeLessThanOrEqual(1e-9);
        }),
      ),
    );
  });

  test("both clauses add joint expected value, as much as the hand computation says", () => {
    const values = clauseValues(model);
    expect(values.map((v) => model.optionIds[v.issue][v.clause])).toEqual(["price-clause", "overrun-clause"]);
    for (const v of values) {
      const joint = (o: number) => expected[v.issue][o].reduce((s, x) => s + x, 0);
      const options = scenario.issues[v.issue].options;
      const bestFixed = Math.max(...options.flatMap((option, o) => (option.contingent ? [] : [joint(o)])));
      expect(Math.abs(v.value - (joint(v.clause) - bestFixed))).toBeLessThanOrEqual(1e-9);
      expect(v.value).toBeGreaterThan(1);
    }
  });

  test("settling fixed terms only leaves at least a quarter of the maximal joint expected gain on the table", () => {
    // By brute force over every package, from the hand-computed contributions.
    const base = model.baseUtilities;
    let best = -Infinity;
    let bestFixed = -Infinity;
    const counts = scenario.issues.map((issue) => issue.options.length);
    const visit = (i: number, pkg: number[]) => {
      if (i === counts.length) {
        const u = scenario.parties.map((_, p) => base[p] + pkg.reduce((s, o, k) => s + expected[k][o][p], 0));
        if (!u.every((x, p) => x > model.batnas[p] + UTILITY_EPSILON)) return;
        const gain = u.reduce((s, x, p) => s + x - model.batnas[p], 0);
        best = Math.max(best, gain);
        if (pkg.every((o, k) => !scenario.issues[k].options[o].contingent)) bestFixed = Math.max(bestFixed, gain);
        return;
      }
      for (let o = 0; o < counts[i]; o++) visit(i + 1, [...pkg, o]);
    };
    visit(0, []);
    expect(Math.abs(analysis.maxJointGain! - best)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(analysis.fixedTermsJointGain! - bestFixed)).toBeLessThanOrEqual(1e-9);
    expect((best - bestFixed) / best).toBeGreaterThanOrEqual(0.25);
  });

  test("the Nash package settles on a contingent clause", () => {
    expect(analysis.nash).not.toBeNull();
    const pkg = analysis.frontier.package(analysis.nash!);
    const contingent = Array.from(pkg).filter((o, i) => scenario.issues[i].options[o].contingent !== undefined);
    expect(contingent.length).toBeGreaterThan(0);
    // And it is agreeable: every party beats its BATNA in expectation.
    for (let p = 0; p < model.partyCount; p++) expect(packageUtility(model, p, pkg)).toBeGreaterThan(model.batnas[p]);
    expect(jointGain(model, analysis.frontier.utilities(analysis.nash!))).toBeGreaterThan(analysis.fixedTermsJointGain!);
  });
});
