/**
 * `analyze`: its arguments, options and help, without its implementation (../actions/analyze.ts),
 * which is loaded only when the command runs: `--help` and the other commands do not pay for it.
 */
import type { Command } from "commander";
import type { AnalyzeFlags } from "../actions/analyze.js";
import { languageOption, positiveInteger } from "../options.js";

export function registerAnalyze(program: Command): void {
  program
    .command("analyze")
    .description("Analyse a scenario: Pareto frontier, bargaining points, issue types and value-creating packages.")
    .argument("<scenario>", "a scenario file or the id of a built-in scenario")
    .option("--json", "print the analysis as JSON")
    .option("--top <n>", "number of value-creating packages to list", positiveInteger, 5)
    .option("--seed <seed>", "seed for the draws behind each package's risk, where the scenario is uncertain", "0")
    .option(
      "--agreeable",
      "compute only the part of the Pareto frontier above every BATNA (the bargaining points and packages are the same): " +
        "for scenarios whose whole frontier is beyond the engine's budget",
    )
    .addOption(languageOption())
    .addHelpText(
      "after",
      `
Examples:
  $ mutual-gains analyze hospital-it-platform
  $ mutual-gains analyze my-scenario.json --top 10 --lang nl
  $ mutual-gains analyze rd-consortium --json > analysis.json
  $ mutual-gains analyze solar-park --json --seed 7
  $ mutual-gains analyze large-scenario.json --agreeable`,
    )
    .action(async (argument: string, flags: AnalyzeFlags) => (await import("../actions/analyze.js")).analyzeAction(argument, flags));
}
