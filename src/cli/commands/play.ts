import { mkdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { type Command, Option } from "commander";
import { UserError } from "../../errors.js";
import { readTextFile, writeFileAtomic } from "../../files.js";
import { detectLanguage } from "../../i18n/language.js";
import { findStyle, PARTNER_STYLES } from "../../negotiation/partners/registry.js";
import { makeTranscript } from "../../negotiation/transcript.js";
import { BUILTIN_SCENARIO_DIR, DEFAULT_SCENARIO_ID, builtinScenarioIds, resolveScenarioPath } from "../../scenario/builtin.js";
import { didYouMean } from "../../scenario/diagnostics.js";
import { type Language, localise } from "../../scenario/schema.js";
import { type Game, type PlayOptions, SURPRISE, type ScenarioChoice, initialPlayState } from "../../ui/play/state.js";
import { positiveInteger, languageOption } from "../options.js";
import { loadScenarioArgument } from "../scenario-input.js";
import { debriefLines } from "../../ui/play/debrief-lines.js";
import { conversationLines } from "../../ui/play/conversation.js";
import { ProtocolError } from "../../negotiation/session.js";
import { parseMovesFile, toProtocolMove } from "../moves-file.js";

interface PlayFlags {
  as?: string;
  partner?: string;
  lang?: string;
  seed?: string;
  rounds?: number;
  transcript?: string;
  moves?: string;
}

export function registerPlay(program: Command): void {
  program
    .command("play")
    .description("Negotiate a scenario against a scripted partner, round by round, and get a debrief. Asks on screen for anything not given.")
    .argument("[scenario]", "a scenario file or the id of a built-in scenario (default: the picker)")
    .option("--as <party>", "the organisation you play (its id)")
    .addOption(new Option("--partner <style>", `the partner's style, or "${SURPRISE}"`).choices([...PARTNER_STYLES.map((style) => style.id), SURPRISE]))
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
  $ mutual-gains play hospital-it-platform --as duinzicht --partner logroller --lang nl
  $ mutual-gains play my-scenario.json --partner surprise --seed 42 --rounds 6
  $ mutual-gains play hospital-it-platform --as duinzicht --partner boulware --moves moves.json

Transcripts are saved in transcripts/<scenario>-<time>.json, also when you quit or press Ctrl-C.
Reopen a debrief with: mutual-gains debrief <transcript>`,
    )
    .action(async (argument: string | undefined, flags: PlayFlags) => {
      const lang = detectLanguage(flags.lang, process.env);
      const { scenarios, scenarioId } = scenarioChoices(argument);
      const chosen = scenarios.find((choice) => choice.id === scenarioId);
      const options: PlayOptions = {
        scenarios,
        lang,
        seed: flags.seed ?? String(Date.now()),
        scenarioId,
        party: flags.as === undefined || !chosen ? undefined : partyIndex(chosen, flags.as),
        partner: flags.partner,
        rounds: flags.rounds,
      };
      const save = transcriptSaver(lang, flags.transcript);
      if (flags.moves) return playMovesFile(options, flags.moves, save);
      if (!process.stdin.isTTY || !process.stdout.isTTY) {
        const shown = chosen ?? scenarios[0];
        process.stdout.write(
          `${localise(shown.scenario.title, lang)}\n${localise(shown.scenario.story, lang)}\n\n` +
            "play is interactive and needs an interactive terminal: run it directly in a terminal window, not through a pipe or a file.\n" +
            "Without a terminal, give the moves in a file: mutual-gains play <scenario> --as <party> --partner <style> --moves moves.json\n",
        );
        return;
      }
      // Ink colours through chalk, which ignores NO_COLOR but reads FORCE_COLOR when it loads.
      if (process.env.NO_COLOR !== undefined) process.env.FORCE_COLOR = "0";
      // Ink draws only the final frame when CI or CONTINUOUS_INTEGRATION is set (read when it
      // loads); both ends are a terminal here, so the trainee must see every frame.
      delete process.env.CI;
      delete process.env.CONTINUOUS_INTEGRATION;
      // Ink and React take a third of a second to load: only the commands that draw pay for it.
      const { runPlayApp } = await import("../../ui/play/run.js");
      await runPlayApp(options, save);
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

type Saver = (game: Game, complete: boolean) => string;

/** Writes the transcript atomically to transcripts/<scenario>-<time>.json, and where --transcript says. */
function transcriptSaver(lang: Language, extra: string | undefined): Saver {
  return (game, complete) => {
    const savedAt = new Date();
    const transcript = makeTranscript(game.driver.session, { trainee: game.trainee, surprise: game.surprise, lang, complete, savedAt });
    const json = `${JSON.stringify(transcript, null, 2)}\n`;
    const stamp = savedAt.toISOString().replace(/[:.]/g, "-");
    const path = join("transcripts", `${game.scenario.id}-${stamp}.json`);
    mkdirSync("transcripts", { recursive: true });
    writeFileAtomic(path, json);
    if (extra) writeFileAtomic(extra, json);
    return extra ?? path;
  };
}

/** Plays written moves without a terminal: prints the conversation and the debrief, saves the transcript. */
function playMovesFile(options: PlayOptions, file: string, save: Saver): void {
  if (options.scenarioId === undefined || options.party === undefined || options.partner === undefined) {
    throw new UserError("--moves needs the scenario, --as <party> and --partner <style>");
  }
  if (!findStyle(options.partner) && options.partner !== SURPRISE) throw new UserError(`unknown partner style "${options.partner}"`);
  const moves = parseMovesFile(readTextFile(file, "moves file"), file);
  const game = initialPlayState(options).game!;
  const session = game.driver.session;
  moves.forEach((move, k) => {
    if (session.ended) return;
    try {
      game.driver.play(game.trainee, toProtocolMove(move, session, game.trainee, file));
    } catch (error) {
      if (error instanceof ProtocolError) throw new UserError(`${file}: move ${k + 1} cannot be played now: ${error.message}`);
      throw error;
    }
  });
  const complete = session.ended;
  if (!complete) session.apply({ type: "abandon", round: session.round, actor: game.trainee });
  const path = save(game, complete);
  for (const line of conversationLines(session, game.trainee, options.lang)) process.stdout.write(`[${line.round}] ${line.text}\n`);
  process.stdout.write("\n");
  for (const line of debriefLines(game, session, process.stdout.columns ?? 80, options.lang)) process.stdout.write(`${line.text}\n`);
  process.stdout.write(`\n${path}\n`);
}
