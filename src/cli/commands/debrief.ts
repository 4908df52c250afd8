/**
 * `debrief`: its arguments, options and help, without its implementation (../actions/debrief.ts),
 * which is loaded only when the command runs: `--help` and the other commands do not pay for it.
 */
import type { Command } from "commander";
import type { DebriefFlags } from "../actions/debrief.js";
import { languageOption } from "../options.js";

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
    .option("--html <file>", "also write the debrief as one self-contained HTML page, to keep and print")
    .addOption(lang)
    .addHelpText(
      "after",
      `
Examples:
  $ mutual-gains debrief transcripts/hospital-it-platform-2025-01-31T10-00-00-000Z.json
  $ mutual-gains debrief my-game.json --lang nl
  $ mutual-gains debrief my-game.json --json > debrief.json
  $ mutual-gains debrief my-game.json --html my-debrief.html`,
    )
    .action(async (path: string, flags: DebriefFlags) => (await import("../actions/debrief.js")).debriefAction(path, flags));
}
