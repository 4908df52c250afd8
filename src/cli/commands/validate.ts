/**
 * `validate`: its arguments, options and help, without its implementation (../actions/validate.ts),
 * which is loaded only when the command runs: `--help` and the other commands do not pay for it.
 */
import type { Command } from "commander";
import type { ValidateFlags } from "../actions/validate.js";
import { languageOption } from "../options.js";

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description(
      "Check scenario files: JSON syntax, the schema and the scenario's own rules. Exits 1 when any file has an error. " +
        "Files ending in .schema.json are skipped.",
    )
    .argument("<files...>", "scenario files")
    .option("--json", "print the problems as JSON")
    .option("--teach", "also run the teaching check (see mutual-gains check) on every valid scenario")
    .addOption(languageOption())
    .addHelpText(
      "after",
      `
Examples:
  $ mutual-gains validate scenarios/*.json
  $ mutual-gains validate my-scenario.json --json
  $ mutual-gains validate --teach my-scenario.json`,
    )
    .action(async (files: string[], flags: ValidateFlags) => (await import("../actions/validate.js")).validateAction(files, flags));
}
