/**
 * Formulas in scenario files are untrusted: each is parsed once by mathjs and its tree walked
 * before anything evaluates it. Only numbers, the scenario's quantities, arithmetic and
 * comparison operators, and, or, not, parentheses, the conditional a ? b : c and a few named
 * functions pass; everything else (property access, indexing, assignments, function
 * definitions, matrices, objects, strings, units, any other function — mathjs' own `import`,
 * `evaluate`, `parse` or `createUnit` among them) is refused with where it is in the text.
 */
import type { MathNode } from "mathjs";
import { mathjs } from "../engine/mathjs.js";
import { didYouMean } from "./diagnostics.js";
import { SCENARIO_LIMITS } from "./limits.js";

export const FORMULA_FUNCTIONS = ["min", "max", "abs", "round", "floor", "ceil", "sqrt", "exp", "log", "pow"] as const;

const OPERATORS = new Set([
  "add",
  "subtract",
  "multiply",
  "divide",
  "pow",
  "mod",
  "unaryMinus",
  "unaryPlus",
  "larger",
  "largerEq",
  "smaller",
  "smallerEq",
  "equal",
  "unequal",
  "and",
  "or",
  "not",
]);
const FUNCTIONS: ReadonlySet<string> = new Set(FORMULA_FUNCTIONS);

/** How many arguments each function takes (mathjs throws on a call with any other number), and how that reads. */
const ONE = [1, 1, "1 argument"] as const;
const ARITY: Readonly<Record<(typeof FORMULA_FUNCTIONS)[number], readonly [least: number, most: number, text: string]>> = {
  min: [1, Infinity, "at least 1 argument"],
  max: [1, Infinity, "at least 1 argument"],
  abs: ONE,
  round: [1, 2, "1 or 2 arguments"],
  floor: ONE,
  ceil: ONE,
  sqrt: ONE,
  exp: ONE,
  log: [1, 2, "1 or 2 arguments"],
  pow: [2, 2, "2 arguments"],
};

const ALLOWED = "numbers, the scenario's quantities, + - * / ^ mod, < <= > >= == !=, and, or, not, ( ), a ? b : c and the functions " + FORMULA_FUNCTIONS.join(", ");

/** What is wrong with a formula, and where in its text (an index into the string). */
export interface FormulaProblem {
  readonly at: number;
  readonly message: string;
}

/** The problems of a formula over the given quantities; none when it may be evaluated. */
export function formulaProblems(source: string, quantityIds: readonly string[]): FormulaProblem[] {
  let tree: MathNode;
  try {
    tree = mathjs().parse(source);
  } catch (error) {
    const at = typeof (error as { char?: unknown }).char === "number" ? Math.max(0, (error as { char: number }).char - 1) : 0;
    return [{ at: Math.min(at, Math.max(0, source.length - 1)), message: `not a formula: ${(error as Error).message.replace(/ \(char \d+\)$/, "")}; a formula may hold ${ALLOWED}` }];
  }
  const problems: FormulaProblem[] = [];
  const quantities = new Set(quantityIds);
  const used = new Set<string>();
  // The place of a node in the text (mathjs keeps no positions): where its own text occurs as a
  // whole token, spaces aside ("rice" in "price * rice" is the second word, not inside the first),
  // a later occurrence each time the same text is reported again.
  const reported = new Map<string, number>();
  const where = (...texts: string[]) => {
    for (const text of texts) {
      const starts = tokenStarts(source, text);
      if (starts.length === 0) continue;
      const after = reported.get(text) ?? -1;
      const at = starts.find((start) => start > after) ?? starts[0];
      reported.set(text, at);
      return at;
    }
    // Not a token of its own ("x" in "2x"): where it first occurs at all.
    return Math.max(0, ...texts.map((text) => source.indexOf(text)).filter((at) => at >= 0).slice(0, 1));
  };
  const refuse = (text: string | string[], message: string) =>
    problems.push({ at: where(...(Array.isArray(text) ? text : [text])), message: `${message}; a formula may hold ${ALLOWED}` });
  tree.traverse((node, _path, parent) => {
    switch (node.type) {
      case "ConstantNode": {
        const value = (node as unknown as { value: unknown }).value;
        if (typeof value !== "number") {
          const text = String(value);
          refuse(typeof value === "string" ? [`"${text}"`, `'${text}'`, text] : text, `${JSON.stringify(text)} is not a number`);
        }
        return;
      }
      case "SymbolNode": {
        const name = (node as unknown as { name: string }).name;
        // The name of a called function is checked with its call.
        if (parent?.type === "FunctionNode" && (parent as unknown as { fn: MathNode }).fn === node) return;
        if (quantities.has(name)) {
          used.add(name);
          return;
        }
        problems.push({ at: where(name), message: `unknown quantity "${name}"${didYouMean(name, quantityIds)}; quantities: ${quantityIds.join(", ") || "none (the scenario declares no uncertainties)"}` });
        return;
      }
      case "OperatorNode": {
        const { fn, op } = node as unknown as { fn: string; op: string };
        if (!OPERATORS.has(fn)) refuse(op, `the operator "${op}" is not allowed`);
        return;
      }
      case "FunctionNode": {
        const fn = (node as unknown as { fn: MathNode }).fn;
        const name = fn.type === "SymbolNode" ? (fn as unknown as { name: string }).name : undefined;
        if (name === undefined || !FUNCTIONS.has(name)) {
          const shown = name ?? fn.toString();
          refuse(shown, `the function "${shown}" is not allowed`);
          return;
        }
        const count = (node as unknown as { args: MathNode[] }).args.length;
        const [least, most, takes] = ARITY[name as (typeof FORMULA_FUNCTIONS)[number]];
        if (count < least || count > most) problems.push({ at: where(`${name}(`, name), message: `${name} takes ${takes}, not ${count}` });
        return;
      }
      case "ParenthesisNode":
      case "ConditionalNode":
        return;
      default: {
        // An assignment, a range or a second statement is pointed at by its own sign: = : ; or the line break.
        const start = where(node.toString());
        const sign = SIGNS[node.type];
        const offset = sign ? source.slice(start).search(sign) : -1;
        problems.push({ at: offset < 0 ? start : start + offset, message: `${describeNode(node.type)}; a formula may hold ${ALLOWED}` });
      }
    }
  });
  if (used.size > SCENARIO_LIMITS.quantitiesPerFormula) {
    problems.push({ at: 0, message: `a formula may use at most ${SCENARIO_LIMITS.quantitiesPerFormula} quantities; this one uses ${used.size}: ${[...used].join(", ")}` });
  }
  return problems.sort((a, b) => a.at - b.at);
}

const WORD = /[\w$]/;

const ASSIGNMENT = /(?<![<>=!])=(?!=)/;
const SIGNS: Partial<Record<string, RegExp>> = { AssignmentNode: ASSIGNMENT, FunctionAssignmentNode: ASSIGNMENT, RangeNode: /:/, BlockNode: /[;\n]/ };

/** Where `text` occurs in `source` as a whole token, whitespace inside it ignored. */
function tokenStarts(source: string, text: string): number[] {
  const compact = text.replace(/\s+/g, "");
  if (compact === "") return [];
  const body = [...compact].map((char) => char.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("\\s*");
  const pattern = new RegExp((WORD.test(compact[0]) ? "(?<![\\w$])" : "") + body + (WORD.test(compact.at(-1)!) ? "(?![\\w$])" : ""), "g");
  return [...source.matchAll(pattern)].map((match) => match.index);
}

function describeNode(type: string): string {
  switch (type) {
    case "AccessorNode":
      return "property access (a.b) is not allowed";
    case "IndexNode":
      return "indexing (a[1]) is not allowed";
    case "AssignmentNode":
      return "an assignment (a = …) is not allowed";
    case "FunctionAssignmentNode":
      return "a function definition (f(x) = …) is not allowed";
    case "ArrayNode":
      return "a list or matrix ([…]) is not allowed";
    case "ObjectNode":
      return "an object ({…}) is not allowed";
    case "RangeNode":
      return "a range (a:b) is not allowed";
    case "BlockNode":
      return "several formulas (a; b) are not allowed";
    case "RelationalNode":
      return "a chained comparison (a < b < c) is not allowed: join two comparisons with and";
    default:
      return `a ${type} is not allowed`;
  }
}
