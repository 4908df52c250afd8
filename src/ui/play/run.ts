/** Starts the play UI in the terminal and resolves when the trainee is done. */
import { render } from "ink";
import { createElement } from "react";
import { debriefLines } from "./debrief-lines.js";
import { PlayApp } from "./PlayApp.js";
import type { Game, PlayOptions } from "./state.js";
import { PLAY_TEXT } from "./text.js";

export async function runPlayApp(options: PlayOptions, save: (game: Game, complete: boolean) => string): Promise<void> {
  let current: Game | undefined;
  // A game left before its end has no debrief screen to say where it went: the terminal says it after.
  let unfinishedAt: string | undefined;
  const saveGame = (game: Game, complete: boolean) => {
    const path = save(game, complete);
    unfinishedAt = complete ? undefined : path;
    return path;
  };
  // A closed terminal or a kill must not lose the trainee's moves either.
  const saveAndQuit = (signal: NodeJS.Signals) => {
    const session = current?.driver.session;
    if (current && session && !session.ended) {
      session.apply({ type: "abandon", round: session.round, actor: current.trainee });
      save(current, false);
    }
    process.exit(signal === "SIGHUP" ? 129 : 143);
  };
  process.once("SIGTERM", saveAndQuit);
  process.once("SIGHUP", saveAndQuit);
  // Ctrl-C reaches the app as a key, so the app can save the transcript before it exits.
  const app = render(
    createElement(PlayApp, { options, save: saveGame, debrief: debriefLines, onGame: (game: Game) => (current = game) }),
    { exitOnCtrlC: false },
  );
  await app.waitUntilExit();
  process.off("SIGTERM", saveAndQuit);
  process.off("SIGHUP", saveAndQuit);
  if (unfinishedAt) {
    const t = PLAY_TEXT[options.lang];
    process.stdout.write(`${t.savedTo(unfinishedAt)}\n${t.reopenDebrief(unfinishedAt)}\n`);
  }
}
