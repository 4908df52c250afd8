#!/usr/bin/env node
"use strict";
/*
 * The `bin` of mutual-gains, copied into dist/bundle/main.cjs by scripts/bundle.mjs, which fills
 * in the three names below. A command of ES_MODULE_COMMANDS (not its help) runs as ES modules
 * (main.js and its chunks); any other runs the CommonJS program with the compiled code V8 kept
 * from earlier runs of the same command, which Node 20 does not keep by itself (see "Build" in
 * docs/architecture.md).
 *
 * A cache per command (plus "help", and "start" for no command), next to the program or else in
 * the temporary folder, written at the end of a run (when the functions it ran are compiled) when
 * there was none or V8 rejected it (another Node, other flags). The build makes them, on each
 * command's broadest path (scripts/warm-caches.mjs), so a cache does not depend on which run
 * came first. Writing is best effort, to a temporary name and renamed: a cache that cannot be
 * written costs only the time it would have saved. A cache is code that runs: the temporary folder
 * is used only when it is this user's own and no one else may write in it.
 */
const { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require("node:fs");
const { createRequire, wrap } = require("node:module");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { Script } = require("node:vm");

const PROGRAM = "__PROGRAM__";
const COMMANDS = ["__COMMANDS__"];
const ES_MODULE_COMMANDS = ["__ES_MODULE_COMMANDS__"];

const asked = process.argv.slice(2);
const help = asked.includes("--help") || asked.includes("-h");
if (!help && ES_MODULE_COMMANDS.includes(asked[0])) {
  import("./main.js");
} else {
  const program = join(__dirname, PROGRAM);
  const command = help ? "help" : COMMANDS.includes(asked[0]) ? asked[0] : "start";
  const cacheName = `${PROGRAM.replace(/\.cjs$/, "")}.${command}.cache`;
  const ownTemporary = typeof process.getuid === "function" ? join(tmpdir(), `mutual-gains-${process.getuid()}`) : undefined;
  const folders = ownTemporary === undefined ? [__dirname] : [__dirname, ownTemporary];
  let cachedData;
  for (const folder of folders) {
    try {
      if (!trusted(folder)) continue;
      cachedData = readFileSync(join(folder, cacheName));
      break;
    } catch {}
  }
  const script = new Script(wrap(readFileSync(program, "utf8")), { filename: program, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) process.once("exit", keep);
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(program), module, program, __dirname);

  function trusted(folder) {
    if (folder === __dirname) return true;
    const status = statSync(folder);
    return status.isDirectory() && status.uid === process.getuid() && (status.mode & 0o077) === 0;
  }

  function keep() {
    let data;
    try {
      data = script.createCachedData();
    } catch {
      return;
    }
    for (const folder of folders) {
      const file = join(folder, cacheName);
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(folder, { recursive: true, mode: 0o700 });
        if (!trusted(folder)) continue;
        writeFileSync(temporary, data);
        renameSync(temporary, file);
        return;
      } catch {
        rmSync(temporary, { force: true });
      }
    }
  }
}
