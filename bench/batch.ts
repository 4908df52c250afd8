/**
 * Batch runs: negotiations per second in one thread (what one worker does: negotiate, measure,
 * format the row), the scaling from 1 to 2 workers of the real command, and the peak memory of a
 * large run writing to a file. The last two spawn the built CLI.
 */
import { createHash } from "node:crypto";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { type BatchJob, negotiateChunk } from "../src/batch/negotiate.js";
import { WHOLE_PLAN, planSize } from "../src/batch/plan.js";
import { builtinScenarioIds, resolveScenarioPath } from "../src/scenario/builtin.js";
import { loadScenarioFile } from "../src/scenario/load.js";
import type { Scenario } from "../src/scenario/schema.js";
import type { BenchOutput } from "./negotiation.js";
import { formatInt, formatMs, sampleProcUntilClosed, table } from "./timing.js";

const cli = join(resolve(dirname(fileURLToPath(import.meta.url)), "..", ".."), "dist", "bundle", "main.cjs");

const TIME_BASED = ["boulware", "conceder", "linear", "hardliner"];
const MODEL_BASED = ["logroller", "meso", "reciprocator"];
const FAMILIES = [
  { name: "time-based", styles: TIME_BASED, target: 20_000, runs: 300 },
  { name: "model-based", styles: MODEL_BASED, target: 2_000, runs: 150 },
];
const MEMORY_TARGET_MB = 200;
const TWO_PARTY = ["hospital-it-platform", "sustainable-supply"];

const rate = (count: number, ms: number) => formatInt(Math.round((count * 1000) / ms));

function job(scenario: Scenario, styles: string[], runs: number): BatchJob {
  return {
    spec: { scenarios: [scenario], strategies: styles, opponents: styles, runs, seed: "bench", rounds: 50 },
    shard: WHOLE_PLAN,
    format: "csv",
  };
}

/** One thread's rate: every task of the family's plan on one scenario. */
function threadRate(scenario: Scenario, styles: string[], runs: number): { count: number; ms: number } {
  const timed = job(scenario, styles, runs);
  const count = planSize(timed.spec);
  const t0 = performance.now();
  negotiateChunk(timed, 0, count);
  return { count, ms: performance.now() - t0 };
}

interface ChildRun {
  readonly ms: number;
  readonly status: number | null;
  readonly stdoutHash: string;
  /** VmHWM and VmRSS samples in MB (Linux only; empty elsewhere). */
  readonly peakMb: number | undefined;
  readonly rssMb: number[];
}

/** Runs the CLI, sampling its memory from /proc every 250 ms. */
async function runCli(args: string[]): Promise<ChildRun> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "pipe", "ignore"] });
  const hash = createHash("sha256");
  child.stdout.on("data", (chunk: Buffer) => hash.update(chunk));
  let peakMb: number | undefined;
  const rssMb: number[] = [];
  const status = await sampleProcUntilClosed(child, "status", 250, (text) => {
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(text)?.[1]);
    // An exiting process (a zombie) has no Vm lines any more: keep what was read before.
    const peak = kb("VmHWM");
    const rss = kb("VmRSS");
    if (Number.isFinite(peak)) peakMb = peak / 1024;
    if (Number.isFinite(rss)) rssMb.push(rss / 1024);
  });
  return { ms: performance.now() - t0, status, stdoutHash: hash.digest("hex"), peakMb, rssMb };
}

export async function batchSection(out: BenchOutput, quick: boolean): Promise<void> {
  const all = builtinScenarioIds().map((id) => loadScenarioFile(resolveScenarioPath(id)).scenario);
  // The families' targets are negotiations; a partnership (several of them) gets its own row.
  const builtins = all.filter((scenario) => !scenario.partnership);
  const partnerships = all.filter((scenario) => scenario.partnership);
  out.say("## 7. Batch runs (`mutual-gains batch`)");
  out.say();
  out.say("### Negotiations per second in one thread (a worker's loop: negotiate, measure, format the CSV row), 50-round deadline");
  out.say();
  const rows: string[][] = [];
  for (const family of FAMILIES) {
    // Warm-up: the JIT and every scenario's analysis (cached per process, as in a worker).
    for (const scenario of builtins) threadRate(scenario, family.styles, Math.ceil(family.runs / 5));
    let count = 0;
    let ms = 0;
    for (const scenario of builtins) {
      const result = threadRate(scenario, family.styles, quick ? Math.ceil(family.runs / 10) : family.runs);
      count += result.count;
      ms += result.ms;
      rows.push([family.name, scenario.id, formatInt(result.count), formatMs(result.ms), `${rate(result.count, result.ms)}/s`, ""]);
    }
    const value = (count * 1000) / ms;
    const pass = value >= family.target;
    rows.push([family.name, "all built-in scenarios", formatInt(count), formatMs(ms), `${rate(count, ms)}/s`,
      `≥ ${formatInt(family.target)}/s: ${out.verdict(`batch: ${family.name} negotiations per second per worker ≥ ${formatInt(family.target)}`, `${rate(count, ms)}/s`, pass)}`]);
  }
  for (const scenario of partnerships) {
    for (const family of FAMILIES) {
      threadRate(scenario, family.styles, 2);
      const result = threadRate(scenario, family.styles, quick ? 2 : 10);
      rows.push([family.name, `${scenario.id} (whole partnerships)`, formatInt(result.count), formatMs(result.ms), `${rate(result.count, result.ms)}/s`, ""]);
    }
  }
  out.say(table(["styles", "scenario", "negotiations", "time", "rate", "target"], rows));
  out.say();

  out.say("### Scaling: the CLI with 1 and 2 workers (all ten styles, the two-party scenarios, CSV to a pipe, start-up included)");
  out.say();
  // Long enough (about 10 s with one worker) that starting the workers does not decide the ratio.
  const scaleRuns = quick ? 10 : 300;
  const scaleCount = TWO_PARTY.length * 100 * 2 * scaleRuns;
  const scaleArgs = ["batch", ...TWO_PARTY, "--rounds", "50", "--runs", String(scaleRuns), "--format", "csv"];
  const [one, two] = [await runCli([...scaleArgs, "--workers", "1"]), await runCli([...scaleArgs, "--workers", "2"])];
  if (one.status !== 0 || two.status !== 0) throw new Error(`batch failed (exit ${one.status}, ${two.status})`);
  out.say(
    table(
      ["workers", "negotiations", "wall time", "rate", "output"],
      [one, two].map((run, k) => [String(k + 1), formatInt(scaleCount), formatMs(run.ms), `${rate(scaleCount, run.ms)}/s`,
        k === 0 ? "reference" : run.stdoutHash === one.stdoutHash ? "same bytes ✓" : "DIFFERENT ✗"]),
    ),
  );
  out.say();
  out.say(
    `Speed-up from 1 to 2 workers: ${(one.ms / two.ms).toFixed(2)}× on ${availableParallelism()} cores, which the workers share with the ` +
      "main thread (it reorders and writes the rows; rows piped to stdout need no summary) and with V8's garbage-collector threads, " +
      "which keep part of the second core busy even with one worker (--workers 1 negotiates in the main thread).",
  );
  out.say();

  out.say("### Peak memory of a large run: `batch … --out rows.csv` (time-based styles, two-party scenarios, default workers, summary to stdout)");
  out.say();
  const folder = mkdtempSync(join(tmpdir(), "mutual-gains-bench-"));
  const memoryRows: string[][] = [];
  try {
    for (const runs of quick ? [160, 800] : [1_600, 15_625]) {
      const count = TWO_PARTY.length * TIME_BASED.length ** 2 * 2 * runs;
      const styles = TIME_BASED.join(",");
      const run = await runCli(["batch", ...TWO_PARTY, "--strategies", styles, "--vs", styles, "--rounds", "50", "--runs", String(runs), "--out", join(folder, `rows-${runs}.csv`)]);
      if (run.status !== 0) throw new Error(`batch failed (exit ${run.status})`);
      const steady = run.rssMb.slice(Math.floor(run.rssMb.length / 2));
      const flat = steady.length > 0 ? `${Math.round(Math.min(...steady))}–${Math.round(Math.max(...steady))} MB` : "—";
      const peak = run.peakMb === undefined ? "— (no /proc)" : `${Math.round(run.peakMb)} MB`;
      const target = run.peakMb === undefined ? "—" : `< ${MEMORY_TARGET_MB} MB: ${out.verdict(`batch: peak memory of ${formatInt(count)} negotiations < ${MEMORY_TARGET_MB} MB`, peak, run.peakMb < MEMORY_TARGET_MB)}`;
      memoryRows.push([formatInt(count), formatMs(run.ms), `${rate(count, run.ms)}/s`, peak, flat, target]);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  out.say(table(["negotiations", "wall time", "rate", "peak RSS (VmHWM)", "RSS, second half of the run", "target"], memoryRows));
  out.say();
  out.say(
    "RSS of the whole process (main thread and workers), sampled from /proc/<pid>/status every 250 ms. Rows are " +
      "streamed to the file and folded into the summary as they come, so memory does not grow with the number of negotiations.",
  );
  out.say();
}
