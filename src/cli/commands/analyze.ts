import type { Command } from "commander";
import { type ScenarioAnalysis, analyzeScenario } from "../../engine/analysis.js";
import { FrontierTooLargeError } from "../../engine/frontier.js";
import { type CompiledScenario, compileScenario } from "../../engine/model.js";
import { UserError } from "../../errors.js";
import { detectLanguage } from "../../i18n/language.js";
import { analysisToJson, frontierJsonBytes } from "../../report/analysis-json.js";
import { analysisToText } from "../../report/analysis-text.js";
import { streamJson } from "../output.js";
import { loadScenarioArgument } from "../scenario-input.js";
import { languageOption, positiveInteger } from "../options.js";

interface AnalyzeFlags {
  json?: boolean;
  top: number;
  lang?: string;
  agreeable?: boolean;
  seed: string;
}

/** The most `--json` prints: a frontier beyond it is refused before its rows are built (JSON this size is far past reading). */
export const MAX_ANALYSIS_JSON_BYTES = 64 * 2 ** 20;

const AGREEABLE_HINT = "analyze --agreeable computes only the part above every BATNA, which is often far smaller.";

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
    .action((argument: string, options: AnalyzeFlags) => {
      const scenario = loadScenarioArgument(argument);
      const analysis = analyze(scenario.id, compileScenario(scenario), options);
      if (options.json) {
        refuseLargeJson(scenario.id, analysis);
        streamJson(analysisToJson(scenario, analysis, options.seed));
      } else {
        const lang = detectLanguage(options.lang, process.env);
        process.stdout.write(`${analysisToText(scenario, analysis, { lang, width: process.stdout.columns, seed: options.seed })}\n`);
      }
    });
}

/** The analysis, or a user error that also names the scenario and, where it helps, --agreeable. */
function analyze(scenarioId: string, model: CompiledScenario, options: AnalyzeFlags): ScenarioAnalysis {
  try {
    return analyzeScenario(model, { top: options.top, agreeableOnly: options.agreeable, fixedTerms: true });
  } catch (error) {
    if (!(error instanceof FrontierTooLargeError)) throw error;
    throw new UserError(`${scenarioId}: ${error.message}${error.agreeableOnly ? "" : ` ${AGREEABLE_HINT}`}`, { cause: error });
  }
}

/** Refuses, before anything is built, a frontier whose JSON would pass MAX_ANALYSIS_JSON_BYTES. */
function refuseLargeJson(scenarioId: string, analysis: ScenarioAnalysis): void {
  const bytes = frontierJsonBytes(analysis);
  if (bytes <= MAX_ANALYSIS_JSON_BYTES) return;
  const { frontier, model } = analysis;
  const mebibytes = (n: number) => `${Math.round(n / 2 ** 20).toLocaleString("en")} MiB`;
  const fits = Math.floor((MAX_ANALYSIS_JSON_BYTES / bytes) * frontier.size);
  throw new UserError(
    `${scenarioId}: the frontier has ${frontier.size.toLocaleString("en")} points of ${model.issueCount} issues each, up to ` +
      `${mebibytes(bytes)} of JSON; analyze --json prints at most ${mebibytes(MAX_ANALYSIS_JSON_BYTES)}, about ` +
      `${fits.toLocaleString("en")} points of this scenario. ${frontier.agreeableOnly ? "" : `${AGREEABLE_HINT} `}` +
      "Without --json, analyze summarises the frontier as text.",
  );
}
