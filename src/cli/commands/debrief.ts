import type { Command } from "commander";
import { UserError } from "../../errors.js";
import { readTextFile } from "../../files.js";
import type { Language } from "../../i18n/language.js";
import { TranscriptError, readTranscript } from "../../negotiation/transcript.js";
import { computeDebrief, debriefSections, debriefToJson } from "../../report/debrief.js";
import { languageOption } from "../options.js";
import { printJson } from "../output.js";

export function registerDebrief(program: Command): void {
  const lang = languageOption();
  // A debrief is read in the language the game was played in unless asked otherwise.
  lang.description = "language of the debrief (default: the transcript's)";
  program
    .command("debrief")
    .description(
      "Debrief a played game from its transcript: outcome, where the deal sits against the Pareto frontier, the better package, points per issue, plots, the offers over the rounds, issues and coaching along the seven tips.",
    )
    .argument("<transcript>", "a transcript file saved by play (transcripts/<scenario>-<time>.json)")
    .option("--json", "print the debrief as JSON")
    .addOption(lang)
    .addHelpText(
      "after",
      `
Examples:
  $ mutual-gains debrief transcripts/hospital-it-platform-2025-01-31T10-00-00-000Z.json
  $ mutual-gains debrief my-game.json --lang nl
  $ mutual-gains debrief my-game.json --json > debrief.json`,
    )
    .action((path: string, options: { json?: boolean; lang?: Language }) => {
      const { transcript, session } = loadTranscript(path);
      const language = options.lang ?? transcript.lang;
      const debrief = computeDebrief(transcript, session);
      if (options.json) {
        printJson(debriefToJson(debrief, transcript.scenario, language));
        return;
      }
      const sections = debriefSections(debrief, transcript.scenario, language, process.stdout.columns ?? 80);
      process.stdout.write(`${sections.map((section) => [section.title, ...section.lines].join("\n")).join("\n\n")}\n`);
    });
}

function loadTranscript(path: string): ReturnType<typeof readTranscript> {
  const text = readTextFile(path, "transcript");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  let read: ReturnType<typeof readTranscript>;
  try {
    read = readTranscript(value);
  } catch (error) {
    if (error instanceof TranscriptError) throw new UserError(`${path}: ${error.message}`, { cause: error });
    throw error;
  }
  if (read.transcript.trainee >= read.session.partyCount) {
    throw new UserError(`${path}: the trainee is party ${read.transcript.trainee}, but the scenario has ${read.session.partyCount} parties`);
  }
  return read;
}
