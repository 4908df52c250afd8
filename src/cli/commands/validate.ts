import type { Command } from "commander";
import { UserError } from "../../errors.js";
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
}

function check(file: string): FileResult {
  if (isSchemaFile(file)) return { file, skipped: "a JSON Schema, not a scenario", diagnostics: [], omitted: 0 };
  try {
    const { text, diagnostic } = readScenarioText(file);
    if (text === undefined) return { file, diagnostics: [diagnostic!], omitted: 0 };
    const { diagnostics, omitted } = parseScenario(text, file);
    return { file, diagnostics, omitted };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { file, diagnostics: [{ severity: "error", file, line: 1, column: 1, path: "", message: error.message }], omitted: 0 };
  }
}

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description(
      "Check scenario files: JSON syntax, the schema and the scenario's own rules. Exits 1 when any file has an error. " +
        "Files ending in .schema.json are skipped.",
    )
    .argument("<files...>", "scenario files")
    .option("--json", "print the problems as JSON")
    .addHelpText(
      "after",
      `
Examples:
  $ mutual-gains validate scenarios/*.json
  $ mutual-gains validate my-scenario.json --json`,
    )
    .action((files: string[], options: { json?: boolean }) => {
      const results = files.map(check);
      const errors = results.flatMap((result) => result.diagnostics).filter((d) => d.severity === "error").length + results.reduce((sum, result) => sum + result.omitted, 0);
      if (options.json) {
        printJson({ valid: errors === 0, files: results });
      } else {
        for (const { file, skipped, diagnostics, omitted } of results) {
          if (skipped) process.stdout.write(`${file}: skipped (${skipped})\n`);
          else if (diagnostics.length === 0) process.stdout.write(`${file}: ok\n`);
          for (const diagnostic of diagnostics) process.stdout.write(`${formatDiagnostic(diagnostic)}\n`);
          if (omitted > 0) process.stdout.write(`${omittedLine(file, omitted)}\n`);
        }
      }
      if (errors > 0) process.exitCode = 1;
    });
}
