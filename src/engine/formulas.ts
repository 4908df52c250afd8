/**
 * Formulas over uncertain quantities, evaluated by mathjs. The scenario loader has checked
 * each against an allow-list (scenario/formulas.ts) before it gets here; this module only
 * compiles one into a function of the quantities and reads off which quantities it uses and
 * where it jumps or kinks (the constants it compares a quantity with, or takes the min or
 * max with), for exact quadrature.
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
const KINKS = new Set(["min", "max", "abs", "round", "floor", "ceil"]);

export function compileFormula(source: string, quantityIds: readonly string[]): CompiledFormula {
  const math = mathjs();
  const tree = math.parse(source);
  const index = new Map(quantityIds.map((id, k) => [id, k]));
  const uses = new Set<number>();
  const breakpoints = new Map<number, number[]>();
  const constantOf = (node: MathNode): number | undefined => {
    if (node.type === "ParenthesisNode") return constantOf((node as unknown as { content: MathNode }).content);
    if (node.type === "ConstantNode") return Number((node as unknown as { value: unknown }).value);
    if (node.type === "OperatorNode" && (node as unknown as { fn: string }).fn === "unaryMinus") {
      const inner = constantOf((node as unknown as { args: MathNode[] }).args[0]);
      return inner === undefined ? undefined : -inner;
    }
    return undefined;
  };
  const quantityOf = (node: MathNode): number | undefined => {
    if (node.type === "ParenthesisNode") return quantityOf((node as unknown as { content: MathNode }).content);
    return node.type === "SymbolNode" ? index.get((node as unknown as { name: string }).name) : undefined;
  };
  tree.traverse((node) => {
    if (node.type === "SymbolNode") {
      const k = index.get((node as unknown as { name: string }).name);
      if (k !== undefined) uses.add(k);
    }
    const fn = node.type === "OperatorNode" ? (node as unknown as { fn: string }).fn : node.type === "FunctionNode" ? ((node as unknown as { fn: { name?: string } }).fn.name ?? "") : "";
    if (!COMPARISONS.has(fn) && !KINKS.has(fn)) return;
    const args = (node as unknown as { args: MathNode[] }).args;
    // A quantity compared with (or clipped at) a constant: the constant is where the formula may jump.
    for (const a of args) {
      const k = quantityOf(a);
      if (k === undefined) continue;
      for (const b of args) {
        const value = b === a ? undefined : constantOf(b);
        if (value !== undefined && Number.isFinite(value)) breakpoints.set(k, [...(breakpoints.get(k) ?? []), value]);
      }
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
