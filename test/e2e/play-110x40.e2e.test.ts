/** A game from the picker to the debrief in a real terminal of 110×40: two and three parties, English and Dutch. */
import { describe, test } from "vitest";
import { E2E_TEST_TIMEOUT_MS, HAS_TMUX } from "./tmux.js";
import { TERMINAL_GAMES, playInTerminal } from "./game.js";

describe.skipIf(!HAS_TMUX)("play in a 110×40 terminal", () => {
  test.each(TERMINAL_GAMES)("%s", (_name, game) => playInTerminal({ ...game, columns: 110, rows: 40 }, `mutual-gains-e2e-110x40-${process.pid}-${game.lang}-${game.pickerIndex}`), 2 * E2E_TEST_TIMEOUT_MS);
});
