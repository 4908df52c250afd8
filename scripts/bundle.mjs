// @ts-check
/**
 * Bundles the compiled command line (dist/src, made by tsc) into dist/bundle/: the CLI entry
 * (main.js, the `bin`) and the batch worker entry (worker.js, which worker threads start),
 * as ES modules with code splitting. Each command's implementation, imported lazily in its
 * action, stays a chunk of its own, loaded only when that command runs; what every command
 * shares (zod and the scenario schema, the loader, the catalogues) is a few shared chunks.
 * So a start reads a handful of files instead of the 150–250 modules under node_modules.
 *
 * All files are written flat in one folder: a chunk's `new URL("./worker.js", import.meta.url)`
 * then finds the worker entry, and the built-in scenarios are found from any of them (the
 * nearest package.json above). React, ink, vega and mathjs stay outside the bundle, loaded
 * from node_modules as before: they are loaded only by the commands that need them (play, a
 * chart, a formula), and ink and React must be one copy each (ink-testing-library, the
 * tests' own React), and mathjs is already loaded through `createRequire`.
 *
 * Run by `npm run build` after tsc; takes well under a second.
 */
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist", "bundle");

rmSync(outdir, { recursive: true, force: true });
const { metafile } = await build({
  absWorkingDir: root,
  entryPoints: { main: "dist/src/cli/main.js", worker: "dist/src/batch/worker.js" },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  entryNames: "[name]",
  chunkNames: "chunk-[hash]",
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
});

// Which files each output holds, for the start-up test (which modules a command loads) and
// anyone wondering where a dependency went: { "chunk-….js": ["node_modules/zod/v4/core/core.js", …] }.
const inputs = Object.fromEntries(
  Object.entries(metafile.outputs)
    .filter(([file]) => file.endsWith(".js"))
    .map(([file, output]) => [file.slice(file.lastIndexOf("/") + 1), Object.keys(output.inputs).sort()]),
);
writeFileSync(join(outdir, "inputs.json"), `${JSON.stringify(inputs, null, 1)}\n`);
