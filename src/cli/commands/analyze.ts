/** `analyze`: what it does when it runs, loaded only then (its arguments, options and help: ../definitions.ts). */
import { type ScenarioAnalysis, analyzeScenario } from "../../engine/analysis.js";
import { FrontierTooLargeError } from "../../engine/frontier.js";
import { type CompiledScenario, compileScenario } from "../../engine/model.js";
import { UserError } from "../../errors.js";
import { detectLanguage } from "../../i18n/language.js";
import { analysisToJson, frontierJsonBytes } from "../../report/analysis-json.js";
import { streamJson } from "../output.js";
import { loadScenarioArgument } from "../scenario-input.js";

export interface AnalyzeFlags {
  json?: boolean;
  top: number;
  lang?: string;
  agreeable?: boolean;
  seed: string;
}

/** The most `--json` prints: a frontier beyond it is refused before its rows are built (JSON this size is far past reading). */
export const MAX_ANALYSIS_JSON_BYTES = 64 * 2 ** 20;

const AGREEABLE_HINT = "analyze --agreeable computes only the part above every BATNA, which is often far smaller.";

export async function analyzeAction(argument: string, options: AnalyzeFlags): Promise<void> {
  const scenario = await loadScenarioArgument(argument);
  const analysis = analyze(scenario.id, compileScenario(scenario), options);
  if (options.json) {
    refuseLargeJson(scenario.id, analysis);
    streamJson(analysisToJson(scenario, analysis, options.seed));
  } else {
    const lang = detectLanguage(options.lang, process.env);
    // The text report (its tables measure text with string-width, whose Intl.Segmenter starts ICU)
    // is loaded only for text: --json needs none of it.
    const { analysisToText } = await import("../../report/analysis-text.js");
    process.stdout.write(`${analysisToText(scenario, analysis, { lang, width: process.stdout.columns, seed: options.seed })}\n`);
  }
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
