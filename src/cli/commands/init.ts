/** `init`: what it does when it runs, loaded only then (its arguments, options and help: ../definitions.ts). */
import { existsSync } from "node:fs";
import { basename } from "node:path";
import { UserError } from "../../errors.js";
import { writeFileAtomic } from "../../files.js";
import { detectLanguage } from "../../i18n/language.js";
import { translator } from "../../i18n/translate.js";
import { scenarioTemplate } from "../../scenario/template.js";

export interface InitFlags {
  parties: number;
  issues: number;
  lang?: string;
}

export function initAction(file: string, flags: InitFlags): void {
  if (existsSync(file)) throw new UserError(`${file} exists already: init writes a new file only; name another one`);
  const id = basename(file).replace(/\.json$/i, "").trim() || "new-scenario";
  const scenario = { ...scenarioTemplate(flags.parties, flags.issues), id };
  writeFileAtomic(file, `${JSON.stringify(scenario, null, 2)}\n`);
  process.stdout.write(`${translator(detectLanguage(flags.lang, process.env))("init.written", { path: file })}\n`);
}
