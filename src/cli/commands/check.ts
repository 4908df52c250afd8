/** `check`: what it does when it runs, loaded only then (its arguments, options and help: ../definitions.ts). */
import { teachingCheck } from "../../batch/teaching.js";
import { detectLanguage } from "../../i18n/language.js";
import { translator } from "../../i18n/translate.js";
import { formatPath } from "../../scenario/diagnostics.js";
import { teachingFigureLines, teachingWarningLines } from "../../report/teaching-text.js";
import { printJson } from "../output.js";
import { loadScenarioArgument } from "../scenario-input.js";
import { resolveScenarioPath } from "../../scenario/builtin.js";

export interface CheckFlags {
  json?: boolean;
  lang?: string;
}

export async function checkAction(argument: string, flags: CheckFlags): Promise<void> {
  const t = translator(detectLanguage(flags.lang, process.env));
  const scenario = await loadScenarioArgument(argument);
  const check = teachingCheck(scenario);
  if (flags.json) {
    printJson({ figures: check.figures, warnings: check.warnings.map((warning) => ({ path: formatPath(warning.path), key: warning.key, message: t(warning.key, warning.params) })) });
    return;
  }
  const file = resolveScenarioPath(argument);
  const lines = [t("check.title", { file }), "", t("check.figures"), ...teachingFigureLines(check, t).map((line) => `  ${line}`), ""];
  lines.push(check.warnings.length === 0 ? t("check.ok") : t("check.warnings", { count: check.warnings.length }), ...teachingWarningLines(check, file, t));
  process.stdout.write(`${lines.join("\n")}\n`);
}
