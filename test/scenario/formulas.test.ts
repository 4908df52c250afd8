/**
 * Tip 6: formulas in scenario files are untrusted. Each known mathjs escape (constructor
 * chains, import, createUnit, evaluate and parse inside a formula, property and matrix access,
 * assignments, function definitions, …) is refused before anything evaluates it, with a
 * diagnostic at the offending token inside the string in the file, the JSON path, and what a
 * formula may hold. The file under test is the built-in solar park with one formula replaced,
 * so that line and column follow from the text.
 */
import { readFileSync } from "node:fs";
import type { MathNode } from "mathjs";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { mathjs } from "../../src/engine/mathjs.js";
import { compileFormula } from "../../src/engine/formulas.js";
import { resolveScenarioPath } from "../../src/scenario/builtin.js";
import { FORMULA_FUNCTIONS, formulaProblems } from "../../src/scenario/formulas.js";
import { type Diagnostic, parseScenario } from "../../src/scenario/load.js";

const SOLAR = readFileSync(resolveScenarioPath("solar-park"), "utf8");
/** Rijnwaard's autonomy cost of guaranteeing an overrun. */
const TARGET = '"min(overrun, 20) * 0.5"';
const PATH = 'parties[2].autonomyCosts["cost-overrun"].municipality';
const ALLOWED = /a formula may hold numbers, the scenario's quantities/;

test("the formula replaced is the one the path names, and it occurs once", () => {
  expect(SOLAR.indexOf(TARGET)).toBeGreaterThan(0);
  expect(SOLAR.indexOf(TARGET)).toBe(SOLAR.lastIndexOf(TARGET));
  const json = JSON.parse(SOLAR);
  expect(json.parties[2].id).toBe("rijnwaard");
  expect(json.parties[2].autonomyCosts["cost-overrun"].municipality).toBe(JSON.parse(TARGET));
});

/** The solar park with the formula replaced, and the file's diagnostics. */
function withFormula(formula: string): { text: string; offset: number; diagnostics: Diagnostic[]; accepted: boolean } {
  const offset = SOLAR.indexOf(TARGET);
  const text = SOLAR.slice(0, offset) + JSON.stringify(formula) + SOLAR.slice(offset + TARGET.length);
  const { scenario, diagnostics } = parseScenario(text, "solar.json");
  return { text, offset, diagnostics, accepted: scenario !== undefined };
}

/** Line and column (1-based) in the file of character `index` of the formula, as JSON writes it. */
function placeOf(text: string, offset: number, formula: string, index: number): { line: number; column: number } {
  // Inside the literal, character `index` starts after the opening quote and the escaped characters before it.
  const absolute = offset + JSON.stringify(formula.slice(0, index)).length - 1;
  const before = text.slice(0, absolute).split("\n");
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** Where the n-th (0-based) occurrence of `token` starts in `formula`. */
function nth(formula: string, token: string, n = 0): number {
  let at = -1;
  for (let k = 0; k <= n; k++) {
    at = formula.indexOf(token, at + 1);
    if (at < 0) throw new Error(`no occurrence ${n} of ${token} in ${formula}`);
  }
  return at;
}

interface Escape {
  readonly formula: string;
  /** The offending token, and which occurrence of it. */
  readonly token: string;
  readonly occurrence?: number;
  /** What the diagnostic at that token says. */
  readonly message: RegExp;
}

const ESCAPES: readonly Escape[] = [
  // Constructor chains: reach Function through any object, then call it.
  { formula: 'cos.constructor("return process")()', token: ")", occurrence: 1, message: /not a formula: Value expected/ },
  { formula: 'cos.constructor("return process")', token: "cos.constructor", message: /the function "cos\.constructor" is not allowed/ },
  { formula: 'cos["constructor"]("return process")', token: '"constructor"', message: /"constructor" is not a number/ },
  { formula: '[].constructor.constructor("x")()', token: ")", occurrence: 1, message: /not a formula: Value expected/ },
  { formula: '[].constructor.constructor("x")', token: "[]", message: /a list or matrix/ },
  { formula: 'overrun.constructor.constructor("globalThis.pwned = 1")', token: "overrun.constructor.constructor", message: /the function "overrun\.constructor\.constructor" is not allowed/ },
  // mathjs' own functions that build, import or evaluate.
  { formula: "import({}, {})", token: "import", message: /the function "import" is not allowed/ },
  { formula: "import({}, {})", token: "{}", occurrence: 1, message: /an object \(\{…\}\) is not allowed/ },
  { formula: 'createUnit("foo")', token: "createUnit", message: /the function "createUnit" is not allowed/ },
  { formula: 'evaluate("1+1")', token: "evaluate", message: /the function "evaluate" is not allowed/ },
  { formula: 'overrun + evaluate("globalThis.pwned = 1")', token: "evaluate", message: /the function "evaluate" is not allowed/ },
  { formula: 'parse("1")', token: "parse", message: /the function "parse" is not allowed/ },
  { formula: 'simplify("x")', token: "simplify", message: /the function "simplify" is not allowed/ },
  { formula: 'compile("1").evaluate()', token: "compile", message: /the function "compile" is not allowed/ },
  { formula: "config({number: 'BigNumber'})", token: "config", message: /the function "config" is not allowed/ },
  { formula: "typed()", token: "typed", message: /the function "typed" is not allowed/ },
  { formula: "chain(1)", token: "chain", message: /the function "chain" is not allowed/ },
  // Property access and indexing.
  { formula: "a.b", token: "a.b", message: /property access \(a\.b\) is not allowed/ },
  { formula: "overrun.b", token: ".", message: /indexing/ },
  { formula: 'price["constructor"]', token: '"constructor"', message: /"constructor" is not a number/ },
  { formula: 'price["constructor"]', token: "[", message: /indexing/ },
  { formula: "[1,2][1]", token: "[1]", message: /indexing \(a\[1\]\) is not allowed/ },
  { formula: "overrun + [1,2]", token: "[1,2]", message: /a list or matrix \(\[…\]\) is not allowed/ },
  { formula: "max([1,2])", token: "[1,2]", message: /a list or matrix/ },
  // Assignments and function definitions.
  { formula: "x = 5", token: "=", message: /an assignment \(a = …\) is not allowed/ },
  { formula: "overrun = 5", token: "=", message: /an assignment/ },
  { formula: "f(x) = x", token: "=", message: /a function definition \(f\(x\) = …\) is not allowed/ },
  // Other values than numbers.
  { formula: '"a"', token: '"a"', message: /"a" is not a number/ },
  { formula: "overrun + 'o'", token: "'o'", message: /"o" is not a number/ },
  { formula: "{a: 1}", token: "{a: 1}", message: /an object \(\{…\}\) is not allowed/ },
  { formula: "true", token: "true", message: /"true" is not a number/ },
  { formula: "null", token: "null", message: /"null" is not a number/ },
  { formula: "1:3", token: ":", message: /a range \(a:b\) is not allowed/ },
  // Several statements.
  { formula: "overrun; 2", token: ";", message: /several formulas \(a; b\) are not allowed/ },
  { formula: "overrun\n 2", token: "\n", message: /several formulas/ },
  // Units and conversions.
  { formula: "5 cm", token: "cm", message: /unknown quantity "cm"; quantities: price, overrun/ },
  { formula: "5 cm to inch", token: "to", message: /the operator "to" is not allowed/ },
  // Operators outside the list.
  { formula: "170!", token: "!", message: /the operator "!" is not allowed/ },
  { formula: "overrun!", token: "!", message: /the operator "!" is not allowed/ },
  { formula: "overrun & 1", token: "&", message: /the operator "&" is not allowed/ },
  { formula: "overrun | 1", token: "|", message: /the operator "\|" is not allowed/ },
  { formula: "overrun << 2", token: "<<", message: /the operator "<<" is not allowed/ },
  { formula: "overrun xor 1", token: "xor", message: /the operator "xor" is not allowed/ },
  { formula: "overrun'", token: "'", message: /the operator "'" is not allowed/ },
  { formula: "overrun < 3 < 5", token: "overrun", message: /a chained comparison/ },
  // Unknown functions and names, with a hint for a misspelt quantity.
  { formula: "foo(overrun)", token: "foo", message: /the function "foo" is not allowed/ },
  { formula: "sin(overrun)", token: "sin", message: /the function "sin" is not allowed/ },
  { formula: "pi * overrun", token: "pi", message: /unknown quantity "pi"/ },
  { formula: "prise * 2", token: "prise", message: /unknown quantity "prise" — did you mean "price"\?; quantities: price, overrun/ },
  { formula: "price * rice", token: "rice", occurrence: 1, message: /unknown quantity "rice" — did you mean "price"\?/ },
  { formula: "overun * 0.5 + overun", token: "overun", occurrence: 1, message: /unknown quantity "overun" — did you mean "overrun"\?/ },
  // Not a formula at all.
  { formula: "overrun * ", token: " ", occurrence: 1, message: /not a formula: Unexpected end of expression/ },
  { formula: "(overrun", token: "n", message: /not a formula: Parenthesis \) expected/ },
];

describe("every escape payload is refused, located at its token", () => {
  const globalsBefore = Object.getOwnPropertyNames(globalThis).sort();
  // Whatever the loader compiles, recorded: no refused formula may be among it.
  const compiled: string[] = [];
  let spy: ReturnType<typeof vi.spyOn> | undefined;
  beforeAll(() => {
    const nodePrototype = Object.getPrototypeOf(Object.getPrototypeOf(mathjs().parse("1"))) as MathNode;
    const original = nodePrototype.compile;
    spy = vi.spyOn(nodePrototype, "compile").mockImplementation(function (this: MathNode) {
      compiled.push(this.toString());
      return original.call(this);
    });
  });
  afterAll(() => spy?.mockRestore());

  test.each(ESCAPES)("$formula → $message", ({ formula, token, occurrence, message }) => {
    compiled.length = 0;
    const { text, offset, diagnostics, accepted } = withFormula(formula);
    expect(accepted).toBe(false);
    expect(diagnostics.length).toBeGreaterThan(0);
    const { line, column } = placeOf(text, offset, formula, nth(formula, token, occurrence));
    for (const d of diagnostics) {
      expect(d.severity).toBe("error");
      expect(d.file).toBe("solar.json");
      expect(d.path).toBe(PATH);
      // On the line of the formula, inside the string (after its opening quote, before its closing one).
      const start = placeOf(text, offset, formula, 0);
      const end = placeOf(text, offset, formula, formula.length);
      expect(d.line).toBe(start.line);
      expect(d.column).toBeGreaterThanOrEqual(start.column);
      expect(d.column).toBeLessThan(end.column);
      // Each says what is allowed (or, for a name, which quantities there are).
      expect(d.message).toMatch(/a formula may hold numbers|quantities: price, overrun/);
    }
    const located = diagnostics.filter((d) => message.test(d.message));
    expect(located, JSON.stringify(diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`), null, 2)).not.toHaveLength(0);
    expect(located.map((d) => ({ line: d.line, column: d.column }))).toContainEqual({ line, column });
    // The frame under the diagnostic shows the line of the formula.
    expect(located[0].frame).toContain(JSON.stringify(formula));
    // Nothing of the refused formula was compiled, let alone evaluated.
    expect(compiled.filter((source) => /constructor|import|evaluate|createUnit|parse|simplify|config|typed|chain|pwned|\b(foo|rice|overun|prise)\b/.test(source))).toEqual([]);
  });

  test("a refused message lists what is allowed", () => {
    const { diagnostics } = withFormula("import({}, {})");
    expect(diagnostics[0].message).toMatch(ALLOWED);
    for (const fn of FORMULA_FUNCTIONS) expect(diagnostics[0].message).toContain(fn);
    for (const operator of ["+ - * / ^ mod", "< <= > >= == !=", "and, or, not", "a ? b : c"]) expect(diagnostics[0].message).toContain(operator);
  });

  test("nothing ran: no global was set or removed", () => {
    expect(Object.getOwnPropertyNames(globalThis).sort()).toEqual(globalsBefore);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });
});

describe("what a formula may hold", () => {
  const ACCEPTED = [
    "2.5",
    "1e1",
    "overrun",
    "+overrun",
    "overrun * 0.5 + 1",
    "(overrun - 2) / 4",
    "overrun ^ 2 / 100",
    "-overrun / 10 + 5",
    "price / 10 + overrun / 10",
    "overrun >= 15 ? 10 : 2",
    "overrun <= 20 ? 0 : 5",
    "overrun < 10 and price > 50 ? 3 : 1",
    "not (overrun == 3) or overrun != 4",
    "overrun > 10",
    "min(overrun, 20) * 0.5",
    "max(overrun, 5, 1)",
    "abs(overrun - 12)",
    "round(overrun)",
    "round(overrun, 1)",
    "floor(overrun / 5)",
    "ceil(overrun)",
    "sqrt(overrun)",
    "exp(overrun / 40)",
    "log(overrun + 1)",
    "pow(overrun, 2) / 100",
    "overrun mod 7",
  ];

  test.each(ACCEPTED)("%s is accepted in the file", (formula) => {
    const { diagnostics, accepted } = withFormula(formula);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(accepted).toBe(true);
  });

  test("every allowed function passes the allow-list", () => {
    for (const fn of FORMULA_FUNCTIONS) {
      const args = fn === "pow" ? "price, 2" : fn === "min" || fn === "max" ? "price, overrun" : "price";
      expect(formulaProblems(`${fn}(${args})`, ["price", "overrun"]), fn).toEqual([]);
    }
  });

  test("an accepted formula means what mathjs says it means", () => {
    const cases: [string, (price: number, overrun: number) => number][] = [
      ["overrun < 10 and price > 50 ? 3 : 1", (p, o) => (o < 10 && p > 50 ? 3 : 1)],
      ["-overrun / 10 + 5", (_, o) => -o / 10 + 5],
      ["pow(overrun, 2) / 100 + price mod 7", (p, o) => o ** 2 / 100 + (p % 7)],
      ["overrun > 10", (_, o) => (o > 10 ? 1 : 0)],
      ["max(overrun, 5, 1) - min(price, 60)", (p, o) => Math.max(o, 5, 1) - Math.min(p, 60)],
    ];
    for (const [formula, expected] of cases) {
      const compiled = compileFormula(formula, ["price", "overrun"]);
      for (const [p, o] of [
        [40, 5],
        [70, 12],
        [55, 30],
      ]) {
        expect(compiled.evaluate(Float64Array.of(p, o)), `${formula} at ${p}, ${o}`).toBeCloseTo(expected(p, o), 12);
      }
    }
  });

  test("without uncertainties, any name is an unknown quantity and says there are none", () => {
    const problems = formulaProblems("demand * 2", []);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/unknown quantity "demand"; quantities: none/);
  });
});

describe("a function called with a number of arguments mathjs would refuse at evaluation", () => {
  test.each([
    ["min()", "min takes at least 1 argument, not 0", 0],
    ["price + pow(price)", "pow takes 2 arguments, not 1", 8],
    ["sqrt(price, 2)", "sqrt takes 1 argument, not 2", 0],
    ["log(price, 10, 2)", "log takes 1 or 2 arguments, not 3", 0],
    ["round(price, 2, 1)", "round takes 1 or 2 arguments, not 3", 0],
  ])("%s is refused at the call", (formula, message, at) => {
    expect(formulaProblems(formula, ["price"])).toEqual([{ at, message }]);
  });

  test("round to a number of decimals that is not a whole number: mathjs refuses it, and so does the loader", () => {
    const { diagnostics, accepted } = withFormula("round(overrun, 2.5)");
    expect(accepted).toBe(false);
    expect(diagnostics).toMatchObject([{ severity: "error", path: PATH, message: expect.stringMatching(/^this formula cannot be evaluated: /) }]);
  });

  test("in a file, the error is located at the call and the scenario is refused", () => {
    const { text, offset, diagnostics, accepted } = withFormula("overrun * 2 + max()");
    expect(accepted).toBe(false);
    expect(diagnostics).toMatchObject([{ severity: "error", path: PATH, message: "max takes at least 1 argument, not 0", ...placeOf(text, offset, "overrun * 2 + max()", 14) }]);
  });
});
