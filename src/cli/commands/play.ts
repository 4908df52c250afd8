/**
 * `play`: its arguments, options and help, without its implementation (../actions/play.ts),
 * which is loaded only when the command runs: `--help` and the other commands do not pay for it.
 */
import { type Command, InvalidArgumentError, Option } from "commander";
import type { PlayFlags } from "../actions/play.js";
import { TRAINEE_NAME_MAX_LENGTH, isTraineeName } from "../../negotiation/trainee-name.js";
import { SURPRISE, partnerChoices } from "../../play/choices.js";
import { languageOption, positiveInteger } from "../options.js";

export function registerPlay(program: Command): void {
  program
    .command("play")
    .description("Negotiate a scenario against scripted partners, round by round, and get a debrief. Asks on screen for anything not given.")
    .argument("[scenario]", "a scenario file or the id of a built-in scenario (default: the picker)")
    .option("--as <party>", "the organisation you play (its id); needs the scenario")
    .addOption(new Option("--partner <style>", `the partners' style, or "${SURPRISE}"`).choices(partnerChoices()))
    .addOption(languageOption())
    .option("--seed <seed>", "seed for the partners' random choices (same seed, same game)")
    .option("--rounds <n>", "deadline in rounds (default: the scenario's)", positiveInteger)
    .option("--transcript <file>", "write the transcript to this file (default: transcripts/<scenario>-<time>.json)")
    .option("--moves <file>", "play the moves in this JSON file without a terminal, then print the debrief")
    .option("--name <name>", "your name or your group's, kept in the transcript for the class report (default: asked in the picker)", traineeName)
    .option("--resume <transcript>", "continue a game that was stopped, where it stopped (saved again in that file unless --transcript says otherwise)")
    .addHelpText(
      "after",
      `
Examples:
  $ mutual-gains play
  $ mutual-gains play rd-consortium --partner logroller
  $ mutual-gains play hospital-it-platform --as duinzicht --partner logroller --lang nl
  $ mutual-gains play my-scenario.json --partner surprise --seed 42 --rounds 6
  $ mutual-gains play hospital-it-platform --as duinzicht --partner boulware --moves moves.json
  $ mutual-gains play rd-consortium --as university --partner meso --name "Group 3"
  $ mutual-gains play --resume transcripts/rd-consortium-2025-01-31T10-00-00-000Z.json
  $ mutual-gains play --resume stopped.json --moves the-rest.json

Transcripts are saved in transcripts/<scenario>-<time>.json (or where --transcript says), also when
you quit, press Ctrl-C (exit code 130) or the program is stopped by a signal.
Reopen a debrief with: mutual-gains debrief <transcript>`,
    )
    .action(async (argument: string | undefined, flags: PlayFlags) => (await import("../actions/play.js")).playAction(argument, flags));
}

/** --name: a name as the transcript keeps it (the shell's spaces around it dropped). */
function traineeName(value: string): string {
  const name = value.trim();
  if (!isTraineeName(name)) {
    throw new InvalidArgumentError(`expected a name of 1 to ${TRAINEE_NAME_MAX_LENGTH} characters without control characters.`);
  }
  return name;
}
