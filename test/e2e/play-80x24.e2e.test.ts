/** A game from the picker to the debrief in a real terminal of 80×24: two and three parties, English and Dutch. */
import { describe, test } from "vitest";
import { E2E_TEST_TIMEOUT_MS, HAS_TMUX } from "./tmux.js";
import { TERMINAL_GAMES, playInTerminal } from "./game.js";

describe.skipIf(!HAS_TMUX)("play in a 80×24 terminal", () => {
  test.each(TERMINAL_GAMES)("%s", (_name, game) => playInTerminal({ ...game, columns: 80, rows: 24 }, `mutual-gains-e2e-80x24-${process.pid}-${game.lang}-${game.pickerIndex}`), 2 * E2E_TEST_TIMEOUT_MS);
});
