import seedrandom from "seedrandom";
/**
 * Batch summaries (src/batch/summary.ts): the t quantile against printed tables and closed
 * forms, the Wilson interval, hand-computed means/intervals on small row sets, grouping per
 * pairing and per strategy, order independence of the one-pass accumulation, ranking and tables.
 */
import { mean, std } from "mathjs";
import { describe, expect, test } from "vitest";
import type { BatchRow } from "../../src/batch/row.js";
import {
  loadStatistics,
  type BatchSummary,
  type Estimate,
  Summariser,
  formatEstimate,
  rankStrategies,
  summarise,
  summaryTable,
  tQuantile,
  wilson,
} from "../../src/batch/summary.js";

// Some expectations are computed while the suites are collected, before any hook runs.
await loadStatistics();

interface RowInput {
  scenario?: string;
  strategies: string[];
  utilities: number[];
  agreement?: boolean;
  rounds?: number;
  share?: number;
}

let nextTask = 0;
function row({ scenario = "s1", strategies, utilities, agreement = true, rounds = 5, share = 0.5 }: RowInput): BatchRow {
  const jointUtility = utilities.reduce((a, b) => a + b, 0);
  return {
    task: nextTask++,
    scenario,
    strategies,
    seed: `seed-${nextTask}`,
    agreement,
    outcome: agreement ? "agreement" : "walk-away",
    rounds,
    utilities,
    jointUtility,
    jointGain: jointUtility - 50,
    shareOfMaxJointGain: share,
    distanceToFrontier: 0,
    distanceToNash: 1,
  };
}

/** t(0.975, 3), from the tables. */
const T3 = 3.1824463;

describe("tQuantile", () => {
  test.each([
    [1, 12.706],
    [9, 2.262],
    [29, 2.045],
    [120, 1.98],
    [1000, 1.962],
    [Infinity, 1.96],
  ])("t(0.975, %d) matches the printed table", (df, value) => {
    expect(tQuantile(0.975, df)).toBeCloseTo(value, 3);
  });

  test("matches the closed forms for 1 and 2 degrees of freedom", () => {
    for (const p of [0.6, 0.9, 0.95, 0.975, 0.995, 0.9995]) {
      expect(tQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 9);
      const exact = (2 * p - 1) * Math.sqrt(2 / (4 * p * (1 - p)));
      expect(Math.abs(tQuantile(p, 2) - exact) / exact).toBeLessThan(1e-12);
    }
  });

  test("the normal quantile has full precision", () => {
    expect(tQuantile(0.975, Infinity)).toBeCloseTo(1.959963984540054, 12);
    expect(tQuantile(0.995, Infinity)).toBeCloseTo(2.5758293035489, 12);
  });

  test("is symmetric about the median", () => {
    expect(tQuantile(0.5, 7)).toBe(0);
    expect(tQuantile(0.025, 5)).toBeCloseTo(-tQuantile(0.975, 5), 14);
    expect(tQuantile(0.025, 5)).toBeCloseTo(-2.571, 3);
  });

  test("joins the exact series (df ≤ 200) and the Cornish–Fisher expansion without a visible step", () => {
    // t falls smoothly with df, so the third difference across the join should match the one just
    // below it (all exact) to a few percent; a jump e between 200 and 201 would add 3e to it.
    const thirdDifference = (p: number, from: number) => {
      const [a, b, c, d] = [from, from + 1, from + 2, from + 3].map((df) => tQuantile(p, df));
      return a - 3 * b + 3 * c - d;
    };
    for (const p of [0.975, 0.995]) {
      expect(tQuantile(p, 200)).toBeGreaterThan(tQuantile(p, 201));
      const across = thirdDifference(p, 199);
      const below = thirdDifference(p, 196);
      expect(Math.abs(across - below) / below).toBeLessThan(0.1);
    }
  });

  test("rejects probabilities outside (0, 1) and non-integer degrees of freedom", () => {
    expect(() => tQuantile(1, 5)).toThrow(RangeError);
    expect(() => tQuantile(0, 5)).toThrow(RangeError);
    expect(() => tQuantile(0.975, 0)).toThrow(RangeError);
    expect(() => tQuantile(0.975, 2.5)).toThrow(RangeError);
  });
});

describe("wilson", () => {
  test("7 of 10 gives [0.3968, 0.8922]", () => {
    const { rate, lower, upper } = wilson(7, 10);
    expect(rate).toBe(0.7);
    expect(lower).toBeCloseTo(0.396778, 6);
    expect(upper).toBeCloseTo(0.892209, 6);
  });

  test("stays inside [0, 1] at the extremes", () => {
    expect(wilson(0, 10)).toMatchObject({ rate: 0, lower: 0 });
    expect(wilson(0, 10).upper).toBeCloseTo(0.277533, 6);
    expect(wilson(10, 10).lower).toBeCloseTo(0.722467, 6);
    expect(wilson(10, 10).upper).toBeLessThanOrEqual(1);
  });
});

describe("summarise: hand-computed statistics", () => {
  // One pairing, four negotiations:
  //   seat a   60 70 80 90   mean 75, squared deviations 225+25+25+225 = 500
  //   seat b   40 50 30 60   mean 45, squared deviations 500
  //   joint   100 120 110 150 mean 120, squared deviations 1400
  //   rounds    3  5  7  9   mean 6, squared deviations 20
  //   share   .5 .7  0 .9    mean 0.525, squared deviations 0.4475
  const rows = [
    row({ strategies: ["a", "b"], utilities: [60, 40], rounds: 3, share: 0.5 }),
    row({ strategies: ["a", "b"], utilities: [70, 50], rounds: 5, share: 0.7 }),
    row({ strategies: ["a", "b"], utilities: [80, 30], rounds: 7, share: 0, agreement: false }),
    row({ strategies: ["a", "b"], utilities: [90, 60], rounds: 9, share: 0.9 }),
  ];
  const summary = summarise(rows);
  const [pairing] = summary.pairings;

  function expectEstimate(estimate: Estimate, expectedMean: number, squaredDeviations: number): void {
    const sd = Math.sqrt(squaredDeviations / 3);
    expect(estimate.n).toBe(4);
    expect(estimate.mean).toBeCloseTo(expectedMean, 12);
    expect(estimate.std).toBeCloseTo(sd, 12);
    expect(estimate.halfWidth).toBeCloseTo((T3 * sd) / 2, 5);
    expect(estimate.lower).toBeCloseTo(expectedMean - (T3 * sd) / 2, 5);
    expect(estimate.upper).toBeCloseTo(expectedMean + (T3 * sd) / 2, 5);
  }

  test("per-seat utilities, joint utility, share and rounds", () => {
    expect(summary.rows).toBe(4);
    expect(summary.pairings).toHaveLength(1);
    expect(pairing.count).toBe(4);
    expectEstimate(pairing.utilities[0], 75, 500);
    expectEstimate(pairing.utilities[1], 45, 500);
    expectEstimate(pairing.jointUtility, 120, 1400);
    expectEstimate(pairing.rounds, 6, 20);
    expectEstimate(pairing.shareOfMaxJointGain, 0.525, 0.4475);
    expect(pairing.utilities[0].halfWidth).toBeCloseTo(20.5426, 4);
  });

  test("agreement is a Wilson interval", () => {
    expect(pairing.agreement).toEqual(wilson(3, 4));
  });

  test("agrees with mathjs' mean and unbiased std", () => {
    const seat0 = rows.map((r) => r.utilities[0]);
    expect(pairing.utilities[0].mean).toBeCloseTo(mean(seat0), 12);
    expect(pairing.utilities[0].std).toBeCloseTo(std(seat0, "unbiased") as number, 12);
  });

  test("7 agreements in 10 negotiations", () => {
    const ten = Array.from({ length: 10 }, (_, i) => row({ strategies: ["a", "b"], utilities: [50, 50], agreement: i < 7 }));
    const { agreement } = summarise(ten).pairings[0];
    expect(agreement.successes).toBe(7);
    expect(agreement.lower).toBeCloseTo(0.396778, 6);
    expect(agreement.upper).toBeCloseTo(0.892209, 6);
  });

  test("a single observation has a mean but no interval", () => {
    const single = summarise([row({ strategies: ["a", "b"], utilities: [60, 40] })]).pairings[0].utilities[0];
    expect(single).toMatchObject({ n: 1, mean: 60 });
    expect(single.std).toBeNaN();
    expect(single.halfWidth).toBeNaN();
  });

  test("rejects a row whose utilities do not match its seats", () => {
    expect(() => summarise([row({ strategies: ["a", "b"], utilities: [1] })])).toThrow(/1 utilities for 2 seats/);
  });
});

describe("summarise: grouping", () => {
  const rows = [
    row({ scenario: "s1", strategies: ["a", "b"], utilities: [60, 40], rounds: 4 }),
    row({ scenario: "s1", strategies: ["b", "a"], utilities: [30, 70], rounds: 6 }),
    row({ scenario: "s1", strategies: ["a", "a"], utilities: [50, 52], rounds: 8, agreement: false }),
    row({ scenario: "s2", strategies: ["a", "b"], utilities: [20, 10], rounds: 10 }),
  ];
  const summary = summarise(rows);

  test("a pairing is scenario × strategies in seat order", () => {
    expect(summary.pairings.map((p) => [p.scenario, ...p.strategies])).toEqual([
      ["s1", "a", "a"],
      ["s1", "a", "b"],
      ["s1", "b", "a"],
      ["s2", "a", "b"],
    ]);
    const reversed = summary.pairings[2];
    expect(reversed.utilities.map((u) => u.mean)).toEqual([30, 70]);
  });

  test("a strategy pools its own utility over every seat and scenario", () => {
    const [a, b] = summary.strategies;
    expect(a.strategy).toBe("a");
    // Seats: 60 (s1, seat 0), 70 (s1, seat 1), 50 and 52 (self-play), 20 (s2).
    expect(a.utility.n).toBe(5);
    expect(a.utility.mean).toBeCloseTo((60 + 70 + 50 + 52 + 20) / 5, 12);
    expect(b.strategy).toBe("b");
    expect(b.utility.n).toBe(3);
    expect(b.utility.mean).toBeCloseTo((40 + 30 + 10) / 3, 12);
  });

  test("negotiation-level measures count a self-play negotiation once", () => {
    const [a, b] = summary.strategies;
    expect(a.count).toBe(4);
    expect(a.agreement.successes).toBe(3);
    expect(a.rounds.mean).toBeCloseTo((4 + 6 + 8 + 10) / 4, 12);
    expect(a.jointUtility.mean).toBeCloseTo((100 + 100 + 102 + 30) / 4, 12);
    expect(b.count).toBe(3);
    expect(b.agreement.successes).toBe(3);
  });
});

/** Seeded, so the random rows are the same on every run. */
const random = (seed: number): (() => number) => seedrandom(String(seed));

function randomRows(count: number, next: () => number): BatchRow[] {
  const styles = ["tough", "fair", "soft", "logroll"];
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return Array.from({ length: count }, () => {
    const agreement = next() < 0.7;
    return row({
      scenario: pick(["hospital", "housing", "supply"]),
      strategies: [pick(styles), pick(styles)],
      utilities: [20 + 80 * next(), 20 + 80 * next()],
      agreement,
      rounds: 1 + Math.floor(12 * next()),
      share: agreement ? next() : 0,
    });
  });
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Deep equality with numbers equal within `tolerance` (NaN equal to NaN). */
function expectClose(actual: unknown, expected: unknown, tolerance: number, path = "summary"): void {
  if (typeof expected === "number") {
    expect(typeof actual, path).toBe("number");
    if (Number.isNaN(expected)) expect(actual, path).toBeNaN();
    else expect(Math.abs((actual as number) - expected), path).toBeLessThanOrEqual(tolerance);
  } else if (typeof expected === "object" && expected !== null) {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) {
      expectClose((actual as Record<string, unknown>)[key], value, tolerance, `${path}.${key}`);
    }
  } else {
    expect(actual, path).toEqual(expected);
  }
}

describe("summarise: one pass, any order", () => {
  const next = random(20240611);
  const rows = randomRows(2000, next);
  const summary = summarise(rows);

  test("feeding the rows in another order gives the same summary within 1e-12", () => {
    expectClose(summarise([...rows].reverse()), summary, 1e-12);
    expectClose(summarise(shuffled(rows, next)), summary, 1e-12);
  });

  test("accepts any iterable, and the incremental Summariser is the same fold", () => {
    function* generate(): Generator<BatchRow> {
      yield* rows;
    }
    expectClose(summarise(generate()), summary, 0);
    const summariser = new Summariser();
    rows.forEach((r) => summariser.add(r));
    expectClose(summariser.summary(), summary, 0);
  });

  test("every group agrees with mathjs computed over the whole sample", () => {
    for (const pairing of summary.pairings) {
      const members = rows.filter(
        (r) => r.scenario === pairing.scenario && r.strategies.join() === pairing.strategies.join(),
      );
      const seat1 = members.map((r) => r.utilities[1]);
      const share = members.map((r) => r.shareOfMaxJointGain);
      expect(pairing.count).toBe(members.length);
      expect(pairing.utilities[1].mean).toBeCloseTo(mean(seat1), 10);
      expect(pairing.utilities[1].std).toBeCloseTo(std(seat1, "unbiased") as number, 10);
      expect(pairing.shareOfMaxJointGain.std).toBeCloseTo(std(share, "unbiased") as number, 10);
    }
    for (const strategy of summary.strategies) {
      const own = rows.flatMap((r) => r.utilities.filter((_, seat) => r.strategies[seat] === strategy.strategy));
      expect(strategy.utility.mean).toBeCloseTo(mean(own), 10);
      expect(strategy.utility.std).toBeCloseTo(std(own, "unbiased") as number, 10);
    }
  });
});

describe("rankStrategies", () => {
  test("orders by own utility, then share of the maximal joint gain, then id", () => {
    const summary = summarise(
      [
        row({ strategies: ["t", "u"], utilities: [50, 40], share: 0.6 }),
        row({ strategies: ["r", "s"], utilities: [50, 40], share: 0.6 }),
        row({ strategies: ["p", "q"], utilities: [50, 40], share: 0.8 }),
        row({ strategies: ["z", "y"], utilities: [55, 10], share: 0.1 }),
      ].reverse(),
    );
    expect(rankStrategies(summary).map((s) => s.strategy)).toEqual(["z", "p", "r", "t", "q", "s", "u", "y"]);
  });
});

describe("summaryTable", () => {
  const summary: BatchSummary = summarise([
    row({ strategies: ["a", "b"], utilities: [60, 40], rounds: 3, share: 0.5 }),
    row({ strategies: ["a", "b"], utilities: [70, 50], rounds: 5, share: 0.7 }),
    row({ strategies: ["a", "b"], utilities: [80, 30], rounds: 7, share: 0, agreement: false }),
    row({ strategies: ["a", "b"], utilities: [90, 60], rounds: 9, share: 0.9 }),
    row({ scenario: "s2", strategies: ["b", "b"], utilities: [45, 45], rounds: 2, share: 0.95 }),
  ]);

  test("strategies, ranked by own utility", () => {
    const table = summaryTable(summary, "strategy");
    expect(table.header).toEqual([
      "rank",
      "strategy",
      "own utility",
      "joint-gain share",
      "agreement",
      "joint utility",
      "rounds",
      "negotiations",
    ]);
    // b: seat 1 of the four s1 negotiations (40 50 30 60) and both seats of the self-play
    // (45 45): mean 45, std 10, t(0.975, 5) = 2.5706, half-width 2.5706 · 10 / √6 = 10.49.
    expect(table.rows.map((r) => [...r.slice(0, 3), r[7]])).toEqual([
      ["1", "a", "75.0 ± 20.5", "4"],
      ["2", "b", "45.0 ± 10.5", "5"],
    ]);
    expect(table.rows[0][4]).toBe("75.0% [30.1–95.4]");
    expect(table.rows[0][3]).toBe("0.53 ± 0.61");
  });

  test("pairings, ranked by share of the maximal joint gain, utilities per seat", () => {
    const table = summaryTable(summary, "pairing");
    expect(table.header).toEqual([
      "rank",
      "scenario",
      "pairing",
      "joint-gain share",
      "utility per seat",
      "agreement",
      "joint utility",
      "rounds",
      "negotiations",
    ]);
    expect([...table.rows[0].slice(0, 3), ...table.rows[0].slice(4, 5), table.rows[0][8]]).toEqual(["1", "s2", "b vs b", "45.000 / 45.000", "1"]);
    expect([...table.rows[1].slice(0, 3), ...table.rows[1].slice(4, 5), table.rows[1][8]]).toEqual(["2", "s1", "a vs b", "75.0 ± 20.5 / 45.0 ± 20.5", "4"]);
    expect(table.rows[1][7]).toBe("6.0 ± 4.1");
  });
});

describe("formatEstimate", () => {
  const estimate = (mean: number, halfWidth: number): Estimate => ({
    n: 10,
    mean,
    std: NaN,
    halfWidth,
    lower: mean - halfWidth,
    upper: mean + halfWidth,
  });

  test.each([
    [68.1234, 2.345, "68.1 ± 2.3"],
    [68.1234, 0.2345, "68.12 ± 0.23"],
    [0.73412, 0.0456, "0.734 ± 0.046"],
    [0.73412, 0.00012, "0.734 ± 0.000"],
    [1234.56, 345.6, "1234.6 ± 345.6"],
    [-0.0001, 0.0002, "0.000 ± 0.000"],
    [5, 0, "5.000 ± 0.000"],
    [5, NaN, "5.000"],
  ])("%d ± %d → %s", (mean, halfWidth, text) => {
    expect(formatEstimate(estimate(mean, halfWidth))).toBe(text);
  });
});

test("the Wilson interval's z is the normal quantile the t quantile converges to", () => {
  expect(tQuantile(0.975, Infinity)).toBeCloseTo(1.959963984540054, 12);
});
