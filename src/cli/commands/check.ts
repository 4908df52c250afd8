import type { Command } from "commander";
import { teachingCheck } from "../../batch/teaching.js";
import { detectLanguage } from "../../i18n/language.js";
import { translator } from "../../i18n/translate.js";
import { formatPath } from "../../scenario/diagnostics.js";
import { teachingFigureLines, teachingWarningLines } from "../../report/teaching-text.js";
import { languageOption } from "../options.js";
import { printJson } from "../output.js";
import { loadScenarioArgument } from "../scenario-input.js";
import { resolveScenarioPath } from "../../scenario/builtin.js";

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
    .action((argument: string, flags: { json?: boolean; lang?: string }) => {
      const t = translator(detectLanguage(flags.lang, process.env));
      const scenario = loadScenarioArgument(argument);
      const check = teachingCheck(scenario);
      if (flags.json) {
        printJson({ figures: check.figures, warnings: check.warnings.map((warning) => ({ path: formatPath(warning.path), key: warning.key, message: t(warning.key, warning.params) })) });
        return;
      }
      const file = resolveScenarioPath(argument);
      const lines = [t("check.title", { file }), "", t("check.figures"), ...teachingFigureLines(check, t).map((line) => `  ${line}`), ""];
      lines.push(check.warnings.length === 0 ? t("check.ok") : t("check.warnings", { count: check.warnings.length }), ...teachingWarningLines(check, file, t));
      process.stdout.write(`${lines.join("\n")}\n`);
    });
}
