/**
 * Tip 6: expectations of terms over uncertain quantities, against closed forms worked out by
 * hand (never against the engine's own output). The engine promises an absolute accuracy of
 * EXPECTATION_TOLERANCE points per term; on values far from 1 the check is relative.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type Distribution, mean, support } from "../../src/engine/distributions.js";
import { EXPECTATION_TOLERANCE, expectation, integrate } from "../../src/engine/expectation.js";
import { compileFormula } from "../../src/engine/formulas.js";
import { expectedPoints } from "../../src/engine/valuation.js";

const TOLERANCE = EXPECTATION_TOLERANCE;

function expectClose(got: number, exact: number, what = ""): void {
  const allowed = TOLERANCE * Math.max(1, Math.abs(exact));
  expect(Math.abs(got - exact), `${what}: got ${got}, exact ${exact}`).toBeLessThanOrEqual(allowed);
}

/** The engine's expectation of a formula over quantities `ids`, each with its distribution (and so its range). */
function formulaExpectation(source: string, ids: readonly string[], forecast: readonly Distribution[]): number {
  return expectedPoints(compileFormula(source, ids, forecast.map(support)), forecast);
}

// ---------------------------------------------------------------------------------------------
// The standard normal, computed here without mathjs: Φ(z) = ½ + φ(z)·Σ z^(2n+1)/(1·3·…·(2n+1)),
// a series of positive terms (no cancellation), accurate to ~1e-15 for |z| ≤ 8.

const phi = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);

function Phi(z: number): number {
  if (z < -8) return 0;
  if (z > 8) return 1;
  let term = z;
  let sum = z;
  for (let n = 1; n < 500; n++) {
    term *= (z * z) / (2 * n + 1);
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return 0.5 + phi(z) * sum;
}

test("the reference Φ is right where its values are known", () => {
  expect(Phi(0)).toBe(0.5);
  expect(Math.abs(Phi(1.959963984540054) - 0.975)).toBeLessThan(1e-14);
  expect(Math.abs(Phi(-1) - 0.15865525393145707)).toBeLessThan(1e-14);
  expect(Math.abs(Phi(3) - 0.9986501019683699)).toBeLessThan(1e-14);
});

/** E[clip(X, a, b)] and E[clip(X, a, b)²] for X ~ N(μ, σ). */
function censoredNormalMoments(mu: number, sigma: number, a: number, b: number): { m1: number; m2: number } {
  const alpha = (a - mu) / sigma;
  const beta = (b - mu) / sigma;
  const mass = Phi(beta) - Phi(alpha);
  // z·φ(z) → 0 at an infinite bound; a bound without mass adds nothing.
  const zphi = (z: number) => (Number.isFinite(z) ? z * phi(z) : 0);
  const atBound = (x: number, p: number) => (Number.isFinite(x) ? x * p : 0);
  const z1 = phi(alpha) - phi(beta); // ∫ z φ(z) dz over [α, β]
  const z2 = mass + zphi(alpha) - zphi(beta); // ∫ z² φ(z) dz
  const lowMass = Phi(alpha);
  const highMass = 1 - Phi(beta);
  const m1 = atBound(a, lowMass) + atBound(b, highMass) + mu * mass + sigma * z1;
  const m2 = atBound(a * a, lowMass) + atBound(b * b, highMass) + mu * mu * mass + 2 * mu * sigma * z1 + sigma * sigma * z2;
  return { m1, m2 };
}

// ---------------------------------------------------------------------------------------------

describe("discrete quantities: exact sums", () => {
  const d: Distribution = { kind: "discrete", values: [1, 2, 5], probabilities: [0.2, 0.3, 0.5] };

  test("mean, E[X²], E[3 + 2X]", () => {
    expectClose(mean(d), 0.2 + 0.6 + 2.5, "mean");
    expectClose(formulaExpectation("x", ["x"], [d]), 3.3, "E[X]");
    expectClose(formulaExpectation("x ^ 2", ["x"], [d]), 0.2 * 1 + 0.3 * 4 + 0.5 * 25, "E[X²]");
    expectClose(formulaExpectation("3 + 2 * x", ["x"], [d]), 3 + 2 * 3.3, "E[3+2X]");
  });

  test("probabilities that do not add up to 1 are divided by their sum", () => {
    const unnormalised: Distribution = { kind: "discrete", values: [1, 2, 5], probabilities: [2, 3, 5] };
    expectClose(mean(unnormalised), 3.3, "mean");
    expectClose(formulaExpectation("x ^ 2", ["x"], [unnormalised]), 13.9, "E[X²]");
  });

  test("a step at a value the quantity takes counts that value as reached (x ≥ t)", () => {
    expectClose(formulaExpectation("x >= 2 ? 1 : 0", ["x"], [d]), 0.8, "P(X ≥ 2)");
    expectClose(formulaExpectation("x > 2 ? 1 : 0", ["x"], [d]), 0.5, "P(X > 2)");
    // A bare comparison is 0 or 1.
    expectClose(formulaExpectation("x >= 2", ["x"], [d]), 0.8, "P(X ≥ 2), bare");
  });
});

describe("uniform quantities: polynomials and functions", () => {
  const [a, b] = [20, 80];
  const u: Distribution = { kind: "uniform", min: a, max: b };

  test("E[X], E[X²], E[X³], E[3 + 2X]", () => {
    expectClose(mean(u), (a + b) / 2, "mean");
    expectClose(formulaExpectation("price", ["price"], [u]), (a + b) / 2, "E[X]");
    expectClose(formulaExpectation("price ^ 2", ["price"], [u]), (a * a + a * b + b * b) / 3, "E[X²]");
    expectClose(formulaExpectation("price * price * price", ["price"], [u]), ((a + b) * (a * a + b * b)) / 4, "E[X³]");
    expectClose(formulaExpectation("3 + 2 * price", ["price"], [u]), 3 + (a + b), "E[3+2X]");
    expectClose(formulaExpectation("-(price - 50) / 10", ["price"], [u]), 0, "E[-(X-50)/10]");
  });

  test("smooth functions: exp, log, sqrt", () => {
    const w: Distribution = { kind: "uniform", min: 1, max: 4 };
    expectClose(formulaExpectation("exp(x)", ["x"], [w]), (Math.exp(4) - Math.exp(1)) / 3, "E[exp X]");
    expectClose(formulaExpectation("log(x)", ["x"], [w]), (4 * Math.log(4) - 4 - (1 * Math.log(1) - 1)) / 3, "E[log X]");
    expectClose(formulaExpectation("sqrt(x)", ["x"], [w]), ((2 / 3) * (8 - 1)) / 3, "E[sqrt X]");
    // sqrt has an infinite slope at 0: the adaptive rule still gets there.
    const fromZero: Distribution = { kind: "uniform", min: 0, max: 4 };
    expectClose(formulaExpectation("sqrt(x)", ["x"], [fromZero]), ((2 / 3) * 8) / 4, "E[sqrt X] on [0, 4]");
  });

  test("E[min(X, c)] and E[max(X, c)]: a kink at c", () => {
    for (const c of [20, 35, 50.5, 79, 80, 100, 0]) {
      const k = Math.min(b, Math.max(a, c));
      const exactMin = ((k * k - a * a) / 2 + c * (b - k)) / (b - a);
      const exactMax = (c * (k - a) + (b * b - k * k) / 2) / (b - a);
      expectClose(formulaExpectation(`min(price, ${c})`, ["price"], [u]), exactMin, `E[min(X, ${c})]`);
      expectClose(formulaExpectation(`max(${c}, price)`, ["price"], [u]), exactMax, `E[max(X, ${c})]`);
    }
    // The engine spots breakpoints in constants only: a computed one must still be found by the adaptive rule.
    const c = 2 * 20.25;
    expectClose(formulaExpectation("min(price, 2 * 20.25)", ["price"], [u]), ((c * c - a * a) / 2 + c * (b - c)) / (b - a), "E[min(X, 2·20.25)]");
  });

  test("E[|X − c|]", () => {
    const c = 30;
    expectClose(formulaExpectation("abs(price - 30)", ["price"], [u]), ((c - a) ** 2 / 2 + (b - c) ** 2 / 2) / (b - a), "E|X − 30|");
  });

  test("steps: P(X ≥ t) exactly, with and without a breakpoint in the formula's constants", () => {
    for (const t of [20, 21.5, 50, 60, 79.99, 80, 10, 90]) {
      const exact = Math.min(1, Math.max(0, (b - t) / (b - a)));
      expectClose(formulaExpectation(`price >= ${t} ? 1 : 0`, ["price"], [u]), exact, `P(X ≥ ${t})`);
      expectClose(formulaExpectation(`${t} <= price ? 10 : 4`, ["price"], [u]), 4 + 6 * exact, `step at ${t}, reversed`);
    }
  });

  test("steps whose threshold is written as arithmetic are found too, even close to the ends of the range", () => {
    // Thresholds in the outer 0.5 % of the range fall between Gauss–Kronrod's outermost node and the end:
    // no sampling rule sees them there, only a breakpoint does.
    const fractions = [0.001, 0.003, 0.0045, 0.3, 0.5, 0.7, 0.996, 0.999];
    for (const s of fractions) {
      const t = a + s * (b - a);
      const exact = 1 - s;
      expectClose(formulaExpectation(`2 * price >= ${2 * t} ? 1 : 0`, ["price"], [u]), exact, `P(2X ≥ ${2 * t})`);
      expectClose(formulaExpectation(`price - ${t} >= 0 ? 1 : 0`, ["price"], [u]), exact, `P(X − ${t} ≥ 0)`);
      expectClose(formulaExpectation(`(price + 10) / 2 < ${(t + 10) / 2} ? 0 : 1`, ["price"], [u]), exact, `P((X + 10)/2 ≥ …)`);
      expectClose(formulaExpectation(`price >= ${t / 2} + ${t / 2} ? 1 : 0`, ["price"], [u]), exact, `P(X ≥ ${t / 2} + ${t / 2})`);
      expectClose(formulaExpectation(`price >= sqrt(${t * t}) ? 1 : 0`, ["price"], [u]), exact, `P(X ≥ sqrt(${t * t}))`);
      // A kink there: E[max(0.5·X, t/2)].
      const exactMax = ((t / 2) * (t - a) + (b * b - t * t) / 4) / (b - a);
      expectClose(formulaExpectation(`max(0.5 * price, ${t / 2})`, ["price"], [u]), exactMax, `E[max(X/2, ${t / 2})]`);
      // And one where |X − t| turns.
      expectClose(formulaExpectation(`abs(2 * (price - ${t}))`, ["price"], [u]), (2 * ((t - a) ** 2 / 2 + (b - t) ** 2 / 2)) / (b - a), `E|2(X − ${t})|`);
    }
  });

  test("round, floor, ceil and mod step at every grid line of their argument", () => {
    const ranges: [number, number][] = [
      [0, 3],
      [35, 95],
      [0.003, 7.998],
      [2.25, 2.75],
      [-4.1, 3.2],
    ];
    for (const [lo, hi] of ranges) {
      const w: Distribution = { kind: "uniform", min: lo, max: hi };
      /** ∫ over [lo, hi] of a function that is `value(n)` on [n + offset, n + 1 + offset). */
      const steps = (offset: number, value: (n: number) => number) => {
        let sum = 0;
        for (let n = Math.floor(lo - offset) - 1; n <= Math.ceil(hi - offset) + 1; n++) {
          const from = Math.max(lo, n + offset);
          const to = Math.min(hi, n + 1 + offset);
          if (to > from) sum += value(n) * (to - from);
        }
        return sum / (hi - lo);
      };
      expectClose(formulaExpectation("round(x)", ["x"], [w]), steps(-0.5, (n) => n), `E[round X] on [${lo}, ${hi}]`);
      expectClose(formulaExpectation("floor(x)", ["x"], [w]), steps(0, (n) => n), `E[floor X] on [${lo}, ${hi}]`);
      expectClose(formulaExpectation("ceil(x)", ["x"], [w]), steps(0, (n) => n + 1), `E[ceil X] on [${lo}, ${hi}]`);
      // floor(2X + 1) is floor(Y) for Y = 2X + 1, uniform on [2lo + 1, 2hi + 1].
      const [ylo, yhi] = [2 * lo + 1, 2 * hi + 1];
      let floorY = 0;
      for (let n = Math.floor(ylo) - 1; n <= Math.ceil(yhi) + 1; n++) {
        const from = Math.max(ylo, n);
        const to = Math.min(yhi, n + 1);
        if (to > from) floorY += (n * (to - from)) / (yhi - ylo);
      }
      expectClose(formulaExpectation("floor(2 * x + 1)", ["x"], [w]), floorY, `E[floor(2X + 1)] on [${lo}, ${hi}]`);
      // x mod 2 is x − 2·floor(x / 2): a sawtooth whose mean follows from the same sums.
      const sawtooth = (() => {
        let sum = 0;
        for (let n = Math.floor(lo / 2) - 1; n <= Math.ceil(hi / 2) + 1; n++) {
          const from = Math.max(lo, 2 * n);
          const to = Math.min(hi, 2 * n + 2);
          if (to > from) sum += (to * to - from * from) / 2 - 2 * n * (to - from);
        }
        return sum / (hi - lo);
      })();
      expectClose(formulaExpectation("x mod 2", ["x"], [w]), sawtooth, `E[X mod 2] on [${lo}, ${hi}]`);
    }
    // round to two decimals: E[round(X, 2)] over [0, 1] is the mean of the grid 0, 0.01, … weighted by cell width.
    const cells = Array.from({ length: 101 }, (_, n) => n / 100);
    const exact = cells.reduce((sum, value, n) => sum + value * (n === 0 || n === 100 ? 0.005 : 0.01), 0);
    expectClose(formulaExpectation("round(x, 2)", ["x"], [{ kind: "uniform", min: 0, max: 1 }]), exact, "E[round(X, 2)]");
  });

  test("a degenerate uniform is a point", () => {
    expectClose(formulaExpectation("price ^ 2 + 1", ["price"], [{ kind: "uniform", min: 7, max: 7 }]), 50, "E[X² + 1] at 7");
  });
});

describe("triangular quantities", () => {
  const cases: [number, number, number][] = [
    [35, 60, 95],
    [0, 12, 40],
    [0, 0, 10],
    [5, 10, 10],
    [-3, 1, 2],
  ];

  test.each(cases)("triangular(%d, %d, %d): mean, E[X²], P(X ≥ t)", (min, mode, max) => {
    const d: Distribution = { kind: "triangular", min, mode, max };
    expectClose(mean(d), (min + mode + max) / 3, "mean");
    expectClose(formulaExpectation("q", ["q"], [d]), (min + mode + max) / 3, "E[X]");
    const m2 = (min * min + mode * mode + max * max + min * mode + min * max + mode * max) / 6;
    expectClose(formulaExpectation("q ^ 2", ["q"], [d]), m2, "E[X²]");
    // P(X ≥ t) from the triangle's areas.
    for (const s of [0.1, 0.3, 0.5, 0.9]) {
      const t = min + s * (max - min);
      const below = t <= mode ? (mode === min ? 0 : ((t - min) ** 2) / ((max - min) * (mode - min))) : 1 - (max - t) ** 2 / ((max - min) * (max - mode));
      expectClose(formulaExpectation(`q >= ${t} ? 1 : 0`, ["q"], [d]), 1 - below, `P(X ≥ ${t})`);
    }
  });

  test("a clause over the solar park's price: E[min(price, 60)] under Polderstroom's forecast", () => {
    // triangular(25, 40, 62): ∫ min(x, 60) f(x) dx, split at the mode and at 60, done by hand.
    const [a, c, b, t] = [25, 40, 62, 60];
    const left = (x: number) => (2 / ((b - a) * (c - a))) * (x ** 3 / 3 - (a * x * x) / 2); // ∫ x·f on [a, c]
    const right = (x: number) => (2 / ((b - a) * (b - c))) * ((b * x * x) / 2 - x ** 3 / 3); // ∫ x·f on [c, b]
    const tailMass = (b - t) ** 2 / ((b - a) * (b - c));
    const exact = left(c) - left(a) + right(t) - right(c) + t * tailMass;
    expectClose(formulaExpectation("min(price, 60)", ["price"], [{ kind: "triangular", min: a, mode: c, max: b }]), exact, "E[min(price, 60)]");
  });
});

describe("normal quantities, plain and censored", () => {
  test("an unclipped normal: E[X], E[X²], P(X ≥ t)", () => {
    const d: Distribution = { kind: "normal", mean: 50, sd: 8 };
    expectClose(mean(d), 50, "mean");
    expectClose(formulaExpectation("x", ["x"], [d]), 50, "E[X]");
    expectClose(formulaExpectation("x ^ 2", ["x"], [d]), 50 * 50 + 64, "E[X²]");
    expectClose(formulaExpectation("x >= 58 ? 1 : 0", ["x"], [d]), 1 - Phi(1), "P(X ≥ μ + σ)");
    expectClose(formulaExpectation("x >= 37 ? 1 : 0", ["x"], [d]), 1 - Phi(-13 / 8), "P(X ≥ 37)");
  });

  const clipped: [number, number, number | undefined, number | undefined][] = [
    [50, 10, 40, 70],
    [50, 10, 55, 120],
    [0, 1, -0.5, 0.25],
    [100, 30, undefined, 120],
    [100, 30, 90, undefined],
    [12, 4, 0, 40],
  ];

  test.each(clipped)("clip(N(%d, %d), %s, %s): mean and E[X²] in closed form", (mu, sigma, min, max) => {
    const d: Distribution = { kind: "normal", mean: mu, sd: sigma, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    const { m1, m2 } = censoredNormalMoments(mu, sigma, min ?? -Infinity, max ?? Infinity);
    expectClose(mean(d), m1, "mean()");
    expectClose(integrate((x) => x, d), m1, "∫ x dμ");
    expectClose(formulaExpectation("x", ["x"], [d]), m1, "E[X]");
    expectClose(formulaExpectation("x ^ 2", ["x"], [d]), m2, "E[X²]");
    // The bounds are point masses: P(X ≥ max) is the censored tail, not 0.
    if (max !== undefined) expectClose(formulaExpectation(`x >= ${max} ? 1 : 0`, ["x"], [d]), 1 - Phi((max - mu) / sigma), "P(X ≥ max)");
    if (min !== undefined) expectClose(formulaExpectation(`x <= ${min} ? 1 : 0`, ["x"], [d]), Phi((min - mu) / sigma), "P(X ≤ min)");
    // Every value lies within the bounds.
    const [low, high] = support(d);
    if (min !== undefined) expect(low).toBe(min);
    if (max !== undefined) expect(high).toBe(max);
  });

  test("the total mass is 1", () => {
    for (const d of [
      { kind: "normal", mean: 50, sd: 10, min: 40, max: 70 },
      { kind: "normal", mean: 3, sd: 0.5 },
      { kind: "triangular", min: 0, mode: 1, max: 5 },
      { kind: "uniform", min: -2, max: 2 },
    ] as Distribution[]) {
      expectClose(integrate(() => 1, d), 1, `mass of ${JSON.stringify(d)}`);
    }
  });
});

describe("several quantities, independent", () => {
  const x: Distribution = { kind: "uniform", min: 0, max: 10 };
  const y: Distribution = { kind: "triangular", min: 0, mode: 3, max: 6 };
  const z: Distribution = { kind: "discrete", values: [1, 4], probabilities: [0.25, 0.75] };

  test("E[XY] = E[X]E[Y], E[X + Y + Z], E[XZ²]", () => {
    const ids = ["x", "y", "z"];
    expectClose(formulaExpectation("x * y", ids, [x, y, z]), 5 * 3, "E[XY]");
    expectClose(formulaExpectation("x + y + z", ids, [x, y, z]), 5 + 3 + 3.25, "E[X+Y+Z]");
    expectClose(formulaExpectation("x * z ^ 2", ids, [x, y, z]), 5 * (0.25 + 0.75 * 16), "E[XZ²]");
  });

  // Known limitation, reported: the engine marks breakpoints only where a term turns in ONE
  // quantity. Where two quantities are compared with each other (min(a, b), a >= b) the kink
  // or jump moves with the other quantity, no breakpoint marks it, and the adaptive rule alone
  // misses it when it falls next to the end of a piece. These tests state the exact values;
  // they are expected to fail until such terms are integrated to EXPECTATION_TOLERANCE too.
  const unit: Distribution = { kind: "uniform", min: 0, max: 1 };
  test.fails("known limitation: E[min(A, B)] for two independent uniforms on [0, 1] is 1/3", () => {
    const compiled = compileFormula("min(a, b)", ["a", "b"]);
    expectClose(expectation(compiled.evaluate, [unit, unit], compiled.uses), 1 / 3, "E[min(A, B)]");
  });
  test.fails("known limitation: P(A ≥ B) for two independent uniforms, on [0, 1] and [0, 2], is 3/4", () => {
    expectClose(formulaExpectation("a >= b ? 1 : 0", ["a", "b"], [{ kind: "uniform", min: 0, max: 2 }, unit]), 3 / 4, "P(A ≥ B)");
  });
  test("a comparison of two quantities is still close: within 1e-4", () => {
    expect(Math.abs(formulaExpectation("a >= b ? 1 : 0", ["a", "b"], [{ kind: "uniform", min: 0, max: 2 }, unit]) - 3 / 4)).toBeLessThan(1e-4);
  });

  test("a formula reads only the quantities it names", () => {
    const compiled = compileFormula("2 * y + 1", ["x", "y", "z"]);
    expect(compiled.uses).toEqual([1]);
    expectClose(expectedPoints(compiled, [x, y, z]), 7, "E[2Y + 1]");
  });
});

// ---------------------------------------------------------------------------------------------
// A property: on small discrete distributions, any affine/min/max formula's expectation is the
// brute-force sum over the values.

type Formula = { text: string; at: (x: number, y: number) => number };

const constant = fc.integer({ min: -20, max: 20 }).map((c): Formula => ({ text: c < 0 ? `(${c})` : String(c), at: () => c }));
const leaf = fc.oneof(
  fc.constant<Formula>({ text: "x", at: (x) => x }),
  fc.constant<Formula>({ text: "y", at: (_, y) => y }),
  constant,
);

const formula: fc.Arbitrary<Formula> = fc.letrec<{ node: Formula }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.tuple(tie("node"), tie("node")).map(([a, b]): Formula => ({ text: `(${a.text} + ${b.text})`, at: (x, y) => a.at(x, y) + b.at(x, y) })),
    fc.tuple(tie("node"), tie("node")).map(([a, b]): Formula => ({ text: `(${a.text} - ${b.text})`, at: (x, y) => a.at(x, y) - b.at(x, y) })),
    fc.tuple(fc.integer({ min: -3, max: 3 }), tie("node")).map(([c, a]): Formula => ({ text: `(${c}) * ${a.text}`, at: (x, y) => c * a.at(x, y) })),
    fc.tuple(tie("node"), tie("node")).map(([a, b]): Formula => ({ text: `min(${a.text}, ${b.text})`, at: (x, y) => Math.min(a.at(x, y), b.at(x, y)) })),
    fc.tuple(tie("node"), tie("node")).map(([a, b]): Formula => ({ text: `max(${a.text}, ${b.text})`, at: (x, y) => Math.max(a.at(x, y), b.at(x, y)) })),
    fc
      .tuple(tie("node"), fc.integer({ min: -10, max: 10 }), tie("node"), tie("node"))
      .map(([q, t, a, b]): Formula => ({ text: `(${q.text} >= ${t} ? ${a.text} : ${b.text})`, at: (x, y) => (q.at(x, y) >= t ? a.at(x, y) : b.at(x, y)) })),
  ),
})).node;

const discrete = fc
  .array(fc.tuple(fc.integer({ min: -10, max: 10 }), fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 4 })
  .map((pairs): Distribution => ({ kind: "discrete", values: pairs.map(([v]) => v), probabilities: pairs.map(([, p]) => p / 10) }));

test("property: on discrete quantities the expectation of an affine/min/max/step formula is the brute-force sum", () => {
  fc.assert(
    fc.property(formula, discrete, discrete, (f, dx, dy) => {
      if (dx.kind !== "discrete" || dy.kind !== "discrete") return;
      const sx = dx.probabilities.reduce((s, p) => s + p, 0);
      const sy = dy.probabilities.reduce((s, p) => s + p, 0);
      let exact = 0;
      dx.values.forEach((x, i) => dy.values.forEach((y, j) => (exact += (dx.probabilities[i] / sx) * (dy.probabilities[j] / sy) * f.at(x, y))));
      expectClose(formulaExpectation(f.text, ["x", "y"], [dx, dy]), exact, f.text);
    }),
    { numRuns: 300 },
  );
});
