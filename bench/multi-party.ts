/**
 * Three and four parties at scale: computeFrontier on generated opposed scenarios (every option
 * splits about 150 points among the parties, so most packages are close to the frontier), whole
 * and agreeable only (`analyze --agreeable`), against a baseline in the same process: the
 * dominance filter the engine had before (a staircase for three parties, a scan of every kept
 * point for four), kept in `scan-filter.ts`, where it finishes within the bench's time. The bench
 * stops with an error if the two frontiers differ in size, or if a small case differs in size
 * from brute force.
 */
import { computeFrontier } from "../src/engine/frontier.js";
import { compileScenario, outcomeCount } from "../src/engine/model.js";
import { bruteForceFrontierN } from "./bruteforce.js";
import { generateScenario } from "./generate.js";
import type { BenchOutput } from "./negotiation.js";
import { ScanFilter } from "./scan-filter.js";
import { formatInt, formatMs, formatOutcomes, formatRatio, table, time } from "./timing.js";

interface Case {
  readonly parties: number;
  readonly issues: number;
  readonly options: number;
  readonly agreeableOnly: boolean;
  /** Run the earlier filter too (it takes seconds to minutes past these sizes). */
  readonly baseline: "quick" | "full" | "never";
  /** Check the size against brute force (small spaces only). */
  readonly brute?: boolean;
  readonly targetMs?: number;
}

const CASES: readonly Case[] = [
  { parties: 3, issues: 6, options: 10, agreeableOnly: false, baseline: "quick", brute: true },
  { parties: 3, issues: 10, options: 10, agreeableOnly: false, baseline: "quick" },
  { parties: 3, issues: 15, options: 10, agreeableOnly: false, baseline: "quick", targetMs: 200 },
  { parties: 4, issues: 4, options: 10, agreeableOnly: false, baseline: "quick", brute: true },
  { parties: 4, issues: 5, options: 10, agreeableOnly: false, baseline: "quick" },
  { parties: 4, issues: 6, options: 10, agreeableOnly: false, baseline: "quick" },
  { parties: 4, issues: 7, options: 10, agreeableOnly: false, baseline: "full" },
  { parties: 4, issues: 8, options: 10, agreeableOnly: false, baseline: "never", targetMs: 10_000 },
  { parties: 4, issues: 6, options: 10, agreeableOnly: true, baseline: "quick" },
  { parties: 4, issues: 7, options: 10, agreeableOnly: true, baseline: "quick" },
  { parties: 4, issues: 8, options: 10, agreeableOnly: true, baseline: "never", targetMs: 1000 },
];

export function multiPartySection(out: BenchOutput, quick: boolean): void {
  out.say("## 15. Three and four parties at scale (computeFrontier, opposed; the dominance filter of three or more parties)");
  out.say();
  const rows: string[][] = [];
  for (const c of CASES) {
    const model = compileScenario(generateScenario({ parties: c.parties, family: "opposed", issues: c.issues, options: c.options }));
    const outcomes = outcomeCount(model);
    const slow = c.parties > 3 && outcomes >= 10n ** 8n;
    // --quick: the 4-party 10^8 cases once (a second or two each), the agreeable part after a warm-up (the whole one warmed the JIT).
    const options =
      slow && quick
        ? { warmup: c.agreeableOnly ? 1 : 0, minReps: 1, maxReps: 1 }
        : { warmup: slow ? 1 : 2, minReps: quick || slow ? 3 : 7, maxReps: quick ? 9 : 31, budgetMs: quick ? 300 : 1500 };
    const engine = time(() => computeFrontier(model, { agreeableOnly: c.agreeableOnly }).size, options);
    let baseline = "—";
    let speedUp = "—";
    if (c.baseline === "quick" || (c.baseline === "full" && !quick)) {
      const run = () =>
        computeFrontier(model, { agreeableOnly: c.agreeableOnly, workBudget: Infinity, multiPartyFilter: (n) => new ScanFilter(n) }).size;
      // Seconds per run for four parties past 10^6 outcomes (past 10^4 with --quick): one run.
      const once = c.parties > 3 && outcomes >= (quick ? 10n ** 5n : 10n ** 7n);
      const old = once ? time(run, { warmup: 0, minReps: 1, maxReps: 1 }) : time(run, { ...options, warmup: 1 });
      if (old.result !== engine.result) throw new Error(`${c.parties} parties ${c.issues}×${c.options}: engine ${engine.result} points, earlier filter ${old.result}`);
      baseline = `${formatMs(old.median)} (n=${old.reps})`;
      const ratio = old.median / engine.median;
      speedUp = ratio < 10 ? `${ratio.toFixed(1)}×` : formatRatio(ratio);
    } else if (c.baseline === "full") {
      baseline = "full run only";
    } else {
      baseline = "not run (minutes)";
    }
    if (c.brute) {
      const brute = bruteForceFrontierN(model);
      if (brute.points !== engine.result) throw new Error(`${c.parties} parties ${c.issues}×${c.options}: engine ${engine.result} points, brute force ${brute.points}`);
      baseline += ", brute-force size ✓";
    }
    const part = c.agreeableOnly ? "agreeable" : "whole";
    const target =
      c.targetMs === undefined
        ? ""
        : `<${formatMs(c.targetMs)}: ${out.verdict(
            `${c.parties}-party ${formatOutcomes(outcomes)} opposed frontier${c.agreeableOnly ? " (agreeable part)" : ""} < ${formatMs(c.targetMs)}`,
            formatMs(engine.median),
            engine.median < c.targetMs,
          )}`;
    rows.push([
      String(c.parties),
      `${c.issues} × ${c.options}`,
      formatOutcomes(outcomes),
      part,
      formatInt(engine.result),
      `${formatMs(engine.median)} (n=${engine.reps})`,
      baseline,
      speedUp,
      target,
    ]);
    process.stderr.write(".");
  }
  process.stderr.write("\n");
  out.say(table(["parties", "issues × options", "outcomes", "part", "frontier points", "engine (median)", "earlier filter (median)", "speed-up", "target"], rows));
  out.say();
  out.say(
    "The earlier filter (`bench/scan-filter.ts`, passed as `multiPartyFilter`) is the one the engine had before: a staircase " +
      "searched by bisection for three parties, and for four a scan of every kept point (quadratic in the frontier). It runs with " +
      "no work budget; the 4-party 7 × 10 whole frontier only in a full run, and not at 8 × 10, where it was stopped after 300 s. " +
      "Its frontier must have the same size as the engine's (the bench stops otherwise); the smallest cases are checked against brute force.",
  );
  out.say();
}
