/**
 * Risk benchmark (tip 6): packageRisk of one solar-park package for one party, RISK_DRAWS
 * (10 000) seeded draws of the uncertain quantities, against a baseline in the same process:
 * a plain loop that only draws 10 000 numbers from the same kind of generator (seedrandom),
 * so the ratio shows what evaluating the terms and sorting the outcomes add to the draws.
 * The seeded generator is made inside every timed call, as `analyze` and the builder do.
 */
import seedrandom from "seedrandom";
import { compileScenario, packageFromRecord } from "../src/engine/model.js";
import { RISK_DRAWS, packageRisk } from "../src/engine/risk.js";
import type { Scenario } from "../src/scenario/schema.js";
import type { BenchOutput } from "./negotiation.js";
import { formatMs, table, time } from "./timing.js";

const TARGET_MS = 5;

/** The package the analysis ranks first on the solar park: both clauses, a medium lease, a fund. */
const PACKAGE = { "revenue-split": "price-clause", "cost-overrun": "overrun-clause", lease: "medium", "local-ownership": "fund" };

export function riskSection(out: BenchOutput, builtins: Scenario[], quick: boolean): void {
  out.say("## 9. Risk of a package (packageRisk, 10 000 seeded draws)");
  out.say();
  const scenario = builtins.find((candidate) => candidate.id === "solar-park");
  if (!scenario) {
    out.say("The solar-park scenario is missing (skipped).");
    out.say();
    return;
  }
  const model = compileScenario(scenario);
  const pkg = packageFromRecord(model, PACKAGE);
  const options = { warmup: quick ? 20 : 100, minReps: quick ? 15 : 51, maxReps: quick ? 101 : 1001, budgetMs: quick ? 300 : 2000 };
  let seed = 0;
  const baseline = time(() => {
    const random = seedrandom(`bench/${seed++}`);
    let sum = 0;
    for (let n = 0; n < RISK_DRAWS; n++) sum += random();
    return sum;
  }, options);
  const rows: string[][] = [];
  let slowest = 0;
  model.partyIds.forEach((id, party) => {
    const risk = time(() => packageRisk(model, party, pkg, seedrandom(`bench/${seed++}`)), options);
    slowest = Math.max(slowest, risk.median);
    const r = risk.result;
    rows.push([
      id,
      `${formatMs(risk.median)} (n=${risk.reps})`,
      `${(risk.median / baseline.median).toFixed(1)}×`,
      `${r.mean.toFixed(1)} (${r.p05.toFixed(1)}–${r.p95.toFixed(1)}), ${(100 * r.belowBatna).toFixed(1)}% below BATNA`,
    ]);
  });
  out.say(table(["party", "packageRisk (median)", "vs baseline", "risk: mean (p05–p95)"], rows));
  out.say();
  out.say(
    `Package: ${Object.values(PACKAGE).join(" · ")}. Baseline: a loop drawing ${RISK_DRAWS.toLocaleString("en")} numbers from a fresh seedrandom generator, ` +
      `median ${formatMs(baseline.median)} (n=${baseline.reps}). Slowest party ${formatMs(slowest)} — target < ${formatMs(TARGET_MS)}: ` +
      out.verdict(`risk of a package, ${RISK_DRAWS.toLocaleString("en")} draws < ${formatMs(TARGET_MS)}`, formatMs(slowest), slowest < TARGET_MS),
  );
  out.say();
}
