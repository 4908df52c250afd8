import type { Command } from "commander";
import { scenarioJsonSchema } from "../../scenario/schema.js";
import { printJson } from "../output.js";

export function registerSchema(program: Command): void {
  program
    .command("schema")
    .description("Print the JSON Schema of scenario files (for editors: start a scenario with \"$schema\").")
    .addHelpText(
      "after",
      `
Examples:
  $ mutual-gains schema > scenario.schema.json`,
    )
    .action(() => printJson(scenarioJsonSchema()));
}
