/** `validate`: what it does when it runs, loaded only then (its arguments, options and help: ../definitions.ts). */
import { type TeachingCheck, teachingCheck } from "../../batch/teaching.js";
import { UserError } from "../../errors.js";
import { detectLanguage } from "../../i18n/language.js";
import { translator } from "../../i18n/translate.js";
import { teachingFigureLines, teachingWarningLines } from "../../report/teaching-text.js";
import { formatPath } from "../../scenario/diagnostics.js";
import { omittedLine } from "../../scenario/diagnostics.js";
import { type Diagnostic, formatDiagnostic, parseScenario, readScenarioText } from "../../scenario/load.js";
import { printJson } from "../output.js";

/** The JSON Schema sits beside the scenarios, so `validate scenarios/*.json` meets it: it is not a scenario. */
const isSchemaFile = (file: string) => file.endsWith(".schema.json");

interface FileResult {
  file: string;
  skipped?: string;
  diagnostics: Diagnostic[];
  /** Problems beyond those listed. */
  omitted: number;
  /** With --teach, for a valid scenario. */
  teaching?: TeachingCheck;
}

function check(file: string, teach: boolean): FileResult {
  if (isSchemaFile(file)) return { file, skipped: "a JSON Schema, not a scenario", diagnostics: [], omitted: 0 };
  try {
    const { text, diagnostic } = readScenarioText(file);
    if (text === undefined) return { file, diagnostics: [diagnostic!], omitted: 0 };
    const { scenario, diagnostics, omitted } = parseScenario(text, file);
    return teach && scenario ? { file, diagnostics, omitted, teaching: teachingCheck(scenario) } : { file, diagnostics, omitted };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { file, diagnostics: [{ severity: "error", file, line: 1, column: 1, path: "", message: error.message }], omitted: 0 };
  }
}

export interface ValidateFlags {
  json?: boolean;
  teach?: boolean;
  lang?: string;
}

export function validateAction(files: string[], options: ValidateFlags): void {
  const t = translator(detectLanguage(options.lang, process.env));
  const results = files.map((file) => check(file, options.teach === true));
  const errors = results.flatMap((result) => result.diagnostics).filter((d) => d.severity === "error").length + results.reduce((sum, result) => sum + result.omitted, 0);
  if (options.json) {
    const teaching = (result: FileResult) =>
      result.teaching && { figures: result.teaching.figures, warnings: result.teaching.warnings.map((w) => ({ path: formatPath(w.path), key: w.key, message: t(w.key, w.params) })) };
    printJson({ valid: errors === 0, files: results.map((result) => ({ ...result, teaching: teaching(result) })) });
  } else {
    for (const { file, skipped, diagnostics, omitted, teaching } of results) {
      if (skipped) process.stdout.write(`${file}: skipped (${skipped})\n`);
      else if (diagnostics.length === 0) process.stdout.write(`${file}: ok\n`);
      for (const diagnostic of diagnostics) process.stdout.write(`${formatDiagnostic(diagnostic)}\n`);
      if (omitted > 0) process.stdout.write(`${omittedLine(file, omitted)}\n`);
      if (teaching) process.stdout.write([...teachingFigureLines(teaching, t).map((line) => `  ${line}`), ...teachingWarningLines(teaching, file, t)].map((line) => `${line}\n`).join(""));
    }
  }
  if (errors > 0) process.exitCode = 1;
}
