/**
 * Built-ins checked at build time (src/scenario/checked.ts, scripts/check-builtins.mjs): the
 * recorded scenario is the loader's, and any text other than the one checked is not taken.
 * The records are made by `npm run build`, which `npm test` runs first.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BUILTIN_SCENARIO_DIR, CHECKED_SCENARIO_DIR, builtinScenarioIds } from "../../src/scenario/builtin.js";
import { checkedBuiltin } from "../../src/scenario/checked.js";
import { parseScenario } from "../../src/scenario/load.js";

const folder = mkdtempSync(join(tmpdir(), "mutual-gains-checked-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("built-in scenarios checked at build time", () => {
  it.each(builtinScenarioIds())("%s: the recorded scenario is the loader's, key order included", (id) => {
    const path = join(BUILTIN_SCENARIO_DIR, `${id}.json`);
    const loaded = parseScenario(readFileSync(path, "utf8"), path);
    expect(loaded.diagnostics).toEqual([]);
    const checked = checkedBuiltin(path);
    expect(checked).toBeDefined();
    expect(JSON.stringify(checked)).toBe(JSON.stringify(loaded.scenario));
    expect(checked).toStrictEqual(loaded.scenario);
  });

  it("a file outside the built-in folder is never taken from the records", () => {
    const copy = join(folder, "hospital-it-platform.json");
    copyFileSync(join(BUILTIN_SCENARIO_DIR, "hospital-it-platform.json"), copy);
    expect(checkedBuiltin(copy)).toBeUndefined();
  });

  it("an edited built-in, or one without a record, goes to the loader", () => {
    const scenarios = join(folder, "scenarios");
    const records = join(folder, "records");
    for (const dir of [scenarios, records]) mkdirSync(dir);
    const path = join(scenarios, "hospital-it-platform.json");
    const text = readFileSync(join(BUILTIN_SCENARIO_DIR, "hospital-it-platform.json"), "utf8");
    const folders = { scenarios, records };
    writeFileSync(path, text);
    expect(checkedBuiltin(path, folders)).toBeUndefined(); // no record yet
    copyFileSync(join(CHECKED_SCENARIO_DIR, "hospital-it-platform.json"), join(records, "hospital-it-platform.json"));
    expect(checkedBuiltin(path, folders)?.id).toBe("hospital-it-platform");
    writeFileSync(path, text.replace('"id": "hospital-it-platform"', '"id": "hospital-it-platform" '));
    expect(checkedBuiltin(path, folders)).toBeUndefined(); // one space more: another text
    writeFileSync(join(records, "hospital-it-platform.json"), "{ not json");
    writeFileSync(path, text);
    expect(checkedBuiltin(path, folders)).toBeUndefined(); // an unreadable record
  });
});
