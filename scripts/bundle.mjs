// @ts-check
/**
 * Bundles the compiled command line (dist/src, made by tsc) into dist/bundle/, as ES modules:
 * the CLI entry (main.js, the `bin`) with code splitting, and the batch worker (worker.js, which
 * worker threads start) in one file of its own. Each command's implementation, imported lazily
 * in its action, stays a chunk of its own, loaded only when that command runs; what the commands
 * share (zod and the scenario schema, the loader, the catalogues, commander) sits in shared
 * chunks. So `analyze` reads about 30 files instead of some 170 modules, most under node_modules.
 *
 * All files are written flat in one folder: `new URL("./worker.js", import.meta.url)` in the
 * chunk that holds the batch pool finds the worker, and the built-in scenarios are found from
 * any of them (the nearest package.json above). React, Ink, vega and mathjs stay outside the
 * bundle, loaded from node_modules by the commands that need them (play, a page, a formula):
 * Ink and React must be one copy each (the tests render the UI with their own React), and mathjs
 * and @babel/code-frame are loaded on first use through `createRequire`, which esbuild leaves be.
 * Whitespace and syntax are minified, names are not: stack traces of internal errors stay readable.
 *
 * Run by `npm run build` after tsc; takes well under a second.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
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
  format: "esm",
  platform: "node",
  target: "node20",
  entryNames: "[name]",
  // jsonc-parser's "main" is a UMD build whose requires esbuild cannot follow; its ES build is the same code.
  alias: { "jsonc-parser": "jsonc-parser/lib/esm/main.js" },
  external: ["react", "react/*", "react-dom", "ink", "ink/*", "vega", "vega-lite", "mathjs", "mathjs/*"],
  // Dependencies published as CommonJS (seedrandom, cli-progress, …) call `require` for Node's
  // built-in modules; in an ES module there is no `require` unless one is made.
  banner: { js: 'import { createRequire as __mutualGainsRequire } from "node:module";\nconst require = __mutualGainsRequire(import.meta.url);' },
  legalComments: "none",
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: true,
  metafile: true,
  logLevel: "warning",
  plugins: [lazyEmojiExpression],
};
// The CLI: its commands, imported lazily, in chunks of their own and chunks they share.
const cli = await build({ ...common, entryPoints: { main: "dist/src/cli/main.js" }, outdir, splitting: true, chunkNames: "chunk-[hash]" });
// The batch worker in one file of its own: a worker thread loads its own copy of every module
// anyway, and kept apart it does not split the CLI's chunks further.
const worker = await build({ ...common, entryPoints: { worker: "dist/src/batch/worker.js" }, outdir });
const outputs = { ...cli.metafile?.outputs, ...worker.metafile?.outputs };

// Which files each output holds, for the start-up test (which modules a command loads) and
// anyone wondering where a dependency went: { "chunk-….js": ["node_modules/zod/v4/core/core.js", …] }.
const inputs = Object.fromEntries(
  Object.entries(outputs)
    .filter(([file]) => file.endsWith(".js"))
    .map(([file, output]) => [file.slice(file.lastIndexOf("/") + 1), Object.keys(output.inputs).sort()]),
);
writeFileSync(join(outdir, "inputs.json"), `${JSON.stringify(inputs, null, 1)}\n`);
