/**
 * Expectations of a term over independent uncertain quantities, by quadrature, not sampling:
 * E[f(Q)] = Σ over each quantity's point masses + ∫ over its smooth pieces, one quantity
 * at a time. Each smooth piece is split further where the term jumps or kinks (the
 * thresholds of its conditions, given as breakpoints) and integrated by adaptive
 * Gauss–Kronrod (7–15 points), to an absolute accuracy of EXPECTATION_TOLERANCE per term.
 * Between breakpoints a term that is a polynomial of degree ≤ 20 in a quantity with a
 * uniform or triangular density is integrated exactly by the first rule already.
 */
import { type Distribution, measure } from "./distributions.js";

/** Absolute accuracy, in points, of a term's expectation. */
export const EXPECTATION_TOLERANCE = 1e-9;
/**
 * How often one expectation may evaluate its term (a second or so). A formula that steps or
 * turns at every millionth of its range would otherwise be halved for hours.
 */
export const EXPECTATION_BUDGET = 2_000_000;

/** An expectation that would need more than EXPECTATION_BUDGET evaluations of its term. */
export class ExpectationBudgetError extends Error {
  override readonly name = "ExpectationBudgetError";
  constructor() {
    super(`the expected value needs more than ${EXPECTATION_BUDGET.toLocaleString("en")} evaluations`);
  }
}
/** How often a piece may be halved; past it the estimate stands (a discontinuity without a breakpoint). */
const MAX_DEPTH = 40;

// Gauss–Kronrod 7–15 nodes and weights on [−1, 1] (the Kronrod nodes include the Gauss ones).
const XK = [
  0.991455371120812639, 0.949107912342758525, 0.864864423359769073, 0.74153118559939444, 0.58608723546769113, 0.405845151377397167,
  0.207784955007898468, 0,
];
const WK = [
  0.022935322010529225, 0.063092092629978553, 0.104790010322250184, 0.140653259715525919, 0.169004726639267903, 0.19035057806478541,
  0.204432940075298892, 0.209482141084727828,
];
const WG = [0.129484966168869693, 0.279705391489276668, 0.381830050505118945, 0.417959183673469388];

function gaussKronrod(g: (x: number) => number, a: number, b: number): { value: number; error: number } {
  const centre = (a + b) / 2;
  const half = (b - a) / 2;
  const middle = g(centre);
  let kronrod = middle * WK[7];
  let gauss = middle * WG[3];
  for (let k = 0; k < 7; k++) {
    const dx = half * XK[k];
    const sum = g(centre - dx) + g(centre + dx);
    kronrod += WK[k] * sum;
    // Gauss nodes are the odd ones of the Kronrod rule.
    if (k % 2 === 1) gauss += WG[(k - 1) / 2] * sum;
  }
  return { value: kronrod * half, error: Math.abs((kronrod - gauss) * half) };
}

function adaptive(g: (x: number) => number, a: number, b: number, tolerance: number, depth = 0): number {
  const { value, error } = gaussKronrod(g, a, b);
  // A value that is not a number (a square root of a negative number) gets no better by halving.
  if (!Number.isFinite(error) || error <= tolerance || depth >= MAX_DEPTH || b - a < 1e-12 * Math.max(1, Math.abs(a))) return value;
  const middle = (a + b) / 2;
  return adaptive(g, a, middle, tolerance / 2, depth + 1) + adaptive(g, middle, b, tolerance / 2, depth + 1);
}

/** ∫ g dμ for one quantity's distribution, split at the breakpoints inside its pieces. */
export function integrate(g: (x: number) => number, distribution: Distribution, breakpoints: readonly number[] = [], tolerance = EXPECTATION_TOLERANCE): number {
  const { pieces, density, atoms } = measure(distribution);
  let total = 0;
  for (const atom of atoms) if (atom.probability > 0) total += atom.probability * g(atom.value);
  for (const [low, high] of pieces) {
    const cuts = [low, ...breakpoints.filter((x) => x > low && x < high).sort((x, y) => x - y), high];
    for (let k = 1; k < cuts.length; k++) total += adaptive((x) => density(x) * g(x), cuts[k - 1], cuts[k], tolerance / cuts.length);
  }
  return total;
}

/**
 * E[f(Q)] where Q's components are independent with the given distributions; f reads only the
 * quantities listed in `uses` (the others are 0 and unread). `breakpoints[k]` are the values
 * of quantity k where f jumps or kinks. Throws an ExpectationBudgetError rather than evaluate f
 * more than EXPECTATION_BUDGET times.
 */
export function expectation(
  f: (quantities: Float64Array) => number,
  distributions: readonly Distribution[],
  uses: readonly number[],
  breakpoints: readonly (readonly number[])[] = [],
): number {
  const point = new Float64Array(distributions.length);
  let evaluations = 0;
  const over = (depth: number): number => {
    if (depth === uses.length) {
      if (++evaluations > EXPECTATION_BUDGET) throw new ExpectationBudgetError();
      return f(point);
    }
    const k = uses[depth];
    // Each inner level is accurate to its share of the tolerance.
    return integrate(
      (x) => {
        point[k] = x;
        return over(depth + 1);
      },
      distributions[k],
      breakpoints[k] ?? [],
      EXPECTATION_TOLERANCE / Math.max(1, uses.length),
    );
  };
  return over(0);
}
