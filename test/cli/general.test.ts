/** The program as a whole: help, version, usage errors, `play` without a terminal, NO_COLOR. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ANSI, CLI_TEST_TIMEOUT_MS, ROOT, SCENARIOS, STACK_LINE, exitOf, expectUserError, fixture, run, spawnCli, tail, withCliSlot } from "./run.js";

/** The help text ends with an "Examples:" section whose lines run the command itself. */
function expectHelpWithExamples(stdout: string, command: string): void {
  const usage = command ? `Usage: mutual-gains ${command} [options]` : "Usage: mutual-gains [options] [command]";
  expect(stdout).toContain(usage);
  const examples = stdout.slice(stdout.indexOf("\nExamples:\n"));
  expect(examples, "an Examples: section").toMatch(/^\nExamples:\n/);
  expect(examples).toContain(`  $ mutual-gains ${command}`.trimEnd());
}

describe.concurrent("--help", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it("of the program lists every command, then examples", async () => {
    const result = await run(["--help"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expectHelpWithExamples(result.stdout, "");
    for (const command of ["play", "analyze", "validate", "schema", "import"]) {
      expect(result.stdout).toMatch(new RegExp(`^  ${command}\\b`, "m"));
    }
  });

  it.each([["play"], ["analyze"], ["validate"], ["schema"], ["import", "genius"]])("of %s %s prints usage and examples", async (...command) => {
    const result = await run([...command, "--help"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expectHelpWithExamples(result.stdout, command.join(" "));
  });

  it("is also reached as `help <command>`", async () => {
    const result = await run(["help", "analyze"]);
    expect(result.status).toBe(0);
    expectHelpWithExamples(result.stdout, "analyze");
    expect(result.stdout).toContain("--json");
  });

  it("of import lists the genius converter", async () => {
    const result = await run(["import", "--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ {2}genius \[options\] <domain> <profiles\.\.\.>/m);
  });
});

it.concurrent("--version prints the package's version", { timeout: CLI_TEST_TIMEOUT_MS }, async () => {
  const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  const result = await run(["--version"]);
  expect(result.status).toBe(0);
  expect(result.stdout.trim()).toBe(version);
});

describe.concurrent("usage errors exit 1 without a stack trace", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it("an unknown command", async () => {
    const result = await run(["frobnicate"]);
    expectUserError(result);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
    expect(result.stdout).toBe("");
  });

  it.each([
    [["--frobnicate"]],
    [["analyze", fixture("two-party.json"), "--frobnicate"]],
    [["import", "genius", "a.xml", "b.xml", "c.xml", "--frobnicate"]],
  ])("an unknown option: %j", async (args) => {
    const result = await run(args);
    expectUserError(result);
    expect(result.stderr).toContain("unknown option '--frobnicate'");
    expect(result.stdout).toBe("");
  });

  it.each([
    [["analyze", fixture("two-party.json"), "--lang", "de"], "--lang"],
    [["analyze", fixture("two-party.json"), "--top", "0"], "--top"],
    [["validate"], "missing required argument"],
  ])("a bad or missing argument: %j", async (args, message) => {
    const result = await run(args);
    expectUserError(result);
    expect(result.stderr).toContain(message);
  });

  it("no command at all shows the usage", async () => {
    const result = await run([]);
    expectUserError(result);
    expect(result.output).toContain("Usage: mutual-gains");
  });
});

describe.concurrent("play without a terminal", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it("is a user error that says how to play: in a terminal, or with --moves", async () => {
    const result = await run(["play", fixture("two-party.json")]);
    expectUserError(result);
    expect(result.stderr).toMatch(/needs a terminal/);
    expect(result.stderr).toContain("--moves moves.json");
  });

  it("says so in Dutch", async () => {
    const result = await run(["play", fixture("two-party.json"), "--lang", "nl"]);
    expectUserError(result);
    expect(result.stderr).toMatch(/heeft een terminal nodig/);
  });

  it.runIf(existsSync(join(SCENARIOS, "hospital-it-platform.json")))("also without a scenario argument", async () => {
    const result = await run(["play"]);
    expectUserError(result);
    expect(result.stderr).toMatch(/needs a terminal/);
  });
});

it.concurrent("NO_COLOR: no ANSI escape codes, even when TERM says the terminal has colour", { timeout: CLI_TEST_TIMEOUT_MS }, async () => {
  const env = { TERM: "xterm-256color", COLORTERM: "truecolor" };
  for (const args of [
    ["analyze", fixture("two-party.json")],
    ["validate", fixture("broken-schema.json")],
  ]) {
    const result = await run(args, { env });
    // run() checks both streams too; this keeps the contract visible here.
    expect(result.output).not.toMatch(ANSI);
  }
});

describe.concurrent("a reader that closes the pipe early", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  /** Runs the CLI with its standard output read up to the first chunk, then closed. */
  function firstChunkOnly(args: string[]): Promise<{ status: number | null; first: string; stderr: string }> {
    return withCliSlot(async () => {
      const child = spawnCli(args);
      child.stdin!.end();
      let stderr = "";
      child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      let first = "";
      child.stdout!.setEncoding("utf8").once("data", (chunk: string) => {
        first = chunk;
        child.stdout!.destroy();
      });
      const status = await exitOf(child, args, { output: () => [tail("stdout", first), tail("stderr", stderr)].filter(Boolean).join("\n") });
      return { status, first, stderr };
    });
  }

  it.each([
    ["--help", ["batch", "--help"], "Usage: mutual-gains batch"],
    ["rows", ["batch", "hospital-it-platform", "--format", "csv", "--runs", "500", "--workers", "1"], "task,scenario"],
  ])("ends quietly with exit 0 (%s)", async (_, args, expected) => {
    const { status, first, stderr } = await firstChunkOnly(args);
    expect(first).toContain(expected);
    expect(status).toBe(0);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stderr).not.toContain("EPIPE");
  });
});
