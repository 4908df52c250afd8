/**
 * What the CLI runs to start: --version and --help run commander and the commands'
 * definitions, never zod, ink, React or mathjs (their implementations run in their actions).
 * The bundle (one file, scripts/bundle.mjs) wraps each module in a function named after the
 * module's path, called on the module's first import; the built CLI runs under V8's coverage
 * (NODE_V8_COVERAGE), and the wrappers it called are the modules that ran. A package left
 * outside the bundle (React, Ink, mathjs) shows up as a script of its own.
 * No timing is asserted here (the bench's section 13 times the start-up).
 */
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, CLI_TEST_TIMEOUT_MS, ROOT, cliEnv, exitOf, withCliSlot } from "./run.js";

const folder = mkdtempSync(join(tmpdir(), "mutual-gains-startup-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Coverage {
  result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[];
}

/** A bundled module's wrapper is named after its path from the project's root. */
const MODULE_PATH = /^(dist|node_modules)\//;

/**
 * The modules the built CLI ran for `args` (paths from the project's root; a script outside the
 * bundle by its own path), whether the bundle itself ran, and the exit code.
 */
async function modulesRun(args: string[], name: string): Promise<{ status: number; bundleRan: boolean; modules: string[] }> {
  const coverage = join(folder, name);
  return withCliSlot(async () => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cliEnv({ NODE_V8_COVERAGE: coverage }), stdio: "ignore" });
    const status = await exitOf(child, args);
    const scripts = readdirSync(coverage).flatMap((file) => (JSON.parse(readFileSync(join(coverage, file), "utf8")) as Coverage).result);
    const bundle = scripts.filter((script) => /\/dist\/bundle\/program-[0-9a-f]+\.cjs$/.test(script.url));
    const ran = bundle.flatMap((script) => script.functions.filter((fn) => MODULE_PATH.test(fn.functionName) && fn.ranges[0].count > 0));
    const outside = scripts.filter((script) => script.url.startsWith("file:") && !bundle.includes(script)).map((script) => fileURLToPath(script.url));
    return { status, bundleRan: bundle.length > 0, modules: [...ran.map((fn) => fn.functionName), ...outside] };
  });
}

const HEAVY = ["zod", "ink", "react", "mathjs"];
const inPackage = (name: string) => (source: string) => /(^|\/)node_modules\//.test(source) && source.includes(`node_modules/${name}/`);

describe.concurrent("start-up", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it.each([["--version"], ["--help"], ["analyze", "--help"], ["play", "--help"]])("%s %s runs no zod, ink, React or mathjs", async (...args) => {
    const { status, bundleRan, modules } = await modulesRun(args, args.join("_").replace(/\W/g, ""));
    expect(status).toBe(0);
    // The bundle and commander ran: an empty list would pass for the wrong reason.
    expect(bundleRan).toBe(true);
    expect(modules.some(inPackage("commander"))).toBe(true);
    for (const name of HEAVY) expect(modules.filter(inPackage(name)), name).toEqual([]);
  });

  it("a command runs its implementation (and zod) when it runs", async () => {
    const { status, modules } = await modulesRun(["validate", "scenarios/hospital-it-platform.json"], "validate");
    expect(status).toBe(0);
    expect(modules).toContain("dist/src/cli/commands/validate.js");
    expect(modules).not.toContain("dist/src/cli/commands/analyze.js");
    expect(modules.some(inPackage("zod"))).toBe(true);
  });

  it("analyze of a built-in takes the scenario checked at build time (no zod); of any other file, the loader", async () => {
    const builtin = (await modulesRun(["analyze", "hospital-it-platform"], "analyze_builtin")).modules;
    expect(builtin).toContain("dist/src/cli/commands/analyze.js");
    expect(builtin).toContain("dist/src/scenario/checked.js");
    expect(builtin.filter(inPackage("zod"))).toEqual([]);
    const copy = join(folder, "copy.json");
    copyFileSync(join(ROOT, "scenarios", "hospital-it-platform.json"), copy);
    const other = await modulesRun(["analyze", copy], "analyze_copy");
    expect(other.status).toBe(0);
    expect(other.modules.some(inPackage("zod"))).toBe(true);
  });
});
