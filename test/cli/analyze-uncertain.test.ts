/**
 * `analyze` on an uncertain scenario (the built CLI, as a user runs it): in --json the
 * quantities and each party's forecast, the value of contingent clauses, fixed terms only, and
 * a risk object per party on every package row; the same seed gives the same bytes, another
 * seed other draws; a certain scenario has none of it. The text report, in English and Dutch,
 * shows the uncertain quantities and the risk lines.
 */
import { describe, expect, it } from "vitest";
import { CLI_TEST_TIMEOUT_MS, run } from "./run.js";

interface Risk {
  mean: number;
  p05: number;
  p95: number;
  belowBatna: number;
}

interface Row {
  outcome: Record<string, string>;
  utilities: Record<string, number>;
  risk?: Record<string, Risk>;
}

interface Forecast {
  distribution: { kind: string; min: number; mode: number; max: number };
  mean: number;
  p05: number;
  p95: number;
}

interface UncertainAnalysis {
  parties: string[];
  batnas: Record<string, number>;
  uncertainties: { id: string; unit?: string; common: Forecast; beliefs: Record<string, Forecast>; truth: string }[];
  contingentClauses: { issue: string; clause: string; fixed: string; value: number }[];
  fixedTerms: { jointGain: number; valueLeftOnTable: number; shareLeftOnTable: number };
  maxJointGain: number;
  frontier: Row[];
  nash: Row | null;
  kalaiSmorodinsky: Row | null;
  maxJoint: Row | null;
  naiveCompromise: Row;
  favourites: Record<string, Row>;
  packages: Row[];
}

const PARTIES = ["eemvallei", "polderstroom", "rijnwaard"];

async function analyze(...args: string[]): Promise<string> {
  const result = await run(["analyze", ...args]);
  expect(result.status, result.output).toBe(0);
  expect(result.stderr).toBe("");
  return result.stdout;
}

/** Mean and 5th/95th percentiles of a triangular distribution, in closed form. */
function triangular({ min: a, mode: c, max: b }: Forecast["distribution"]) {
  const q = (p: number) => (p < (c - a) / (b - a) ? a + Math.sqrt(p * (b - a) * (c - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - c)));
  return { mean: (a + b + c) / 3, p05: q(0.05), p95: q(0.95) };
}

function expectRisk(row: Row, batnas: Record<string, number>, where: string): void {
  expect(row.risk, `${where}: a risk object`).toBeDefined();
  expect(Object.keys(row.risk!), where).toEqual(PARTIES);
  for (const party of PARTIES) {
    const risk = row.risk![party];
    expect(Object.keys(risk).sort(), where).toEqual(["belowBatna", "mean", "p05", "p95"]);
    // The mean is the expected utility the row reports.
    expect(risk.mean, `${where}: ${party}`).toBe(row.utilities[party]);
    expect(risk.p05, `${where}: ${party}`).toBeLessThanOrEqual(risk.mean);
    expect(risk.mean, `${where}: ${party}`).toBeLessThanOrEqual(risk.p95);
    expect(risk.belowBatna).toBeGreaterThanOrEqual(0);
    expect(risk.belowBatna).toBeLessThanOrEqual(1);
    // A share of 10 000 draws.
    expect(Math.abs(risk.belowBatna * 10_000 - Math.round(risk.belowBatna * 10_000))).toBeLessThan(1e-6);
    // Entirely above the BATNA: never below it; entirely below: always.
    if (risk.p05 > batnas[party]) expect(risk.belowBatna).toBeLessThanOrEqual(0.05);
    if (risk.p95 < batnas[party]) expect(risk.belowBatna).toBeGreaterThanOrEqual(0.95);
  }
}

describe.concurrent("analyze solar-park --json", () => {
  it(
    "has the quantities with every party's forecast, the clauses, fixed terms only, and risk on every package row",
    async () => {
      const json = JSON.parse(await analyze("solar-park", "--json")) as UncertainAnalysis;
      expect(json.parties).toEqual(PARTIES);

      expect(json.uncertainties.map((u) => u.id)).toEqual(["price", "overrun"]);
      for (const quantity of json.uncertainties) {
        expect(Object.keys(quantity.beliefs)).toEqual(PARTIES);
        expect(quantity.truth).toBe("common");
        for (const forecast of [quantity.common, ...Object.values(quantity.beliefs)]) {
          const exact = triangular(forecast.distribution);
          expect(forecast.mean).toBeCloseTo(exact.mean, 9);
          expect(forecast.p05).toBeCloseTo(exact.p05, 9);
          expect(forecast.p95).toBeCloseTo(exact.p95, 9);
        }
      }
      // Rijnwaard holds no price forecast of its own: the common one.
      const price = json.uncertainties[0];
      expect(price.beliefs.rijnwaard).toEqual(price.common);
      expect(price.beliefs.eemvallei.distribution).toEqual({ kind: "triangular", min: 55, mode: 85, max: 115 });

      expect(json.contingentClauses.map((c) => [c.issue, c.clause])).toEqual([
        ["revenue-split", "price-clause"],
        ["cost-overrun", "overrun-clause"],
      ]);
      for (const clause of json.contingentClauses) expect(clause.value).toBeGreaterThan(1);

      expect(json.fixedTerms.valueLeftOnTable).toBeCloseTo(json.maxJointGain - json.fixedTerms.jointGain, 9);
      expect(json.fixedTerms.shareLeftOnTable).toBeCloseTo(json.fixedTerms.valueLeftOnTable / json.maxJointGain, 9);
      expect(json.fixedTerms.shareLeftOnTable).toBeGreaterThanOrEqual(0.25);

      expect(json.frontier.length).toBeGreaterThan(0);
      json.frontier.forEach((row, k) => expectRisk(row, json.batnas, `frontier[${k}]`));
      for (const point of ["nash", "kalaiSmorodinsky", "maxJoint", "naiveCompromise"] as const) expectRisk(json[point]!, json.batnas, point);
      expect(json.packages.length).toBeGreaterThan(0);
      json.packages.forEach((row, k) => expectRisk(row, json.batnas, `packages[${k}]`));
      for (const [party, row] of Object.entries(json.favourites)) expectRisk(row, json.batnas, `favourites.${party}`);
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    "the same seed gives the same bytes; another seed other draws, with the same expectations",
    async () => {
      const first = await analyze("solar-park", "--json", "--seed", "7");
      const again = await analyze("solar-park", "--json", "--seed", "7");
      const other = await analyze("solar-park", "--json", "--seed", "8");
      expect(again).toBe(first);
      expect(other).not.toBe(first);
      const [a, b] = [JSON.parse(first), JSON.parse(other)] as UncertainAnalysis[];
      // Only the draws differ: the expectations, the frontier and the clauses are the same.
      expect(a.frontier.map((row) => row.utilities)).toEqual(b.frontier.map((row) => row.utilities));
      expect(a.contingentClauses).toEqual(b.contingentClauses);
      expect(a.uncertainties).toEqual(b.uncertainties);
      expect(a.nash!.risk!.eemvallei.p05).not.toBe(b.nash!.risk!.eemvallei.p05);
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    "a certain built-in has no uncertainties and no risk",
    async () => {
      const out = await analyze("hospital-it-platform", "--json");
      const json = JSON.parse(out) as Record<string, unknown>;
      expect(json.uncertainties).toEqual([]);
      expect(out).not.toContain('"risk"');
      expect(json).not.toHaveProperty("contingentClauses");
      expect(json).not.toHaveProperty("fixedTerms");
    },
    CLI_TEST_TIMEOUT_MS,
  );
});

describe.concurrent("analyze solar-park as text", () => {
  it(
    "in English: the uncertain quantities, the clauses, fixed terms only and the risk lines",
    async () => {
      const text = await analyze("solar-park", "--lang", "en");
      expect(text).toContain("Uncertain quantities: what each party expects, and where 90% of its outcomes lie");
      expect(text).toMatch(/The power price over the coming years: Eemvallei Energy Cooperative about 85 €\/MWh \(64–106\); Polderstroom Energy Cooperative about 42 €\/MWh \(30–56\)/);
      expect(text).toMatch(/the contingent clause “Depending on the price[^”]*” adds \d+\.\d points of joint expected gain/);
      expect(text).toMatch(/Fixed terms only \(no contingent clause\): joint gain at most \d+\.\d of a possible \d+\.\d; \d+\.\d points \((\d+)%\) left on the table\./);
      const share = Number(/Fixed terms only .*? points \((\d+)%\) left on the table/.exec(text)![1]);
      expect(share).toBeGreaterThanOrEqual(25);
      const riskLines = text.split("\n").filter((line) => line.trim().startsWith("Risk, 90% of outcomes:"));
      expect(riskLines.length).toBeGreaterThan(0);
      for (const line of riskLines) expect(line).toMatch(/Eemvallei Energy Cooperative \d+\.\d–\d+\.\d \(\d+% below its BATNA\)/);
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    "in Dutch, with --lang nl",
    async () => {
      const text = await analyze("solar-park", "--lang", "nl");
      expect(text).toContain("Onzekere grootheden: wat elke partij verwacht, en waar 90% van haar uitkomsten ligt");
      expect(text).toContain("De stroomprijs in de komende jaren");
      expect(text).toMatch(/Energiecoöperatie Eemvallei zo.n 85 €\/MWh/);
      const riskLines = text.split("\n").filter((line) => line.trim().startsWith("Risico, 90% van de uitkomsten:"));
      expect(riskLines.length).toBeGreaterThan(0);
      for (const line of riskLines) expect(line).toMatch(/Energiecoöperatie Eemvallei \d+,\d–\d+,\d \(\d+% onder haar BATNA\)/);
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    "a certain built-in shows neither",
    async () => {
      const text = await analyze("hospital-it-platform", "--lang", "en");
      expect(text).not.toContain("Uncertain quantities");
      expect(text).not.toContain("Risk, 90% of outcomes");
    },
    CLI_TEST_TIMEOUT_MS,
  );
});
