/** Loads the scenario a command names and reports the loader's warnings on stderr. */
import { formatDiagnostic, loadScenarioFile } from "../scenario/load.js";
import { resolveScenarioPath } from "../scenario/builtin.js";
import type { Scenario } from "../scenario/schema.js";

export function loadScenarioArgument(argument: string): Scenario {
  const { scenario, warnings } = loadScenarioFile(resolveScenarioPath(argument));
  for (const warning of warnings) process.stderr.write(`${formatDiagnostic(warning)}\n`);
  return scenario;
}
