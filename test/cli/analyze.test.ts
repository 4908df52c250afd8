/**
 * `analyze`: the --json contract checked against a brute-force analysis, the text
 * report in English and Dutch, built-in scenarios by id and unknown ids.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileScenario } from "../../src/engine/model.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import {
  type Point,
  type ScenarioFile,
  EPSILON,
  agreeablePoints,
  allOutcomes,
  bruteForceFrontier,
  compareDescending,
  jointGain,
  kalaiSmorodinskyScore,
  nashProduct,
  readScenario,
  sameUtilities,
  utilitiesOf,
} from "./reference.js";
import { CLI_TEST_TIMEOUT_MS, SCENARIOS, expectUserError, fixture, run } from "./run.js";

interface Row {
  outcome: Record<string, string>;
  utilities: Record<string, number>;
}

interface AnalysisJson {
  scenario: string;
  outcomeCount: number | string;
  parties: string[];
  frontier: (Row & { packageCount: number | string })[];
  nash: Row | null;
  kalaiSmorodinsky: Row | null;
  maxJoint: Row | null;
  packages: (Row & { rank: number; nashProduct: number; jointGain: number })[];
  issues: { id: string; pairs: { parties: string[]; kind: string }[] }[];
}

/**
 * An uncertain scenario as the certain one its expectations make: every option's points and
 * autonomy cost replaced by the party's expectation under its own forecast, as the engine
 * computes them (test/engine/expectation.test.ts checks those against closed forms). The
 * frontier and the bargaining points are then checked by brute force as for any scenario.
 */
function withExpectations(file: ScenarioFile): ScenarioFile {
  if (!("uncertainties" in file)) return file;
  const model = compileScenario(loadScenarioFile(join(SCENARIOS, `${file.id}.json`)).scenario);
  const { expectedValues } = model.uncertain!;
  const table = (read: (at: number) => number, p: number) =>
    Object.fromEntries(file.issues.map((issue, i) => [issue.id, Object.fromEntries(issue.options.map((option, o) => [option.id, read((model.issueOffsets[i] + o) * model.partyCount + p)]))]));
  return {
    ...file,
    parties: file.parties.map((party, p) => ({ ...party, values: table((at) => expectedValues[at], p), autonomyCosts: table((at) => model.autonomyCosts[at], p) })),
  };
}

const KINDS = ["compatible", "integrative", "distributive"];
const DUTCH_KINDS: Record<string, string> = { compatible: "verenigbaar", integrative: "integratief", distributive: "distributief" };

async function analyzeJson(argument: string, extra: string[] = []): Promise<AnalysisJson> {
  const result = await run(["analyze", argument, "--json", ...extra]);
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout.startsWith("{"), "stdout holds nothing but the JSON").toBe(true);
  return JSON.parse(result.stdout) as AnalysisJson;
}

/** A row's utilities in the scenario's party order. */
const vector = (scenario: ScenarioFile, row: Row) => scenario.parties.map((party) => row.utilities[party.id]);

/** A row is { outcome: { issueId: optionId }, utilities: { partyId: number } } and its utilities are its outcome's. */
function expectRow(scenario: ScenarioFile, row: unknown): asserts row is Row {
  expect(row).toEqual(expect.objectContaining({ outcome: expect.any(Object), utilities: expect.any(Object) }));
  const { outcome, utilities } = row as Row;
  expect(Object.keys(outcome)).toEqual(scenario.issues.map((issue) => issue.id));
  for (const issue of scenario.issues) expect(issue.options.map((option) => option.id)).toContain(outcome[issue.id]);
  expect(Object.keys(utilities)).toEqual(scenario.parties.map((party) => party.id));
  for (const value of Object.values(utilities)) expect(typeof value).toBe("number");
  const expected = utilitiesOf(scenario, outcome);
  expect(sameUtilities(vector(scenario, row as Row), expected), `utilities of ${JSON.stringify(outcome)}`).toBe(true);
}

const onFrontier = (frontier: Point[], utilities: number[]) => frontier.some((point) => sameUtilities(point.utilities, utilities));

/** Checks the whole --json contract against the brute-force reference. */
/** Equal to 9 digits after the point, or to 1e-12 of the size: a Nash product of four gains runs into millions. */
function expectClose(actual: number, expected: number, what: string): void {
  expect(Math.abs(actual - expected), what).toBeLessThanOrEqual(Math.max(5e-10, 1e-12 * Math.abs(expected)));
}

function checkAgainstBruteForce(scenario: ScenarioFile, json: AnalysisJson, top = 5): void {
  expect(json.scenario).toBe(scenario.id);
  expect(json.outcomeCount).toBe(allOutcomes(scenario).length);
  expect(json.parties).toEqual(scenario.parties.map((party) => party.id));

  // The WHOLE Pareto frontier: one row per distinct utility vector, first party's utility descending.
  const reference = bruteForceFrontier(scenario);
  expect(json.frontier.length).toBe(reference.length);
  json.frontier.forEach((row, k) => {
    expectRow(scenario, row);
    const point = reference[k];
    expect(sameUtilities(vector(scenario, row), point.utilities), `frontier[${k}]: ${JSON.stringify(row.utilities)} vs ${point.utilities}`).toBe(
      true,
    );
    expect(point.outcomes).toContainEqual(row.outcome);
    expect(row.packageCount).toBe(point.outcomes.length);
    if (k > 0) {
      const previous = vector(scenario, json.frontier[k - 1]);
      expect(previous[0], "sorted by the first party's utility, descending").toBeGreaterThanOrEqual(vector(scenario, row)[0] - EPSILON);
      expect(compareDescending(previous, vector(scenario, row)), "no two rows with the same utilities").toBeLessThan(0);
    }
  });

  const agreeable = agreeablePoints(scenario, reference);
  const points = { nash: json.nash, kalaiSmorodinsky: json.kalaiSmorodinsky, maxJoint: json.maxJoint };
  if (agreeable.length === 0) {
    expect(points).toEqual({ nash: null, kalaiSmorodinsky: null, maxJoint: null });
    expect(json.packages).toEqual([]);
  } else {
    const best = (score: (u: number[]) => number) => Math.max(...agreeable.map((point) => score(point.utilities)));
    const scores = {
      nash: (u: number[]) => nashProduct(scenario, u),
      kalaiSmorodinsky: (u: number[]) => kalaiSmorodinskyScore(scenario, agreeable, u),
      maxJoint: (u: number[]) => jointGain(scenario, u),
    };
    for (const [name, row] of Object.entries(points)) {
      expectRow(scenario, row);
      const utilities = vector(scenario, row);
      expect(onFrontier(agreeable, utilities), `${name} is an agreeable frontier point`).toBe(true);
      const score = scores[name as keyof typeof scores];
      expectClose(score(utilities), best(score), `${name} has the best score`);
    }

    // Value-creating packages: the best agreeable frontier points by Nash product.
    expect(json.packages.length).toBe(Math.min(top, agreeable.length));
    json.packages.forEach((candidate, k) => {
      expectRow(scenario, candidate);
      expect(candidate.rank).toBe(k + 1);
      const utilities = vector(scenario, candidate);
      expect(onFrontier(agreeable, utilities)).toBe(true);
      expect(candidate.nashProduct).toBeCloseTo(nashProduct(scenario, utilities), 9);
      expect(candidate.jointGain).toBeCloseTo(jointGain(scenario, utilities), 9);
      if (k > 0) expect(candidate.nashProduct).toBeLessThanOrEqual(json.packages[k - 1].nashProduct * (1 + 1e-9));
    });
    const products = agreeable.map((point) => nashProduct(scenario, point.utilities)).sort((a, b) => b - a);
    json.packages.forEach((candidate, k) => expectClose(candidate.nashProduct, products[k], `package ${k}'s Nash product`));
  }

  // Issues, in the scenario's order, with each pair of parties classified.
  const pairCount = (scenario.parties.length * (scenario.parties.length - 1)) / 2;
  expect(json.issues.map((issue) => issue.id)).toEqual(scenario.issues.map((issue) => issue.id));
  for (const issue of json.issues) {
    expect(issue.pairs.length).toBeLessThanOrEqual(pairCount);
    for (const pair of issue.pairs) {
      expect(KINDS).toContain(pair.kind);
      expect(pair.parties).toHaveLength(2);
      for (const party of pair.parties) expect(json.parties).toContain(party);
    }
  }
}

describe.concurrent("analyze --json", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it("two parties: the whole frontier, bargaining points and packages match a brute-force enumeration", async () => {
    const scenario = readScenario(fixture("two-party.json"));
    const json = await analyzeJson(fixture("two-party.json"));
    checkAgainstBruteForce(scenario, json);
    // The fixture has packages that tie (blue and green are worth the same to both), and all three kinds of issue.
    expect(json.frontier.some((row) => Number(row.packageCount) > 1)).toBe(true);
    expect(json.issues.map((issue) => issue.pairs[0].kind)).toEqual(["integrative", "integrative", "compatible", "distributive"]);
  });

  it("three parties, with --top: the frontier and every pair of parties per issue", async () => {
    const scenario = readScenario(fixture("three-party.json"));
    const json = await analyzeJson(fixture("three-party.json"), ["--top", "2"]);
    checkAgainstBruteForce(scenario, json, 2);
    for (const issue of json.issues) expect(issue.pairs).toHaveLength(3);
  });

  it("no package beats every BATNA: nash, kalaiSmorodinsky and maxJoint are null, exit 0", async () => {
    const scenario = readScenario(fixture("no-agreement.json"));
    const json = await analyzeJson(fixture("no-agreement.json"));
    expect(json.nash).toBeNull();
    expect(json.kalaiSmorodinsky).toBeNull();
    expect(json.maxJoint).toBeNull();
    expect(json.packages).toEqual([]);
    checkAgainstBruteForce(scenario, json);
    expect(json.frontier.length).toBeGreaterThan(1);
  });
});

describe.concurrent("analyze (text)", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  const path = fixture("two-party.json");

  it("has the summary, the issue classification, the plot legend and the packages heading", async () => {
    const result = await run(["analyze", path]);
    expect(result.status).toBe(0);
    const text = result.stdout;
    expect(text).toContain("CLI test: a small supply deal");
    expect(text).toContain("2 parties, 4 issues, 54 possible packages");
    expect(text).toMatch(/^ {2}Price: integrative — /m);
    expect(text).toMatch(/^ {2}Colour: compatible — /m);
    expect(text).toMatch(/^ {2}Warranty: distributive — /m);
    expect(text).toContain("Pareto frontier: Buyer across, Seller up");
    expect(text).toContain("• frontier  N Nash  K Kalai–Smorodinsky  J max joint  C naive compromise");
    expect(text).toContain("Value-creating packages");
    expect(text).toMatch(/^1\. Price: /m);
  });

  it("--lang nl is Dutch", async () => {
    const result = await run(["analyze", path, "--lang", "nl"]);
    expect(result.status).toBe(0);
    expectDutch(result.stdout);
  });

  it("LANG=nl_NL.UTF-8 is Dutch too, and --lang wins over it", async () => {
    const dutch = await run(["analyze", path], { env: { LANG: "nl_NL.UTF-8" } });
    expect(dutch.status).toBe(0);
    expectDutch(dutch.stdout);
    const english = await run(["analyze", path, "--lang", "en"], { env: { LANG: "nl_NL.UTF-8" } });
    expect(english.stdout).toContain("2 parties, 4 issues, 54 possible packages");
  });

  it("without agreeable packages says there is no zone of agreement", async () => {
    const result = await run(["analyze", fixture("no-agreement.json")]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("No package gives every party more than its BATNA");
    expect(result.stdout).not.toContain("Value-creating packages");
  });

  function expectDutch(text: string): void {
    expect(text).toContain("CLI-test: een kleine leveringsdeal");
    expect(text).toContain("2 partijen, 4 onderwerpen, 54 mogelijke pakketten");
    expect(text).toMatch(new RegExp(`^ {2}Prijs: ${DUTCH_KINDS.integrative} — `, "m"));
    expect(text).toMatch(new RegExp(`^ {2}Kleur: ${DUTCH_KINDS.compatible} — `, "m"));
    expect(text).toMatch(new RegExp(`^ {2}Garantie: ${DUTCH_KINDS.distributive} — `, "m"));
    expect(text).toContain("Pareto-grens: Koper horizontaal, Verkoper verticaal");
    expect(text).toContain("• grens  N Nash");
    expect(text).toContain("Waardecreërende pakketten");
    expect(text).not.toContain("possible packages");
    expect(text).not.toContain("integrative");
  }
});

// The built-in scenarios are written alongside this suite: test whichever exist.
const builtinIds = readdirSync(SCENARIOS)
  .filter((name) => name.endsWith(".json") && !name.endsWith(".schema.json"))
  .map((name) => name.slice(0, -".json".length))
  .sort();

describe.concurrent("analyze on built-in scenarios by id", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it.each(builtinIds)("%s: --json matches the brute-force reference", async (id) => {
    const scenario = withExpectations(readScenario(join(SCENARIOS, `${id}.json`)));
    const json = await analyzeJson(id);
    // Enumerate only outcome spaces small enough for a test; of larger ones check the rows and the order.
    const outcomes = scenario.issues.reduce((count, issue) => count * issue.options.length, 1);
    if (outcomes <= 20_000) return checkAgainstBruteForce(scenario, json);
    expect(json.outcomeCount).toBe(outcomes);
    json.frontier.forEach((row, k) => {
      expectRow(scenario, row);
      if (k > 0) expect(compareDescending(vector(scenario, json.frontier[k - 1]), vector(scenario, row))).toBeLessThan(0);
    });
  });

  it.runIf(builtinIds.includes("hospital-it-platform"))("hospital-it-platform in text mode", async () => {
    const result = await run(["analyze", "hospital-it-platform", "--top", "1"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^2 parties, \d+ issues, [\d,]+ possible packages$/m);
    expect(result.stdout).toMatch(/^1\. /m);
    expect(result.stdout).not.toMatch(/^2\. /m);
  });

  it("an unknown id: exit 1, the message lists the built-in ids, no stack trace", async () => {
    const result = await run(["analyze", "no-such-scenario"]);
    expectUserError(result);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain('"no-such-scenario"');
    for (const id of builtinIds) expect(result.stderr).toContain(id);
  });

  it("a scenario file with errors: exit 1 with file:line:column, no stack trace", async () => {
    const result = await run(["analyze", fixture("broken-schema.json")]);
    expectUserError(result);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/broken-schema\.json:9:79: error: parties\[0\]\.weights\.price/);
  });
});
