/**
 * Formulas over uncertain quantities, evaluated by mathjs. The scenario loader has checked
 * each against an allow-list (scenario/formulas.ts) before it gets here; this module only
 * compiles one into a function of the quantities and reads off which quantities it uses and
 * where it jumps or kinks, for exact quadrature: where a comparison, min, max or abs turns
 * over (its two sides, or its argument, are affine in one quantity: `2 * price >= 120`
 * turns at 60), and where round, floor, ceil or mod of such an argument steps, within the
 * range the quantity can take.
 */
import type { MathNode } from "mathjs";
import { mathjs } from "./mathjs.js";

export interface CompiledFormula {
  /** The formula's value for the quantities (indexed as the scenario lists them). */
  readonly evaluate: (quantities: Float64Array) => number;
  /** Indices of the quantities it reads, ascending. */
  readonly uses: readonly number[];
  /** breakpoints.get(k): the values of quantity k where it may jump or kink. */
  readonly breakpoints: ReadonlyMap<number, readonly number[]>;
}

const COMPARISONS = new Set(["larger", "largerEq", "smaller", "smallerEq", "equal", "unequal"]);
const KINKS = new Set(["min", "max"]);
/** Functions that step where their argument crosses a grid: the grid's offset (round steps at halves). */
const STEPS = new Map([
  ["round", 0.5],
  ["floor", 0],
  ["ceil", 0],
]);
/** At most this many steps of a round, floor, ceil or mod are marked per quantity (finer ones are left to the adaptive rule). */
const MAX_STEPS = 1000;

/** Σ coefficients[k]·q[k] + constant. */
interface Affine {
  readonly coefficients: ReadonlyMap<number, number>;
  readonly constant: number;
}

const constantAffine = (constant: number): Affine => ({ coefficients: new Map(), constant });

function combine(a: Affine, b: Affine, scale: number): Affine {
  const coefficients = new Map(a.coefficients);
  for (const [k, c] of b.coefficients) coefficients.set(k, (coefficients.get(k) ?? 0) + scale * c);
  return { coefficients, constant: a.constant + scale * b.constant };
}

function scaled(a: Affine, scale: number): Affine {
  return { coefficients: new Map([...a.coefficients].map(([k, c]) => [k, c * scale])), constant: a.constant * scale };
}

/** The one quantity an affine function depends on, and its coefficient; undefined for none or several. */
function single(a: Affine): { k: number; slope: number } | undefined {
  const terms = [...a.coefficients].filter(([, c]) => c !== 0);
  return terms.length === 1 ? { k: terms[0][0], slope: terms[0][1] } : undefined;
}

/**
 * @param ranges ranges[k]: the interval quantity k can take, under any forecast (where the
 *   steps of round, floor, ceil and mod are marked); without it, those steps are not marked.
 */
export function compileFormula(source: string, quantityIds: readonly string[], ranges?: readonly (readonly [number, number])[]): CompiledFormula {
  const math = mathjs();
  const tree = math.parse(source);
  const index = new Map(quantityIds.map((id, k) => [id, k]));
  const uses = new Set<number>();
  const breakpoints = new Map<number, number[]>();
  const mark = (k: number, value: number) => {
    if (Number.isFinite(value)) breakpoints.set(k, [...(breakpoints.get(k) ?? []), value]);
  };
  const readsQuantity = (node: MathNode) => node.filter((n) => n.type === "SymbolNode" && index.has((n as unknown as { name: string }).name)).length > 0;
  const affineOf = (node: MathNode): Affine | undefined => {
    const args = (node as unknown as { args?: MathNode[] }).args ?? [];
    if (node.type === "ParenthesisNode") return affineOf((node as unknown as { content: MathNode }).content);
    if (node.type === "SymbolNode") {
      const k = index.get((node as unknown as { name: string }).name);
      if (k !== undefined) return { coefficients: new Map([[k, 1]]), constant: 0 };
    }
    if (node.type === "OperatorNode" && readsQuantity(node)) {
      const parts = args.map(affineOf);
      if (parts.some((part) => part === undefined)) return undefined;
      const [a, b] = parts as Affine[];
      switch ((node as unknown as { fn: string }).fn) {
        case "unaryPlus":
          return a;
        case "unaryMinus":
          return scaled(a, -1);
        case "add":
          return (parts as Affine[]).reduce((sum, part) => combine(sum, part, 1));
        case "subtract":
          return combine(a, b, -1);
        case "multiply":
          if (a.coefficients.size === 0) return scaled(b, a.constant);
          if (b.coefficients.size === 0) return scaled(a, b.constant);
          return undefined;
        case "divide":
          return b.coefficients.size === 0 && b.constant !== 0 ? scaled(a, 1 / b.constant) : undefined;
        default:
          return undefined;
      }
    }
    // A part without quantities is a number (it passed the allow-list: evaluating it runs nothing else).
    if (readsQuantity(node)) return undefined;
    try {
      const value = node.compile().evaluate({});
      return typeof value === "number" && Number.isFinite(value) ? constantAffine(value) : undefined;
    } catch {
      return undefined;
    }
  };
  /** Where an affine function of one quantity is 0. */
  const markRoot = (a: Affine | undefined) => {
    const only = a && single(a);
    if (only) mark(only.k, -a!.constant / only.slope);
  };
  /** Where an affine function of one quantity crosses offset + n·spacing, n whole, within the quantity's range. */
  const markGrid = (a: Affine | undefined, spacing: number, offset: number) => {
    const only = a && single(a);
    const range = only && ranges?.[only.k];
    if (!only || !range || !(spacing > 0) || !Number.isFinite(spacing)) return;
    const ends = [only.slope * range[0] + a!.constant, only.slope * range[1] + a!.constant];
    const first = Math.ceil((Math.min(...ends) - offset) / spacing);
    const last = Math.floor((Math.max(...ends) - offset) / spacing);
    if (!(last - first < MAX_STEPS)) return;
    for (let n = first; n <= last; n++) mark(only.k, (offset + n * spacing - a!.constant) / only.slope);
  };
  tree.traverse((node) => {
    if (node.type === "SymbolNode") {
      const k = index.get((node as unknown as { name: string }).name);
      if (k !== undefined) uses.add(k);
    }
    const fn = node.type === "OperatorNode" ? (node as unknown as { fn: string }).fn : node.type === "FunctionNode" ? ((node as unknown as { fn: { name?: string } }).fn.name ?? "") : "";
    const args = (node as unknown as { args?: MathNode[] }).args ?? [];
    if (COMPARISONS.has(fn) || KINKS.has(fn)) {
      // Two sides compared (or one the min or max of two): where their difference is 0.
      const sides = args.map(affineOf);
      for (let a = 0; a < sides.length; a++) {
        for (let b = a + 1; b < sides.length; b++) if (sides[a] && sides[b]) markRoot(combine(sides[a]!, sides[b]!, -1));
      }
    } else if (fn === "abs") {
      markRoot(affineOf(args[0]));
    } else if (STEPS.has(fn)) {
      const digits = args.length > 1 ? affineOf(args[1]) : constantAffine(0);
      if (digits && digits.coefficients.size === 0 && Number.isInteger(digits.constant)) markGrid(affineOf(args[0]), 10 ** -digits.constant, STEPS.get(fn)! * 10 ** -digits.constant);
    } else if (fn === "mod") {
      const divisor = affineOf(args[1]);
      if (divisor && divisor.coefficients.size === 0) markGrid(affineOf(args[0]), Math.abs(divisor.constant), 0);
    }
  });
  const code = tree.compile();
  const used = [...uses].sort((a, b) => a - b);
  const scope = new Map<string, number>();
  return {
    evaluate: (quantities) => {
      for (const k of used) scope.set(quantityIds[k], quantities[k]);
      const value = code.evaluate(scope);
      // A comparison without a conditional around it is 0 or 1.
      return typeof value === "boolean" ? Number(value) : (value as number);
    },
    uses: used,
    breakpoints,
  };
}
