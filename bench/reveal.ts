/**
 * Hidden terms revealed mid-game: revealInFrontier on a 10^10-outcome scenario (2 parties,
 * 10 issues × 10 options), each issue in turn locked to its first option and then revealed,
 * against a baseline in the same process: computeFrontier on the revealed model, which the
 * reveal replaces. The bench stops with an error if the two frontiers differ in size.
 */
import { computeFrontier, revealInFrontier } from "../src/engine/frontier.js";
import { compileScenario, withAvailability } from "../src/engine/model.js";
import { type Family, generateScenario } from "./generate.js";
import type { BenchOutput } from "./negotiation.js";
import { formatInt, formatMs, formatRatio, median, table, time } from "./timing.js";

const TARGET_MS = 20;

export function revealSection(out: BenchOutput, quick: boolean): void {
  out.say("## 11. Revealing a hidden issue (revealInFrontier, 2 parties, 10 issues × 10 options: 10^10 outcomes)");
  out.say();
  const options = { warmup: 3, minReps: quick ? 9 : 25, maxReps: quick ? 51 : 501, budgetMs: quick ? 100 : 500 };
  const rows: string[][] = [];
  for (const family of ["opposed", "independent"] as Family[]) {
    const model = compileScenario(generateScenario({ parties: 2, family, issues: 10, options: 10 }));
    const full = time(() => computeFrontier(model).size, options);
    const medians: number[] = [];
    let slowest = { issue: -1, ms: 0, before: 0 };
    for (let issue = 0; issue < model.issueCount; issue++) {
      const mask = new Uint8Array(model.totalOptions).fill(1);
      mask.fill(0, model.issueOffsets[issue] + 1, model.issueOffsets[issue] + model.optionCounts[issue]);
      const hidden = computeFrontier(withAvailability(model, mask));
      const reveal = time(() => revealInFrontier(hidden, model, issue).size, options);
      if (reveal.result !== full.result) {
        throw new Error(`reveal of issue ${issue} (${family}): ${reveal.result} points, computeFrontier ${full.result}`);
      }
      medians.push(reveal.median);
      if (reveal.median > slowest.ms) slowest = { issue, ms: reveal.median, before: hidden.size };
    }
    rows.push([
      family,
      `${formatInt(slowest.before)} → ${formatInt(full.result)}`,
      `${formatMs(median(medians))} (${formatMs(slowest.ms)}, issue ${slowest.issue})`,
      `${formatMs(full.median)} (n=${full.reps})`,
      formatRatio(full.median / median(medians)),
      `<${TARGET_MS} ms: ${out.verdict(`reveal of a 10-option issue at 10^10 < ${TARGET_MS} ms (${family})`, formatMs(slowest.ms), slowest.ms < TARGET_MS)}`,
    ]);
  }
  out.say(
    table(
      ["family", "frontier points (hidden → revealed)", "reveal: median over the 10 issues (slowest)", "computeFrontier (median)", "speed-up", "target"],
      rows,
    ),
  );
  out.say();
  out.say(
    "Each issue in turn is locked to its first option (an availability mask), its frontier computed untimed, then its " +
      "other nine options revealed: one merge of the whole frontier with the nine shifted copies, against folding all ten issues again. " +
      "Each issue's figure is a median of repetitions; the target applies to the slowest issue.",
  );
  out.say();
}
