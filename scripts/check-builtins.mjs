// @ts-check
/**
 * Checks every built-in scenario with the whole loader (tsc's output in dist/src) and records,
 * in dist/checked-scenarios/<id>.json, the text it read and the scenario it made, for
 * src/scenario/checked.ts. A built-in with any finding, or whose scenario would not survive JSON
 * unchanged, is not recorded (it is loaded and reported at run time) and the build says so.
 *
 * Run by `npm run build` after tsc.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { BUILTIN_SCENARIO_DIR, CHECKED_SCENARIO_DIR, builtinScenarioIds } from "../dist/src/scenario/builtin.js";
import { parseScenario, readScenarioText } from "../dist/src/scenario/load.js";

rmSync(CHECKED_SCENARIO_DIR, { recursive: true, force: true });
mkdirSync(CHECKED_SCENARIO_DIR, { recursive: true });
for (const id of builtinScenarioIds()) {
  const path = join(BUILTIN_SCENARIO_DIR, `${id}.json`);
  // Read as the loader reads it: a text it would refuse (not UTF-8, too large) is not recorded.
  const { text } = readScenarioText(path);
  const { scenario, diagnostics } = text === undefined ? { scenario: undefined, diagnostics: [] } : parseScenario(text, path);
  const record = JSON.stringify({ text, scenario });
  if (!scenario || diagnostics.length > 0 || !isDeepStrictEqual(JSON.parse(record).scenario, scenario)) {
    console.warn(`check-builtins: ${id} not recorded (${diagnostics.length} findings): it is checked when it is loaded`);
    continue;
  }
  writeFileSync(join(CHECKED_SCENARIO_DIR, `${id}.json`), record);
}
