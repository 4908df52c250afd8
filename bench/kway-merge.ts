/**
 * The two-party fold as the engine computed it before two-party-merge.ts: a k-way merge of the
 * shifted copies that compares all k heads for every candidate, into the two-party sweep, with
 * the same package counts. Kept out of the engine as the benchmark's baseline (section 14) and as
 * the reference the two-party merge's property tests compare with, level by level, bit for bit.
 */
import { type CompiledScenario, isAvailable } from "../src/engine/model.js";
import { undominatedOptions } from "../src/engine/frontier.js";
import { UTILITY_EPSILON } from "../src/engine/tolerance.js";

export interface KwayLevel {
  readonly size: number;
  /** utilities[point * 2 + party] */
  readonly utilities: Float64Array;
  readonly parents: Int32Array;
  readonly options: Int32Array;
}

export interface KwayFrontier {
  /** levels[k]: the frontier of the last k issues (levels[0] the empty package). */
  readonly levels: readonly KwayLevel[];
  /** Package counts of the top level's points. */
  readonly counts: readonly bigint[];
  /** Candidates offered to the sweep, and Σ |previous level| × |undominated options|. */
  readonly offered: number;
  readonly candidates: number;
}

/** Growable candidate list with counts: numbers below 2^53, BigInts from the first that is not. */
class List {
  size = 0;
  utilities = new Float64Array(2048);
  parents = new Int32Array(1024);
  options = new Int32Array(1024);
  counts = new Float64Array(1024);
  big: bigint[] | null = null;

  constructor(private readonly from: Float64Array | bigint[]) {
    if (Array.isArray(from)) this.big = [];
  }

  private grow(): void {
    const capacity = this.parents.length * 2;
    const utilities = new Float64Array(capacity * 2);
    utilities.set(this.utilities);
    const parents = new Int32Array(capacity);
    parents.set(this.parents);
    const options = new Int32Array(capacity);
    options.set(this.options);
    const counts = new Float64Array(capacity);
    counts.set(this.counts);
    Object.assign(this, { utilities, parents, options, counts });
  }

  private bigCount(parent: number, weight: number): bigint {
    const count = Array.isArray(this.from) ? this.from[parent] : BigInt(this.from[parent]);
    return weight === 1 ? count : count * BigInt(weight);
  }

  private toBig(): void {
    this.big = Array.from(this.counts.subarray(0, this.size), (c) => BigInt(c));
  }

  push(u0: number, u1: number, parent: number, option: number, weight: number): void {
    if (this.size === this.parents.length) this.grow();
    const at = this.size++;
    this.utilities[2 * at] = u0;
    this.utilities[2 * at + 1] = u1;
    this.parents[at] = parent;
    this.options[at] = option;
    if (this.big === null) {
      const count = (this.from as Float64Array)[parent] * weight;
      if (count <= Number.MAX_SAFE_INTEGER) {
        this.counts[at] = count;
        return;
      }
      this.toBig();
    }
    this.big![at] = this.bigCount(parent, weight);
  }

  addCount(at: number, parent: number, weight: number): void {
    if (this.big === null) {
      const count = this.counts[at] + (this.from as Float64Array)[parent] * weight;
      if (count <= Number.MAX_SAFE_INTEGER) {
        this.counts[at] = count;
        return;
      }
      this.toBig();
    }
    this.big![at] += this.bigCount(parent, weight);
  }

  takeCounts(): Float64Array | bigint[] {
    if (this.big === null) return this.counts.slice(0, this.size);
    this.big.length = this.size;
    return this.big;
  }
}

/** The options of `kept` (undominatedOptions) and how many available options each stands for (itself and those equal to it). */
function optionWeights(model: CompiledScenario, issue: number, kept: readonly number[]): Int32Array {
  const start = model.issueOffsets[issue] * 2;
  const c = model.contributions;
  const weights = new Int32Array(kept.length).fill(1);
  for (let o = 0; o < model.optionCounts[issue]; o++) {
    if (!isAvailable(model, issue, o) || kept.includes(o)) continue;
    const k = kept.findIndex((other) => {
      const d0 = c[start + o * 2] - c[start + other * 2];
      const d1 = c[start + o * 2 + 1] - c[start + other * 2 + 1];
      return !(d0 > UTILITY_EPSILON) && !(d0 < -UTILITY_EPSILON) && !(d1 > UTILITY_EPSILON) && !(d1 < -UTILITY_EPSILON);
    });
    if (k >= 0) weights[k]++;
  }
  return weights;
}

/** The two-party sweep. */
function offer(out: List, u0: number, u1: number, parent: number, option: number, weight: number): void {
  while (out.size > 0) {
    const last = out.size - 1;
    const t0 = out.utilities[last * 2];
    const t1 = out.utilities[last * 2 + 1];
    if (Math.abs(t0 - u0) > UTILITY_EPSILON) {
      if (u1 > t1 + UTILITY_EPSILON) break;
      return;
    }
    if (Math.abs(t1 - u1) <= UTILITY_EPSILON) {
      if (option < out.options[last]) {
        out.parents[last] = parent;
        out.options[last] = option;
      }
      out.addCount(last, parent, weight);
      return;
    }
    if (u1 < t1) return;
    out.size--;
  }
  out.push(u0, u1, parent, option, weight);
}

/** The k-way fold of a two-party model, as the engine did it: every level, the top's counts, and its work. */
export function kwayFrontier(model: CompiledScenario, options: { readonly agreeableOnly?: boolean } = {}): KwayFrontier {
  if (model.partyCount !== 2) throw new Error("kwayFrontier: two parties only");
  const contributions = model.contributions;
  let remaining: Float64Array | undefined;
  if (options.agreeableOnly) {
    remaining = new Float64Array((model.issueCount + 1) * 2);
    for (let issue = 0; issue < model.issueCount; issue++) {
      for (let p = 0; p < 2; p++) {
        let high = -Infinity;
        for (let o = 0; o < model.optionCounts[issue]; o++) {
          if (isAvailable(model, issue, o)) high = Math.max(high, contributions[(model.issueOffsets[issue] + o) * 2 + p]);
        }
        remaining[(issue + 1) * 2 + p] = remaining[issue * 2 + p] + high;
      }
    }
  }
  const levels: KwayLevel[] = [
    { size: 1, utilities: Float64Array.from(model.baseUtilities), parents: Int32Array.of(-1), options: Int32Array.of(-1) },
  ];
  let counts: Float64Array | bigint[] = Float64Array.of(1);
  let offered = 0;
  let candidates = 0;
  for (let issue = model.issueCount - 1; issue >= 0; issue--) {
    const previous = levels[levels.length - 1];
    const kept = undominatedOptions(model, issue);
    const weights = optionWeights(model, issue, kept);
    const k = kept.length;
    candidates += previous.size * k;
    const shifts = new Float64Array(k * 2);
    for (let copy = 0; copy < k; copy++) {
      shifts[copy * 2] = contributions[(model.issueOffsets[issue] + kept[copy]) * 2];
      shifts[copy * 2 + 1] = contributions[(model.issueOffsets[issue] + kept[copy]) * 2 + 1];
    }
    const heads = new Int32Array(k);
    const head = new Float64Array(k * 2);
    const u = previous.utilities;
    const seek = (copy: number, from: number): number => {
      for (let index = from; index < previous.size; index++) {
        let reachable = true;
        for (let p = 0; p < 2; p++) {
          const value = u[index * 2 + p] + shifts[copy * 2 + p];
          head[copy * 2 + p] = value;
          if (remaining && value + remaining[issue * 2 + p] <= model.batnas[p] + UTILITY_EPSILON) reachable = false;
        }
        if (reachable) return index;
      }
      return previous.size;
    };
    for (let copy = 0; copy < k; copy++) heads[copy] = seek(copy, 0);
    const out: List = new List(counts);
    for (;;) {
      let first = -1;
      for (let copy = 0; copy < k; copy++) {
        if (heads[copy] >= previous.size) continue;
        if (first < 0) first = copy;
        else if (head[copy * 2] !== head[first * 2] ? head[copy * 2] > head[first * 2] : head[copy * 2 + 1] > head[first * 2 + 1]) first = copy;
      }
      if (first < 0) break;
      offered++;
      offer(out, head[first * 2], head[first * 2 + 1], heads[first], kept[first], weights[first]);
      let next = heads[first] + 1;
      // Dominated runs are skipped by bisection on the copy's rising second utility.
      const floor = out.size > 0 ? out.utilities[out.size * 2 - 1] - UTILITY_EPSILON - shifts[first * 2 + 1] : -Infinity;
      if (next < previous.size && u[next * 2 + 1] < floor) {
        let low = next;
        let high = previous.size;
        while (low < high) {
          const mid = (low + high) >>> 1;
          if (u[mid * 2 + 1] < floor) low = mid + 1;
          else high = mid;
        }
        next = low;
      }
      heads[first] = seek(first, next);
    }
    levels.push({
      size: out.size,
      utilities: out.utilities.slice(0, out.size * 2),
      parents: out.parents.slice(0, out.size),
      options: out.options.slice(0, out.size),
    });
    counts = out.takeCounts();
  }
  return { levels, counts: Array.from(counts as ArrayLike<number | bigint>, (c) => BigInt(c)), offered, candidates };
}

/** The representative package of a top-level point: the options on its way down the levels. */
export function kwayPackage(model: CompiledScenario, frontier: KwayFrontier, point: number): Int32Array {
  const pkg = new Int32Array(model.issueCount);
  let index = point;
  for (let level = frontier.levels.length - 1; level > 0; level--) {
    const { options, parents } = frontier.levels[level];
    pkg[model.issueCount - level] = options[index];
    index = parents[index];
  }
  return pkg;
}
