// @ts-check
/**
 * Bundles the compiled command line (dist/src, made by tsc) into dist/bundle/:
 *
 * - program-<hash>.cjs, the whole CLI in one CommonJS file, which the `bin` (main.cjs: the loader
 *   scripts/cli-loader.cjs, its names filled in here) runs with V8's code cache of an earlier run;
 * - main.js and its chunks, the same CLI as ES modules with code splitting, for the commands that
 *   import packages published as ES modules with top-level await (Ink for `play`, vega for the
 *   pages of `debrief` and `class`): a CommonJS file cannot require those, and a script run with
 *   a code cache cannot import() on Node 20 (the cached functions lose the import callback);
 * - worker.js, the batch worker (worker threads start it), an ES module of its own.
 *
 * Either way a command's implementation runs only when that command does (a chunk of its own, or
 * in the CommonJS file a module function esbuild calls on the first import). All files sit flat
 * in one folder: `new URL("./worker.js", import.meta.url)` finds the worker and the built-in
 * scenarios are found from any of them (the nearest package.json above). React, Ink, vega and
 * mathjs stay outside the bundle, loaded from node_modules by the commands that need them (play,
 * a page, a formula): Ink and React must be one copy each (the tests render the UI with their own
 * React), and mathjs and @babel/code-frame are loaded on first use through `createRequire`, which
 * esbuild leaves be. Whitespace and syntax are minified, names are not: stack traces of internal
 * errors stay readable.
 *
 * Run by `npm run build` after tsc; takes about a second.
 */
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist", "bundle");

rmSync(outdir, { recursive: true, force: true });
/**
 * string-width makes, when it loads, a regular expression of every emoji sequence (`\p{RGI_Emoji}`,
 * with the v flag), which costs V8 about 10 ms to build: more than the rest of the text report
 * together. It is used only for text that is not plain (wrap.ts measures plain text by its
 * length), so in the bundle it is made on first use. The same expression, made later: the
 * widths are the same. The build fails if string-width no longer has that line. (cli-progress
 * brings an older string-width of its own, without it.)
 */
const RGI_EMOJI = "const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;";
/** @type {import("esbuild").Plugin} */
const lazyEmojiExpression = {
  name: "lazy-emoji-expression",
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, ({ path }) => {
      // The project's own string-width (cli-progress has an older one of its own, without the expression).
      if (path !== join(root, "node_modules", "string-width", "index.js")) return undefined;
      const source = readFileSync(path, "utf8");
      if (source.split(RGI_EMOJI).length !== 2) throw new Error(`${path}: expected the line ${RGI_EMOJI} once`);
      const lazy =
        'let rgiEmojiRegexMade; const rgiEmojiRegex = { test: (text) => (rgiEmojiRegexMade ??= new RegExp("^\\\\p{RGI_Emoji}$", "v")).test(text) };';
      return { contents: source.replace(RGI_EMOJI, lazy), loader: "js" };
    });
  },
};

/** @type {import("esbuild").BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  target: "node20",
  // jsonc-parser's "main" is a UMD build whose requires esbuild cannot follow; its ES build is the same code.
  alias: { "jsonc-parser": "jsonc-parser/lib/esm/main.js" },
  external: ["react", "react/*", "react-dom", "ink", "ink/*", "vega", "vega-lite", "mathjs", "mathjs/*"],
  legalComments: "none",
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: true,
  metafile: true,
  logLevel: "warning",
  plugins: [lazyEmojiExpression],
};
/** ES modules that only import() can load (top-level await): the commands that reach them run as ES modules. */
const IMPORT_ONLY = ["ink", "react", "react/jsx-runtime", "vega", "vega-lite"];
/** The commands whose implementation reaches IMPORT_ONLY packages, by the module of their action. */
const ES_MODULE_COMMANDS = { play: "play.js", debrief: "debrief.js", class: "class.js" };

// Dependencies published as CommonJS (seedrandom, cli-progress, …) call require() for Node's
// built-in modules; in an ES module there is no require() unless one is made.
const esmRequire = { js: 'import { createRequire as __mutualGainsRequire } from "node:module";\nconst require = __mutualGainsRequire(import.meta.url);' };
const esm = await build({ ...common, format: "esm", banner: esmRequire, entryPoints: { main: "dist/src/cli/main.js" }, outdir, entryNames: "[name]", splitting: true, chunkNames: "chunk-[hash]" });
const worker = await build({ ...common, format: "esm", banner: esmRequire, entryPoints: { worker: "dist/src/batch/worker.js" }, outdir, entryNames: "[name]" });

/*
 * The CommonJS program. esbuild wraps every module in a function that runs on its first import,
 * so the commands' implementations, imported in their actions, still run only when theirs does.
 * `import.meta.url` (the modules find the worker, package.json and lazily required packages from
 * it) becomes the program file's URL.
 */
const cjs = await build({
  ...common,
  format: "cjs",
  entryPoints: ["dist/src/cli/main.js"],
  outfile: join(outdir, "program.cjs"),
  define: { "import.meta.url": "__programUrl" },
  banner: { js: 'const __programUrl = require("node:url").pathToFileURL(__filename).href;' },
  write: false,
});
checkEsModuleCommands(cjs.metafile);
const program = cjs.outputFiles?.find((file) => file.path.endsWith(".cjs"));
const sourceMap = cjs.outputFiles?.find((file) => file.path.endsWith(".map"));
if (!program || !sourceMap) throw new Error("esbuild made no program.cjs and map");
// The name holds a hash of the code: a code cache made for one build is never offered to another
// (V8 checks only the source's length). The #! line (the loader has its own) becomes an empty
// line, which keeps the source map's lines.
const name = `program-${createHash("sha256").update(program.contents).digest("hex").slice(0, 12)}.cjs`;
const text = program.text.replace(/^#![^\n]*/, "").replace(/\/\/# sourceMappingURL=program\.cjs\.map\n?$/, `//# sourceMappingURL=${name}.map\n`);
if (text === program.text) throw new Error("program.cjs: expected a #! line and a source map comment");
writeFileSync(join(outdir, name), text);
writeFileSync(join(outdir, `${name}.map`), sourceMap.contents);

const { registerCommands } = await import(pathToFileURL(join(root, "dist", "src", "cli", "definitions.js")).href);
const { Command } = await import("commander");
const probe = new Command();
registerCommands(probe);
writeFileSync(join(outdir, "main.cjs"), loader(name, probe.commands.map((command) => command.name())), { mode: 0o755 });

// Which files each ES module output holds, for anyone wondering where a dependency went:
// { "chunk-….js": ["node_modules/zod/v4/core/core.js", …] }.
const outputs = { ...esm.metafile?.outputs, ...worker.metafile?.outputs };
const inputs = Object.fromEntries(
  Object.entries(outputs)
    .filter(([file]) => file.endsWith(".js"))
    .map(([file, output]) => [file.slice(file.lastIndexOf("/") + 1), Object.keys(output.inputs).sort()]),
);
writeFileSync(join(outdir, "inputs.json"), `${JSON.stringify(inputs, null, 1)}\n`);

/**
 * Fails the build unless the commands that reach an IMPORT_ONLY package are exactly
 * ES_MODULE_COMMANDS: a command that starts to need one must be added there, or the CommonJS
 * program would fail to require it.
 * @param {import("esbuild").Metafile | undefined} metafile
 */
function checkEsModuleCommands(metafile) {
  if (!metafile) throw new Error("esbuild made no metafile");
  const reaches = (/** @type {string} */ start) => {
    const seen = new Set([start]);
    for (const path of seen) {
      for (const imported of metafile.inputs[path]?.imports ?? []) {
        if (imported.external && IMPORT_ONLY.includes(imported.path)) return true;
        if (!imported.external) seen.add(imported.path);
      }
    }
    return false;
  };
  const folder = "dist/src/cli/commands/";
  const found = Object.keys(metafile.inputs).filter((path) => path.startsWith(folder) && reaches(path)).map((path) => path.slice(folder.length)).sort();
  const expected = Object.values(ES_MODULE_COMMANDS).sort();
  if (found.join() !== expected.join()) throw new Error(`commands reaching ${IMPORT_ONLY.join(", ")}: ${found.join(", ")}; ES_MODULE_COMMANDS names ${expected.join(", ")}`);
}

/**
 * The `bin`: scripts/cli-loader.cjs with the program's name and the commands filled in.
 * @param {string} programName
 * @param {string[]} commands
 */
function loader(programName, commands) {
  const template = readFileSync(join(root, "scripts", "cli-loader.cjs"), "utf8");
  const filled = template
    .replace('"__PROGRAM__"', JSON.stringify(programName))
    .replace('["__COMMANDS__"]', JSON.stringify(commands))
    .replace('["__ES_MODULE_COMMANDS__"]', JSON.stringify(Object.keys(ES_MODULE_COMMANDS)));
  if (/"__[A-Z_]+__"/.test(filled)) throw new Error("scripts/cli-loader.cjs: a name left unfilled");
  return filled;
}

