#!/usr/bin/env node
/**
 * The mutual-gains command line. Exit codes: 0 ok, 1 a user's mistake (message, no
 * stack trace), 2 an internal error (a bug: message and stack trace).
 */
import module from "node:module";
import { Command, CommanderError } from "commander";
import { UserError } from "../errors.js";
import { reason } from "../files.js";

// Node 22.1 and later keep the compiled code of the modules imported from here on for the next start
// when the CLI runs as ES modules (play, debrief, class); Node 20 has no such cache, and this does
// nothing there. The other commands run with the code cache of the bin (scripts/cli-loader.cjs).
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

export const EXIT_USER_ERROR = 1;
export const EXIT_INTERNAL_ERROR = 2;

/**
 * The program: its own options and help, then every command's definition (definitions.ts,
 * which imports no command's implementation). A bare `--version` needs none of the commands
 * and does not load them.
 */
async function buildProgram(argv: readonly string[]): Promise<Command> {
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
  if (!versionOnly(argv)) (await import("./definitions.js")).registerCommands(program);
  return program;
}

/** `mutual-gains --version` (or -V) and nothing else: commander prints the version whatever the commands. */
function versionOnly(argv: readonly string[]): boolean {
  return argv.length === 3 && (argv[2] === "--version" || argv[2] === "-V");
}

export async function main(argv: string[]): Promise<number> {
  try {
    await (await buildProgram(argv)).parseAsync(argv);
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

main(process.argv).then((code) => {
  process.exitCode = code;
});
