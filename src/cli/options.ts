/** Option parsers and options shared by several commands. */
import { InvalidArgumentError, Option } from "commander";
import { SUPPORTED_LANGUAGES } from "../scenario/languages.js";

export function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError("expected a whole number of 1 or more.");
  return parsed;
}

export function languageOption(): Option {
  return new Option("--lang <language>", "language of the output (default: from LANG)").choices(SUPPORTED_LANGUAGES);
}
