/**
 * The play UI: a thin view over `playReducer`. Keys go to the reducer as they come;
 * saving the transcript and exiting are effects of the state (the game ended, the trainee
 * quit or pressed Ctrl-C).
 */
import { useApp, useInput, useStdout } from "ink";
import { useEffect, useMemo, useReducer, useState } from "react";
import type { Session } from "../../negotiation/session.js";
import type { Language } from "../../scenario/schema.js";
import { BriefingScreen } from "./BriefingScreen.js";
import { type DebriefLine, DebriefScreen } from "./DebriefScreen.js";
import { NegotiationScreen } from "./NegotiationScreen.js";
import { PickScreen } from "./PickScreen.js";
import { type Game, type PlayOptions, type PlayState, initialPlayState, playReducer } from "./state.js";

export interface PlayAppProps {
  readonly options: PlayOptions;
  /** Writes the transcript; returns where it went (shown in the debrief). */
  readonly save: (game: Game, complete: boolean) => string | undefined;
  /** The debrief as lines, for the game's final session. */
  readonly debrief: (game: Game, session: Session, width: number, lang: Language) => DebriefLine[];
  /** Called once the app is done (tests pass their own; the CLI exits Ink). */
  readonly onExit?: (state: PlayState) => void;
  /** Told when a game starts, so the CLI can save it if the process is killed. */
  readonly onGame?: (game: Game) => void;
}

export function PlayApp({ options, save, debrief, onExit, onGame }: PlayAppProps) {
  const [state, dispatch] = useReducer(playReducer, options, initialPlayState);
  const [savedTo, setSavedTo] = useState<string | undefined>();
  const { exit } = useApp();
  const { stdout } = useStdout();
  const columns = stdout.columns ?? 80;
  const rows = stdout.rows ?? 24;

  useInput((input, key) => {
    // Keys typed fast can arrive in one read ("k1"): each character is a key press of its own.
    const characters = input.length > 1 && !key.ctrl && !key.meta ? [...input] : [input];
    for (const character of characters) dispatch({ type: "key", key: { ...key, input: character } });
  });

  useEffect(() => {
    if (state.game) onGame?.(state.game);
  }, [state.game]);

  const ended = state.screen === "debrief";
  useEffect(() => {
    if (ended && state.game) setSavedTo(save(state.game, true));
  }, [ended]);

  useEffect(() => {
    if (!state.exitRequested) return;
    if (state.game && !ended) save(state.game, false);
    (onExit ?? (() => exit()))(state);
  }, [state.exitRequested]);

  const debriefLines = useMemo(
    () => (ended && state.game ? debrief(state.game, state.game.driver.session, columns, options.lang) : []),
    [ended, columns],
  );

  switch (state.screen) {
    case "pick":
      return <PickScreen state={state} />;
    case "briefing":
      return <BriefingScreen state={state} columns={columns} rows={rows} />;
    case "negotiate":
      return <NegotiationScreen state={state} columns={columns} rows={rows} />;
    case "debrief":
      return <DebriefScreen state={state} lines={debriefLines} rows={rows} savedTo={savedTo} />;
  }
}
