/**
 * `batch merge` writes the format its --out names (JSON Lines shards into a .csv: the CSV of an
 * unsharded run, byte for byte), refuses shards of different batches and a file it would replace
 * that is not a batch's, and checks its --out before merging.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI_TEST_TIMEOUT_MS, expectUserError, run } from "../cli/run.js";

const folder = mkdtempSync(join(tmpdir(), "mutual-gains-merge-cli-"));
const file = (name: string) => join(folder, name);

/** 2 scenarios × 2 × 2 pairings × 2 seats × 2 runs = 32 negotiations. */
const PLAN = ["batch", "hospital-it-platform", "rd-consortium", "--strategies", "logroller,hardliner", "--vs", "logroller,random", "--runs", "2", "--workers", "1"];

async function batch(args: string[], out: string): Promise<void> {
  const result = await run([...args, "--out", out]);
  expect(result.status, result.stderr).toBe(0);
}

const shards = (format: string) => [0, 1, 2].map((i) => file(`part-${i}.${format}`));

beforeAll(async () => {
  await Promise.all([
    batch(PLAN, file("whole.csv")),
    batch(PLAN, file("whole.jsonl")),
    ...["csv", "jsonl"].flatMap((format) => shards(format).map((shard, i) => batch([...PLAN, "--shard", `${i}/3`], shard))),
  ]);
}, CLI_TEST_TIMEOUT_MS);

describe.concurrent("batch merge", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it.each([
    ["jsonl", "csv"],
    ["csv", "jsonl"],
    ["csv", "csv"],
  ])("%s shards into a .%s file: the unsharded run's bytes in that format", async (from, to) => {
    const out = file(`merged-${from}-to.${to}`);
    const result = await run(["batch", "merge", ...shards(from), "--out", out]);
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(out).equals(readFileSync(file(`whole.${to}`)))).toBe(true);
  });

  it("to standard output in the shards' format", async () => {
    const result = await run(["batch", "merge", ...shards("jsonl")]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(readFileSync(file("whole.jsonl"), "utf8"));
  });

  /** The plan with one flag's value changed. */
  const withFlag = (flag: string, value: string) => PLAN.map((arg, k) => (PLAN[k - 1] === flag ? value : arg));

  it.each([
    ["another --seed", [...PLAN, "--seed", "other"], /odd-another---seed\.csv, line 2: task 1 was run with --seed "other", the rows of .*part-0\.csv with --seed "0"/],
    ["other --runs", withFlag("--runs", "3"), /odd-other---runs\.csv, line 3: task 4 is seat 1, run 1, where the tasks before it \(--runs 2\) put seat 0, run 0/],
    ["another --vs", withFlag("--vs", "random,logroller"), /odd-another---vs\.csv, line 2: task 1 is hospital-it-platform, logroller vs random, but task 0 of the same pairing \(.*part-0\.csv, line 2\) is hospital-it-platform, logroller vs logroller/],
    ["other scenarios", PLAN.map((arg) => (arg === "rd-consortium" ? "sustainable-supply" : arg)), /task 17 is rd-consortium, .* but task 16 of the same pairing \(.*odd-other-scenarios\.csv, line 7\) is sustainable-supply/],
  ])("refuses a shard of a batch with %s, naming both files", async (name, plan, message) => {
    const odd = file(`odd-${name.replaceAll(" ", "-")}.csv`);
    await batch([...plan, "--shard", "1/3"], odd);
    const result = await run(["batch", "merge", shards("csv")[0], odd, shards("csv")[2], "--out", file(`refused-${name.replaceAll(" ", "-")}.csv`)]);
    expectUserError(result);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/these are not the shards of one batch/);
  });

  it("refuses shards of different formats", async () => {
    const result = await run(["batch", "merge", shards("csv")[0], shards("jsonl")[1], shards("csv")[2]]);
    expectUserError(result);
    expect(result.stderr).toMatch(/part-1\.jsonl is jsonl but .*part-0\.csv is csv: merge files of one format/);
  });

  it("replaces a row file, but refuses to replace anything else, whatever its last byte", async () => {
    const previous = file("previous.csv");
    writeFileSync(previous, readFileSync(shards("csv")[0]));
    expect((await run(["batch", "merge", ...shards("csv"), "--out", previous])).status).toBe(0);
    expect(readFileSync(previous).equals(readFileSync(file("whole.csv")))).toBe(true);

    for (const [name, content] of [
      ["notes.csv", "Quarterly budget: do not delete"],
      ["notes-line.csv", "Quarterly budget: do not delete\n"],
      ["events.jsonl", '{"event":"kick-off"}\n'],
    ]) {
      const out = file(name);
      writeFileSync(out, content);
      const result = await run(["batch", "merge", ...shards("csv"), "--out", out]);
      expectUserError(result);
      expect(result.stderr).toContain(`${out} exists and is not a row file of mutual-gains batch, so it is left as it is`);
      expect(readFileSync(out, "utf8")).toBe(content);
    }
  });

  it.each([
    ["an extension that names no format", () => file("rows.txt"), /cannot tell the format of .*rows\.txt from its extension: name it \.csv or \.jsonl\.$/m],
    ["a folder", () => (mkdirSync(file("folder.csv")), file("folder.csv")), /cannot write .*folder\.csv: it is a folder/],
    ["a missing folder", () => file("missing/rows.csv"), /the folder .*missing does not exist/],
  ])("refuses --out %s before merging", async (_, target, message) => {
    const result = await run(["batch", "merge", ...shards("csv"), "--out", target()]);
    expectUserError(result);
    expect(result.stderr).toMatch(message);
  });

  it("refuses a shard that is a folder or not a row file, with its name", async () => {
    mkdirSync(file("shard-folder"));
    for (const [input, message] of [
      [file("shard-folder"), /cannot read .*shard-folder: it is a folder/],
      [file("whole.csv").replace("whole.csv", "notes-input.csv"), /notes-input\.csv is not the output of mutual-gains batch/],
    ] as const) {
      if (input.endsWith("notes-input.csv")) writeFileSync(input, "a,b\n1,2\n");
      const result = await run(["batch", "merge", input, shards("csv")[1]]);
      expectUserError(result);
      expect(result.stderr).toMatch(message);
    }
  });
});
