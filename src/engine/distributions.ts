/**
 * The distributions of a scenario's uncertain quantities (tip 6): uniform, triangular,
 * normal (optionally clipped to a range) and discrete. What the engine needs of each: its
 * support and the points where its density has a kink or a jump (for exact quadrature), its
 * density, its mean, its quantiles, and a draw from a uniform number (inverse transform, so a
 * seeded generator gives the same draws everywhere).
 *
 * A clipped normal is censored, not truncated: a draw beyond a bound counts as the bound, so
 * the probability of the tail sits on the bound itself ("at most 120, whatever happens").
 */
import { mathjs } from "./mathjs.js";

export type Distribution =
  | { readonly kind: "uniform"; readonly min: number; readonly max: number }
  | { readonly kind: "triangular"; readonly min: number; readonly mode: number; readonly max: number }
  | { readonly kind: "normal"; readonly mean: number; readonly sd: number; readonly min?: number; readonly max?: number }
  | { readonly kind: "discrete"; readonly values: readonly number[]; readonly probabilities: readonly number[] };

/** How far a normal's quadrature reaches: beyond ±9 standard deviations lies less than 1e-18 of the mass. */
const NORMAL_REACH = 9;

/** The interval the quantity lives in (for a normal without bounds: far enough out that nothing is missed). */
export function support(d: Distribution): [number, number] {
  switch (d.kind) {
    case "uniform":
    case "triangular":
      return [d.min, d.max];
    case "normal":
      return [d.min ?? d.mean - NORMAL_REACH * d.sd, d.max ?? d.mean + NORMAL_REACH * d.sd];
    case "discrete":
      return [Math.min(...d.values), Math.max(...d.values)];
  }
}

export function mean(d: Distribution): number {
  switch (d.kind) {
    case "uniform":
      return (d.min + d.max) / 2;
    case "triangular":
      return (d.min + d.mode + d.max) / 3;
    case "normal": {
      if (d.min === undefined && d.max === undefined) return d.mean;
      // Censored: E[clamp(X, a, b)] = a·P(X<a) + b·P(X>b) + ∫_a^b x φ.
      const a = d.min ?? -Infinity;
      const b = d.max ?? Infinity;
      const z = (x: number) => (x - d.mean) / d.sd;
      const inside = d.mean * (normalCdf(z(b)) - normalCdf(z(a))) - d.sd * (normalPdf(z(b)) - normalPdf(z(a)));
      return (Number.isFinite(a) ? a * normalCdf(z(a)) : 0) + (Number.isFinite(b) ? b * (1 - normalCdf(z(b))) : 0) + inside;
    }
    case "discrete":
      return d.values.reduce((sum, value, k) => sum + value * d.probabilities[k], 0) / total(d.probabilities);
  }
}

/** The value below which a share `p` (0–1) of the probability lies. */
export function quantile(d: Distribution, p: number): number {
  const u = Math.min(1, Math.max(0, p));
  switch (d.kind) {
    case "uniform":
      return d.min + u * (d.max - d.min);
    case "triangular": {
      const { min, mode, max } = d;
      const split = max === min ? 0 : (mode - min) / (max - min);
      return u < split ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
    }
    case "normal": {
      const x = d.mean + d.sd * normalQuantile(u);
      return Math.min(d.max ?? Infinity, Math.max(d.min ?? -Infinity, x));
    }
    case "discrete": {
      const order = d.values.map((_, k) => k).sort((a, b) => d.values[a] - d.values[b]);
      const sum = total(d.probabilities);
      let cumulative = 0;
      for (const k of order) {
        cumulative += d.probabilities[k] / sum;
        if (u <= cumulative + 1e-15) return d.values[k];
      }
      return d.values[order[order.length - 1]];
    }
  }
}

/** A draw from a uniform number in [0, 1): the inverse transform. */
export const draw = quantile;

/**
 * How to integrate over the distribution: pieces of the support with a smooth density (the
 * breakpoints split it where the density kinks), point masses (a discrete distribution, a
 * clipped normal's bounds) and the density itself.
 */
export interface Measure {
  /** Intervals on which `density` is smooth. */
  readonly pieces: readonly (readonly [number, number])[];
  readonly density: (x: number) => number;
  /** Values with a probability of their own. */
  readonly atoms: readonly { readonly value: number; readonly probability: number }[];
}

export function measure(d: Distribution): Measure {
  switch (d.kind) {
    case "uniform":
      return d.max > d.min
        ? { pieces: [[d.min, d.max]], density: () => 1 / (d.max - d.min), atoms: [] }
        : { pieces: [], density: () => 0, atoms: [{ value: d.min, probability: 1 }] };
    case "triangular": {
      const { min, mode, max } = d;
      if (max <= min) return { pieces: [], density: () => 0, atoms: [{ value: min, probability: 1 }] };
      const density = (x: number) => (x < mode ? (2 * (x - min)) / ((max - min) * (mode - min)) : (2 * (max - x)) / ((max - min) * (max - mode)));
      const pieces: [number, number][] = [];
      if (mode > min) pieces.push([min, mode]);
      if (max > mode) pieces.push([mode, max]);
      return { pieces, density, atoms: [] };
    }
    case "normal": {
      const [low, high] = support(d);
      const z = (x: number) => (x - d.mean) / d.sd;
      const atoms = [
        ...(d.min !== undefined ? [{ value: d.min, probability: normalCdf(z(d.min)) }] : []),
        ...(d.max !== undefined ? [{ value: d.max, probability: 1 - normalCdf(z(d.max)) }] : []),
      ];
      // Split at the mean and a standard deviation either side, where the curve turns.
      const cuts = [d.mean - d.sd, d.mean, d.mean + d.sd].filter((x) => x > low && x < high);
      const edges = [low, ...cuts, high];
      return { pieces: edges.slice(1).map((edge, k) => [edges[k], edge] as const), density: (x) => normalPdf(z(x)) / d.sd, atoms };
    }
    case "discrete": {
      const sum = total(d.probabilities);
      return { pieces: [], density: () => 0, atoms: d.values.map((value, k) => ({ value, probability: d.probabilities[k] / sum })) };
    }
  }
}

function total(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0);
}

const SQRT_2PI = Math.sqrt(2 * Math.PI);

function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / SQRT_2PI;
}

/** Φ(z), through mathjs' error function. */
export function normalCdf(z: number): number {
  return 0.5 * (1 + (mathjs().erf(z / Math.SQRT2) as number));
}

/** Φ⁻¹(p), which mathjs lacks: Acklam's rational approximation, refined by one Halley step on mathjs' Φ. */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const e = normalCdf(x) - p;
  const u = e * SQRT_2PI * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}
