/**
 * Fuzzing formulas: random expressions built from mathjs's own tokens — the allowed ones and
 * the ones the allow-list refuses, quantities and misspellings, extreme numbers — put in place
 * of one formula of the built-in solar park, then loaded and, when accepted, analysed with the
 * risk of a package. Whatever the formula: no exception, every problem at a line and column
 * inside the file with its path, and a bounded time.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { expect, test } from "vitest";
import { analyzeScenario } from "../../src/engine/analysis.js";
import { compileScenario } from "../../src/engine/model.js";
import { packageRisk } from "../../src/engine/risk.js";
import { resolveScenarioPath } from "../../src/scenario/builtin.js";
import { parseScenario } from "../../src/scenario/load.js";
import { fuzz } from "../support/damage.js";
import seedrandom from "seedrandom";

const SOLAR = readFileSync(resolveScenarioPath("solar-park"), "utf8");
/** Rijnwaard's autonomy cost of guaranteeing an overrun: the formula replaced. */
const TARGET = '"min(overrun, 20) * 0.5"';
const OFFSET = SOLAR.indexOf(TARGET);
const LINE = SOLAR.slice(0, OFFSET).split("\n").length;

const atoms = fc.oneof(
  fc.constantFrom("price", "overrun", "prise", "overun", "x", "pi", "e", "Infinity", "NaN", "true", "null", "constructor", "__proto__"),
  fc.constantFrom("0", "1", "-1", "0.5", "1e308", "1e-308", "2^1024", "1/0", "0/0", "60", "15"),
  fc.constantFrom('"a"', "'b'", "[1, 2]", "{a: 1}", "1:3", "5 cm", "2 inch to cm", "f(x) = x", "a = 1", "price.constructor", 'cos.constructor("x")'),
);
const unary = ["-", "+", "not "];
const binary = [" + ", " - ", " * ", " / ", " ^ ", " mod ", " < ", " >= ", " == ", " and ", " or ", " ; ", "\n", " ? 1 : ", ".", "'"];
const functions = ["min", "max", "abs", "round", "floor", "ceil", "sqrt", "exp", "log", "pow", "sin", "evaluate", "import", "createUnit", "parse", "typeOf"];

const expression: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    atoms,
    fc.tuple(fc.constantFrom(...unary), tie("node")).map(([op, a]) => `${op}${a}`),
    fc.tuple(tie("node"), fc.constantFrom(...binary), tie("node")).map(([a, op, b]) => `${a}${op}${b}`),
    fc.tuple(fc.constantFrom(...functions), fc.array(tie("node"), { minLength: 0, maxLength: 3 })).map(([fn, args]) => `${fn}(${args.join(", ")})`),
    tie("node").map((a) => `(${a})`),
  ),
})).node;

function load(formula: string): "accepted" | "refused" {
  const text = SOLAR.slice(0, OFFSET) + JSON.stringify(formula) + SOLAR.slice(OFFSET + TARGET.length);
  const { scenario, diagnostics } = parseScenario(text, "solar.json");
  for (const d of diagnostics) {
    expect(d.line, d.message).toBeGreaterThanOrEqual(1);
    expect(d.column, d.message).toBeGreaterThanOrEqual(1);
    expect(d.path.length, d.message).toBeGreaterThan(0);
  }
  if (!scenario) {
    // The formula's own problems are inside it: on its line or, where it holds line breaks, after.
    const errors = diagnostics.filter((d) => d.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    for (const d of errors) expect(d.line, `${d.path}: ${d.message}`).toBeGreaterThanOrEqual(LINE);
    return "refused";
  }
  const model = compileScenario(scenario);
  const analysis = analyzeScenario(model, { top: 1 });
  for (let p = 0; p < model.partyCount; p++) expect(Number.isFinite(model.batnas[p])).toBe(true);
  for (const value of model.contributions) expect(Number.isFinite(value), `a contribution of ${formula}`).toBe(true);
  if (analysis.packages.length > 0) {
    const risk = packageRisk(model, 2, analysis.packages[0].package, seedrandom("fuzz"), 500);
    expect(risk.p05).toBeLessThanOrEqual(risk.p95);
  }
  return "accepted";
}

test("random formulas never crash the loader, the analysis or the risk, each problem is located, in bounded time", () => {
  expect(OFFSET).toBeGreaterThan(0);
  const { outcomes, slowest } = fuzz(expression, load, { numRuns: 400, seed: 20261201 });
  expect(slowest, "the slowest formula took this long (ms)").toBeLessThan(5000);
  // Both kinds occur: the grammar makes formulas the allow-list takes and ones it refuses.
  expect(outcomes.refused).toBeGreaterThan(100);
  expect(outcomes.accepted).toBeGreaterThan(20);
});
