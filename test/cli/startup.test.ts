/**
 * What the CLI loads to start: --version and --help read commander and the commands'
 * definitions, never zod, ink, React or mathjs (their implementations load in their actions).
 * The built CLI (the bundle `bin` names) runs under a module hook that writes every module it
 * loads to a file; a chunk of the bundle stands for the modules it holds (dist/bundle/inputs.json,
 * written by scripts/bundle.mjs). No timing is asserted here (the bench's section 13 times the start-up).
 */
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, CLI_TEST_TIMEOUT_MS, ROOT, cliEnv, exitOf, withCliSlot } from "./run.js";

const folder = mkdtempSync(join(tmpdir(), "mutual-gains-startup-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// The hook runs on the loader's thread: it appends each loaded module's URL to the file its data names.
writeFileSync(
  join(folder, "hooks.mjs"),
  `import { appendFileSync } from "node:fs";
let file;
export function initialize(data) { file = data.file; }
export async function load(url, context, next) {
  appendFileSync(file, url + "\\n");
  return next(url, context);
}
`,
);

/** What each file of the bundle holds: its modules, as paths from the project's root. */
const BUNDLED = JSON.parse(readFileSync(join(dirname(BIN), "inputs.json"), "utf8")) as Record<string, string[]>;

/**
 * The modules behind the URLs the CLI loaded: a file of the bundle stands for the modules it
 * holds; anything else (a package left outside the bundle, such as React) for itself.
 */
function sources(urls: readonly string[]): string[] {
  return urls.flatMap((url) => {
    if (!url.startsWith("file:")) return [url];
    const path = fileURLToPath(url);
    return dirname(path) === dirname(BIN) ? (BUNDLED[basename(path)] ?? [path]) : [path];
  });
}

/** The URLs of the modules the built CLI loads for `args`, and its exit code. */
async function loadedModules(args: string[], name: string): Promise<{ status: number; modules: string[] }> {
  const file = join(folder, `${name}.txt`);
  writeFileSync(file, "");
  const register = join(folder, `${name}.mjs`);
  writeFileSync(
    register,
    `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(join(folder, "hooks.mjs")).href)}, { data: { file: ${JSON.stringify(file)} } });\n`,
  );
  return withCliSlot(async () => {
    const child = spawn(process.execPath, ["--import", pathToFileURL(register).href, BIN, ...args], { cwd: ROOT, env: cliEnv(), stdio: "ignore" });
    const status = await exitOf(child, args);
    return { status, modules: readFileSync(file, "utf8").split("\n").filter(Boolean) };
  });
}

const HEAVY = ["zod", "ink", "react", "mathjs"];
const inPackage = (name: string) => (source: string) => /(^|\/)node_modules\//.test(source) && source.includes(`node_modules/${name}/`);

describe.concurrent("start-up", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it.each([["--version"], ["--help"], ["analyze", "--help"], ["play", "--help"]])("%s %s loads no zod, ink, React or mathjs", async (...args) => {
    const { status, modules: urls } = await loadedModules(args, args.join("_").replace(/\W/g, ""));
    expect(status).toBe(0);
    const modules = sources(urls);
    // The hook saw the program itself and commander: an empty list would pass for the wrong reason.
    expect(urls.some((url) => url === pathToFileURL(BIN).href)).toBe(true);
    expect(modules).toContain("dist/src/cli/main.js");
    expect(modules.some(inPackage("commander"))).toBe(true);
    for (const name of HEAVY) expect(modules.filter(inPackage(name)), name).toEqual([]);
  });

  it("a command loads its implementation (and zod) when it runs", async () => {
    const { status, modules: urls } = await loadedModules(["validate", "scenarios/hospital-it-platform.json"], "validate");
    expect(status).toBe(0);
    const modules = sources(urls);
    expect(modules).toContain("dist/src/cli/commands/validate.js");
    expect(modules).not.toContain("dist/src/cli/commands/analyze.js");
    expect(modules.some(inPackage("zod"))).toBe(true);
  });

  it("analyze of a built-in takes the scenario checked at build time (no zod); of any other file, the loader", async () => {
    const builtin = sources((await loadedModules(["analyze", "hospital-it-platform"], "analyze_builtin")).modules);
    expect(builtin).toContain("dist/src/cli/commands/analyze.js");
    expect(builtin).toContain("dist/src/scenario/checked.js");
    expect(builtin.filter(inPackage("zod"))).toEqual([]);
    const copy = join(folder, "copy.json");
    copyFileSync(join(ROOT, "scenarios", "hospital-it-platform.json"), copy);
    const other = await loadedModules(["analyze", copy], "analyze_copy");
    expect(other.status).toBe(0);
    expect(sources(other.modules).some(inPackage("zod"))).toBe(true);
  });
});
