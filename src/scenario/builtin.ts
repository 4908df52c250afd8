/**
 * Built-in scenarios ship in the package's `scenarios/` folder. A scenario argument is a
 * path to a JSON file or the id of a built-in scenario.
 */
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { UserError } from "../errors.js";

export const DEFAULT_SCENARIO_ID = "hospital-it-platform";

/** The package root: the nearest folder above this module with a package.json (works from src/ and dist/). */
function packageRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, "package.json"))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error("package.json not found above " + fileURLToPath(import.meta.url));
    folder = parent;
  }
  return folder;
}

const PACKAGE_ROOT = packageRoot();

export const BUILTIN_SCENARIO_DIR = join(PACKAGE_ROOT, "scenarios");

/** Where the build records each built-in scenario as the loader checked it (./checked.ts). */
export const CHECKED_SCENARIO_DIR = join(PACKAGE_ROOT, "dist", "checked-scenarios");

export function builtinScenarioIds(): string[] {
  return readdirSync(BUILTIN_SCENARIO_DIR)
    .filter((name) => name.endsWith(".json") && !name.endsWith(".schema.json"))
    .map((name) => name.slice(0, -".json".length))
    .sort();
}

/** The file a scenario argument names. */
export function resolveScenarioPath(argument: string): string {
  if (existsSync(argument)) return resolve(argument);
  const ids = builtinScenarioIds();
  if (ids.includes(argument)) return join(BUILTIN_SCENARIO_DIR, `${argument}.json`);
  throw new UserError(
    `No scenario file or built-in scenario called "${argument}". Built-in scenarios: ${ids.join(", ")}.`,
  );
}
