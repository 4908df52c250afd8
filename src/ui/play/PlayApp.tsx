/**
 * The play UI: the screens of `playReducer`'s state, drawn for the terminal's size. Keys go
 * to the reducer one by one; the terminal's size is part of the state (a resize redraws);
 * saving the transcript and exiting are effects of the state.
 */
import { useApp, useInput, useStdout } from "ink";
import { useEffect, useReducer } from "react";
import { type Game, abandonGame, gameOver } from "../../play/game.js";
import { keysOf } from "./input.js";
import { screenLines } from "./layout/screens.js";
import { playReducer } from "./reducer.js";
import { Screen } from "./Screen.js";
import { type ExitRequest, type PlayOptions, type TerminalSize, initialPlayState } from "./state.js";

export interface PlayAppProps {
  readonly options: PlayOptions;
  /** Writes the transcript of the game (finished or not); returns where it went. */
  readonly save: (game: Game) => string;
  /** Called once the trainee is done: how the app ends, and where an unfinished game was saved. */
  readonly onExit?: (exit: ExitRequest, unfinishedAt: string | null) => void;
  /** Told of every new state of the game, so that a signal can still save it. */
  readonly onGame?: (game: Game) => void;
}

function terminalSize(stdout: NodeJS.WriteStream): TerminalSize {
  return { columns: stdout.columns || 80, rows: stdout.rows || 24 };
}

export function PlayApp({ options, save, onExit, onGame }: PlayAppProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const [state, dispatch] = useReducer(playReducer, undefined, () => initialPlayState(options, terminalSize(stdout)));

  useInput((input, key) => {
    // Keys typed fast can arrive in one read ("k1", "o\r"): each is a key press of its own.
    const presses = input.length > 1 && !key.ctrl && !key.meta ? keysOf(input) : [{ ...key, input }];
    for (const press of presses) dispatch({ type: "key", key: press });
  });

  useEffect(() => {
    const resized = () => dispatch({ type: "resize", size: terminalSize(stdout) });
    stdout.on("resize", resized);
    return () => {
      stdout.off("resize", resized);
    };
  }, [stdout]);

  const game = state.screen === "pick" ? null : state.game;
  useEffect(() => {
    if (game) onGame?.(game);
  }, [game]);

  const ended = state.screen === "debrief";
  useEffect(() => {
    if (ended && game) dispatch({ type: "saved", path: save(game) });
  }, [ended]);

  useEffect(() => {
    if (!state.exit) return;
    // A game left before its end is saved too, marked incomplete; a finished one was saved when it ended.
    const unfinishedAt = game && !gameOver(game) ? save(abandonGame(game)) : null;
    (onExit ?? (() => exit()))(state.exit, unfinishedAt);
  }, [state.exit]);

  return <Screen lines={screenLines(state)} />;
}
