/**
 * Batch runs over the uncertain solar park (the built binary; worker threads run
 * dist/src/batch/worker.js): the same bytes with one worker and with two, every row of the
 * plan present once, and every row a negotiation on the solar park.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_TEST_TIMEOUT_MS, run } from "../cli/run.js";

const folder = mkdtempSync(join(tmpdir(), "mutual-gains-batch-uncertain-"));
const file = (name: string) => join(folder, name);

async function batch(args: string[]) {
  const result = await run(["batch", "solar-park", "--runs", "2", ...args]);
  expect(result.status, result.stderr).toBe(0);
  return result;
}

describe.concurrent("batch solar-park", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it("writes byte-identical JSON lines with 1 and 2 workers", async () => {
    await Promise.all([batch(["--workers", "1", "--out", file("a.jsonl")]), batch(["--workers", "2", "--out", file("b.jsonl")])]);
    const a = readFileSync(file("a.jsonl"));
    const b = readFileSync(file("b.jsonl"));
    expect(a.length).toBeGreaterThan(0);
    expect(b.equals(a)).toBe(true);
    const rows = a.toString().trimEnd().split("\n").map((line) => JSON.parse(line) as { task: number; scenario: string; strategies: string[]; utilities: number[] });
    // Every task once, in order, each a three-party negotiation on the solar park.
    expect(rows.map((row) => row.task)).toEqual(rows.map((_, k) => k));
    for (const row of rows) {
      expect(row.scenario).toBe("solar-park");
      expect(row.strategies).toHaveLength(3);
      expect(row.utilities).toHaveLength(3);
      for (const u of row.utilities) expect(Number.isFinite(u)).toBe(true);
    }
    // Some negotiations reach a deal.
    expect(rows.some((row) => (row as unknown as { agreement: boolean }).agreement)).toBe(true);
  });

  it("writes byte-identical CSV with 1 and 2 workers", async () => {
    const [one, two] = await Promise.all([batch(["--workers", "1", "--format", "csv"]), batch(["--workers", "2", "--format", "csv"])]);
    expect(one.stdout.length).toBeGreaterThan(0);
    expect(two.stdout).toBe(one.stdout);
  });
});
