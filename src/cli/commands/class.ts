/**
 * `class`: its arguments, options and help, without its implementation (../actions/class.ts),
 * which is loaded only when the command runs: `--help` and the other commands do not pay for it.
 */
import type { Command } from "commander";
import type { ClassFlags } from "../actions/class.js";
import { languageOption } from "../options.js";

export function registerClass(program: Command): void {
  program
    .command("class")
    .description(
      "Debrief a whole class: the transcripts of many games, grouped by scenario and seat, with the agreement rate, the value created and left on the table, " +
        "every deal on the frontier, the mistakes per tip, the best and the weakest deal, and a row per trainee. Games stopped before their end are counted apart.",
    )
    .argument("<transcripts...>", "transcript files, or folders to search for them (and their subfolders)")
    .option("--html <file>", "also write the report as one self-contained HTML page, to project or print")
    .option("--json", "print the report as JSON")
    .option("--baseline <rows>", "rows of a batch run (CSV or JSON Lines): the same figures for scripted partners in the trainees' seat")
    .addOption(languageOption())
    .addHelpText(
      "after",
      `
Examples:
  $ mutual-gains class transcripts/
  $ mutual-gains class transcripts/ --html class.html --lang nl
  $ mutual-gains class group-a/*.json group-b/*.json --json > class.json
  $ mutual-gains batch hospital-it-platform --runs 20 --out rows.csv
  $ mutual-gains class transcripts/ --baseline rows.csv --html class.html

A file in a folder that is not a transcript is skipped; a damaged transcript is listed and left out.`,
    )
    .action(async (paths: string[], flags: ClassFlags) => (await import("../actions/class.js")).classAction(paths, flags));
}
