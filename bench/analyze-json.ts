/**
 * `analyze --json` at 10^200 and 10^500 outcomes (2 parties, 200 or 500 issues × 10 options,
 * built in process: the scenario schema stops at 100 issues). Each case runs in a fresh Node
 * process (so its peak memory is its own): the fold alone (computeFrontier, the baseline of the
 * same run), then what the CLI does for --json: the analysis, the size check and the JSON streamed
 * to /dev/null. Package counts come out of the fold; the JSON is written a chunk of rows at a time.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { MAX_ANALYSIS_JSON_BYTES } from "../src/cli/commands/analyze.js";
import { streamJson } from "../src/cli/output.js";
import { analyzeScenario } from "../src/engine/analysis.js";
import { FrontierTooLargeError, computeFrontier } from "../src/engine/frontier.js";
import { compileScenario } from "../src/engine/model.js";
import { analysisToJson, frontierJsonBytes } from "../src/report/analysis-json.js";
import { type Family, generateScenario } from "./generate.js";
import type { BenchOutput } from "./negotiation.js";
import { formatInt, formatMs, formatRatio, table } from "./timing.js";

const TARGET_MS = 3000;

interface ChildResult {
  readonly points: number;
  readonly foldMs: number;
  readonly jsonMs: number;
  /**
   * "printed" (within the CLI's limit); "refused": past the CLI's 64 MiB, a user error (the JSON is
   * streamed anyway); "budget": the frontier passed the engine's budget, the user error of the fold.
   */
  readonly verdict: "printed" | "refused" | "budget";
  readonly boundMiB: number;
  readonly maxRssMiB: number;
  readonly error?: string;
}

/** One case, in this process: run as `node dist/bench/analyze-json.js <issues> <family>` (stdout: the JSON). */
function child(issues: number, family: Family): void {
  const scenario = generateScenario({ parties: 2, family, issues, options: 10 });
  const model = compileScenario(scenario);
  let t0 = performance.now();
  let points: number;
  try {
    points = computeFrontier(model).size;
  } catch (error) {
    if (!(error instanceof FrontierTooLargeError)) throw error;
    const foldMs = performance.now() - t0;
    const result: ChildResult = { points: 0, foldMs, jsonMs: foldMs, verdict: "budget", boundMiB: 0, maxRssMiB: process.resourceUsage().maxRSS / 1024 };
    process.stderr.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const foldMs = performance.now() - t0;
  t0 = performance.now();
  const analysis = analyzeScenario(model, { fixedTerms: true });
  const bound = frontierJsonBytes(analysis);
  try {
    streamJson(analysisToJson(scenario, analysis));
  } catch (error) {
    process.stderr.write(`${JSON.stringify({ error: String(error) })}\n`);
    return;
  }
  const jsonMs = performance.now() - t0;
  const result: ChildResult = {
    points,
    foldMs,
    jsonMs,
    verdict: bound <= MAX_ANALYSIS_JSON_BYTES ? "printed" : "refused",
    boundMiB: bound / 2 ** 20,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  };
  process.stderr.write(`${JSON.stringify(result)}\n`);
}

export function analyzeJsonSection(out: BenchOutput, quick: boolean): void {
  out.say("## 12. `analyze --json` at 10^200 and 10^500 outcomes (2 parties, 10 options per issue; a fresh process per case)");
  out.say();
  const self = fileURLToPath(import.meta.url);
  const rows: string[][] = [];
  const cases: [number, Family][] = [
    [200, "independent"],
    [200, "opposed"],
    ...(quick ? [] : ([[500, "independent"], [500, "opposed"]] as [number, Family][])),
  ];
  for (const [issues, family] of cases) {
    const run = spawnSync(process.execPath, [self, String(issues), family], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
    const line = run.stderr.trim().split("\n").pop() ?? "";
    let result: ChildResult;
    try {
      result = JSON.parse(line) as ChildResult;
    } catch {
      result = { error: line || `exit ${run.status}` } as ChildResult;
    }
    const name = `10^${issues} (${family})`;
    if (result.error) {
      rows.push([name, "—", "—", "—", "—", `failed: ${result.error.slice(0, 80)}`, out.verdict(`analyze --json ${name}: JSON or a size message`, result.error, false)]);
      continue;
    }
    const what =
      result.verdict === "printed"
        ? `printed (≤ ${formatInt(Math.round(result.boundMiB))} MiB)`
        : result.verdict === "refused"
          ? `refused by size (${formatInt(Math.round(result.boundMiB))} MiB > 64 MiB), streamed anyway`
          : "refused: frontier past the engine's memory budget (user error)";
    const target =
      issues === 200
        ? `<3 s: ${out.verdict(`analyze --json at ${name} < 3 s`, formatMs(result.jsonMs), result.jsonMs < TARGET_MS)}`
        : `JSON or size error: ${out.verdict(`analyze --json at ${name}: JSON or a size message, no RangeError`, what, true)}`;
    rows.push([
      name,
      result.verdict === "budget" ? "—" : formatInt(result.points),
      formatMs(result.foldMs),
      result.verdict === "budget" ? "—" : `${formatMs(result.jsonMs)} (${formatRatio(result.jsonMs / result.foldMs)} the fold)`, `${formatInt(Math.round(result.maxRssMiB))} MiB`, what, target]);
  }
  out.say(table(["outcomes", "frontier points", "fold alone", "analysis + --json streamed", "peak RSS", "CLI", "target"], rows));
  out.say();
  out.say(
    "Package counts are made during the fold (numbers while below 2^53, BigInts per level after), so the analysis adds no " +
      "walk per point; the JSON is written 256 rows at a time to /dev/null. Before (counting by walking back through the levels, and " +
      "one JSON.stringify of the whole analysis): see docs/performance.md.",
  );
  out.say();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) child(Number(process.argv[2]), process.argv[3] as Family);
