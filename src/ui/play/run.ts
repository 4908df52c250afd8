/** Starts the play UI in the terminal and resolves, once the trainee is done, with how it ended. */
import { render } from "ink";
import { createElement } from "react";
import { translator } from "../../i18n/translate.js";
import { type Game, abandonGame, gameOver } from "../../play/game.js";
import { PlayApp } from "./PlayApp.js";
import type { ExitRequest, PlayOptions } from "./state.js";

/** Exit codes of a signal: 128 + its number. */
const SIGNAL_EXIT: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

export interface PlayRun {
  readonly exit: ExitRequest;
  /** Where the transcript of a game left before its end went, if one was. */
  readonly unfinishedAt: string | null;
}

/** `reopen` is the command that reopens a debrief, as the trainee can type it where they are. */
export async function runPlayApp(options: PlayOptions, save: (game: Game) => string, reopen: (path: string) => string): Promise<PlayRun> {
  const t = translator(options.lang);
  let current: Game | null = null;
  let result: PlayRun = { exit: "quit", unfinishedAt: null };
  const tell = (path: string) => process.stdout.write(`${t("play.saved", { path })}\n${t("play.reopen", { command: reopen(path) })}\n`);
  // A signal (kill, a closed terminal) must not lose the trainee's moves either.
  const onSignal = (signal: NodeJS.Signals) => {
    app.unmount();
    if (current && !gameOver(current)) tell(save(abandonGame(current)));
    process.exit(SIGNAL_EXIT[signal] ?? 1);
  };
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const signal of signals) process.once(signal, onSignal);
  // Ctrl-C reaches the app as a key (the terminal is in raw mode), so the app can save before it exits.
  const app = render(
    createElement(PlayApp, {
      options,
      save,
      onGame: (game: Game) => (current = game),
      onExit: (exit: ExitRequest, unfinishedAt: string | null) => {
        result = { exit, unfinishedAt };
        app.unmount();
      },
    }),
    { exitOnCtrlC: false },
  );
  await app.waitUntilExit();
  for (const signal of signals) process.off(signal, onSignal);
  if (result.unfinishedAt) tell(result.unfinishedAt);
  return result;
}
