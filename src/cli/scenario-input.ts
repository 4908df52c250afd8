/** Loads the scenario a command names and reports the loader's warnings on stderr. */
import { resolveScenarioPath } from "../scenario/builtin.js";
import { checkedBuiltin } from "../scenario/checked.js";
import type { Scenario } from "../scenario/schema.js";

export async function loadScenarioArgument(argument: string): Promise<Scenario> {
  const path = resolveScenarioPath(argument);
  // A built-in checked at build time needs no loader (and no zod); it had no warnings to report.
  const checked = checkedBuiltin(path);
  if (checked) return checked;
  const { formatDiagnostic, loadScenarioFile } = await import("../scenario/load.js");
  const { scenario, warnings } = loadScenarioFile(path);
  for (const warning of warnings) process.stderr.write(`${formatDiagnostic(warning)}\n`);
  return scenario;
}
