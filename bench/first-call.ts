/**
 * A fresh process's first two-party frontier at 10^7 outcomes (bench section 14, cold part).
 *
 * Each measurement is a new node process that loads the engine, builds the model and times only
 * its first call, three ways:
 * - importing the built ES modules (dist/src), as a library user would: every function the call
 *   reaches is compiled to bytecode during it (V8 compiles lazily);
 * - as the CLI runs it: one CommonJS file run through node:vm with V8's code cache of an earlier
 *   process (the loader of scripts/cli-loader.cjs), so the functions come compiled;
 * - importing the ES modules with --no-lazy --always-sparkplug: every function compiled to
 *   bytecode as its module loads and to baseline code on its first call.
 * Beside them, the first k-way merge (the previous algorithm) and the least a fresh process pays
 * before a WebAssembly function has run at all (an empty module compiled, instantiated and its
 * function called once), the floor of any merge moved to WebAssembly.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildSync } from "esbuild";
import type { Family } from "./generate.js";
import type { BenchOutput } from "./negotiation.js";
import { formatMs, median, table } from "./timing.js";

const TARGET_FIRST_MS = 0.3;

interface FirstCall {
  /** The first call, ms. */
  readonly first: number;
  /** The median of the next 15 calls, ms. */
  readonly warm: number;
}

/** The timed part, the same in every child: `load()` gives the three functions. */
const TIMED = `
const model = compileScenario(generateScenario({ parties: 2, family, issues: 7, options: 10 }));
const run = kwayFrontier ? () => kwayFrontier(model) : () => computeFrontier(model);
let t0 = performance.now();
run();
const first = performance.now() - t0;
const warm = [];
for (let k = 0; k < 15; k++) { t0 = performance.now(); run(); warm.push(performance.now() - t0); }
warm.sort((x, y) => x - y);
`;

const ES_MODULE_CHILD = `
const [engine, generate, kway, family, which] = process.argv.slice(1);
const { computeFrontier } = await import(engine + "/frontier.js");
const { compileScenario } = await import(engine + "/model.js");
const { generateScenario } = await import(generate);
// Only what the call needs is loaded: more modules would move the first garbage collection into it.
const kwayFrontier = which === "kway" ? (await import(kway)).kwayFrontier : undefined;
${TIMED}
process.stdout.write(JSON.stringify({ first, warm: warm[7] }));
`;

/** The CLI's loader (scripts/cli-loader.cjs), reduced: the program with the cache if there is one, a new cache written after the call when there was none. */
const CACHED_CHILD = `
const { existsSync, readFileSync, writeFileSync } = require("node:fs");
const { wrap } = require("node:module");
const { Script } = require("node:vm");
const [program, cacheFile, family] = process.argv.slice(1);
const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
const script = new Script(wrap(readFileSync(program, "utf8")), { filename: program, cachedData });
const module = { exports: {} };
script.runInThisContext().call(module.exports, module.exports, require, module, program, __dirname);
const { computeFrontier, compileScenario, generateScenario } = module.exports;
const kwayFrontier = undefined;
${TIMED}
if (cachedData === undefined) writeFileSync(cacheFile, script.createCachedData());
process.stdout.write(JSON.stringify({ first, warm: warm[7], rejected: script.cachedDataRejected === true }));
`;

/** (module (func (export "f") (result i32) (i32.const 0))): the smallest module with a function to call. */
const EMPTY_MODULE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 127, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 6, 1, 4, 0, 65, 0, 11];

const WASM_CHILD = `
const t0 = performance.now();
const instance = new WebAssembly.Instance(new WebAssembly.Module(Uint8Array.from(${JSON.stringify(EMPTY_MODULE)})), {});
instance.exports.f();
const first = performance.now() - t0; // before process.stdout, whose first use costs a millisecond
process.stdout.write(JSON.stringify({ first, warm: 0 }));
`;

/** V8 flags that take compiling out of the first call (see the header). */
const PRECOMPILED = ["--no-lazy", "--always-sparkplug"];

function child(args: readonly string[], cwd: string): FirstCall & { rejected?: boolean } {
  const result = spawnSync(process.execPath, args, { cwd, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`first-call child failed: ${(result.stderr ?? "").split("\n")[0]}`);
  return JSON.parse(result.stdout) as FirstCall & { rejected?: boolean };
}

/** The engine's modules and the generator as one CommonJS file, as scripts/bundle.mjs makes the CLI's program. */
function bundleEngine(root: string, folder: string): string {
  const dist = join(root, "dist");
  const outfile = join(folder, "engine.cjs");
  buildSync({
    stdin: {
      contents: [
        `export { computeFrontier } from ${JSON.stringify(join(dist, "src", "engine", "frontier.js"))};`,
        `export { compileScenario } from ${JSON.stringify(join(dist, "src", "engine", "model.js"))};`,
        `export { generateScenario } from ${JSON.stringify(join(dist, "bench", "generate.js"))};`,
      ].join("\n"),
      resolveDir: root,
    },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    outfile,
    external: ["mathjs", "mathjs/*"],
    logLevel: "error",
  });
  return outfile;
}

export function firstCallTable(out: BenchOutput, root: string, quick: boolean): void {
  const url = (path: string) => pathToFileURL(join(root, "dist", path)).href;
  const esModules = (family: Family, which: "engine" | "kway", flags: readonly string[] = []) =>
    child([...flags, "--input-type=module", "-e", ES_MODULE_CHILD, url("src/engine"), url("bench/generate.js"), url("bench/kway-merge.js"), family, which], root);
  const folder = mkdtempSync(join(tmpdir(), "mutual-gains-first-call-"));
  try {
    const program = bundleEngine(root, folder);
    const processes = quick ? 7 : 15;
    const rows: string[][] = [];
    for (const family of ["opposed", "independent"] as Family[]) {
      const cacheFile = join(folder, `${family}.cache`);
      const cached = () => child(["-e", CACHED_CHILD, program, cacheFile, family], root);
      esModules(family, "engine"); // warms the OS file cache
      cached(); // writes the code cache
      const engine: FirstCall[] = [];
      const kway: FirstCall[] = [];
      const fromCache: FirstCall[] = [];
      const precompiled: number[] = [];
      for (let k = 0; k < processes; k++) {
        engine.push(esModules(family, "engine"));
        kway.push(esModules(family, "kway"));
        const run = cached();
        if (run.rejected) throw new Error("V8 rejected the first-call child's code cache");
        fromCache.push(run);
        precompiled.push(esModules(family, "engine", PRECOMPILED).first);
      }
      const first = (runs: readonly FirstCall[]) => `${formatMs(median(runs.map((r) => r.first)))} (then ${formatMs(median(runs.map((r) => r.warm)))})`;
      const judged = median(fromCache.map((r) => r.first));
      rows.push([
        family,
        first(engine),
        first(fromCache),
        formatMs(median(precompiled)),
        first(kway),
        `<${TARGET_FIRST_MS} ms: ${out.verdict(`first computeFrontier at 10^7 in a fresh process < ${TARGET_FIRST_MS} ms (${family})`, formatMs(judged), judged < TARGET_FIRST_MS)}`,
      ]);
    }
    const wasm = median(Array.from({ length: processes }, () => child(["-e", WASM_CHILD], root).first));
    out.say(
      table(
        [
          "family (7 × 10: 10^7)",
          "first computeFrontier, ES modules (median)",
          "as the CLI runs it: code cache (median)",
          `ES modules, ${PRECOMPILED.join(" ")}`,
          "first k-way merge, ES modules",
          "target (judged: code cache)",
        ],
        rows,
      ),
    );
    out.say();
    out.say(
      `${processes} fresh processes of each kind, started in turn; each builds the model and times only its first call, in brackets the ` +
        "median of its next 15 (interpreter and baseline code, before the optimising compiler). ES modules: the built engine imported, " +
        "every function the call reaches compiled to bytecode during it. Code cache: the engine bundled into one CommonJS file and run " +
        "through node:vm with V8's cache of an earlier process, as the CLI's loader runs its program (scripts/cli-loader.cjs); judged, " +
        `because that is the fresh process a user starts. ${PRECOMPILED.join(" ")}: every function compiled as its module loads and in ` +
        `baseline code from its first call. A fresh process's first WebAssembly call (an empty module compiled, instantiated and its ` +
        `function called once) takes ${formatMs(wasm)} before any work: the floor of a merge moved to WebAssembly.`,
    );
    out.say();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
