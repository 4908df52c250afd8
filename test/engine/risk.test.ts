/**
 * Tip 6: the risk of a package per party (seeded draws from the party's own forecast): the
 * same seed gives the same figures; the mean is the exact expected utility; the percentiles
 * and the chance of ending below the BATNA agree with exact values where they are known and
 * with an independent Monte Carlo (through realisedUtility) where they are not.
 */
import seedrandom from "seedrandom";
import { describe, expect, test } from "vitest";
import { type Distribution, draw, quantile } from "../../src/engine/distributions.js";
import { compileScenario, packageFromRecord, packageUtility } from "../../src/engine/model.js";
import { RISK_DRAWS, drawTruth, packageRisk, realisedUtility } from "../../src/engine/risk.js";
import { resolveScenarioPath } from "../../src/scenario/builtin.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { loaded, options, solarParkModel } from "./uncertain.js";

/**
 * x: discrete, 0 (30 %) or 100 (70 %), everyone's forecast. y: uniform on [0, 100]; B forecasts [50, 100].
 * A (weights ½, ½): i0 o0 is worth x, less x/10 in autonomy; o1 20. i1 o0 is worth y, o1 40. BATNA 30.
 * B (weights ½, ½): i0 50 either way; i1 o0 is worth y, o1 60. BATNA 40.
 *
 * A's utility of [o0, o1] = 0.4x + 20: 20 or 60, mean 48, below the BATNA exactly 30 % of the time.
 * A's utility of [o1, o0] = 10 + y/2 with y ~ U(0, 100): 5th percentile 12.5, 95th 57.5, below 30 with 40 %, mean 35.
 * B's utility of [o1, o0] = 25 + y/2 with y ~ U(50, 100): 5th percentile 51.25, 95th 73.75, never below 40, mean 62.5.
 * B's utility of [o1, o1] = 55, certain.
 */
const lab = loaded({
  id: "risk-lab",
  title: "Risk lab",
  story: "Built by a test.",
  uncertainties: [
    { id: "x", label: "x", distribution: { kind: "discrete", values: [0, 100], probabilities: [0.3, 0.7] } },
    { id: "y", label: "y", distribution: { kind: "uniform", min: 0, max: 100 }, beliefs: { B: { kind: "uniform", min: 50, max: 100 } }, truth: "B" },
  ],
  issues: [
    { id: "i0", label: "i0", options: options(2) },
    { id: "i1", label: "i1", options: options(2) },
  ],
  parties: [
    {
      id: "A",
      name: "A",
      briefing: "A",
      weights: { i0: 1, i1: 1 },
      values: { i0: { o0: "x", o1: 20 }, i1: { o0: "y", o1: 40 } },
      autonomyCosts: { i0: { o0: "x / 10" } },
      batna: 30,
    },
    { id: "B", name: "B", briefing: "B", weights: { i0: 1, i1: 1 }, values: { i0: { o0: 50, o1: 50 }, i1: { o0: "y", o1: 60 } }, batna: 40 },
  ],
});
const model = compileScenario(lab);
const [A, B] = [0, 1];

const never = () => {
  throw new Error("a certain package draws no random numbers");
};

/** The largest sampling error allowed for a share p estimated from n draws: 4 standard errors. */
const shareError = (p: number, n = RISK_DRAWS) => 4 * Math.sqrt((p * (1 - p)) / n);

describe("a hand-built scenario with exact answers", () => {
  test("a two-point outcome: percentiles exact, the chance below the BATNA within sampling error of 0.3", () => {
    const risk = packageRisk(model, A, [0, 1], seedrandom("two-point"));
    expect(risk.mean).toBe(packageUtility(model, A, [0, 1]));
    expect(risk.mean).toBeCloseTo(48, 12);
    expect(risk.p05).toBeCloseTo(20, 12);
    expect(risk.p95).toBeCloseTo(60, 12);
    expect(Math.abs(risk.belowBatna - 0.3)).toBeLessThanOrEqual(shareError(0.3));
  });

  test("a uniform outcome: percentiles and the chance below the BATNA within sampling error", () => {
    const risk = packageRisk(model, A, [1, 0], seedrandom("uniform"));
    expect(risk.mean).toBe(packageUtility(model, A, [1, 0]));
    expect(risk.mean).toBeCloseTo(35, 9);
    // The 5th percentile of y from 10 000 draws has a standard error of √(.05·.95/10⁴)·100 ≈ 0.22; in utility half that.
    expect(Math.abs(risk.p05 - 12.5)).toBeLessThan(0.6);
    expect(Math.abs(risk.p95 - 57.5)).toBeLessThan(0.6);
    expect(Math.abs(risk.belowBatna - 0.4)).toBeLessThanOrEqual(shareError(0.4));
  });

  test("each party's risk follows its own forecast", () => {
    const risk = packageRisk(model, B, [1, 0], seedrandom("own forecast"));
    expect(risk.mean).toBeCloseTo(62.5, 9);
    expect(Math.abs(risk.p05 - 51.25)).toBeLessThan(0.3);
    expect(Math.abs(risk.p95 - 73.75)).toBeLessThan(0.3);
    expect(risk.belowBatna).toBe(0);
  });

  test("a package that depends on no quantity is certain, and draws nothing", () => {
    const risk = packageRisk(model, B, [1, 1], never);
    expect(risk).toEqual({ mean: 55, p05: 55, p95: 55, belowBatna: 0 });
  });

  test("the number of draws is the caller's", () => {
    const few = packageRisk(model, A, [0, 1], seedrandom("few"), 20);
    expect([0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1]).toContain(few.belowBatna);
  });

  test("the truth is drawn from the forecast the scenario names, the same for the same seed", () => {
    const truths = Array.from({ length: 60 }, (_, n) => drawTruth(model, seedrandom(`game ${n}`)));
    for (const [x, y] of truths) {
      expect([0, 100]).toContain(x);
      // y's truth is B's forecast: U(50, 100).
      expect(y).toBeGreaterThanOrEqual(50);
      expect(y).toBeLessThanOrEqual(100);
    }
    expect(new Set(truths.map(([, y]) => y)).size).toBe(truths.length);
    expect(Array.from(drawTruth(model, seedrandom("game 7")))).toEqual(Array.from(truths[7]));
  });

  test("realised utility at known values", () => {
    const at = (x: number, y: number) => Float64Array.of(x, y);
    expect(realisedUtility(model, A, [0, 0], at(100, 30))).toBeCloseTo(0.5 * 100 - 10 + 0.5 * 30, 12);
    expect(realisedUtility(model, A, [0, 0], at(0, 30))).toBeCloseTo(15, 12);
    expect(realisedUtility(model, B, [1, 0], at(0, 80))).toBeCloseTo(25 + 40, 12);
  });
});

describe("draws follow the distribution", () => {
  test("quantile inverts the triangular CDF", () => {
    const [a, c, b] = [25, 40, 62];
    const d: Distribution = { kind: "triangular", min: a, mode: c, max: b };
    const cdf = (x: number) => (x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - c)));
    for (const p of [0.001, 0.05, 0.3, 0.5, 0.7, 0.95, 0.999]) expect(cdf(quantile(d, p))).toBeCloseTo(p, 12);
    expect(draw(d, 0)).toBe(a);
  });
});

describe("the solar park", () => {
  const solar = solarParkModel();
  const packages = [
    { "revenue-split": "price-clause", "cost-overrun": "overrun-clause", lease: "medium", "local-ownership": "fund" },
    { "revenue-split": "equal", "cost-overrun": "shared", lease: "medium", "local-ownership": "bonds" },
    { "revenue-split": "eemvallei-more", "cost-overrun": "cooperatives", lease: "high", "local-ownership": "none" },
  ].map((record) => packageFromRecord(solar, record));

  test("the same seed gives the same risk, to the bit", () => {
    for (const pkg of packages) {
      for (let p = 0; p < solar.partyCount; p++) {
        expect(packageRisk(solar, p, pkg, seedrandom("seven"))).toStrictEqual(packageRisk(solar, p, pkg, seedrandom("seven")));
      }
    }
  });

  test("different seeds give different percentiles", () => {
    const p05s = Array.from({ length: 10 }, (_, n) => packageRisk(solar, 0, packages[0], seedrandom(`seed ${n}`)).p05);
    expect(new Set(p05s).size).toBeGreaterThanOrEqual(9);
  });

  test("the mean is the exact expected utility; p05 ≤ mean ≤ p95; the chance below the BATNA is a share", () => {
    for (const pkg of packages) {
      for (let p = 0; p < solar.partyCount; p++) {
        const risk = packageRisk(solar, p, pkg, seedrandom(`sanity ${p}`));
        expect(risk.mean).toBe(packageUtility(solar, p, pkg));
        expect(risk.p05).toBeLessThanOrEqual(risk.mean);
        expect(risk.mean).toBeLessThanOrEqual(risk.p95);
        expect(risk.belowBatna).toBeGreaterThanOrEqual(0);
        expect(risk.belowBatna).toBeLessThanOrEqual(1);
        expect(Number.isInteger(risk.belowBatna * RISK_DRAWS)).toBe(true);
      }
    }
  });

  test("an independent Monte Carlo through realisedUtility agrees with the percentiles, the mean and the chance below the BATNA", () => {
    const n = 40_000;
    for (const pkg of packages) {
      for (let p = 0; p < solar.partyCount; p++) {
        const forecast = solar.uncertain!.beliefs[p];
        const random = seedrandom(`independent ${p}`);
        const outcomes = new Float64Array(n);
        let sum = 0;
        let sumSquares = 0;
        let below = 0;
        for (let k = 0; k < n; k++) {
          const quantities = Float64Array.from(forecast, (d) => draw(d, random()));
          const u = realisedUtility(solar, p, pkg, quantities);
          outcomes[k] = u;
          sum += u;
          sumSquares += u * u;
          if (u < solar.batnas[p]) below++;
        }
        outcomes.sort();
        const average = sum / n;
        const sd = Math.sqrt(Math.max(0, sumSquares / n - average * average));
        const risk = packageRisk(solar, p, pkg, seedrandom(`engine ${p}`));
        const what = `party ${solar.partyIds[p]}, package ${Array.from(pkg)}`;
        expect(Math.abs(risk.mean - average), what).toBeLessThanOrEqual(5 * (sd / Math.sqrt(n)) + 1e-9);
        // The engine's 5th percentile of 10 000 draws lies near the 5th percentile of these 40 000.
        expect(risk.p05, what).toBeGreaterThanOrEqual(outcomes[Math.floor(0.035 * n)] - 1e-9);
        expect(risk.p05, what).toBeLessThanOrEqual(outcomes[Math.ceil(0.065 * n)] + 1e-9);
        expect(risk.p95, what).toBeGreaterThanOrEqual(outcomes[Math.floor(0.935 * n)] - 1e-9);
        expect(risk.p95, what).toBeLessThanOrEqual(outcomes[Math.ceil(0.965 * n)] + 1e-9);
        const share = below / n;
        const error = 5 * Math.sqrt(Math.max(share * (1 - share), 1e-4) * (1 / n + 1 / RISK_DRAWS));
        expect(Math.abs(risk.belowBatna - share), what).toBeLessThanOrEqual(error);
      }
    }
  });
});

test("a certain scenario: p05 = p95 = mean, and no draws", () => {
  const scenario = loadScenarioFile(resolveScenarioPath("hospital-it-platform")).scenario;
  const certain = compileScenario(scenario);
  expect(certain.uncertain).toBeUndefined();
  const pkg = new Int32Array(certain.issueCount);
  for (let p = 0; p < certain.partyCount; p++) {
    const risk = packageRisk(certain, p, pkg, never);
    const mean = packageUtility(certain, p, pkg);
    expect(risk).toEqual({ mean, p05: mean, p95: mean, belowBatna: mean < certain.batnas[p] ? 1 : 0 });
  }
  expect(drawTruth(certain, never)).toEqual(new Float64Array(0));
});
