/**
 * The two-party merge (src/engine/two-party-merge.ts) and a fresh process's first frontier.
 *
 * Warm: computeFrontier against two baselines in the same process, timed in turn: the k-way
 * merge it replaced (bench/kway-merge.ts: all k heads compared for every candidate) and a bare
 * loop that adds each candidate's shift and compares it once (the least any merge touching every
 * candidate could cost). "Per candidate" is the fold's time divided by its candidates,
 * Σ |previous level| × |undominated options| over the levels.
 *
 * Cold: a fresh process's first frontier, in first-call.ts.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { computeFrontier, undominatedOptions } from "../src/engine/frontier.js";
import { type CompiledScenario, compileScenario, outcomeCount } from "../src/engine/model.js";
import { type Family, generateScenario } from "./generate.js";
import { firstCallTable } from "./first-call.js";
import { kwayFrontier } from "./kway-merge.js";
import type { BenchOutput } from "./negotiation.js";
import { formatInt, formatMs, formatOutcomes, median, table } from "./timing.js";

const TARGET_NS = 40;

/** Σ |previous level| × |undominated options|, from the k-way fold's levels (the same sizes as the engine's). */
function candidateCount(model: CompiledScenario): number {
  return kwayFrontier(model).candidates;
}

/** Each candidate of the fold shifted and compared once, level by level (levels from the k-way fold, untimed). */
function bareLoop(model: CompiledScenario, levels: readonly { readonly size: number; readonly utilities: Float64Array }[]): number {
  let best = -Infinity;
  for (let l = 1; l < levels.length; l++) {
    const issue = model.issueCount - l;
    const previous = levels[l - 1];
    for (const option of undominatedOptions(model, issue)) {
      const s0 = model.contributions[(model.issueOffsets[issue] + option) * 2];
      const s1 = model.contributions[(model.issueOffsets[issue] + option) * 2 + 1];
      for (let k = 0; k < previous.size; k++) {
        const u = previous.utilities[2 * k] + s0 + previous.utilities[2 * k + 1] + s1;
        if (u > best) best = u;
      }
    }
  }
  return best;
}

/** Medians of a few calls of a and b, timed in turn (a b a b …), and the median of their ratios. */
function paired(a: () => unknown, b: () => unknown, quick: boolean): { a: number; b: number; ratio: number; reps: number } {
  const reps = quick ? 7 : 25;
  for (let k = 0; k < 3; k++) {
    a();
    b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let k = 0; k < reps; k++) {
    let t0 = performance.now();
    a();
    ta.push(performance.now() - t0);
    t0 = performance.now();
    b();
    tb.push(performance.now() - t0);
  }
  return { a: median(ta), b: median(tb), ratio: median(ta.map((x, k) => x / tb[k])), reps };
}

export function twoPartyMergeSection(out: BenchOutput, root: string, quick: boolean): void {
  out.say("## 14. Two-party merge and first call");
  out.say();
  const shapes: { family: Family; issues: number; options: number }[] = [
    ...(quick ? [] : [{ family: "opposed" as Family, issues: 50, options: 10 }]),
    { family: "opposed", issues: 30, options: 10 },
    { family: "opposed", issues: 20, options: 10 },
    { family: "opposed", issues: 7, options: 10 },
    { family: "independent", issues: 50, options: 10 },
  ];
  const rows: string[][] = [];
  for (const { family, issues, options } of shapes) {
    const model = compileScenario(generateScenario({ parties: 2, family, issues, options }));
    const candidates = candidateCount(model);
    const levels = kwayFrontier(model).levels;
    const versusKway = paired(() => computeFrontier(model), () => kwayFrontier(model), quick);
    const versusBare = paired(() => computeFrontier(model), () => bareLoop(model, levels), quick);
    const ns = (versusKway.a * 1e6) / candidates;
    const big = outcomeCount(model) === 10n ** 50n && family === "opposed";
    rows.push([
      family,
      `${issues} × ${options} (${formatOutcomes(outcomeCount(model))})`,
      formatInt(candidates),
      `${formatMs(versusKway.a)} (${ns.toFixed(1)} ns)`,
      `${formatMs(versusKway.b)} (${((versusKway.b * 1e6) / candidates).toFixed(1)} ns), ${(1 / versusKway.ratio).toFixed(2)}× the merge`,
      `${formatMs(versusBare.b)} (${((versusBare.b * 1e6) / candidates).toFixed(1)} ns), merge ${versusBare.ratio.toFixed(2)}× it`,
      big ? `≤${TARGET_NS} ns: ${out.verdict(`2-party merge at 10^50 (opposed) ≤ ${TARGET_NS} ns per candidate`, `${ns.toFixed(1)} ns`, ns <= TARGET_NS)}` : "",
    ]);
  }
  out.say(
    table(
      ["family", "issues × options", "candidates", "computeFrontier (per candidate)", "k-way merge (per candidate)", "bare add-and-compare loop", "target"],
      rows,
    ),
  );
  out.say();
  out.say(
    "Candidates: Σ |previous level| × |undominated options| over the fold's levels; per candidate: the whole computeFrontier " +
      "(merge, sweep, counts, stored levels) divided by it. Baselines timed in turn with the engine in the same process, " +
      "ratios the median of the pairs'.",
  );
  out.say();
  if (!existsSync(join(root, "dist", "bench", "kway-merge.js"))) {
    out.say("dist/ missing: run `npm run build` (first-call part skipped).");
    out.say();
    return;
  }
  firstCallTable(out, root, quick);
}
