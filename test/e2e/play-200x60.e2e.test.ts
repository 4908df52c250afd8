/** A game from the picker to the debrief in a real terminal of 200×60: two and three parties, English and Dutch. */
import { describe, test } from "vitest";
import { E2E_TEST_TIMEOUT_MS, HAS_TMUX } from "./tmux.js";
import { TERMINAL_GAMES, playInTerminal } from "./game.js";

describe.skipIf(!HAS_TMUX)("play in a 200×60 terminal", () => {
  test.each(TERMINAL_GAMES)("%s", (_name, game) => playInTerminal({ ...game, columns: 200, rows: 60 }, `mutual-gains-e2e-200x60-${process.pid}-${game.lang}-${game.pickerIndex}`), 2 * E2E_TEST_TIMEOUT_MS);
});
