/**
 * `npm run bench`: frontier, analysis, negotiation, debrief, risk, reveal, `analyze --json`, start-up, two-party merge and first-call, three- and four-party and every-pairing timings. Prints tables to stdout, writes no files.
 *
 *   node dist/bench/run.js [--quick]
 *
 * --quick: fewer repetitions, no brute force above 10^6 outcomes, no 10^50 case.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { analyzeScenario } from "../src/engine/analysis.js";
import { computeFrontier } from "../src/engine/frontier.js";
import { type CompiledScenario, compileScenario, outcomeCount } from "../src/engine/model.js";
import { ScenarioSchema, type Scenario } from "../src/scenario/schema.js";
import { type BruteForceResult, bruteForceFrontier2, bruteForceFrontierN } from "./bruteforce.js";
import { batchSection } from "./batch.js";
import { type Family, generateScenario } from "./generate.js";
import { debriefSection } from "./debrief.js";
import { negotiationSection } from "./negotiation.js";
import { multiPartySection } from "./multi-party.js";
import { pairingsSection } from "./pairings.js";
import { revealSection } from "./reveal.js";
import { analyzeJsonSection } from "./analyze-json.js";
import { riskSection } from "./risk.js";
import { startupSection } from "./startup.js";
import { twoPartyMergeSection } from "./two-party-merge.js";
import { formatInt, formatMs, formatOutcomes, formatRatio, median, table, time } from "./timing.js";
import { uiLatencySection } from "./ui-latency.js";

const quick = process.argv.includes("--quick");
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const cli = join(root, "dist", "bundle", "main.cjs");

const TEN_TO_7 = 10n ** 7n;
const BRUTE_LIMIT = quick ? 10n ** 6n : TEN_TO_7;

interface Verdict {
  readonly target: string;
  readonly figure: string;
  readonly pass: boolean;
}
const verdicts: Verdict[] = [];

function verdict(target: string, figure: string, pass: boolean): string {
  verdicts.push({ target, figure, pass });
  return pass ? "PASS" : "MISS";
}

function say(text = ""): void {
  process.stdout.write(`${text}\n`);
}

interface Shape {
  readonly issues: number;
  readonly options: number;
}

interface FrontierRow {
  readonly family: Family;
  readonly shape: Shape;
  readonly outcomes: bigint;
  readonly points: number;
  readonly engineMs: number;
  readonly reps: number;
  readonly bruteMs?: number;
  readonly enumerateMs?: number;
  readonly note?: string;
}

function engineTiming(model: CompiledScenario, outcomes: bigint) {
  // Slow cases get fewer repetitions; every case gets at least 5 (3 with --quick).
  const big = outcomes >= 10n ** 40n;
  return time(() => computeFrontier(model).size, {
    warmup: 2,
    minReps: quick ? 3 : big ? 7 : 9,
    maxReps: quick ? 15 : 51,
    budgetMs: quick ? 300 : 1500,
  });
}

interface BruteTiming {
  readonly ms: number;
  readonly enumerateMs: number;
  readonly points: number;
}

function bruteTiming(model: CompiledScenario, outcomes: bigint): BruteTiming {
  const run = model.partyCount === 2 ? () => bruteForceFrontier2(model) : () => bruteForceFrontierN(model);
  const total = (r: BruteForceResult) => r.enumerateMs + r.sortMs + r.filterMs;
  if (outcomes >= 10n ** 6n) {
    // Seconds per run: one run, after the engine's figures (no warm-up needed at this scale).
    const result = run();
    return { ms: total(result), enumerateMs: result.enumerateMs, points: result.points };
  }
  const results: BruteForceResult[] = [];
  time(() => results.push(run()), { warmup: 1, minReps: 3, maxReps: 9, budgetMs: 1000 });
  results.shift(); // the warm-up
  return {
    ms: median(results.map(total)),
    enumerateMs: median(results.map((r) => r.enumerateMs)),
    points: results[0].points,
  };
}

function frontierSection(parties: number, shapes: Shape[], families: Family[]): FrontierRow[] {
  const rows: FrontierRow[] = [];
  for (const family of families) {
    for (const shape of shapes) {
      const model = compileScenario(generateScenario({ parties, family, ...shape }));
      const outcomes = outcomeCount(model);
      const engine = engineTiming(model, outcomes);
      let bruteMs: number | undefined;
      let enumerateMs: number | undefined;
      let note: string | undefined;
      if (outcomes <= BRUTE_LIMIT) {
        const brute = bruteTiming(model, outcomes);
        if (brute.points !== engine.result) {
          throw new Error(
            `frontier size mismatch for ${parties} parties, ${family} ${shape.issues}×${shape.options}: ` +
              `engine ${engine.result}, brute force ${brute.points}`,
          );
        }
        bruteMs = brute.ms;
        enumerateMs = brute.enumerateMs;
      } else if (outcomes <= 10n ** 9n) {
        note = "not enumerated (too many)";
      }
      rows.push({ family, shape, outcomes, points: engine.result, engineMs: engine.median, reps: engine.reps, bruteMs, enumerateMs, note });
      process.stderr.write(".");
    }
  }
  process.stderr.write("\n");
  return rows;
}

function frontierTable(rows: FrontierRow[], targetFor: (row: FrontierRow) => string): string {
  return table(
    ["family", "issues × options", "outcomes", "frontier points", "engine (median)", "brute force (of which enumeration)", "speed-up", "target"],
    rows.map((row) => [
      row.family,
      `${row.shape.issues} × ${row.shape.options}`,
      formatOutcomes(row.outcomes),
      formatInt(row.points),
      `${formatMs(row.engineMs)} (n=${row.reps})`,
      row.bruteMs === undefined ? (row.note ?? "—") : `${formatMs(row.bruteMs)} (${formatMs(row.enumerateMs!)}), same size ✓`,
      row.bruteMs === undefined ? "—" : formatRatio(row.bruteMs / row.engineMs),
      targetFor(row),
    ]),
  );
}

function ratioTarget(row: FrontierRow, parties: number): string | undefined {
  if (row.outcomes !== TEN_TO_7 || row.bruteMs === undefined) return undefined;
  const ratio = row.bruteMs / row.engineMs;
  const pass = ratio >= 10_000;
  return `≥10 000× vs enumeration: ${verdict(`≥ 10 000× faster than enumeration at 10^7 (${parties} parties, ${row.family})`, formatRatio(ratio), pass)}`;
}

// ---------------------------------------------------------------------------------------------

const benchStart = performance.now();
say(`mutual-gains benchmark — Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "unknown CPU"})${quick ? ", --quick" : ""}`);
say("Generated scenarios: integer values 0–100, per-party integer weights summing to 1024 (exact sums), seeded mulberry32.");
say();

// Warm up the JIT on a mid-sized case of each kind before anything is timed.
for (const family of ["independent", "opposed"] as const) {
  for (const parties of [2, 3]) {
    const model = compileScenario(generateScenario({ parties, family, issues: 12, options: 8, seed: 99 }));
    for (let k = 0; k < 5; k++) computeFrontier(model);
  }
}

// 1. Two parties.
const twoPartyShapes: Shape[] = [
  { issues: 5, options: 5 },
  { issues: 10, options: 5 },
  { issues: 7, options: 10 },
  { issues: 8, options: 10 },
  { issues: 20, options: 10 },
  { issues: 30, options: 10 },
  { issues: 40, options: 10 },
  ...(quick ? [] : [{ issues: 50, options: 10 }]),
];
const families: Family[] = ["independent", "opposed"];
const twoRows = frontierSection(2, twoPartyShapes, families);
say("## 1. Two-party Pareto frontier (computeFrontier)");
say();
say(
  frontierTable(twoRows, (row) => {
    if (row.outcomes === 10n ** 50n) {
      return `<50 ms: ${verdict(`2-party 10^50 frontier < 50 ms (${row.family})`, formatMs(row.engineMs), row.engineMs < 50)}`;
    }
    return ratioTarget(row, 2) ?? "";
  }),
);
say();

// 2. Three parties.
const threePartyShapes: Shape[] = [
  { issues: 5, options: 5 },
  { issues: 6, options: 10 },
  { issues: 7, options: 10 },
  { issues: 8, options: 10 },
  { issues: 10, options: 10 },
];
const threeRows = frontierSection(3, threePartyShapes, families);
say("## 2. Three-party Pareto frontier (computeFrontier)");
say();
say(
  frontierTable(threeRows, (row) => {
    if (row.outcomes === 10n ** 10n) {
      return `<100 ms: ${verdict(`3-party 10^10 frontier < 100 ms (${row.family})`, formatMs(row.engineMs), row.engineMs < 100)}`;
    }
    return ratioTarget(row, 3) ?? "";
  }),
);
say();
say(
  "Brute force: every package evaluated with packageUtilities into a Float64Array, the utility vectors sorted in " +
    "place (plain quicksort, descending), then a sweep (2 parties) or a check of each outcome against every kept point " +
    "(3 parties, O(N·F)). One run at ≥ 10^6 outcomes, else a median. Its frontier size must equal the engine's " +
    "(the bench stops with an error otherwise). 10^8 outcomes and more are not enumerated: 10^8 would need " +
    "1.6–2.4 GB of utilities and roughly ten times the 10^7 run.",
);
say();

// 3. Built-in scenarios.
say("## 3. Built-in scenarios: analyzeScenario in process, and `mutual-gains analyze` from a cold start");
say();
const scenarioDir = join(root, "scenarios");
const files = existsSync(scenarioDir)
  ? readdirSync(scenarioDir)
      .filter((name) => name.endsWith(".json") && !name.endsWith(".schema.json"))
      .sort()
  : [];
if (files.length === 0) {
  say("No built-in scenarios found in scenarios/ (skipped).");
} else {
  const cliRuns = quick ? 3 : 7;
  const spawnMedian = (args: string[]): { ms: number; ok: boolean; error?: string } => {
    spawnSync(process.execPath, args, { cwd: root, stdio: "ignore" }); // warms the OS file cache
    const samples: number[] = [];
    for (let k = 0; k < cliRuns; k++) {
      const t0 = performance.now();
      const result = spawnSync(process.execPath, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
      samples.push(performance.now() - t0);
      if (result.status !== 0) return { ms: median(samples), ok: false, error: (result.stderr ?? "").split("\n")[0] };
    }
    return { ms: median(samples), ok: true };
  };

  const rows: string[][] = [];
  const nodeBaseline = spawnMedian(["-e", "0"]);
  const cliBaseline = existsSync(cli) ? spawnMedian([cli, "--version"]) : undefined;
  for (const file of files) {
    const id = file.slice(0, -".json".length);
    let scenario: Scenario;
    try {
      scenario = ScenarioSchema.parse(JSON.parse(readFileSync(join(scenarioDir, file), "utf8")));
    } catch (error) {
      rows.push([id, "—", "—", "—", "—", "—", `skipped: ${String((error as Error).message).split("\n")[0].slice(0, 60)}`]);
      continue;
    }
    const model = compileScenario(scenario);
    const analysis = time(() => analyzeScenario(model), { warmup: 3, minReps: 15, maxReps: 501, budgetMs: quick ? 200 : 1000 });
    const cold = existsSync(cli) ? spawnMedian([cli, "analyze", id]) : undefined;
    const coldText = !cold ? "dist/bundle/main.cjs missing" : cold.ok ? `${formatMs(cold.ms)} (n=${cliRuns})` : `failed: ${cold.error}`;
    const target = cold?.ok
      ? `<0.5 s: ${verdict(`analyze ${id} < 0.5 s from a cold start`, formatMs(cold.ms), cold.ms < 500)}`
      : "—";
    rows.push([
      id,
      `${model.partyCount} × ${model.issueCount} (${Array.from(model.optionCounts).join("·")})`,
      formatOutcomes(outcomeCount(model)),
      formatInt(analysis.result.frontier.size),
      `${formatMs(analysis.median)} (n=${analysis.reps})`,
      coldText,
      target,
    ]);
  }
  say(
    table(
      ["scenario", "parties × issues (options)", "outcomes", "frontier points", "analyzeScenario (median)", "CLI analyze, cold (median)", "target"],
      rows,
    ),
  );
  say();
  say(
    `Reference start-up times (median of ${cliRuns}): \`node -e 0\` ${formatMs(nodeBaseline.ms)}` +
      (cliBaseline ? `, \`node dist/src/cli/main.js --version\` ${formatMs(cliBaseline.ms)}` : "") +
      ".",
  );
}
say();

// Sections 5, 8 and 9 time single negotiations; a partnership's phases are timed in section 7.
const builtinScenarios = files.map((file) => ScenarioSchema.parse(JSON.parse(readFileSync(join(scenarioDir, file), "utf8")))).filter((scenario) => !scenario.partnership);
negotiationSection({ say, verdict }, builtinScenarios, quick);
await uiLatencySection({ say, verdict }, quick);
await batchSection({ say, verdict }, quick);
debriefSection({ say, verdict }, builtinScenarios);
riskSection({ say, verdict }, builtinScenarios, quick);
revealSection({ say, verdict }, quick);
analyzeJsonSection({ say, verdict }, quick);
startupSection({ say, verdict }, root, cli, quick);
twoPartyMergeSection({ say, verdict }, root, quick);
multiPartySection({ say, verdict }, quick);
await pairingsSection({ say, verdict }, quick, cli);

// Summary.
say("## Targets");
say();
say(table(["target", "figure", "result"], verdicts.map((v) => [v.target, v.figure, v.pass ? "PASS" : "MISS"])));
say();
say(`Bench wall time: ${formatMs(performance.now() - benchStart)}.`);
