import type { Command } from "commander";
import { formatDiagnostic, parseScenario } from "../../scenario/load.js";
import { readTextFile } from "../files.js";
import { printJson } from "../output.js";

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("Check scenario files: JSON syntax, the schema and the scenario's own rules. Exits 1 when any file has an error.")
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
      const results = files.map((file) => ({ file, diagnostics: parseScenario(readTextFile(file), file).diagnostics }));
      const errors = results.flatMap((result) => result.diagnostics).filter((d) => d.severity === "error").length;
      if (options.json) {
        printJson({ valid: errors === 0, files: results });
      } else {
        for (const { file, diagnostics } of results) {
          if (diagnostics.length === 0) process.stdout.write(`${file}: ok\n`);
          for (const diagnostic of diagnostics) process.stdout.write(`${formatDiagnostic(diagnostic)}\n`);
        }
      }
      if (errors > 0) process.exitCode = 1;
    });
}
