/** `play`: what it does when it runs, loaded only then (its arguments, options and help: ../definitions.ts). */
import { accessSync, constants, existsSync, mkdirSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UserError } from "../../errors.js";
import { writeFileAtomic } from "../../files.js";
import { detectLanguage } from "../../i18n/language.js";
import { type Translator, translator } from "../../i18n/translate.js";
import { compileScenario } from "../../engine/model.js";
import { ProtocolError } from "../../negotiation/session.js";
import { talkEntries } from "../../play/conversation.js";
import { type Game, type GameSetup, ResumeError, abandonGame, gameOver, gameSetup, gameTranscript, playMove, resumeGame, startGame } from "../../play/game.js";
import { actInPartnership, isPartnership } from "../../play/partnership.js";
import { partnershipConversation, partnershipGameDebrief } from "../../play/partnership-debrief.js";
import { partnershipDebriefText } from "../../report/partnership-debrief-text.js";
import { computeDebrief, debriefSections } from "../../report/debrief.js";
import { BUILTIN_SCENARIO_DIR, DEFAULT_SCENARIO_ID, builtinScenarioIds, resolveScenarioPath } from "../../scenario/builtin.js";
import { didYouMean } from "../../scenario/diagnostics.js";
import { foundingParties } from "../../scenario/partnership-semantics.js";
import type { Language } from "../../scenario/schema.js";
import type { PlayOptions, ScenarioChoice } from "../../ui/play/state.js";
import { cliInvocation, shellWord } from "../invocation.js";
import { MoveMismatch, type ScriptedMove, moveVocabulary, readMovesFile, toProtocolMove } from "../moves-file.js";
import { loadScenarioArgument } from "../scenario-input.js";
import { loadTranscript } from "../transcript-input.js";

export interface PlayFlags {
  as?: string;
  partner?: string;
  lang?: string;
  seed?: string;
  rounds?: number;
  transcript?: string;
  moves?: string;
  name?: string;
  resume?: string;
}

/** Ctrl-C in the play UI: saved, and the exit code of an interrupt. */
const EXIT_INTERRUPTED = 130;

export async function playAction(argument: string | undefined, flags: PlayFlags): Promise<void> {
  if (flags.resume !== undefined) return resume(flags.resume, argument, flags);
  const lang = detectLanguage(flags.lang, process.env);
  const { scenarios, scenarioId } = await scenarioChoices(argument);
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
    name: flags.name,
  };
  if (flags.moves) return playMovesFile(startGame(movesFileSetup(options)), options.lang, flags.moves, transcriptSaver(lang, flags.transcript));
  return playInTerminal(options, transcriptSaver(lang, flags.transcript), "mutual-gains play <scenario> --as <party> --partner <style> --moves moves.json");
}

/** The flags that set a game up: a resumed game keeps its own. */
const SETUP_FLAGS = ["as", "partner", "seed", "rounds", "name"] as const;

/** `play --resume`: the game of an unfinished transcript, played on in the terminal or with --moves. */
async function resume(file: string, argument: string | undefined, flags: PlayFlags): Promise<void> {
  const given = SETUP_FLAGS.filter((flag) => flags[flag] !== undefined).map((flag) => `--${flag}`);
  if (argument !== undefined) given.unshift(argument);
  if (given.length > 0) throw new UserError(`--resume continues the game as it was set up: leave out ${given.join(", ")}`);
  const { transcript } = loadTranscript(file);
  let game: Game;
  try {
    game = resumeGame(transcript);
  } catch (error) {
    if (error instanceof ResumeError) throw new UserError(`cannot resume ${file}: ${error.message}`, { cause: error });
    throw error;
  }
  const lang = flags.lang === undefined ? transcript.lang : detectLanguage(flags.lang, process.env);
  const save = transcriptSaver(lang, flags.transcript ?? file);
  if (flags.moves) return playMovesFile(game, lang, flags.moves, save);
  const options: PlayOptions = { scenarios: [], lang, seed: game.setup.seed, resumed: game };
  return playInTerminal(options, save, `mutual-gains play --resume ${shellWord(file)} --moves moves.json`);
}

/** The play UI; without a terminal, says how to play with a moves file instead. */
async function playInTerminal(options: PlayOptions, save: Saver, movesCommand: string): Promise<void> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) throw new UserError(translator(options.lang)("play.needsTerminal", { command: movesCommand }));
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
}

/** Every built-in scenario, plus the file the argument names if it is not one of them. */
async function scenarioChoices(argument: string | undefined): Promise<{ scenarios: ScenarioChoice[]; scenarioId?: string }> {
  // The default scenario comes first, where the picker's cursor starts.
  const ids = builtinScenarioIds().sort((a, b) => Number(b === DEFAULT_SCENARIO_ID) - Number(a === DEFAULT_SCENARIO_ID));
  const scenarios: ScenarioChoice[] = [];
  for (const id of ids) scenarios.push({ id, scenario: await loadScenarioArgument(id) });
  if (argument === undefined) return { scenarios };
  const path = resolveScenarioPath(argument);
  if (dirname(path) === BUILTIN_SCENARIO_DIR) return { scenarios, scenarioId: basename(path, ".json") };
  const scenario = await loadScenarioArgument(path);
  return { scenarios: [{ id: path, scenario }, ...scenarios], scenarioId: path };
}

function partyIndex(choice: ScenarioChoice, id: string): number {
  const ids = choice.scenario.parties.map((party) => party.id);
  const index = ids.indexOf(id);
  if (index < 0) throw new UserError(`no organisation "${id}" in ${choice.id}${didYouMean(id, ids)}; organisations: ${ids.join(", ")}`);
  const founders = foundingParties(choice.scenario);
  if (!founders.includes(id)) throw new UserError(`"${id}" joins the partnership of ${choice.id} later: play an organisation that is in it from the start: ${founders.join(", ")}`);
  return index;
}

type Saver = (game: Game) => string;

/**
 * Writes the transcript atomically: to the file --transcript names, else to
 * transcripts/<scenario>-<time>.json (the folder made only then); returns where it went.
 * Where it is to go must be writable before the game starts, not found out at its end.
 */
function transcriptSaver(lang: Language, file: string | undefined): Saver {
  const folder = file === undefined ? "transcripts" : dirname(file);
  assertWritable(folder, file === undefined);
  return (game) => {
    const savedAt = new Date();
    const json = `${JSON.stringify(gameTranscript(game, { lang, savedAt }), null, 2)}\n`;
    if (file !== undefined) {
      writeFileAtomic(file, json);
      return file;
    }
    const stamp = savedAt.toISOString().replace(/[:.]/g, "-");
    const path = join(folder, `${game.setup.scenario.id}-${stamp}.json`);
    try {
      mkdirSync(folder, { recursive: true });
    } catch (error) {
      throw new UserError(`cannot make the folder ${folder}: ${(error as Error).message}`, { cause: error });
    }
    writeFileAtomic(path, json);
    return path;
  };
}

/** A folder the transcript can be written in: it is writable, or (when it may be made) its nearest existing parent is. */
function assertWritable(folder: string, mayMake: boolean): void {
  let existing = resolve(folder);
  while (!existsSync(existing) && mayMake && dirname(existing) !== existing) existing = dirname(existing);
  const advice = mayMake ? "; name a file in a folder you can write with --transcript <file>" : "";
  if (!existsSync(existing)) throw new UserError(`cannot save the transcript: the folder ${folder} does not exist`);
  if (!statSync(existing).isDirectory()) throw new UserError(`cannot save the transcript in ${folder}: ${existing} is a file, not a folder${advice}`);
  try {
    accessSync(existing, constants.W_OK);
  } catch {
    throw new UserError(`cannot save the transcript in ${folder}: ${existing} is not writable${advice}`);
  }
}

/** The game --moves plays: everything about it from the command line. */
function movesFileSetup(options: PlayOptions): GameSetup {
  const choice = options.scenarios.find((candidate) => candidate.id === options.scenarioId);
  if (!choice || options.partyId === undefined || options.partner === undefined) {
    throw new UserError("--moves needs the scenario, --as <party> and --partner <style>");
  }
  const { seed, rounds, name } = options;
  return gameSetup({ scenario: choice.scenario, trainee: partyIndex(choice, options.partyId), partner: options.partner, seed, rounds, name });
}

/** Exit codes of signals that end a game: 128 + the signal's number. */
const SIGNAL_EXIT: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/**
 * Plays written moves without a terminal: prints the conversation and the debrief, saves
 * the transcript. A move that cannot be played is an error, after the moves before it are
 * saved (marked incomplete); so is a signal while the moves are played.
 */
async function playMovesFile(start: Game, lang: Language, file: string, save: Saver): Promise<void> {
  const setup = start.setup;
  let game = start;
  let savedTo: string | null = null;
  // A signal at any point saves what was played, unless the finished game is saved already.
  const onSignal = (signal: NodeJS.Signals) => {
    const path = savedTo ?? save(abandonGame(game));
    process.stderr.write(`mutual-gains: stopped by ${signal} after ${game.moves.length} moves; they are saved in ${path}\n`);
    process.exit(SIGNAL_EXIT[signal] ?? 1);
  };
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const signal of signals) process.once(signal, onSignal);
  try {
    const whole = game.partnership?.setup ?? setup;
    const moves = readMovesFile(file, moveVocabulary(whole.scenario, compileScenario(whole.scenario)), whole.trainee);
    const t = translator(lang);
    for (const [k, move] of moves.entries()) {
      if (gameOver(game)) break;
      // A signal is handled between two moves.
      await new Promise<void>((next) => setImmediate(next));
      const refused = (reason: string) => {
        const path = save(abandonGame(game));
        return new UserError(`${file}: move ${k + 1} cannot be played now: ${reason} (the moves before it are saved in ${path})`);
      };
      try {
        game = playScripted(game, move, t);
      } catch (error) {
        if (error instanceof ProtocolError) throw refused(t(`protocol.${error.code}`, error.params));
        if (error instanceof MoveMismatch) throw refused(error.message);
        throw error;
      }
    }
    const finished = gameOver(game) ? game : abandonGame(game);
    savedTo = save(finished);
    printGame(finished, lang, savedTo);
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
  }
}

/** One written move played: a review between stages, or a move at the table. */
function playScripted(game: Game, move: ScriptedMove, t: Translator): Game {
  if (move.type === "review") {
    if (!isPartnership(game) || game.partnership.waiting.kind !== "review") throw new MoveMismatch(t("play.notice.noReview"));
    return actInPartnership(game, { type: "review", decision: move.decision });
  }
  if (isPartnership(game) && game.partnership.waiting.kind === "review") throw new MoveMismatch(t("play.notice.reviewFirst"));
  const protocolMove = toProtocolMove(move, game.session, game.setup.trainee);
  if (!protocolMove) throw new MoveMismatch(t("play.notice.noQuestion"));
  return playMove(game, protocolMove);
}

/** The conversation and the debrief of a game played from a moves file, and where it was saved. */
function printGame(finished: Game, lang: Language, path: string): void {
  const { scenario, trainee } = finished.setup;
  const t = translator(lang);
  if (isPartnership(finished)) {
    const width = process.stdout.isTTY ? (process.stdout.columns ?? 80) : 80;
    const lines = [...partnershipConversation(finished, t), "", ...partnershipDebriefText(partnershipGameDebrief(finished, lang), lang, width)];
    process.stdout.write(`${lines.join("\n")}\n\n${t("play.saved", { path })}\n`);
    return;
  }
  for (const entry of talkEntries(finished.session, trainee, t, true)) process.stdout.write(`[${entry.round}] ${entry.text}\n`);
  process.stdout.write("\n");
  const width = process.stdout.isTTY ? (process.stdout.columns ?? 80) : 80;
  const debrief = computeDebrief(gameTranscript(finished, { lang, savedAt: new Date() }), finished.session);
  const sections = debriefSections(debrief, scenario, lang, width);
  process.stdout.write(`${sections.map((section) => [section.title, ...section.lines].join("\n")).join("\n\n")}\n`);
  process.stdout.write(`\n${t("play.saved", { path })}\n`);
}
