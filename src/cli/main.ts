#!/usr/bin/env node
/**
 * The mutual-gains command line. Exit codes: 0 ok, 1 a user's mistake (message, no
 * stack trace), 2 an internal error (a bug: message and stack trace).
 */
import { Command, CommanderError } from "commander";
import { UserError } from "../errors.js";
import { reason } from "../files.js";
import { registerAnalyze } from "./commands/analyze.js";
import { registerBatch } from "./commands/batch.js";
import { registerCheck } from "./commands/check.js";
import { registerClass } from "./commands/class.js";
import { registerDebrief } from "./commands/debrief.js";
import { registerImport } from "./commands/import.js";
import { registerInit } from "./commands/init.js";
import { registerPlay } from "./commands/play.js";
import { registerSchema } from "./commands/schema.js";
import { registerValidate } from "./commands/validate.js";

export const EXIT_USER_ERROR = 1;
export const EXIT_INTERNAL_ERROR = 2;

function buildProgram(): Command {
  const program = new Command("mutual-gains")
    .description("A negotiation simulator for management training: create value together instead of haggling.")
    .version("0.1.0")
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText(
      "after",
      `
Examples:
  $ mutual-gains play                              play the default scenario
  $ mutual-gains analyze hospital-it-platform      frontier, Nash point and value-creating packages
  $ mutual-gains validate my-scenario.json         check a scenario you wrote
  $ mutual-gains schema > scenario.schema.json     the JSON Schema for editors`,
    );
  registerPlay(program);
  registerAnalyze(program);
  registerValidate(program);
  registerSchema(program);
  registerImport(program);
  registerDebrief(program);
  registerBatch(program);
  registerClass(program);
  registerCheck(program);
  registerInit(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version "errors" exit 0; usage errors were already printed by commander.
      return error.exitCode === 0 ? 0 : EXIT_USER_ERROR;
    }
    if (error instanceof UserError) {
      process.stderr.write(`mutual-gains: ${error.message}\n`);
      return EXIT_USER_ERROR;
    }
    process.stderr.write(`mutual-gains: internal error, please report it:\n${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT_INTERNAL_ERROR;
  }
}

// A reader that stops early (`mutual-gains batch … | head`) closes the pipe: that ends the
// command quietly, as it does other Unix tools, instead of as an error. Any other failure to
// write the output (a full disk, `> /dev/full`) ends it at once with one line: nothing after it
// could be delivered. Exit handlers still run (a batch run removes its lock).
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  process.stderr.write(`mutual-gains: cannot write standard output: ${reason(error)}\n`);
  process.exit(EXIT_USER_ERROR);
});

process.exitCode = await main(process.argv);
