/**
 * The two-party merge (src/engine/two-party-merge.ts) and a fresh process's first frontier.
 *
 * Warm: computeFrontier against two baselines in the same process, timed in turn: the k-way
 * merge it replaced (bench/kway-merge.ts: all k heads compared for every candidate) and a bare
 * loop that adds each candidate's shift and compares it once (the least any merge touching every
 * candidate could cost). "Per candidate" is the fold's time divided by its candidates,
 * Σ |previous level| × |undominated options| over the levels.
 *
 * Cold: new node processes, each importing the built engine and the generator, building the
 * model and timing only its first call; the engine's first computeFrontier and, in processes
 * started in turn with them, the first kwayFrontier (the previous merge, in bench code).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { computeFrontier, undominatedOptions } from "../src/engine/frontier.js";
import { type CompiledScenario, compileScenario, outcomeCount } from "../src/engine/model.js";
import { type Family, generateScenario } from "./generate.js";
import { kwayFrontier } from "./kway-merge.js";
import type { BenchOutput } from "./negotiation.js";
import { formatInt, formatMs, formatOutcomes, median, table, time } from "./timing.js";

const TARGET_NS = 40;
const TARGET_FIRST_MS = 0.3;

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

const CHILD = `
const [engine, generate, kway, family, which] = process.argv.slice(1);
const { computeFrontier } = await import(engine + "/frontier.js");
const { compileScenario } = await import(engine + "/model.js");
const { generateScenario } = await import(generate);
// Only what the call needs is loaded: more modules would move the first garbage collection into it.
const kwayFrontier = which === "kway" ? (await import(kway)).kwayFrontier : undefined;
const model = compileScenario(generateScenario({ parties: 2, family, issues: 7, options: 10 }));
const run = kwayFrontier ? () => kwayFrontier(model) : () => computeFrontier(model);
let t0 = performance.now();
run();
const first = performance.now() - t0;
const warm = [];
for (let k = 0; k < 15; k++) { t0 = performance.now(); run(); warm.push(performance.now() - t0); }
warm.sort((x, y) => x - y);
process.stdout.write(JSON.stringify({ first, warm: warm[7] }));
`;

/**
 * V8 flags that take compiling out of the first call: every function compiled to bytecode when
 * its module loads (--no-lazy, what a code cache would give) and to baseline code on its first
 * call (--always-sparkplug). What is left is running the fold before the optimising compiler.
 */
const PRECOMPILED = ["--no-lazy", "--always-sparkplug"];

function firstCall(root: string, family: Family, which: "engine" | "kway", flags: readonly string[] = []): { first: number; warm: number } {
  const url = (path: string) => pathToFileURL(join(root, "dist", path)).href;
  const result = spawnSync(
    process.execPath,
    [...flags, "--input-type=module", "-e", CHILD, url("src/engine"), url("bench/generate.js"), url("bench/kway-merge.js"), family, which],
    { cwd: root, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`first-call child failed: ${(result.stderr ?? "").split("\n")[0]}`);
  return JSON.parse(result.stdout) as { first: number; warm: number };
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
  const processes = quick ? 7 : 15;
  const coldRows: string[][] = [];
  for (const family of ["opposed", "independent"] as Family[]) {
    firstCall(root, family, "engine"); // warms the OS file cache
    const engine: { first: number; warm: number }[] = [];
    const kway: { first: number; warm: number }[] = [];
    const precompiled: number[] = [];
    for (let k = 0; k < processes; k++) {
      engine.push(firstCall(root, family, "engine"));
      kway.push(firstCall(root, family, "kway"));
      precompiled.push(firstCall(root, family, "engine", PRECOMPILED).first);
    }
    const first = median(engine.map((r) => r.first));
    const kwayFirst = median(kway.map((r) => r.first));
    const ratio = median(engine.map((r, k) => kway[k].first / r.first));
    coldRows.push([
      family,
      `${formatMs(first)} (then ${formatMs(median(engine.map((r) => r.warm)))})`,
      `${formatMs(kwayFirst)} (then ${formatMs(median(kway.map((r) => r.warm)))})`,
      `${ratio.toFixed(2)}×`,
      formatMs(median(precompiled)),
      `<${TARGET_FIRST_MS} ms: ${out.verdict(`first computeFrontier at 10^7 in a fresh process < ${TARGET_FIRST_MS} ms (${family})`, formatMs(first), first < TARGET_FIRST_MS)}`,
    ]);
  }
  out.say(table(["family (7 × 10: 10^7)", "first computeFrontier (median)", "first k-way merge (median)", "k-way / engine (median of pairs)", `first computeFrontier, ${PRECOMPILED.join(" ")}`, "target"], coldRows));
  out.say();
  out.say(
    `${processes} fresh processes each, started in turn; each imports the built engine and the generator, builds the model and ` +
      "times only its first call; in brackets the median of its next 15 calls (interpreter and baseline code, before the optimising " +
      "compiler). The first call also compiles to bytecode every function it reaches (V8 compiles lazily); the column " +
      `${PRECOMPILED.join(" ")} takes that out (every function compiled as its module loads, as a code cache would have it, and in ` +
      "baseline code from its first call): what is left is running the fold itself before the optimising compiler starts.",
  );
  out.say();
}
