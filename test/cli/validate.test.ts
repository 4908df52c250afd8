/** `validate`: exit codes, file:line:column diagnostics without stack traces, several files, --json. */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CLI_TEST_TIMEOUT_MS, SCENARIOS, STACK_LINE, expectUserError, run } from "./run.js";

// Paths relative to the package root (the working directory of run()), as a user types them.
const DIR = "test/fixtures/cli";
const VALID = [`${DIR}/two-party.json`, `${DIR}/three-party.json`, `${DIR}/no-agreement.json`];
const SYNTAX = `${DIR}/broken-syntax.json`;
const SCHEMA = `${DIR}/broken-schema.json`;

interface ValidateJson {
  valid: boolean;
  files: {
    file: string;
    diagnostics: { severity: string; file: string; line: number; column: number; path: string; message: string; frame?: string }[];
  }[];
}

describe.concurrent("validate", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it("valid files: exit 0 and one ok line each", async () => {
    const result = await run(["validate", ...VALID]);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout.trim().split("\n")).toEqual(VALID.map((file) => `${file}: ok`));
  });

  it("a file with only warnings is valid: exit 0, the warning at file:line:column", async () => {
    const result = await run(["validate", `${DIR}/warning-only.json`]);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toMatch(/^test\/fixtures\/cli\/warning-only\.json:\d+:\d+: warning: parties\[0\]\.batna: /m);
  });

  it("a broken file: exit 1, file:line:column and a code frame, no stack trace", async () => {
    const result = await run(["validate", SYNTAX]);
    expectUserError(result);
    expect(result.stdout).toMatch(/^test\/fixtures\/cli\/broken-syntax\.json:4:3: error: /m);
    expect(result.stdout).toMatch(/^> 4 \| {3}"story"/m);
    expect(result.output).not.toMatch(STACK_LINE);
  });

  it("several files, mixed: exit 1 and every problem of every file reported", async () => {
    const result = await run(["validate", VALID[0], SYNTAX, SCHEMA, VALID[1]]);
    expectUserError(result);
    const headers = result.stdout.split("\n").filter((line) => /^\S+(: ok|:\d+:\d+: )/.test(line));
    expect(headers).toEqual([
      `${VALID[0]}: ok`,
      expect.stringMatching(/^test\/fixtures\/cli\/broken-syntax\.json:4:3: error: /),
      `${SCHEMA}:9:79: error: parties[0].weights.price: expected a number of 0 or more, got "a lot"`,
      `${SCHEMA}:12:48: error: parties[1].values.price.high: expected a number from 0 to 100, got 150`,
      `${VALID[1]}: ok`,
    ]);
  });

  it("--json: { valid, files: [{ file, diagnostics: [{ severity, file, line, column, path, message, frame }] }] }", async () => {
    const result = await run(["validate", VALID[0], SCHEMA, "--json"]);
    expectUserError(result);
    const json = JSON.parse(result.stdout) as ValidateJson;
    expect(json.valid).toBe(false);
    expect(json.files.map((entry) => entry.file)).toEqual([VALID[0], SCHEMA]);
    expect(json.files[0].diagnostics).toEqual([]);
    expect(json.files[1].diagnostics).toEqual([
      {
        severity: "error",
        file: SCHEMA,
        line: 9,
        column: 79,
        path: "parties[0].weights.price",
        message: expect.stringContaining("a number"),
        frame: expect.stringContaining('"a lot"'),
      },
      {
        severity: "error",
        file: SCHEMA,
        line: 12,
        column: 48,
        path: "parties[1].values.price.high",
        message: expect.stringContaining("100"),
        frame: expect.stringContaining("150"),
      },
    ]);
  });

  it("--json of valid files: valid true, exit 0", async () => {
    const result = await run(["validate", ...VALID, `${DIR}/warning-only.json`, "--json"]);
    expect(result.status, result.output).toBe(0);
    const json = JSON.parse(result.stdout) as ValidateJson;
    expect(json.valid).toBe(true);
    expect(json.files).toHaveLength(4);
    expect(json.files[3].diagnostics.map((d) => d.severity)).toEqual(["warning"]);
  });

  it("a file that does not exist is reported like any other problem, and the other files are still checked", async () => {
    const result = await run(["validate", `${DIR}/does-not-exist.json`, `${DIR}/two-party.json`]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${DIR}/does-not-exist.json:1:1: error: cannot read scenario file ${DIR}/does-not-exist.json: no such file or folder`);
    expect(result.stdout).toContain(`${DIR}/two-party.json: ok`);
    expect(result.output).not.toContain("    at ");
  });

  it("the built-in scenarios are valid", async () => {
    const files = readdirSync(SCENARIOS)
      .filter((name) => name.endsWith(".json") && !name.endsWith(".schema.json"))
      .map((name) => `scenarios/${name}`);
    if (files.length === 0) return;
    const result = await run(["validate", ...files]);
    expect(result.status, result.output).toBe(0);
  });

  // The JSON Schema ships beside the scenarios, so the help's example glob meets it: validate skips it.
  it("the help's own example `validate scenarios/*.json` passes on the shipped scenarios", async () => {
    const help = await run(["validate", "--help"]);
    expect(help.stdout).toContain("$ mutual-gains validate scenarios/*.json");
    const expanded = readdirSync(SCENARIOS)
      .filter((name) => name.endsWith(".json"))
      .sort()
      .map((name) => `scenarios/${name}`);
    const result = await run(["validate", ...expanded]);
    const errors = result.stdout.split("\n").filter((line) => line.includes(": error: "));
    expect(errors).toEqual([]);
    expect(result.status).toBe(0);
  });
});
