/**
 * The batch runner in process: the plan (task i always the same negotiation, shards partition
 * it, seats and rotation), the distance measures, row files read back exactly as written, and
 * resuming a file cut off in the middle of a line.
 */
import { mkdtempSync, readFileSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { distanceToFrontier, distanceToNash, type Yardstick } from "../../src/batch/measures.js";
import { type BatchJob, negotiate } from "../../src/batch/negotiate.js";
import { type PlanSpec, SEATS, WHOLE_PLAN, parseShard, planSize, resolveStrategies, shardLength, shardTask, taskAt } from "../../src/batch/plan.js";
import { formatRow, parseRow } from "../../src/batch/rowfile.js";
import { runBatch } from "../../src/batch/run.js";
import type { BatchRow } from "../../src/batch/row.js";
import { UserError } from "../../src/errors.js";
import { builtin } from "../negotiation/support.js";

const spec = (overrides: Partial<PlanSpec> = {}): PlanSpec => ({
  scenarios: [builtin("hospital-it-platform"), builtin("rd-consortium")],
  strategies: ["hardliner", "logroller", "random"],
  opponents: ["logroller", "conceder"],
  runs: 3,
  seed: "s",
  ...overrides,
});

describe("plan", () => {
  it("computes task i from i alone: the same seed, scenario and strategies every time", () => {
    const plan = spec();
    expect(planSize(plan)).toBe(2 * 3 * 2 * SEATS * 3);
    const again = spec({ scenarios: [...plan.scenarios] });
    for (let index = 0; index < planSize(plan); index++) {
      const task = taskAt(plan, index);
      expect(task.index).toBe(index);
      expect(taskAt(again, index)).toEqual(task);
      expect(task.seed).toBe(`s|${task.scenario.id}|${task.strategies.join(",")}|${task.seat}|${task.run}`);
    }
    // The layout: scenario, then pairing (strategy-major), then seat, then run.
    expect(taskAt(plan, 0)).toMatchObject({ strategies: ["hardliner", "logroller"], seat: 0, run: 0 });
    expect(taskAt(plan, 3)).toMatchObject({ strategies: ["logroller", "hardliner"], seat: 1, run: 0 });
    expect(taskAt(plan, 6)).toMatchObject({ strategies: ["hardliner", "conceder"], seat: 0, run: 0 });
    expect(taskAt(plan, 36).scenario.id).toBe("rd-consortium");
    expect(() => taskAt(plan, planSize(plan))).toThrow(RangeError);
  });

  it("gives every negotiation its own seed, also in self-play", () => {
    const plan = spec({ strategies: ["logroller"], opponents: ["logroller"] });
    const seeds = Array.from({ length: planSize(plan) }, (_, index) => taskAt(plan, index).seed);
    expect(new Set(seeds).size).toBe(seeds.length);
  });

  it("lets each strategy play each role; with three parties the pair takes the seats in turn", () => {
    const plan = spec({ strategies: ["hardliner"], opponents: ["conceder"], runs: 1 });
    expect([0, 1].map((i) => taskAt(plan, i).strategies)).toEqual([
      ["hardliner", "conceder"],
      ["conceder", "hardliner"],
    ]);
    expect([2, 3].map((i) => taskAt(plan, i).strategies)).toEqual([
      ["hardliner", "conceder", "hardliner"],
      ["conceder", "hardliner", "conceder"],
    ]);
  });

  it("splits into shards that together hold every task once", () => {
    const size = planSize(spec());
    for (const count of [1, 2, 5, size + 3]) {
      const seen: number[] = [];
      for (let index = 0; index < count; index++) {
        const shard = parseShard(`${index}/${count}`);
        for (let k = 0; k < shardLength(size, shard); k++) seen.push(shardTask(shard, k));
      }
      expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: size }, (_, k) => k));
    }
    for (const bad of ["4/4", "1", "-1/3", "a/b", "0/0"]) expect(() => parseShard(bad)).toThrow(UserError);
  });

  it("reads strategy lists, restricted to a family, and refuses unknown ids with a suggestion", () => {
    expect(resolveStrategies("all", "--vs")).toHaveLength(10);
    expect(resolveStrategies("all", "--vs", "win-lose")).toEqual(["hardliner", "boulware", "anchor-and-bluff", "take-it-or-leave-it"]);
    expect(resolveStrategies(" meso, hardliner,meso ", "--vs", "win-win")).toEqual(["meso"]);
    expect(() => resolveStrategies("hardliner", "--vs", "win-win")).toThrow(/no win-win strategy/);
    expect(() => resolveStrategies("logroler", "--strategies")).toThrow(/unknown strategy "logroler" — did you mean "logroller"/);
  });
});

describe("measures", () => {
  // Two parties with ranges 100 and 50; frontier (80, 10), (60, 30), (20, 40); Nash point (60, 30).
  const yardstick: Yardstick = {
    partyCount: 2,
    frontier: Float64Array.of(80, 10, 60, 30, 20, 40),
    nash: Float64Array.of(60, 30),
    ranges: Float64Array.of(100, 50),
  };

  it("distance to the frontier: 0 on it, else the nearest dominating point in range-normalised units", () => {
    expect(distanceToFrontier(yardstick, [60, 30])).toBe(0);
    // (50, 25): dominated by (60, 30), gaps 0.1 and 0.1 → √((0.01 + 0.01) / 2) = 0.1.
    expect(distanceToFrontier(yardstick, [50, 25])).toBeCloseTo(0.1, 12);
    // (70, 5): only (80, 10) dominates it.
    expect(distanceToFrontier(yardstick, [70, 5])).toBeCloseTo(Math.sqrt((0.01 + 0.01) / 2), 12);
    // Nothing dominates (90, 0) or (0, 45): efficient by definition.
    expect(distanceToFrontier(yardstick, [90, 0])).toBe(0);
    expect(distanceToFrontier(yardstick, [0, 45])).toBe(0);
  });

  it("distance to the Nash point: Euclidean over √n × the mean range, 1 without a Nash point", () => {
    expect(distanceToNash(yardstick, [60, 30])).toBe(0);
    expect(distanceToNash(yardstick, [60 + 30, 30 + 40])).toBeCloseTo(50 / (Math.SQRT2 * 75), 12);
    expect(distanceToNash({ ...yardstick, nash: null }, [60, 30])).toBe(1);
  });

  it("a row's measures agree with its outcome", () => {
    const plan = spec();
    for (let index = 0; index < planSize(plan); index += 5) {
      const row = negotiate(plan, index);
      const batnas = taskAt(plan, index).scenario.parties.map((party) => party.batna);
      expect(row.utilities).toHaveLength(batnas.length);
      expect(row.jointUtility).toBeCloseTo(row.utilities.reduce((a, b) => a + b, 0), 9);
      if (row.agreement) {
        expect(row.jointGain).toBeCloseTo(row.jointUtility - batnas.reduce((a, b) => a + b, 0), 9);
        expect(row.shareOfMaxJointGain).toBeGreaterThan(0);
        expect(row.shareOfMaxJointGain).toBeLessThanOrEqual(1 + 1e-9);
      } else {
        expect(row.utilities).toEqual(batnas);
        expect([row.jointGain, row.shareOfMaxJointGain]).toEqual([0, 0]);
      }
      expect(row.distanceToFrontier).toBeGreaterThanOrEqual(0);
      expect(row.distanceToNash).toBeGreaterThanOrEqual(0);
    }
  });
});

describe("row files", () => {
  it("read a CSV or JSONL line back as the row it was written from (numbers as written)", () => {
    const plan = spec({ seed: 'quote " and, comma' });
    for (const index of [0, 7, 40, 71]) {
      const row = negotiate(plan, index);
      for (const format of ["csv", "jsonl"] as const) {
        const line = formatRow(format, row);
        const back = parseRow(format, line.slice(0, -1));
        expect(formatRow(format, back)).toBe(line);
        expect(back).toMatchObject({ task: row.task, seed: row.seed, strategies: row.strategies, agreement: row.agreement });
      }
    }
    expect(() => parseRow("csv", "1,2,3")).toThrow(/fields/);
    expect(() => parseRow("jsonl", "[1]")).toThrow(/not a batch row/);
  });

  it("refuse a line whose fields are not what a batch writes, so that no summary or merge trips over one", () => {
    const good = JSON.parse(formatRow("jsonl", negotiate(spec(), 3))) as Record<string, unknown>;
    const bad: [string, unknown][] = [
      ["task", -1],
      ["task", 1.5],
      ["task", "3"],
      ["scenario", 7],
      ["strategies", "hardliner"],
      ["strategies", ["hardliner"]],
      ["strategies", [1, 2]],
      ["seed", null],
      ["agreement", "true"],
      ["outcome", "won"],
      ["rounds", "3"],
      ["utilities", [1]],
      ["utilities", [1, "2"]],
      ["jointGain", null],
      ["distanceToNash", undefined],
    ];
    for (const [field, value] of bad) {
      const line = JSON.stringify({ ...good, [field]: value });
      expect(() => parseRow("jsonl", line), `${field}: ${JSON.stringify(value)}`).toThrow(new RegExp(`its ${field} is not what a batch writes`));
    }
    expect(() => parseRow("jsonl", "{")).toThrow(/not JSON/);
    expect(() => parseRow("jsonl", "null")).toThrow(/not a batch row/);
    const csv = formatRow("csv", negotiate(spec(), 3)).slice(0, -1);
    expect(() => parseRow("csv", csv.replace(",agreement,", ",won,"))).toThrow(/its outcome/);
  });
});

describe("resume", () => {
  const folder = mkdtempSync(join(tmpdir(), "mutual-gains-batch-"));
  const job = (format: "csv" | "jsonl"): BatchJob => ({ spec: spec(), shard: WHOLE_PLAN, format });
  const quiet = () => ({ advance: () => undefined, finish: () => undefined });

  async function runTo(file: string, format: "csv" | "jsonl", shard = WHOLE_PLAN): Promise<BatchRow[]> {
    const rows: BatchRow[] = [];
    await runBatch({ job: { ...job(format), shard }, workers: 1, rows: { file }, onRow: (row) => rows.push(row), progress: quiet });
    return rows;
  }

  it.each(["csv", "jsonl"] as const)("continues a %s file cut off mid-line to the same bytes, and summarises every row", async (format) => {
    const whole = join(folder, `whole.${format}`);
    const cut = join(folder, `cut.${format}`);
    const rows = await runTo(whole, format);
    expect(rows.map((row) => row.task)).toEqual(Array.from({ length: planSize(spec()) }, (_, k) => k));
    const bytes = readFileSync(whole);
    for (const length of [0, 10, Math.floor(bytes.length / 3), bytes.length - 1, bytes.length]) {
      writeFileSync(cut, bytes.subarray(0, length));
      const seen = await runTo(cut, format);
      expect(readFileSync(cut).equals(bytes), `cut at ${length}`).toBe(true);
      expect(seen).toEqual(rows);
    }
  });

  it("refuses a file of another batch", async () => {
    const file = join(folder, "other.csv");
    await runTo(file, "csv");
    truncateSync(file, statSync(file).size - 30);
    const other = { spec: spec({ seed: "t" }), shard: WHOLE_PLAN, format: "csv" as const };
    await expect(runBatch({ job: other, workers: 1, rows: { file }, progress: quiet })).rejects.toThrow(/is not this batch's output \(line 2: seed .*left as it is/);
    await expect(runTo(file, "jsonl")).rejects.toThrow(/not the CSV header|not a jsonl row/);
    await expect(runTo(file, "csv", parseShard("1/2"))).rejects.toThrow(/task 0 where task 1 was expected/);
  });
});
