/** Starts the play UI in the terminal and resolves when the trainee is done. */
import { render } from "ink";
import { createElement } from "react";
import { debriefLines } from "./debrief-lines.js";
import { PlayApp } from "./PlayApp.js";
import type { Game, PlayOptions } from "./state.js";

export async function runPlayApp(options: PlayOptions, save: (game: Game, complete: boolean) => string): Promise<void> {
  // Ctrl-C reaches the app as a key, so the app can save the transcript before it exits.
  const app = render(createElement(PlayApp, { options, save, debrief: debriefLines }), { exitOnCtrlC: false });
  await app.waitUntilExit();
}
