/**
 * `schema`: its help, without its implementation (../actions/schema.ts), which is loaded only
 * when the command runs: `--help` and the other commands do not pay for it.
 */
import type { Command } from "commander";

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
    .action(async () => (await import("../actions/schema.js")).schemaAction());
}
