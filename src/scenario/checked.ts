/**
 * Built-in scenarios checked when the package is built: `npm run build` runs the whole loader
 * on each one (scripts/check-builtins.mjs) and records the text it read beside the scenario it
 * made. A command naming a built-in whose text is still exactly that text takes the recorded
 * scenario, which needs neither zod nor the loader: most of the start-up of `analyze` or `play`
 * on a built-in. Any other text (an edited file, a record missing or unreadable) goes through
 * the loader as before, so what a command sees never depends on the record being there.
 */
import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { BUILTIN_SCENARIO_DIR, CHECKED_SCENARIO_DIR } from "./builtin.js";
import type { Scenario } from "./schema.js";

/** A built-in as the build checked it: the loader found no error and no warning in `text`. */
export interface CheckedScenario {
  readonly text: string;
  readonly scenario: Scenario;
}

/** The recorded scenario of the built-in file at `path`, if its text is the one checked; otherwise undefined. */
export function checkedBuiltin(path: string, folders = { scenarios: BUILTIN_SCENARIO_DIR, records: CHECKED_SCENARIO_DIR }): Scenario | undefined {
  if (dirname(path) !== folders.scenarios) return undefined;
  let checked: CheckedScenario;
  try {
    checked = JSON.parse(readFileSync(join(folders.records, basename(path)), "utf8")) as CheckedScenario;
    // The file itself is read as bytes decoded leniently: text that is not UTF-8 cannot equal the recorded text.
    return readFileSync(path, "utf8") === checked.text ? checked.scenario : undefined;
  } catch {
    return undefined; // no record (a build without it) or no file: the loader says what is wrong
  }
}
