import { existsSync } from "node:fs";
import { basename } from "node:path";
import { type Command, InvalidArgumentError } from "commander";
import { UserError } from "../../errors.js";
import { writeFileAtomic } from "../../files.js";
import { detectLanguage } from "../../i18n/language.js";
import { translator } from "../../i18n/translate.js";
import { TEMPLATE_ISSUES, TEMPLATE_PARTIES, scenarioTemplate } from "../../scenario/template.js";
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
    .action((file: string, flags: { parties: number; issues: number; lang?: string }) => {
      if (existsSync(file)) throw new UserError(`${file} exists already: init writes a new file only; name another one`);
      const id = basename(file).replace(/\.json$/i, "").trim() || "new-scenario";
      const scenario = { ...scenarioTemplate(flags.parties, flags.issues), id };
      writeFileAtomic(file, `${JSON.stringify(scenario, null, 2)}\n`);
      process.stdout.write(`${translator(detectLanguage(flags.lang, process.env))("init.written", { path: file })}\n`);
    });
}
