/**
 * `batch --out` never loses what it did not write: files of other content or other batches are
 * refused and left byte for byte as they were, whatever their last byte; the lock refuses a second
 * run on the same file and is taken over from a run that died; an unusable location is refused
 * before any work; and a run killed anywhere (by SIGKILL or SIGTERM, before its header, in a row,
 * between rows) resumes to exactly the bytes of an uninterrupted run.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI_TEST_TIMEOUT_MS, type RunResult, expectUserError, run, spawnCli, withCliSlot } from "../cli/run.js";
import { waitFor } from "../support/wait.js";

const folder = mkdtempSync(join(tmpdir(), "mutual-gains-out-safety-"));
const file = (name: string) => join(folder, name);

/** 2 scenarios × 4 × 4 pairings × 2 seats × 3 runs = 192 quick negotiations. */
const SMALL = ["batch", "hospital-it-platform", "sustainable-supply", "--family", "win-lose", "--runs", "3", "--workers", "1"];
/** 12 800 negotiations of the same styles: about a second, 2 MB of CSV, long enough to be caught mid-run. */
const LARGE = ["batch", "hospital-it-platform", "sustainable-supply", "--family", "win-lose", "--runs", "200", "--workers", "1"];

/** What an uninterrupted run writes, computed once per plan. */
const clean = new Map<string[], Buffer>();

beforeAll(async () => {
  for (const plan of [SMALL, LARGE]) {
    const out = file(`clean-${plan === SMALL ? "small" : "large"}.csv`);
    const result = await run([...plan, "--out", out]);
    expect(result.status, result.stderr).toBe(0);
    clean.set(plan, readFileSync(out));
  }
}, CLI_TEST_TIMEOUT_MS);

/** A pid that no process has: one of a child that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", "0"], { stdio: "ignore" });
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

/** A refusal: exit 1, a message naming the file, no negotiation run, and the file exactly as it was. */
function expectRefused(result: RunResult, path: string, before: Buffer | undefined, message: RegExp): void {
  expectUserError(result);
  expect(result.stderr).toContain(path);
  expect(result.stderr).toMatch(message);
  expect(result.stderr, "refused before any negotiation").not.toMatch(/^batch: /m);
  if (before) expect(readFileSync(path).equals(before), `${path} was changed`).toBe(true);
  expect(existsSync(`${path}.lock`), "the lock is removed").toBe(false);
}

describe.concurrent("batch --out refuses a file it did not write, whatever its last byte", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  const small = () => clean.get(SMALL)!;
  const cases: [string, () => Buffer, RegExp][] = [
    ["notes without a final line break", () => Buffer.from("Quarterly budget: do not delete"), /line 1: not the CSV header/],
    ["notes with a final line break", () => Buffer.from("Quarterly budget: do not delete\n"), /line 1: not the CSV header/],
    ["a CSV of something else", () => Buffer.from("name,amount\nrent,1200\n"), /line 1: not the CSV header/],
    ["one blank line", () => Buffer.from("\n"), /line 1: not the CSV header/],
    ["binary data without line breaks", () => Buffer.alloc(3 << 20, 7), /longer than 1 MiB/],
    ["this batch's rows, then something else", () => Buffer.concat([small().subarray(0, 500), Buffer.from("x")]), /line \d+: an unfinished line that is not the start/],
    ["this batch's rows with an edited last row", () => Buffer.from(small().toString().replace(/\n[^\n]*\n$/, "\n0,x\n")), /line 193: not a csv row/],
    ["more rows than the batch has", () => Buffer.concat([small(), small().subarray(small().indexOf("\n") + 1)]), /more rows than the job's 192/],
    ["all rows and an unfinished extra line", () => Buffer.concat([small(), Buffer.from("192,hosp")]), /more than the job's 192 rows/],
  ];

  it.each(cases)("%s: refused, left as it was", async (name, content, message) => {
    const path = file(`${name.replaceAll(" ", "-")}.csv`);
    const before = content();
    writeFileSync(path, before);
    expectRefused(await run([...SMALL, "--out", path]), path, before, message);
  });

  it("a file of the same plan with another seed: refused, left as it was", async () => {
    const path = file("other-seed.csv");
    expect((await run([...SMALL, "--seed", "other", "--out", path])).status).toBe(0);
    const before = readFileSync(path);
    truncateSync(path, before.length - 30);
    const cut = readFileSync(path);
    expectRefused(await run([...SMALL, "--out", path]), path, cut, /line 2: seed "other\|/);
  });

  it("a JSON Lines file of something else: refused, left as it was", async () => {
    const path = file("events.jsonl");
    const before = Buffer.from('{"event":"kick-off","at":"09:00"}\n{"event":"lunch"}');
    writeFileSync(path, before);
    expectRefused(await run([...SMALL, "--out", path]), path, before, /line 1: not a jsonl row/);
  });

  it("an empty file holds nothing to lose: it is taken over", async () => {
    const path = file("empty.csv");
    writeFileSync(path, "");
    const result = await run([...SMALL, "--out", path]);
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(path).equals(small())).toBe(true);
  });
});

describe.concurrent("batch --out: an unusable location is refused before any work", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it.each([
    ["a folder where the file should be", () => (mkdirSync(file("a-folder.csv")), file("a-folder.csv")), /it is a folder/],
    ["a folder that does not exist", () => file("missing/rows.csv"), /the folder .*missing does not exist/],
    ["a path through a file", () => (writeFileSync(file("plain.txt"), "x"), file("plain.txt/rows.csv")), /plain\.txt is not a folder/],
    ["a device", () => "/dev/null", /cannot tell the format|not a regular file/],
  ])("%s", async (_, target, message) => {
    const path = target();
    const result = await run([...SMALL, "--out", path, "--format", "csv"]);
    expectUserError(result);
    expect(result.stderr).toContain(path);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/^batch: /m);
  });

  it("a folder without write permission", async () => {
    const locked = file("read-only");
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    chmodSync(folder, 0o755);
    const path = join(locked, "rows.csv");
    // Root may write anywhere: the run then goes as "nobody", for whom the folder is read-only.
    const user = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
    const result = await run([...SMALL, "--out", path], { user });
    expectUserError(result);
    expect(result.stderr).toContain(`no permission to write in the folder ${locked}`);
    expect(existsSync(path)).toBe(false);
  });
});

describe.concurrent("batch --out: one run at a time per file", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it("a second run on the same --out is refused while the first runs, and the first ends with the clean bytes", async () => {
    const path = file("concurrent.csv");
    // The first run holds a CLI slot while it runs, not while it is stopped and the second one runs.
    const { first, exited } = await withCliSlot(async () => {
      const child = spawnCli([...LARGE, "--out", path], {}, "ignore");
      const ended = endOf(child);
      await waitFor(() => existsSync(`${path}.lock`), { intervalMs: 5, message: `${path}.lock to appear` });
      // Stopped, the first run is sure to hold its lock for as long as the second needs.
      child.kill("SIGSTOP");
      return { first: child, exited: ended };
    });
    try {
      const sizeBefore = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
      const second = await run([...LARGE, "--out", path]);
      expectUserError(second);
      expect(second.stderr).toContain(`${path} is being written by run ${first.pid} on this machine (its lock is ${path}.lock)`);
      expect(statSync(path, { throwIfNoEntry: false })?.size ?? 0, "the second run wrote nothing").toBe(sizeBefore);
    } finally {
      first.kill("SIGCONT");
    }
    expect(await withCliSlot(() => exited)).toBe("exit 0");
    expect(readFileSync(path).equals(clean.get(LARGE)!)).toBe(true);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it("two identical runs started together: one writes, the other is refused or finds nothing left, and the file is the clean one", async () => {
    const path = file("together.csv");
    const results = await Promise.all([run([...SMALL, "--out", path]), run([...SMALL, "--out", path])]);
    for (const result of results) {
      if (result.status !== 0) {
        expectUserError(result);
        expect(result.stderr).toMatch(/is being written by run \d+/);
      }
    }
    expect(results.some((result) => result.status === 0)).toBe(true);
    expect(readFileSync(path).equals(clean.get(SMALL)!)).toBe(true);
  });

  it("a live lock is respected; one of another machine too; one without a pid too", async () => {
    for (const [content, holder] of [
      [`${process.pid} ${hostname()}\n`, `run ${process.pid} on this machine`],
      ["4242 elsewhere.example\n", "run 4242 on elsewhere.example"],
      ["", "another run"],
    ]) {
      const path = file(`locked-${holder.replaceAll(" ", "-")}.csv`);
      writeFileSync(`${path}.lock`, content);
      const result = await run([...SMALL, "--out", path]);
      expectUserError(result);
      expect(result.stderr).toContain(`is being written by ${holder}`);
      expect(result.stderr).toContain(`delete ${path}.lock`);
      expect(existsSync(path)).toBe(false);
      expect(readFileSync(`${path}.lock`, "utf8"), "someone else's lock is left alone").toBe(content);
    }
  });

  it("a stale lock of a run that died is taken over, and removed at the end", async () => {
    const path = file("stale.csv");
    writeFileSync(`${path}.lock`, `${await deadPid()} ${hostname()}\n`);
    const result = await run([...SMALL, "--out", path]);
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(path).equals(clean.get(SMALL)!)).toBe(true);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });
});

describe.concurrent("batch --out: a run killed anywhere resumes to the bytes of an uninterrupted run", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  /** Where a SIGKILL can leave the file (rows are appended in order), each with the dead run's lock. */
  const states: [string, (bytes: Buffer) => number][] = [
    ["no file yet", () => -1],
    ["an empty file, before the header", () => 0],
    ["in the header", () => 10],
    ["after the header", (bytes) => bytes.indexOf("\n") + 1],
    ["in the first row", (bytes) => bytes.indexOf("\n") + 20],
    ["between rows", (bytes) => nthLineEnd(bytes, 50)],
    ["in a row", (bytes) => nthLineEnd(bytes, 120) - 7],
    ["one byte short of the end", (bytes) => bytes.length - 1],
    ["complete", (bytes) => bytes.length],
  ];

  it.each(states)("%s", async (name, cutAt) => {
    const path = file(`state-${name.replaceAll(" ", "-")}.csv`);
    const expected = clean.get(SMALL)!;
    const at = cutAt(expected);
    if (at >= 0) writeFileSync(path, expected.subarray(0, at));
    writeFileSync(`${path}.lock`, `${await deadPid()} ${hostname()}\n`);
    const result = await run([...SMALL, "--out", path]);
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(path).equals(expected), `resumed from ${at} bytes`).toBe(true);
    expectNothingBeside(path);
  });

  /** Real kills: the moment is a condition on the file, the signal SIGKILL or SIGTERM. */
  const kills: [string, NodeJS.Signals, (path: string) => boolean][] = [
    ["SIGKILL as soon as the lock exists", "SIGKILL", (path) => existsSync(`${path}.lock`)],
    ["SIGKILL once rows are written", "SIGKILL", (path) => (statSync(path, { throwIfNoEntry: false })?.size ?? 0) > 200],
    ["SIGKILL after 512 kB", "SIGKILL", (path) => (statSync(path, { throwIfNoEntry: false })?.size ?? 0) > 512_000],
    ["SIGTERM after 256 kB", "SIGTERM", (path) => (statSync(path, { throwIfNoEntry: false })?.size ?? 0) > 256_000],
  ];

  it.each(kills)("%s", async (name, signal, moment) => {
    const path = file(`killed-${name.replaceAll(" ", "-")}.csv`);
    await withCliSlot(async () => {
      const child = spawnCli([...LARGE, "--out", path], {}, "ignore");
      const ended = endOf(child);
      await waitFor(() => moment(path), { intervalMs: 2, message: `the moment to send ${signal} (${name})` });
      child.kill(signal);
      expect(await ended, "the run ended before it could be stopped").toBe(signal);
    });
    const size = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
    const resumed = await run([...LARGE, "--out", path]);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(size, "killed before it finished").toBeLessThan(clean.get(LARGE)!.length);
    expect(readFileSync(path).equals(clean.get(LARGE)!)).toBe(true);
    expectNothingBeside(path);
  });
});

/** The run left nothing beside its output: no lock, no temporary file. */
function expectNothingBeside(path: string): void {
  const name = basename(path);
  expect(readdirSync(folder).filter((entry) => entry.startsWith(name))).toEqual([name]);
}

/** The offset just after the n-th line break. */
function nthLineEnd(bytes: Buffer, n: number): number {
  let at = -1;
  for (let k = 0; k < n; k++) at = bytes.indexOf("\n", at + 1);
  return at + 1;
}

/** How a child ended: its signal, or "exit <code>". */
function endOf(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(signal ?? `exit ${code}`)));
}
