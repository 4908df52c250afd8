/**
 * Reproducible random scenarios for the benchmark.
 *
 * Values are integers from 0 to 100 and every party's weights are integers that sum to
 * 1024, so each contribution (weight / 1024 × value) and every sum of them is exact in
 * binary floating point. Frontier sizes then do not depend on rounding noise, and the
 * brute-force check compares exact utilities with the engine's.
 */
import type { Scenario } from "../src/scenario/schema.js";

/** mulberry32: a tiny 32-bit PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Family = "independent" | "opposed";

export interface GeneratedShape {
  readonly parties: number;
  readonly issues: number;
  readonly options: number;
  readonly family: Family;
  readonly seed?: number;
}

const WEIGHT_TOTAL = 1024;

function randomInt(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** Integer weights from 1 to 100, rescaled so that they sum to exactly 1024 (each stays ≥ 1 when it fits). */
function randomWeights(random: () => number, count: number): number[] {
  const raw = Array.from({ length: count }, () => randomInt(random, 1, 100));
  const sum = raw.reduce((a, b) => a + b, 0);
  const weights = raw.map((w) => Math.max(1, Math.floor((w * WEIGHT_TOTAL) / sum)));
  let rest = WEIGHT_TOTAL - weights.reduce((a, b) => a + b, 0);
  for (let i = 0; rest !== 0; i = (i + 1) % count) {
    if (rest > 0) {
      weights[i]++;
      rest--;
    } else if (weights[i] > 1) {
      weights[i]--;
      rest++;
    }
  }
  return weights;
}

const clamp = (x: number) => Math.max(0, Math.min(100, x));

/**
 * Per-option values, values[party][issue][option].
 * - independent: every party draws its own uniform values.
 * - opposed: party A draws values; party B gets 100 − A ± 10; with three or more
 *   parties each option splits about 150 points at random among them (capped at 100),
 *   so every issue is roughly constant-sum. Weights are always drawn per party, which
 *   is what leaves room for logrolling.
 */
function randomValues(random: () => number, shape: GeneratedShape): number[][][] {
  const { parties, issues, options, family } = shape;
  const values = Array.from({ length: parties }, () =>
    Array.from({ length: issues }, () => new Array<number>(options).fill(0)),
  );
  for (let i = 0; i < issues; i++) {
    for (let o = 0; o < options; o++) {
      if (family === "independent") {
        for (let p = 0; p < parties; p++) values[p][i][o] = randomInt(random, 0, 100);
      } else if (parties === 2) {
        const a = randomInt(random, 0, 100);
        values[0][i][o] = a;
        values[1][i][o] = clamp(100 - a + randomInt(random, -10, 10));
      } else {
        const shares = Array.from({ length: parties }, () => random() + 1e-9);
        const total = shares.reduce((x, y) => x + y, 0);
        for (let p = 0; p < parties; p++) values[p][i][o] = clamp(Math.round((150 * shares[p]) / total));
      }
    }
  }
  return values;
}

export function generateScenario(shape: GeneratedShape): Scenario {
  const seed = shape.seed ?? 1;
  const random = mulberry32(
    seed * 1_000_003 + shape.parties * 10_007 + shape.issues * 101 + shape.options * 7 + (shape.family === "opposed" ? 1 : 0),
  );
  const issueIds = Array.from({ length: shape.issues }, (_, i) => `i${i}`);
  const optionIds = Array.from({ length: shape.options }, (_, o) => `o${o}`);
  const values = randomValues(random, shape);
  return {
    id: `bench-${shape.family}-${shape.parties}p-${shape.issues}x${shape.options}`,
    title: "benchmark scenario",
    story: "generated",
    issues: issueIds.map((id) => ({ id, label: id, options: optionIds.map((o) => ({ id: o, label: o })) })),
    parties: Array.from({ length: shape.parties }, (_, p) => {
      const weights = randomWeights(random, shape.issues);
      return {
        id: `p${p}`,
        name: `party ${p}`,
        briefing: "generated",
        weights: Object.fromEntries(issueIds.map((id, i) => [id, weights[i]])),
        values: Object.fromEntries(
          issueIds.map((id, i) => [id, Object.fromEntries(optionIds.map((o, k) => [o, values[p][i][k]]))]),
        ),
        batna: 30,
      };
    }),
  };
}
