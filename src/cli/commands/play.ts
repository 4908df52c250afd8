import { mkdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { type Command, Option } from "commander";
import { UserError } from "../../errors.js";
import { readTextFile, writeFileAtomic } from "../../files.js";
import { detectLanguage } from "../../i18n/language.js";
import { translator } from "../../i18n/translate.js";
import { ProtocolError } from "../../negotiation/session.js";
import { talkEntries } from "../../play/conversation.js";
import { type Game, SURPRISE, abandonGame, gameSetup, gameTranscript, partnerChoices, playMove, startGame } from "../../play/game.js";
import { computeDebrief, debriefSections } from "../../report/debrief.js";
import { BUILTIN_SCENARIO_DIR, DEFAULT_SCENARIO_ID, builtinScenarioIds, resolveScenarioPath } from "../../scenario/builtin.js";
import { didYouMean } from "../../scenario/diagnostics.js";
import type { Language } from "../../scenario/schema.js";
import type { PlayOptions, ScenarioChoice } from "../../ui/play/state.js";
import { cliInvocation, shellWord } from "../invocation.js";
import { parseMovesFile, toProtocolMove } from "../moves-file.js";
import { languageOption, positiveInteger } from "../options.js";
import { loadScenarioArgument } from "../scenario-input.js";

interface PlayFlags {
  as?: string;
  partner?: string;
  lang?: string;
  seed?: string;
  rounds?: number;
  transcript?: string;
  moves?: string;
}

/** Ctrl-C in the play UI: saved, and the exit code of an interrupt. */
const EXIT_INTERRUPTED = 130;

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
    .option("--transcript <file>", "also write the transcript to this file")
    .option("--moves <file>", "play the moves in this JSON file without a terminal, then print the debrief")
    .addHelpText(
      "after",
      `
Examples:
  $ mutual-gains play
  $ mutual-gains play rd-consortium --partner logroller
  $ mutual-gains play hospital-it-platform --as duinzicht --partner logroller --lang nl
  $ mutual-gains play my-scenario.json --partner surprise --seed 42 --rounds 6
  $ mutual-gains play hospital-it-platform --as duinzicht --partner boulware --moves moves.json

Transcripts are saved in transcripts/<scenario>-<time>.json, also when you quit or press Ctrl-C
(exit code 130). Reopen a debrief with: mutual-gains debrief <transcript>`,
    )
    .action(async (argument: string | undefined, flags: PlayFlags) => {
      const lang = detectLanguage(flags.lang, process.env);
      const { scenarios, scenarioId } = scenarioChoices(argument);
      const chosen = scenarios.find((choice) => choice.id === scenarioId);
      if (flags.as !== undefined && !chosen) throw new UserError("--as needs the scenario: mutual-gains play <scenario> --as <party>");
      if (flags.as !== undefined && chosen) partyIndex(chosen, flags.as);
      const options: PlayOptions = {
        scenarios,
        lang,
        seed: flags.seed ?? String(Date.now()),
        scenarioId,
        partyId: flags.as,
        partner: flags.partner,
        rounds: flags.rounds,
      };
      const save = transcriptSaver(lang, flags.transcript);
      if (flags.moves) return playMovesFile(options, flags.moves, save);
      if (!process.stdin.isTTY || !process.stdout.isTTY) {
        const command = "mutual-gains play <scenario> --as <party> --partner <style> --moves moves.json";
        throw new UserError(translator(lang)("play.needsTerminal", { command }));
      }
      // Ink colours through chalk, which ignores NO_COLOR but reads FORCE_COLOR when it loads.
      if (process.env.NO_COLOR !== undefined) process.env.FORCE_COLOR = "0";
      // Ink draws only the final frame when CI or CONTINUOUS_INTEGRATION is set (read when it
      // loads); both ends are a terminal here, so the trainee must see every frame.
      delete process.env.CI;
      delete process.env.CONTINUOUS_INTEGRATION;
      // Ink and React take a third of a second to load: only the commands that draw pay for it.
      const { runPlayApp } = await import("../../ui/play/run.js");
      const reopen = (path: string) => `${cliInvocation(process.argv[1], process.cwd(), process.env.PATH)} debrief ${shellWord(path)}`;
      const { exit } = await runPlayApp(options, save, reopen);
      if (exit === "interrupt") process.exitCode = EXIT_INTERRUPTED;
    });
}

/** Every built-in scenario, plus the file the argument names if it is not one of them. */
function scenarioChoices(argument: string | undefined): { scenarios: ScenarioChoice[]; scenarioId?: string } {
  // The default scenario comes first, where the picker's cursor starts.
  const ids = builtinScenarioIds().sort((a, b) => Number(b === DEFAULT_SCENARIO_ID) - Number(a === DEFAULT_SCENARIO_ID));
  const scenarios = ids.map((id) => ({ id, scenario: loadScenarioArgument(id) }));
  if (argument === undefined) return { scenarios };
  const path = resolveScenarioPath(argument);
  if (dirname(path) === BUILTIN_SCENARIO_DIR) return { scenarios, scenarioId: basename(path, ".json") };
  const scenario = loadScenarioArgument(path);
  return { scenarios: [{ id: path, scenario }, ...scenarios], scenarioId: path };
}

function partyIndex(choice: ScenarioChoice, id: string): number {
  const ids = choice.scenario.parties.map((party) => party.id);
  const index = ids.indexOf(id);
  if (index < 0) throw new UserError(`no organisation "${id}" in ${choice.id}${didYouMean(id, ids)}; organisations: ${ids.join(", ")}`);
  return index;
}

type Saver = (game: Game) => string;

/** Writes the transcript atomically to transcripts/<scenario>-<time>.json, and where --transcript says; returns where to find it. */
function transcriptSaver(lang: Language, extra: string | undefined): Saver {
  return (game) => {
    const savedAt = new Date();
    const json = `${JSON.stringify(gameTranscript(game, { lang, savedAt }), null, 2)}\n`;
    const stamp = savedAt.toISOString().replace(/[:.]/g, "-");
    const path = join("transcripts", `${game.setup.scenario.id}-${stamp}.json`);
    mkdirSync("transcripts", { recursive: true });
    writeFileAtomic(path, json);
    if (extra) writeFileAtomic(extra, json);
    return extra ?? path;
  };
}

/**
 * Plays written moves without a terminal: prints the conversation and the debrief, saves
 * the transcript. A move that cannot be played is an error, after the moves before it are
 * saved (marked incomplete).
 */
function playMovesFile(options: PlayOptions, file: string, save: Saver): void {
  const choice = options.scenarios.find((candidate) => candidate.id === options.scenarioId);
  if (!choice || options.partyId === undefined || options.partner === undefined) {
    throw new UserError("--moves needs the scenario, --as <party> and --partner <style>");
  }
  const moves = parseMovesFile(readTextFile(file, "moves file"), file);
  const setup = gameSetup({ scenario: choice.scenario, trainee: partyIndex(choice, options.partyId), partner: options.partner, seed: options.seed, rounds: options.rounds });
  let game = startGame(setup);
  for (const [k, move] of moves.entries()) {
    if (game.session.ended) break;
    try {
      game = playMove(game, toProtocolMove(move, game.session, setup.trainee, file));
    } catch (error) {
      if (!(error instanceof ProtocolError) && !(error instanceof UserError)) throw error;
      const path = save(abandonGame(game));
      const reason = error instanceof ProtocolError ? translator(options.lang)(`protocol.${error.code}`, error.params) : error.message;
      throw new UserError(`${file}: move ${k + 1} cannot be played now: ${reason} (the moves before it are saved in ${path})`);
    }
  }
  const finished = game.session.ended ? game : abandonGame(game);
  const path = save(finished);
  const t = translator(options.lang);
  for (const entry of talkEntries(finished.session, setup.trainee, t, true)) process.stdout.write(`[${entry.round}] ${entry.text}\n`);
  process.stdout.write("\n");
  const width = process.stdout.isTTY ? (process.stdout.columns ?? 80) : 80;
  const debrief = computeDebrief(gameTranscript(finished, { lang: options.lang, savedAt: new Date() }), finished.session);
  const sections = debriefSections(debrief, setup.scenario, options.lang, width);
  process.stdout.write(`${sections.map((section) => [section.title, ...section.lines].join("\n")).join("\n\n")}\n`);
  process.stdout.write(`\n${t("play.saved", { path })}\n`);
}
