/**
 * Tip 6 in scenario files: bad uncertainty blocks, revenue splits and contingent clauses are
 * refused with a located diagnostic (file, line, column, JSON path) that says what was
 * expected. Each case edits the built-in solar park, marking the damaged place with a value
 * or key found once in the text, so that the expected line and column follow from the text.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { EXPECTATION_BUDGET } from "../../src/engine/expectation.js";
import { resolveScenarioPath } from "../../src/scenario/builtin.js";
import { SCENARIO_LIMITS } from "../../src/scenario/limits.js";
import { type Diagnostic, parseScenario } from "../../src/scenario/load.js";

const FILE = "solar.json";
const SOLAR = JSON.parse(readFileSync(resolveScenarioPath("solar-park"), "utf8")) as Record<string, any>;

/** The solar park as JSON text after `edit`, with its diagnostics. */
function edited(edit: (scenario: any) => void): { text: string; diagnostics: Diagnostic[]; accepted: boolean } {
  const scenario = structuredClone(SOLAR);
  edit(scenario);
  const text = JSON.stringify(scenario, null, 2);
  const { scenario: parsed, diagnostics } = parseScenario(text, FILE);
  return { text, diagnostics, accepted: parsed !== undefined };
}

/** Line and column (1-based) of `needle` in `text`, plus `shift` characters; the needle must occur once. */
function at(text: string, needle: string, shift = 0): { line: number; column: number } {
  const offset = text.indexOf(needle);
  expect(offset, `${needle} in the text`).toBeGreaterThanOrEqual(0);
  expect(text.lastIndexOf(needle), `${needle} occurs once`).toBe(offset);
  const before = text.slice(0, offset + shift).split("\n");
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** Line and column of the last `needle` before the one `marker` in the text, plus `shift`. */
function before(text: string, marker: string, needle: string, shift = 0): { line: number; column: number } {
  at(text, marker); // occurs once
  const offset = text.lastIndexOf(needle, text.indexOf(marker));
  expect(offset, `${needle} before ${marker}`).toBeGreaterThanOrEqual(0);
  const lines = text.slice(0, offset + shift).split("\n");
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

/** The value after `"key": ` in a needle such as `"max": 12.5`. */
const valueOf = (needle: string) => needle.indexOf(": ") + 2;

interface Expected {
  readonly path: string;
  readonly message: RegExp;
  readonly line: number;
  readonly column: number;
}

/** Exactly one error, where and what it should be. */
function expectOne(result: ReturnType<typeof edited>, expected: Expected, frame = true): void {
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  const shown = JSON.stringify(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.path}: ${d.message}`), null, 2);
  expect(result.accepted, shown).toBe(false);
  expect(errors, shown).toHaveLength(1);
  const [d] = errors;
  expect(d.file).toBe(FILE);
  expect({ path: d.path, line: d.line, column: d.column }, shown).toEqual({ path: expected.path, line: expected.line, column: expected.column });
  expect(d.message).toMatch(expected.message);
  if (frame) expect(d.frame, "a code frame of the place").toBeDefined();
}

const PRICE = "uncertainties[0]";
const OVERRUN = "uncertainties[1]";

describe("distributions", () => {
  test("an unknown kind: the kinds there are", () => {
    const result = edited((s) => (s.uncertainties[0].distribution = { kind: "lognormal", mean: 60.5, sd: 10 }));
    expectOne(result, {
      path: `${PRICE}.distribution.kind`,
      message: /expected one of "uniform", "triangular", "normal", "discrete", got "lognormal"/,
      ...at(result.text, '"kind": "lognormal"', valueOf('"kind": "lognormal"')),
    });
  });

  test("a uniform whose max is below its min", () => {
    const result = edited((s) => (s.uncertainties[0].beliefs.eemvallei = { kind: "uniform", min: 90.5, max: 40.5 }));
    expectOne(result, {
      path: `${PRICE}.beliefs.eemvallei.max`,
      message: /max \(40\.5\) must not be below min \(90\.5\)/,
      ...at(result.text, '"max": 40.5', valueOf('"max": 40.5')),
    });
  });

  test("a triangular whose mode lies outside min and max", () => {
    const result = edited((s) => (s.uncertainties[1].distribution = { kind: "triangular", min: 0, mode: 50.5, max: 40 }));
    expectOne(result, {
      path: `${OVERRUN}.distribution.mode`,
      message: /expected min ≤ mode ≤ max, got 0, 50\.5 and 40/,
      ...at(result.text, '"mode": 50.5', valueOf('"mode": 50.5')),
    });
  });

  test("a normal whose clipped max is below its min", () => {
    const result = edited((s) => (s.uncertainties[1].beliefs.rijnwaard = { kind: "normal", mean: 20, sd: 5, min: 30.5, max: 10.5 }));
    expectOne(result, {
      path: `${OVERRUN}.beliefs.rijnwaard.max`,
      message: /max \(10\.5\) must not be below min \(30\.5\)/,
      ...at(result.text, '"max": 10.5', valueOf('"max": 10.5')),
    });
  });

  test.each([0, -2.5])("a normal with sd %d: a number above 0", (sd) => {
    const result = edited((s) => (s.uncertainties[1].distribution = { kind: "normal", mean: 12.25, sd }));
    expectOne(result, {
      path: `${OVERRUN}.distribution.sd`,
      message: new RegExp(`^expected a number above 0, got ${sd}$`),
      ...at(result.text, `"sd": ${sd}`, valueOf(`"sd": ${sd}`)),
    });
  });

  test("a discrete distribution with one probability too few", () => {
    const result = edited((s) => (s.uncertainties[0].distribution = { kind: "discrete", values: [40, 60, 80], probabilities: [0.25, 0.75] }));
    expectOne(result, {
      path: `${PRICE}.distribution.probabilities`,
      message: /one probability per value: 3 values, 2 probabilities/,
      ...at(result.text, '"probabilities": [', valueOf('"probabilities": [')),
    });
  });

  test("a discrete distribution whose probabilities are all 0", () => {
    const result = edited((s) => (s.uncertainties[0].distribution = { kind: "discrete", values: [40, 60], probabilities: [0, 0] }));
    expectOne(result, {
      path: `${PRICE}.distribution.probabilities`,
      message: /at least one probability must be above 0/,
      ...at(result.text, '"probabilities": [', valueOf('"probabilities": [')),
    });
  });

  test("a negative probability", () => {
    const result = edited((s) => (s.uncertainties[0].distribution = { kind: "discrete", values: [40, 60], probabilities: [0.5, -0.25] }));
    expectOne(result, {
      path: `${PRICE}.distribution.probabilities[1]`,
      message: /expected a number of 0 or more, got -0\.25/,
      ...at(result.text, "-0.25"),
    });
  });

  test("probabilities that do not add up to 1 are accepted, divided by their sum, with a warning in case it was a slip", () => {
    // The documented behaviour (scenario.schema.json: "One per value; they are divided by their sum").
    const result = edited((s) => (s.uncertainties[0].distribution = { kind: "discrete", values: [40, 60, 80], probabilities: [1, 2, 1] }));
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.accepted).toBe(true);
    const warnings = result.diagnostics.filter((d) => d.severity === "warning");
    expect(warnings.map((d) => [d.path, d.message])).toEqual([[`${PRICE}.distribution.probabilities`, "the probabilities sum to 4, not 1: each is divided by their sum"]]);
    const exact = edited((s) => (s.uncertainties[0].distribution = { kind: "discrete", values: [40, 60, 80], probabilities: [0.1, 0.2, 0.7] }));
    expect(exact.diagnostics).toEqual([]);
  });

  test(`more than ${SCENARIO_LIMITS.discreteValues} values`, () => {
    const n = SCENARIO_LIMITS.discreteValues + 1;
    const result = edited((s) => (s.uncertainties[0].distribution = { kind: "discrete", values: Array.from({ length: n }, (_, k) => k), probabilities: Array(n).fill(1) }));
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => d.path).sort()).toEqual([`${PRICE}.distribution.probabilities`, `${PRICE}.distribution.values`]);
    const values = errors.find((d) => d.path.endsWith("values"))!;
    expect(values.message).toMatch(new RegExp(`expected at most ${SCENARIO_LIMITS.discreteValues} values, got ${n}`));
    expect({ line: values.line, column: values.column }).toEqual(at(result.text, '"values": [', valueOf('"values": [')));
  });
});

describe("quantities, beliefs and the truth", () => {
  test("a belief of a party that does not exist: did you mean", () => {
    const result = edited((s) => {
      s.uncertainties[0].beliefs.eemvalei = s.uncertainties[0].beliefs.eemvallei;
      delete s.uncertainties[0].beliefs.eemvallei;
    });
    expectOne(result, {
      path: `${PRICE}.beliefs.eemvalei`,
      message: /unknown party "eemvalei" — did you mean "eemvallei"\?/,
      ...at(result.text, '"eemvalei"'),
    });
  });

  test("a truth naming a party that does not exist", () => {
    const result = edited((s) => (s.uncertainties[0].truth = "polderstrom"));
    expectOne(result, {
      path: `${PRICE}.truth`,
      message: /the truth is drawn from "common" or from the belief of a party that has one; "polderstrom" has none — did you mean "polderstroom"\?/,
      ...at(result.text, '"polderstrom"'),
    });
  });

  test("a truth naming a party without a belief of its own", () => {
    const result = edited((s) => (s.uncertainties[0].truth = "rijnwaard"));
    expectOne(result, { path: `${PRICE}.truth`, message: /"rijnwaard" has none/, ...at(result.text, '"truth": "rijnwaard"', valueOf('"truth": "rijnwaard"')) });
  });

  test("two quantities with one id", () => {
    const result = edited((s) => (s.uncertainties[1].id = "price"));
    // The formulas over "overrun" now name no quantity either; the duplicate is reported at the second id.
    const errors = result.diagnostics.filter((d) => d.severity === "error" && /duplicate/.test(d.message));
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toBe(`${OVERRUN}.id`);
    expect(errors[0].message).toMatch(/duplicate quantity id "price" \(also used by uncertainties\[0\]\)/);
    const first = result.text.indexOf('"id": "price"');
    const second = result.text.indexOf('"id": "price"', first + 1);
    const before = result.text.slice(0, second + valueOf('"id": "price"')).split("\n");
    expect({ line: errors[0].line, column: errors[0].column }).toEqual({ line: before.length, column: before.at(-1)!.length + 1 });
  });

  test("a quantity id that formulas could not name", () => {
    const result = edited((s) => (s.uncertainties[1].id = "over run"));
    const errors = result.diagnostics.filter((d) => d.severity === "error" && d.path === `${OVERRUN}.id`);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/an identifier: letters, digits and _/);
    expect({ line: errors[0].line, column: errors[0].column }).toEqual(at(result.text, '"over run"'));
  });

  test.each(["min", "pi", "e", "and", "to"])("%s cannot name a quantity: formulas use it", (word) => {
    const result = edited((s) => {
      s.uncertainties[1].id = word;
      // Keep the formulas pointing at the renamed quantity.
      for (const party of s.parties) {
        for (const row of Object.values(party.autonomyCosts ?? {}) as Record<string, string>[]) {
          for (const key of Object.keys(row)) if (typeof row[key] === "string") row[key] = row[key].replaceAll("overrun", `${word}`);
        }
      }
      s.issues[1].options[3].contingent.quantity = word;
    });
    const error = result.diagnostics.find((d) => d.path === `${OVERRUN}.id`)!;
    expect(error.message).toBe(`"${word}" cannot name a quantity: formulas use that word themselves`);
    expect({ line: error.line, column: error.column }).toEqual(at(result.text, `"id": "${word}"`, valueOf(`"id": "${word}"`)));
  });

  test(`more than ${SCENARIO_LIMITS.uncertainties} uncertain quantities`, () => {
    const n = SCENARIO_LIMITS.uncertainties + 1;
    const result = edited((s) => {
      for (let k = s.uncertainties.length; k < n; k++) s.uncertainties.push({ id: `q${k}`, label: `q${k}`, distribution: { kind: "uniform", min: 0, max: 1 } });
    });
    expectOne(result, {
      path: "uncertainties",
      message: new RegExp(`expected at most ${SCENARIO_LIMITS.uncertainties} uncertainties, got ${n}`),
      ...at(result.text, '"uncertainties": [', valueOf('"uncertainties": [')),
    });
  });
});

describe("formulas", () => {
  const COST = 'parties[2].autonomyCosts["cost-overrun"].municipality';

  test(`a formula longer than ${SCENARIO_LIMITS.expressionLength} characters`, () => {
    const long = Array.from({ length: 200 }, () => "overrun").join(" + ");
    expect(long.length).toBeGreaterThan(SCENARIO_LIMITS.expressionLength);
    const result = edited((s) => (s.parties[2].autonomyCosts["cost-overrun"].municipality = long));
    expectOne(result, {
      path: COST,
      message: new RegExp(`expected a text of at most ${SCENARIO_LIMITS.expressionLength} characters`),
      ...at(result.text, JSON.stringify(long)),
    }, false); // a line this long gets no code frame
  });

  test("a formula of just the limit is accepted", () => {
    const formula = `overrun * 0.1 + ${"0".repeat(SCENARIO_LIMITS.expressionLength - "overrun * 0.1 + ".length)}`;
    expect(formula).toHaveLength(SCENARIO_LIMITS.expressionLength);
    expect(edited((s) => (s.parties[2].autonomyCosts["cost-overrun"].municipality = formula)).accepted).toBe(true);
  });

  test(`a formula over more than ${SCENARIO_LIMITS.quantitiesPerFormula} quantities`, () => {
    const result = edited((s) => {
      s.uncertainties.push({ id: "wind", label: "wind", distribution: { kind: "uniform", min: 0, max: 1 } });
      s.uncertainties.push({ id: "rain", label: "rain", distribution: { kind: "uniform", min: 0, max: 1 } });
      s.parties[2].autonomyCosts["cost-overrun"].municipality = "price + overrun + wind + rain";
    });
    expectOne(result, {
      path: COST,
      message: new RegExp(`a formula may use at most ${SCENARIO_LIMITS.quantitiesPerFormula} quantities; this one uses 4: price, overrun, wind, rain`),
      ...at(result.text, '"price + overrun + wind + rain"', 1),
    });
  });

  test("a formula that is not a number for some values of its quantities", () => {
    // The common forecast of the overrun starts at 0, so the square root of overrun − 10 is not a number below 10.
    const result = edited((s) => (s.parties[2].autonomyCosts["cost-overrun"].municipality = "sqrt(overrun - 10)"));
    expectOne(result, {
      path: COST,
      message: /not a number for some values of its quantities .*under the common forecast.*square roots and logarithms of negative numbers/,
      ...at(result.text, '"sqrt(overrun - 10)"'),
    });
  });

  test("a formula that is infinite", () => {
    const result = edited((s) => (s.parties[0].values.lease.high = "1 / 0"));
    expectOne(result, { path: "parties[0].values.lease.high", message: /infinite .*divisions by 0/, ...at(result.text, '"1 / 0"') });
  });

  test("a formula that steps too often to integrate: refused quickly, not computed for hours", () => {
    const started = performance.now();
    const result = edited((s) => (s.parties[2].autonomyCosts["cost-overrun"].municipality = "round(overrun * 1000000)"));
    expectOne(result, {
      path: COST,
      message: new RegExp(`steps or turns too often .*more than ${EXPECTATION_BUDGET.toLocaleString("en")} evaluations`),
      ...at(result.text, '"round(overrun * 1000000)"'),
    });
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  test("a revenue formula is checked against the allow-list too", () => {
    const result = edited((s) => (s.issues[0].revenue = "prices * 2"));
    expectOne(result, {
      path: "issues[0].revenue",
      message: /unknown quantity "prices" — did you mean "price"\?/,
      ...at(result.text, '"revenue": "prices * 2"', valueOf('"revenue": "prices * 2"') + 1),
    });
  });
});

describe("revenue splits", () => {
  test("shares that do not add up to 1", () => {
    const result = edited((s) => (s.issues[0].options[1].shares = { eemvallei: 0.55, polderstroom: 0.35, rijnwaard: 0.2 }));
    expectOne(result, {
      path: 'issues[0].options[1].shares',
      message: /the shares add up to 1\.1; they must add up to 1/,
      ...before(result.text, '"polderstroom": 0.35', '"shares": {', valueOf('"shares": {')),
    });
  });

  test("a share for a party that does not exist", () => {
    const result = edited((s) => (s.issues[0].options[0].shares = { eemvallei: 0.4, polderstrom: 0.4, rijnwaard: 0.2 }));
    expectOne(result, {
      path: 'issues[0].options[0].shares.polderstrom',
      message: /unknown party "polderstrom" — did you mean "polderstroom"\?/,
      ...at(result.text, '"polderstrom"'),
    });
  });

  test("a share above 1", () => {
    const result = edited((s) => (s.issues[0].options[0].shares = { eemvallei: 1.25, polderstroom: -0.45, rijnwaard: 0.2 }));
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => d.path)).toEqual(["issues[0].options[0].shares.eemvallei", "issues[0].options[0].shares.polderstroom"]);
    expect(errors[0].message).toMatch(/expected a number from 0 to 1, got 1\.25/);
    expect({ line: errors[0].line, column: errors[0].column }).toEqual(at(result.text, "1.25"));
    expect({ line: errors[1].line, column: errors[1].column }).toEqual(at(result.text, "-0.45"));
  });

  test("an option of a revenue split without shares", () => {
    const result = edited((s) => delete s.issues[0].options[2].shares);
    expectOne(result, {
      path: "issues[0].options[2]",
      message: /an option of a revenue-split issue needs "shares"/,
      ...before(result.text, '"id": "polderstroom-more"', "{"),
    });
  });

  test("shares on an issue that is not a revenue split", () => {
    const result = edited((s) => (s.issues[2].options[0].shares = { eemvallei: 0.625, polderstroom: 0.375 }));
    expectOne(result, {
      path: "issues[2].options[0].shares",
      message: /"shares" belong to a revenue-split issue: give the issue a "revenue"/,
      ...before(result.text, '"eemvallei": 0.625', '"shares": {'),
    });
  });

  test("values for a revenue-split issue", () => {
    const result = edited((s) => (s.parties[1].values["revenue-split"] = { equal: 50 }));
    expectOne(result, {
      path: 'parties[1].values["revenue-split"]',
      message: /"revenue-split" is a revenue-split issue: its points are each party's share of the revenue, so it takes no values/,
      ...at(result.text, '"revenue-split": {\n          "equal": 50'),
    });
  });
});

describe("contingent clauses", () => {
  test("a clause on a quantity that does not exist", () => {
    const result = edited((s) => (s.issues[0].options[3].contingent.quantity = "prize"));
    expectOne(result, {
      path: "issues[0].options[3].contingent.quantity",
      message: /unknown quantity "prize" — did you mean "price"\?; quantities: price, overrun/,
      ...at(result.text, '"prize"'),
    });
  });

  test("a clause naming an option that does not exist", () => {
    const result = edited((s) => (s.issues[0].options[3].contingent.then = "eemvallei-mor"));
    expectOne(result, {
      path: "issues[0].options[3].contingent.then",
      message: /"then" names an option of this issue that is not itself contingent — did you mean "eemvallei-more"\?; options: equal, eemvallei-more, polderstroom-more/,
      ...at(result.text, '"eemvallei-mor"'),
    });
  });

  test("a clause naming an option of another issue", () => {
    const result = edited((s) => (s.issues[1].options[3].contingent.else = "medium"));
    expectOne(result, {
      path: "issues[1].options[3].contingent.else",
      message: /"else" names an option of this issue that is not itself contingent; options: cooperatives, municipality, shared/,
      ...at(result.text, '"else": "medium"', valueOf('"else": "medium"')),
    });
  });

  test("a clause naming itself", () => {
    const result = edited((s) => (s.issues[1].options[3].contingent.then = "overrun-clause"));
    expectOne(result, {
      path: "issues[1].options[3].contingent.then",
      message: /"then" names an option of this issue that is not itself contingent/,
      ...at(result.text, '"then": "overrun-clause"', valueOf('"then": "overrun-clause"')),
    });
  });

  test("a clause naming another clause", () => {
    const result = edited((s) => {
      s.issues[1].options.push({ id: "second-clause", label: "x", contingent: { quantity: "overrun", atLeast: 5, then: "overrun-clause", else: "shared" } });
    });
    expectOne(result, {
      path: "issues[1].options[4].contingent.then",
      message: /"then" names an option of this issue that is not itself contingent/,
      ...at(result.text, '"then": "overrun-clause"', valueOf('"then": "overrun-clause"')),
    });
  });

  test("values for a contingent clause", () => {
    const result = edited((s) => (s.parties[2].values["cost-overrun"]["overrun-clause"] = 42.5));
    expectOne(result, {
      path: 'parties[2].values["cost-overrun"]["overrun-clause"]',
      message: /"overrun-clause" is a contingent clause: its points are those of "cooperatives" or "municipality", so it takes no values/,
      ...at(result.text, '"overrun-clause": 42.5'),
    });
  });

  test("an unknown key in a clause: did you mean", () => {
    const result = edited((s) => {
      const clause = s.issues[0].options[3].contingent;
      clause.atleast = clause.atLeast;
      delete clause.atLeast;
    });
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    const unknown = errors.find((d) => /unknown key "atleast"/.test(d.message))!;
    expect(unknown.message).toMatch(/did you mean "atLeast"\?/);
    expect(unknown.path).toBe("issues[0].options[3].contingent.atleast");
    expect({ line: unknown.line, column: unknown.column }).toEqual(at(result.text, '"atleast"'));
  });
});
