/**
 * `mutual-gains batch` through the built binary (worker threads run dist/src/batch/worker.js):
 * the same bytes whatever --workers or --shard, resuming after a kill, the CSV, the summary,
 * an expectation about the strategies that can fail, and the user errors.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_TEST_TIMEOUT_MS, expectUserError, run, spawnCli, withCliSlot } from "../cli/run.js";
import { waitFor } from "../support/wait.js";

const folder = mkdtempSync(join(tmpdir(), "mutual-gains-batch-cli-"));
const file = (name: string) => join(folder, name);

/** A two- and a three-party scenario, three styles (one stochastic) against all ten: 2 × 30 pairings × 2 seats × 2 runs. */
const PLAN = ["batch", "hospital-it-platform", "rd-consortium", "--strategies", "hardliner,logroller,random", "--runs", "2", "--seed", "cli"];
const PLAN_SIZE = 240;

async function batch(args: string[]) {
  const result = await run([...PLAN, ...args]);
  expect(result.status, result.stderr).toBe(0);
  return result;
}

/** A CSV record split into fields (RFC 4180, written here independently of the program's reader). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  const pattern = /(?:^|,)(?:"((?:[^"]|"")*)"|([^,"]*))/g;
  for (const match of line.matchAll(pattern)) fields.push(match[1] !== undefined ? match[1].replaceAll('""', '"') : match[2]);
  return fields;
}

describe.concurrent("batch", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it("writes the same bytes with 1, 2 and 3 workers", async () => {
    const [, , three] = await Promise.all([
      batch(["--workers", "1", "--out", file("workers-1.csv")]),
      batch(["--workers", "2", "--out", file("workers-2.csv")]),
      batch(["--workers", "3", "--format", "csv"]),
    ]);
    const one = readFileSync(file("workers-1.csv"));
    expect(one.toString().split("\n")).toHaveLength(1 + PLAN_SIZE + 1);
    expect(readFileSync(file("workers-2.csv")).equals(one)).toBe(true);
    expect(three.stdout).toBe(one.toString());
  });

  it.each(["csv", "jsonl"])("merges shards (%s) into exactly the unsharded file", async (format) => {
    const shards = [0, 1, 2].map((i) => file(`shard-${i}-of-3.${format}`));
    // The shards as a job array would write them: to stdout, redirected.
    const [, ...outputs] = await Promise.all([
      batch(["--out", file(`unsharded.${format}`)]),
      ...shards.map((_, i) => batch(["--shard", `${i}/3`, "--format", format, "--workers", "1"])),
    ]);
    shards.forEach((shard, i) => writeFileSync(shard, outputs[i].stdout));
    const merged = file(`merged.${format}`);
    const result = await run(["batch", "merge", shards[2], shards[0], shards[1], "--out", merged]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Strategies, best first/);
    expect(readFileSync(merged).equals(readFileSync(file(`unsharded.${format}`)))).toBe(true);

    const missing = await run(["batch", "merge", shards[0], shards[2]]);
    expectUserError(missing);
    expect(missing.stderr).toContain("task 1 is in none of the files");
  });

  it("resumes a killed run and ends with the bytes of an uninterrupted one", async () => {
    // 12 800 negotiations of the fast win-lose styles: about a second, 2 MB of rows, killed after the first 256 kB.
    const args = ["batch", "hospital-it-platform", "sustainable-supply", "--family", "win-lose", "--runs", "200", "--workers", "1"];
    const killed = file("killed.csv");
    const size = () => statSync(killed, { throwIfNoEntry: false })?.size ?? 0;
    // The child holds a slot like any CLI run, until it is killed.
    const partial = await withCliSlot(async () => {
      const child = spawnCli([...args, "--out", killed], {}, "ignore");
      let exit: string | undefined;
      const exited = new Promise<void>((resolve) => child.on("exit", (code, signal) => ((exit = signal ?? `exit ${code}`), resolve())));
      await waitFor(() => exit !== undefined || size() > 256_000, {
        intervalMs: 10,
        message: () => `${killed} to pass 256 kB (it has ${size()} bytes)`,
      });
      child.kill("SIGKILL");
      await exited;
      expect(exit, "the run ended before it could be killed").toBe("SIGKILL");
      return size();
    });

    const [resumed, clean] = await Promise.all([
      run([...args, "--out", killed]),
      run([...args, "--out", file("clean.csv"), "--workers", "2"]),
    ]);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(clean.status, clean.stderr).toBe(0);
    const expected = readFileSync(file("clean.csv"));
    expect(partial, "the run was killed before it finished").toBeLessThan(expected.length);
    expect(resumed.stderr).toMatch(/negotiations are already in the output file; continuing/);
    expect(readFileSync(killed).equals(expected)).toBe(true);
  });

  it("writes a CSV that opens cleanly: one header, quoted seeds, numbers where numbers belong", async () => {
    const result = await batch(["--format", "csv", "--seed", 'a "quoted", seed']);
    const lines = result.stdout.split("\n");
    expect(lines.pop()).toBe("");
    const header = csvFields(lines[0]);
    expect(header).toEqual([
      "task", "scenario", "strategies", "seed", "agreement", "outcome", "rounds", "utilities",
      "jointUtility", "jointGain", "shareOfMaxJointGain", "distanceToFrontier", "distanceToNash",
    ]);
    expect(lines).toHaveLength(1 + PLAN_SIZE);
    lines.slice(1).forEach((line, task) => {
      const record = Object.fromEntries(csvFields(line).map((value, k) => [header[k], value]));
      expect(Object.keys(record)).toHaveLength(header.length);
      expect(record.task).toBe(String(task));
      expect(record.seed).toMatch(/^a "quoted", seed\|/);
      expect(["true", "false"]).toContain(record.agreement);
      expect(record.utilities.split("|")).toHaveLength(record.strategies.split("|").length);
      for (const name of ["rounds", "jointUtility", "jointGain", "shareOfMaxJointGain", "distanceToFrontier", "distanceToNash"]) {
        expect(Number.isFinite(Number(record[name])), `${name} of task ${task}`).toBe(true);
      }
    });
    expect(result.stderr).toMatch(new RegExp(`^batch: ${PLAN_SIZE} negotiations in`, "m"));
  });

  it("prints the ranked tables by default and the summary as JSON on request, with nothing else on stdout", async () => {
    const [tables, json] = await Promise.all([batch([]), batch(["--format", "json"])]);
    expect(tables.stdout).toMatch(new RegExp(`^Strategies, best first by mean own utility \\(${PLAN_SIZE} negotiations`));
    expect(tables.stdout).toContain("\nPairings, best first");
    const { summary, ranking } = JSON.parse(json.stdout) as { summary: { rows: number; strategies: unknown[] }; ranking: string[] };
    expect(summary.rows).toBe(PLAN_SIZE);
    expect(ranking).toHaveLength(10);
    expect(tables.stdout.split("\n")[2]).toContain(ranking[0]);
  });

  it("with --out, --format json or table picks the summary printed beside the rows written to the file", async () => {
    const [json, tables] = await Promise.all([
      run([...PLAN, "--out", "rows-json.csv", "--format", "json"], { cwd: folder }),
      run([...PLAN, "--out", "rows-tables.jsonl", "--format", "table"], { cwd: folder }),
    ]);
    expect(json.status, json.stderr).toBe(0);
    expect((JSON.parse(json.stdout) as { summary: { rows: number } }).summary.rows).toBe(PLAN_SIZE);
    expect(readFileSync(join(folder, "rows-json.csv"), "utf8").trim().split("\n")).toHaveLength(1 + PLAN_SIZE);
    expect(tables.status, tables.stderr).toBe(0);
    expect(tables.stdout).toMatch(/^Strategies, best first/);
    expect(tables.stdout).toContain("\nPairings, best first");
    const rows = readFileSync(join(folder, "rows-tables.jsonl"), "utf8").trim().split("\n");
    expect(rows).toHaveLength(PLAN_SIZE);
    expect(JSON.parse(rows[0])).toMatchObject({ task: 0 });
  });

  it("hardliner against logroller: the hardliner takes more, and they agree far less often than two logrollers", async () => {
    const result = await run([
      "batch", "hospital-it-platform", "sustainable-supply", "--strategies", "hardliner,logroller", "--vs", "hardliner,logroller",
      "--runs", "40", "--format", "jsonl",
    ]);
    expect(result.status, result.stderr).toBe(0);
    const rows = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as { strategies: string[]; utilities: number[]; agreement: boolean });
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const mixed = rows.filter((row) => new Set(row.strategies).size === 2);
    const own = (style: string) => mean(mixed.map((row) => row.utilities[row.strategies.indexOf(style)]));
    const agreementRate = (selection: typeof rows) => mean(selection.map((row) => (row.agreement ? 1 : 0)));
    const logrollers = rows.filter((row) => row.strategies.every((style) => style === "logroller"));
    expect(mixed).toHaveLength(320);
    // Measured: hardliner 59.0, logroller 46.5 points; agreement 50 % against 100 % for two logrollers.
    expect(own("hardliner") - own("logroller")).toBeGreaterThan(5);
    expect(agreementRate(mixed)).toBeLessThan(0.75);
    expect(agreementRate(logrollers)).toBeGreaterThan(0.95);
  });

  it("has help with examples for batch and batch merge", async () => {
    for (const command of [["batch"], ["batch", "merge"]]) {
      const result = await run([...command, "--help"]);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`Usage: mutual-gains ${command.join(" ")} [options]`);
      expect(result.stdout).toMatch(new RegExp(`\\nExamples:\\n(  \\$ mutual-gains ${command.join(" ")} .*\\n)+`));
    }
  });

  it.each([
    [["--strategies", "hardliner,logroler"], /unknown strategy "logroler" — did you mean "logroller"/],
    [["--vs", "nobody"], /--vs: unknown strategy "nobody"/],
    [["--shard", "2/2"], /--shard expects i\/n/],
    [["--shard", "one/two"], /--shard expects i\/n/],
    [["--runs", "0"], /--runs/],
    [["--out", "rows.txt"], /cannot tell the format of rows\.txt/],
    [["--seed", "a\nb"], /--seed must not contain control characters/],
  ])("refuses %j with exit 1 and a message", async (args, message) => {
    const result = await run([...PLAN, ...args], { cwd: folder });
    expectUserError(result);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
  });
});
