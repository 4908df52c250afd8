import type { Command } from "commander";
import { analyzeScenario } from "../../engine/analysis.js";
import { compileScenario } from "../../engine/model.js";
import { detectLanguage } from "../../i18n/language.js";
import { analysisToJson } from "../../report/analysis-json.js";
import { analysisToText } from "../../report/analysis-text.js";
import { printJson } from "../output.js";
import { loadScenarioArgument } from "../scenario-input.js";
import { languageOption, positiveInteger } from "../options.js";

export function registerAnalyze(program: Command): void {
  program
    .command("analyze")
    .description("Analyse a scenario: Pareto frontier, bargaining points, issue types and value-creating packages.")
    .argument("<scenario>", "a scenario file or the id of a built-in scenario")
    .option("--json", "print the analysis as JSON")
    .option("--top <n>", "number of value-creating packages to list", positiveInteger, 5)
    .option("--seed <seed>", "seed for the draws behind each package's risk, where the scenario is uncertain", "0")
    .addOption(languageOption())
    .addHelpText(
      "after",
      `
Examples:
  $ mutual-gains analyze hospital-it-platform
  $ mutual-gains analyze my-scenario.json --top 10 --lang nl
  $ mutual-gains analyze rd-consortium --json > analysis.json
  $ mutual-gains analyze solar-park --json --seed 7`,
    )
    .action((argument: string, options: { json?: boolean; top: number; lang?: string; seed: string }) => {
      const scenario = loadScenarioArgument(argument);
      const analysis = analyzeScenario(compileScenario(scenario), { top: options.top });
      if (options.json) printJson(analysisToJson(scenario, analysis, options.seed));
      else {
        const lang = detectLanguage(options.lang, process.env);
        process.stdout.write(`${analysisToText(scenario, analysis, { lang, width: process.stdout.columns, seed: options.seed })}\n`);
      }
    });
}

