/**
 * A standard output that cannot take what is written (a full disk, `> /dev/full`) ends every
 * command with one line on stderr and exit 1: no stack trace, no "internal error". A reader
 * that closes the pipe early stays a quiet exit 0 (general.test.ts).
 */
import { closeSync, existsSync, openSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CLI_TEST_TIMEOUT_MS, exitOf, fixture, spawnCli, tail, withCliSlot } from "./run.js";

/** Runs the CLI with its standard output on /dev/full. */
function toFullDevice(args: string[]): Promise<{ status: number; stderr: string }> {
  return withCliSlot(async () => {
    const full = openSync("/dev/full", "w");
    try {
      const child = spawnCli(args, {}, ["ignore", full, "pipe"]);
      let stderr = "";
      child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      const status = await exitOf(child, args, { output: () => tail("stderr", stderr) });
      return { status, stderr };
    } finally {
      closeSync(full);
    }
  });
}

describe.runIf(existsSync("/dev/full")).concurrent("standard output on a full device", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  const domain = fixture("genius_domain.xml");
  const commands = [
    ["schema"],
    ["analyze", "hospital-it-platform"],
    ["analyze", "rd-consortium", "--json"],
    ["validate", fixture("two-party.json")],
    ["import", "genius", domain, fixture("genius_buyer.xml"), fixture("genius_seller.xml")],
    ["batch", "hospital-it-platform", "--runs", "1", "--workers", "1"],
    ["batch", "hospital-it-platform", "--runs", "5", "--format", "csv", "--workers", "1"],
    ["batch", "hospital-it-platform", "--runs", "1", "--format", "json", "--workers", "1"],
    ["--help"],
  ];
  it.each(commands.map((args) => [args.join(" "), args] as const))("%s: one line on stderr, exit 1", async (_, args) => {
    const { status, stderr } = await toFullDevice(args);
    expect(status, stderr).toBe(1);
    const lines = stderr.split("\n").filter((line) => line !== "" && !line.startsWith("batch: "));
    expect(lines).toEqual(["mutual-gains: cannot write standard output: the disk is full"]);
  });
});
