/**
 * Every command's arguments, options and help text, and only those: each command's
 * implementation (cli/commands/<name>.ts) is imported in its action, when it runs. So
 * `--version`, `--help` and a command's `--help` load commander and this module, not zod, ink,
 * React or mathjs, and a command loads only its own implementation. Everything here comes
 * from commander or vocabulary.ts (a leaf): an import of anything else would bring its
 * dependencies back into every start.
 */
import { type Command, InvalidArgumentError, Option } from "commander";
import {
  DEFAULT_MAX_WORKERS,
  SUPPORTED_LANGUAGES,
  SURPRISE,
  TEMPLATE_ISSUES,
  TEMPLATE_PARTIES,
  THREADS_PAY_OFF,
  TRAINEE_NAME_MAX_LENGTH,
  isTraineeName,
  parseShard,
  partnerChoices,
} from "../vocabulary.js";
import type { AnalyzeFlags } from "./commands/analyze.js";
import type { BatchFlags } from "./commands/batch.js";
import type { CheckFlags } from "./commands/check.js";
import type { ClassFlags } from "./commands/class.js";
import type { DebriefFlags } from "./commands/debrief.js";
import type { ImportGeniusFlags } from "./commands/import.js";
import type { InitFlags } from "./commands/init.js";
import type { PlayFlags } from "./commands/play.js";
import type { ValidateFlags } from "./commands/validate.js";

/** 40,000: written out here, since the first Intl formatter of a process costs some 10 ms of ICU data and every start registers this help. */
const THREADS_PAY_OFF_TEXT = String(THREADS_PAY_OFF).replace(/\B(?=(\d{3})+$)/g, ",");

/** Every command, in the order of the top-level help. */
export function registerCommands(program: Command): void {
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
}

/** Option parsers and options that several commands share. */
function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError("expected a whole number of 1 or more.");
  return parsed;
}

function languageOption(): Option {
  return new Option("--lang <language>", "language of the output (default: from LANG)").choices(SUPPORTED_LANGUAGES);
}

function registerPlay(program: Command): void {
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
    .action(async (argument: string | undefined, flags: PlayFlags) => (await import("./commands/play.js")).playAction(argument, flags));
}

/** --name: a name as the transcript keeps it (the shell's spaces around it dropped). */
function traineeName(value: string): string {
  const name = value.trim();
  if (!isTraineeName(name)) {
    throw new InvalidArgumentError(`expected a name of 1 to ${TRAINEE_NAME_MAX_LENGTH} characters without control characters.`);
  }
  return name;
}

function registerAnalyze(program: Command): void {
  program
    .command("analyze")
    .description("Analyse a scenario: Pareto frontier, bargaining points, issue types and value-creating packages.")
    .argument("<scenario>", "a scenario file or the id of a built-in scenario")
    .option("--json", "print the analysis as JSON")
    .option("--top <n>", "number of value-creating packages to list", positiveInteger, 5)
    .option("--seed <seed>", "seed for the draws behind each package's risk, where the scenario is uncertain", "0")
    .option(
      "--agreeable",
      "compute only the part of the Pareto frontier above every BATNA (the bargaining points and packages are the same): " +
        "for scenarios whose whole frontier is beyond the engine's budget",
    )
    .addOption(languageOption())
    .addHelpText(
      "after",
      `
Examples:
  $ mutual-gains analyze hospital-it-platform
  $ mutual-gains analyze my-scenario.json --top 10 --lang nl
  $ mutual-gains analyze rd-consortium --json > analysis.json
  $ mutual-gains analyze solar-park --json --seed 7
  $ mutual-gains analyze large-scenario.json --agreeable`,
    )
    .action(async (argument: string, flags: AnalyzeFlags) => (await import("./commands/analyze.js")).analyzeAction(argument, flags));
}

function registerValidate(program: Command): void {
  program
    .command("validate")
    .description(
      "Check scenario files: JSON syntax, the schema and the scenario's own rules. Exits 1 when any file has an error. " +
        "Files ending in .schema.json are skipped.",
    )
    .argument("<files...>", "scenario files")
    .option("--json", "print the problems as JSON")
    .option("--teach", "also run the teaching check (see mutual-gains check) on every valid scenario")
    .addOption(languageOption())
    .addHelpText(
      "after",
      `
Examples:
  $ mutual-gains validate scenarios/*.json
  $ mutual-gains validate my-scenario.json --json
  $ mutual-gains validate --teach my-scenario.json`,
    )
    .action(async (files: string[], flags: ValidateFlags) => (await import("./commands/validate.js")).validateAction(files, flags));
}

function registerSchema(program: Command): void {
  program
    .command("schema")
    .description("Print the JSON Schema of scenario files (for editors: start a scenario with \"$schema\").")
    .addHelpText(
      "after",
      `
Examples:
  $ mutual-gains schema > scenario.schema.json`,
    )
    .action(async () => (await import("./commands/schema.js")).schemaAction());
}

function registerImport(program: Command): void {
  const importCommand = program
    .command("import")
    .description("Import scenarios from other negotiation tools.")
    .addHelpText(
      "after",
      `
Examples:
  $ mutual-gains import genius domain.xml profile1.xml profile2.xml -o scenario.json`,
    );
  importCommand
    .command("genius")
    .description(
      "Convert a GENIUS/ANAC domain and its linear-additive preference profiles (one per party) into a scenario. " +
        "Utilities equal GENIUS's normalised utility × 100; ids are the XML's names.",
    )
    .argument("<domain>", "the domain XML file")
    .argument("<profiles...>", "two to eight preference profile XML files")
    .option("-o, --output <file>", "write the scenario to this file instead of standard output")
    .addHelpText(
      "after",
      `
Examples:
  $ mutual-gains import genius laptop_domain.xml laptop_buyer_utility.xml laptop_seller_utility.xml -o laptop.json
  $ mutual-gains import genius party_domain.xml party1_utility.xml party2_utility.xml party3_utility.xml`,
    )
    .action(async (domainPath: string, profilePaths: string[], flags: ImportGeniusFlags) =>
      // The XML parser is loaded only by this command, not at every start of the CLI.
      (await import("./commands/import.js")).importGeniusAction(domainPath, profilePaths, flags),
    );
}

function registerDebrief(program: Command): void {
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
    .action(async (path: string, flags: DebriefFlags) => (await import("./commands/debrief.js")).debriefAction(path, flags));
}

function registerBatch(program: Command): void {
  const batch = program
    .command("batch")
    .description(
      "Negotiate scripted partners against each other: every scenario × pairing of strategies × both seats × runs, " +
        "with a summary ranking the strategies. Reproducible: the same flags give the same rows, whatever --workers or --shard.",
    )
    .argument("<scenarios...>", "scenario files or ids of built-in scenarios")
    .option("--strategies <list>", 'strategies under test, separated by commas, or "all"', "all")
    .option("--vs <list>", 'their opponents, separated by commas, or "all"', "all")
    .addOption(new Option("--family <family>", "only strategies of this family (in both lists)").choices(["win-win", "win-lose", "baseline"]))
    .option("--runs <n>", "negotiations per scenario, pairing and seat (each with its own seed)", positiveInteger, 20)
    .option("--rounds <n>", "deadline in rounds (default: each scenario's)", positiveInteger)
    .option("--seed <seed>", "base seed: every negotiation's seed is derived from it", "0")
    .option(
      "--workers <n>",
      `worker threads (1: in this process; default: 1 below ${THREADS_PAY_OFF_TEXT} negotiations, else up to ${DEFAULT_MAX_WORKERS}, one per core)`,
      positiveInteger,
    )
    .option("--out <file>", "write the rows to this file (.csv or .jsonl); a file holding some rows of the same batch is resumed")
    .addOption(
      new Option(
        "--format <format>",
        "rows: csv or jsonl; summary: table (both rankings) or json; with --out, the rows' format comes from the file's extension and this picks the summary printed (default: the strategy ranking, else both tables)",
      ).choices(["table", "json", "csv", "jsonl"]),
    )
    .option("--shard <i/n>", "run only the tasks whose index is i modulo n (i from 0), for job arrays; merge with batch merge", parseShard)
    .addHelpText(
      "after",
      `
Every scenario is played by every pairing of --strategies × --vs, in both seats (each strategy plays each
role; with three or more parties the pair's strategies take the seats in turn), --runs times with derived seeds.

Examples:
  $ mutual-gains batch hospital-it-platform
  $ mutual-gains batch hospital-it-platform sustainable-supply --strategies logroller,hardliner --vs all --runs 50
  $ mutual-gains batch hospital-it-platform --family win-win --format json
  $ mutual-gains batch hospital-it-platform rd-consortium --out results.csv     # run it again to resume
  $ mutual-gains batch hospital-it-platform --out results.jsonl --format json   # rows to the file, summary as JSON
  $ mutual-gains batch hospital-it-platform --shard 0/4 --out part-0.csv        # job 0 of 4
  $ mutual-gains batch merge part-*.csv --out results.csv`,
    )
    .action(async (arguments_: string[], flags: BatchFlags) => (await import("./commands/batch.js")).batchAction(arguments_, flags));

  batch
    .command("merge")
    .description("Merge the row files of a sharded batch (CSV or JSON Lines) into task order: the file an unsharded run writes.")
    .argument("<files...>", "the shards' --out files, in any order")
    .option("--out <file>", "write the merged rows to this file (default: stdout)")
    .addHelpText(
      "after",
      `
Examples:
  $ mutual-gains batch merge part-0.csv part-1.csv part-2.csv part-3.csv --out results.csv
  $ mutual-gains batch merge shards/*.jsonl > results.jsonl`,
    )
    .action(async (files: string[], flags: unknown, command: Command) => (await import("./commands/batch.js")).mergeAction(files, flags, command));
}

function registerClass(program: Command): void {
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
    .action(async (paths: string[], flags: ClassFlags) => (await import("./commands/class.js")).classAction(paths, flags));
}

function registerCheck(program: Command): void {
  program
    .command("check")
    .description(
      "Check whether a scenario will teach: a package that beats every BATNA, value that haggling leaves on the table (at least 20 % of the maximal joint gain), " +
        "a compatible issue, an integrative pair, every text in English and Dutch, and every partner style reaching agreement with some other style in a short batch. " +
        "Prints the figures it judged on and a warning, with its JSON path, for each test the scenario fails. Exits 1 only when the scenario is not valid.",
    )
    .argument("<scenario>", "a scenario file or the id of a built-in scenario")
    .option("--json", "print the figures and the warnings as JSON")
    .addOption(languageOption())
    .addHelpText(
      "after",
      `
Examples:
  $ mutual-gains init my-scenario.json --parties 3
  $ mutual-gains check my-scenario.json
  $ mutual-gains check rd-consortium --lang nl
  $ mutual-gains validate --teach scenarios/*.json`,
    )
    .action(async (argument: string, flags: CheckFlags) => (await import("./commands/check.js")).checkAction(argument, flags));
}

const between = (range: { min: number; max: number }) => (value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < range.min || parsed > range.max) throw new InvalidArgumentError(`expected a whole number from ${range.min} to ${range.max}.`);
  return parsed;
};

function registerInit(program: Command): void {
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
    .action(async (file: string, flags: InitFlags) => (await import("./commands/init.js")).initAction(file, flags));
}
