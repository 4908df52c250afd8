/**
 * `check`: its arguments, options and help, without its implementation (../actions/check.ts),
 * which is loaded only when the command runs: `--help` and the other commands do not pay for it.
 */
import type { Command } from "commander";
import type { CheckFlags } from "../actions/check.js";
import { languageOption } from "../options.js";

export function registerCheck(program: Command): void {
  program
    .command("check")
    .description(
      "Check whether a scenario will teach: a package that beats every BATNA, value that haggling leaves on the table (at least 20 % of the maximal joint gain), " +
        "a compatible issue, an integrative pair, every text in English and Dutch, and every partner style reaching agreement with some other style in a short batch. " +
        "Prints the figures it judged on and a warning, with its JSON path, for each test the scenario fails. Exits 1 only when the scenario is not valid.",
    )
    .argument("<scenario>", "a scenario file or the id of a built-in scenario")
    .option("--json", "print the figures and the warnings as JSON")
    .addOption(languageOption())
    .addHelpText(
      "after",
      `
Examples:
  $ mutual-gains init my-scenario.json --parties 3
  $ mutual-gains check my-scenario.json
  $ mutual-gains check rd-consortium --lang nl
  $ mutual-gains validate --teach scenarios/*.json`,
    )
    .action(async (argument: string, flags: CheckFlags) => (await import("../actions/check.js")).checkAction(argument, flags));
}
