/**
 * Batches over partnerships (src/batch/partnership.ts): a row's stages recomputed here from
 * runPartnership's phases, the row's totals, rows of single-stage scenarios untouched beside
 * them, the CSV stage columns read back exactly, the per-stage summary, and through the built
 * binary the same bytes whatever --workers or --shard.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { negotiate } from "../../src/batch/negotiate.js";
import { type PlanSpec, planSize, taskAt } from "../../src/batch/plan.js";
import type { BatchRow } from "../../src/batch/row.js";
import { formatRow, parseRow } from "../../src/batch/rowfile.js";
import { loadStatistics, partnershipTable, summarise } from "../../src/batch/summary.js";
import { analyzeScenario } from "../../src/engine/analysis.js";
import { compileScenario, packageFromRecord, packageUtility } from "../../src/engine/model.js";
import { runPartnership } from "../../src/negotiation/partnership/run.js";
import { ScenarioSchema } from "../../src/scenario/schema.js";
import { CLI_TEST_TIMEOUT_MS, run } from "../cli/run.js";
import { builtin } from "../negotiation/support.js";
import { smallPartnership } from "../partnership/fixture.js";

const partnership = ScenarioSchema.parse(smallPartnership());
const STYLES = ["logroller", "hardliner", "boulware", "conceder"];
/** 4 × 4 pairings × 2 seats × 2 runs = 64 partnerships; seed "p" gives completed, no-agreement and dissolved ones. */
const SPEC: PlanSpec = { scenarios: [partnership], strategies: STYLES, opponents: STYLES, runs: 2, seed: "p" };
const ROWS = Array.from({ length: planSize(SPEC) }, (_, index) => negotiate(SPEC, index));
const SEATS = partnership.parties.map((party) => party.id);

/** The stages a partnership reached, scored here from its phases: utility of the agreement in force, BATNA without one or for a party that walked away. */
function reachedStages(index: number) {
  const task = taskAt(SPEC, index);
  const partnershipRun = runPartnership({ scenario: partnership, styles: task.strategies, seed: task.seed });
  const last = partnershipRun.phases[partnershipRun.phases.length - 1];
  return partnershipRun.phases
    .filter((phase) => phase.kind === "stage" && phase.scenario.parties.length >= 2)
    .map((phase) => {
      const model = compileScenario(phase.scenario);
      const outcome = phase.session?.outcome;
      const dissolvedHere = partnershipRun.waiting.kind === "ended" && partnershipRun.waiting.reason === "dissolved" && phase === last;
      const agreement = dissolvedHere ? null : phase.agreement;
      const utilities: (number | null)[] = SEATS.map(() => null);
      phase.scenario.parties.forEach((party, p) => {
        const walkedAway = outcome?.kind === "walk-away" && outcome.by === p;
        utilities[SEATS.indexOf(party.id)] = agreement && !walkedAway ? packageUtility(model, p, packageFromRecord(model, { ...agreement })) : model.batnas[p];
      });
      const gain = phase.scenario.parties.reduce((sum, party, p) => sum + utilities[SEATS.indexOf(party.id)]! - model.batnas[p], 0);
      return { stage: phase.stage, agreement, utilities, gain, max: analyzeScenario(model).maxJointGain ?? 0 };
    });
}

describe("a partnership's row", () => {
  it("scores every stage the partnership reached as recomputed from runPartnership's phases", () => {
    let reachedCount = 0;
    ROWS.forEach((row, index) => {
      expect(row.stages).toHaveLength(3);
      for (const expected of reachedStages(index)) {
        reachedCount++;
        const stage = row.stages![expected.stage];
        expect(stage.agreement).toEqual(expected.agreement);
        expected.utilities.forEach((utility, seat) => (utility === null ? expect(stage.utilities[seat]).toBeNull() : expect(stage.utilities[seat]).toBeCloseTo(utility, 9)));
        expect(stage.jointGain).toBeCloseTo(expected.gain, 9);
        expect(stage.maxJointGain).toBeCloseTo(expected.max, 9);
        expect(stage.share).toBeCloseTo(expected.max > 0 ? expected.gain / expected.max : 0, 9);
      }
    });
    expect(reachedCount).toBeGreaterThan(ROWS.length * 2);
  });

  it("scores the stages after an early end at the BATNAs, and sums the stages into the row", () => {
    for (const row of ROWS) {
      const stages = row.stages!;
      const reached = new Set(reachedStages(row.task).map((stage) => stage.stage));
      for (const stage of stages.filter((candidate) => !reached.has(candidate.stage))) {
        expect(stage.agreement).toBeNull();
        expect(stage.jointGain).toBe(0);
        expect(stage.maxJointGain).toBeGreaterThan(0);
        // The fixture's BATNAs: Alpha 25 (40 after a stage-3 event), Beta 25, Gamma 20.
        stage.utilities.forEach((utility, seat) => utility !== null && expect([[25, 40], [25], [20]][seat]).toContain(utility));
      }
      SEATS.forEach((_, seat) => expect(row.utilities[seat]).toBeCloseTo(stages.reduce((sum, stage) => sum + (stage.utilities[seat] ?? 0), 0), 9));
      const gain = stages.reduce((sum, stage) => sum + stage.jointGain, 0);
      expect(row.jointGain).toBeCloseTo(gain, 9);
      expect(row.shareOfMaxJointGain).toBeCloseTo(gain / stages.reduce((sum, stage) => sum + stage.maxJointGain, 0), 9);
      expect(row.agreement).toBe(row.end === "completed");
      expect(row.outcome === "agreement").toBe(row.end === "completed");
    }
    expect(new Set(ROWS.map((row) => row.end))).toEqual(new Set(["completed", "no-agreement", "dissolved"]));
  });

  it("holds what a known partnership did: Alpha walked away in the second stage and is out of the third", () => {
    // Task 4: logroller, hardliner, logroller. Gamma joined at stage 1, Alpha walked away from its renegotiation.
    const row = ROWS[4];
    expect(row.strategies).toEqual(["logroller", "hardliner", "logroller"]);
    expect(row.end).toBe("completed");
    expect(row.stages!.map((stage) => stage.utilities.map((utility) => utility !== null))).toEqual([
      [true, true, false],
      [true, true, true],
      [false, true, true],
    ]);
    // Alpha's BATNA for the stage it walked away in; Gamma under the agreement in force, below its BATNA of 20.
    expect(row.stages![1].utilities[0]).toBe(25);
    expect(row.stages![1].utilities[2]).toBeCloseTo(17.5, 9);
    expect(row.ambition).toBe("yours");
    expect(row.stages![2].agreement).toEqual({ budget: "high", staff: "none", facility: "no", region: "wide" });
    expect(formatRow("jsonl", row)).toContain('"utilities":[75,224.52381,80],"jointUtility":379.52381,"jointGain":214.52381,"shareOfMaxJointGain":0.493617');
  });

  it("is read back from CSV and JSON Lines exactly as written", () => {
    for (const row of ROWS) {
      const csv = formatRow("csv", row, 3);
      const jsonl = formatRow("jsonl", row);
      expect(formatRow("jsonl", parseRow("csv", csv.trimEnd(), 3))).toBe(jsonl);
      expect(formatRow("csv", parseRow("jsonl", jsonl.trimEnd()), 3)).toBe(csv);
      expect(formatRow("csv", row, 4)).toBe(`${csv.trimEnd()},,,,,\n`);
    }
    expect(() => parseRow("csv", formatRow("csv", ROWS[0], 3).trimEnd())).toThrow(/fields instead of 13/);
    expect(() => formatRow("csv", ROWS[0])).toThrow(/without stage columns/);
  });
});

describe("a batch with partnership and single-stage scenarios", () => {
  it("writes the single-stage rows as a batch without partnerships does", () => {
    const hospital = builtin("hospital-it-platform");
    const alone: PlanSpec = { scenarios: [hospital], strategies: ["logroller", "hardliner"], opponents: ["conceder"], runs: 2, seed: "m" };
    const mixed: PlanSpec = { ...alone, scenarios: [hospital, partnership] };
    for (let index = 0; index < planSize(alone); index++) {
      const row = negotiate(mixed, index);
      expect(row).not.toHaveProperty("stages");
      expect(formatRow("jsonl", row)).toBe(formatRow("jsonl", negotiate(alone, index)));
      // 2 + 3 × 5 empty partnership columns.
      expect(formatRow("csv", row, 3)).toBe(`${formatRow("csv", negotiate(alone, index)).trimEnd()}${",".repeat(17)}\n`);
      expect(formatRow("jsonl", parseRow("csv", formatRow("csv", row, 3).trimEnd(), 3))).toBe(formatRow("jsonl", row));
    }
    expect(negotiate(mixed, planSize(alone)).end).toBeDefined();
  });
});

describe("the partnership summary", () => {
  const row = (task: number, strategies: string[], stages: [(number | null)[], (number | null)[]], agreed: [boolean, boolean]): BatchRow => {
    const utilities = strategies.map((_, seat) => (stages[0][seat] ?? 0) + (stages[1][seat] ?? 0));
    return {
      task,
      scenario: "p",
      strategies,
      seed: `s${task}`,
      agreement: agreed[1],
      outcome: agreed[1] ? "agreement" : "walk-away",
      rounds: 10,
      utilities,
      jointUtility: utilities.reduce((a, b) => a + b, 0),
      jointGain: 10,
      shareOfMaxJointGain: task / 10,
      distanceToFrontier: 0,
      distanceToNash: 0,
      ambition: null,
      end: agreed[1] ? "completed" : "dissolved",
      stages: stages.map((utilities, stage) => ({ stage, agreement: agreed[stage] ? { i: "o" } : null, utilities, jointGain: 5, maxJointGain: 10, share: stage === 0 ? 0.5 : 0.25 })),
    };
  };

  it("gives each strategy its own utility per stage over the seats in the stage, and in total", async () => {
    await loadStatistics();
    const summary = summarise([
      row(1, ["x", "y", "x"], [[40, 30, null], [50, 20, 60]], [true, true]),
      row(2, ["y", "x", "y"], [[10, 70, null], [25, 25, 20]], [true, false]),
      // The third seat never played: it counts in no mean.
      row(3, ["x", "y", "x"], [[20, 10, null], [30, 5, null]], [true, false]),
    ]);
    const x = summary.partnerships!.find((group) => group.strategy === "x")!;
    expect(x.count).toBe(3);
    expect(x.stages[0].utility).toMatchObject({ n: 3, mean: (40 + 70 + 20) / 3 });
    expect(x.stages[1].utility).toMatchObject({ n: 4, mean: (50 + 60 + 25 + 30) / 4 });
    expect(x.utility).toMatchObject({ n: 4, mean: (90 + 60 + 95 + 50) / 4 });
    expect(x.stages.map((stage) => stage.agreement.successes)).toEqual([3, 1]);
    expect(x.completed.successes).toBe(1);
    expect(x.shareOfMaxJointGain.mean).toBeCloseTo(0.2, 12);
    const y = summary.partnerships!.find((group) => group.strategy === "y")!;
    expect(y.utility).toMatchObject({ n: 4, mean: (50 + 35 + 20 + 15) / 4 });
    // The strategy table skips the seat that never played too.
    expect(summary.strategies.find((group) => group.strategy === "x")!.utility.n).toBe(4);

    const { header, rows } = partnershipTable(summary, "p");
    expect(header).toEqual([
      "rank", "strategy", "own utility, total", "joint-gain share", "completed",
      "stage 0 utility", "stage 0 agreement", "stage 0 share", "stage 1 utility", "stage 1 agreement", "stage 1 share", "partnerships",
    ]);
    expect(rows.map((cells) => cells[1])).toEqual(["x", "y"]);
    expect(rows[0][6]).toBe("100.0%");
    expect(rows[0][9]).toBe("33.3%");
  });

  it("is left out of a summary of single-stage rows", async () => {
    await loadStatistics();
    const single = { ...row(1, ["x", "y"], [[1, 2], [3, 4]], [true, true]) };
    delete single.ambition;
    delete single.end;
    delete single.stages;
    expect(summarise([single])).not.toHaveProperty("partnerships");
  });
});

describe.concurrent("batch over a partnership scenario (built binary)", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  const folder = mkdtempSync(join(tmpdir(), "mutual-gains-batch-partnership-"));
  const file = (name: string) => join(folder, name);
  const scenarioFile = file("small-partnership.json");
  /** Two scenarios, one a partnership: 2 × 2 × 10 pairings × 2 seats × 2 runs = 160 tasks. */
  const plan = () => ["batch", scenarioFile, "hospital-it-platform", "--strategies", "logroller,hardliner", "--runs", "2", "--seed", "cli"];
  const batch = async (args: string[]) => {
    const result = await run([...plan(), ...args]);
    expect(result.status, result.stderr).toBe(0);
    return result;
  };

  beforeAll(async () => {
    writeFileSync(scenarioFile, JSON.stringify(smallPartnership()));
    await Promise.all([
      batch(["--workers", "1", "--out", file("w1.jsonl")]),
      batch(["--workers", "1", "--out", file("w1.csv")]),
      ...[0, 1].map((i) => batch(["--workers", "2", "--shard", `${i}/2`, "--out", file(`part-${i}.jsonl`)])),
      ...[0, 1].map((i) => batch(["--workers", "2", "--shard", `${i}/2`, "--out", file(`part-${i}.csv`)])),
    ]);
  }, CLI_TEST_TIMEOUT_MS);

  it("writes the same bytes with 1 and 2 workers", async () => {
    const [jsonl, csv] = await Promise.all([batch(["--workers", "2", "--format", "jsonl"]), batch(["--workers", "2", "--format", "csv"])]);
    expect(jsonl.stdout).toBe(readFileSync(file("w1.jsonl"), "utf8"));
    expect(csv.stdout).toBe(readFileSync(file("w1.csv"), "utf8"));
    const lines = csv.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(161);
    expect(lines[0]).toMatch(/,distanceToNash,ambition,end,stage0\.agreement,stage0\.utilities,.*,stage2\.share$/);
  });

  it.each([
    ["jsonl", "jsonl"],
    ["jsonl", "csv"],
    ["csv", "jsonl"],
    ["csv", "csv"],
  ])("merges %s shards into the unsharded run's .%s file", async (from, to) => {
    const out = file(`merged-${from}.${to}`);
    const result = await run(["batch", "merge", file(`part-0.${from}`), file(`part-1.${from}`), "--out", out]);
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(out).equals(readFileSync(file(`w1.${to}`)))).toBe(true);
  });

  it("summarises the partnership per stage and in total for every strategy", async () => {
    const result = await batch(["--workers", "2"]);
    const rows = readFileSync(file("w1.jsonl"), "utf8").trimEnd().split("\n").map((line) => JSON.parse(line) as BatchRow).filter((row) => row.stages);
    expect(rows).toHaveLength(80);
    expect(result.stdout).toContain("Partnership small-partnership: strategies, best first by mean own utility over all its stages (80 partnerships):");
    // The logroller's stage-0 agreement rate, as the rows give it.
    const logroller = rows.filter((row) => row.strategies.includes("logroller"));
    const rate = (100 * logroller.filter((row) => row.stages![0].agreement !== null).length) / logroller.length;
    expect(result.stdout).toMatch(/stage 0 utility\s+stage 0 agreement\s+stage 0 share/);
    expect(result.stdout.split("\n").filter((text) => /^\s+\d+\s+logroller\s/.test(text)).some((text) => text.includes(` ${rate.toFixed(1)}% `))).toBe(true);
  });
});
