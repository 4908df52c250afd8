/**
 * `init`: its arguments, options and help, without its implementation (../actions/init.ts),
 * which is loaded only when the command runs: `--help` and the other commands do not pay for it.
 */
import { type Command, InvalidArgumentError } from "commander";
import type { InitFlags } from "../actions/init.js";
import { TEMPLATE_ISSUES, TEMPLATE_PARTIES } from "../../scenario/limits.js";
import { languageOption } from "../options.js";

const between = (range: { min: number; max: number }) => (value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < range.min || parsed > range.max) throw new InvalidArgumentError(`expected a whole number from ${range.min} to ${range.max}.`);
  return parsed;
};

export function registerInit(program: Command): void {
  program
    .command("init")
    .description(
      "Write a scenario template to start from: every key present and explained in its metadata.guide (English and Dutch), every text in both languages, " +
        "numbers that validate and pass the teaching check as written. Replace the texts and numbers, then run check on it.",
    )
    .argument("<file>", "the scenario file to write (not overwritten if it exists)")
    .option("--parties <n>", `organisations at the table (${TEMPLATE_PARTIES.min}–${TEMPLATE_PARTIES.max})`, between(TEMPLATE_PARTIES), TEMPLATE_PARTIES.default)
    .option("--issues <m>", `issues under negotiation (${TEMPLATE_ISSUES.min}–${TEMPLATE_ISSUES.max})`, between(TEMPLATE_ISSUES), TEMPLATE_ISSUES.default)
    .addOption(languageOption())
    .addHelpText(
      "after",
      `
Examples:
  $ mutual-gains init my-scenario.json
  $ mutual-gains init merger.json --parties 3 --issues 5
  $ mutual-gains check my-scenario.json`,
    )
    .action(async (file: string, flags: InitFlags) => (await import("../actions/init.js")).initAction(file, flags));
}
