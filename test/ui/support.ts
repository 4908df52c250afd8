/**
 * Helpers for the play UI tests: the built-in scenarios as picker choices, options with a
 * fixed seed, key presses as Ink hands them to the reducer, and the escape sequences a
 * terminal sends for them.
 */
import type { SessionEvent } from "../../src/negotiation/protocol.js";
import { builtinScenarioIds, resolveScenarioPath } from "../../src/scenario/builtin.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { type KeyPress, type PlayOptions, type PlayState, type ScenarioChoice, initialPlayState, playReducer } from "../../src/ui/play/state.js";

export const SEED = "7";

/** Every built-in scenario, in builtinScenarioIds() order (hospital-it-platform first). */
export const SCENARIOS: readonly ScenarioChoice[] = builtinScenarioIds().map((id) => ({
  id,
  scenario: loadScenarioFile(resolveScenarioPath(id)).scenario,
}));

export function choice(id: string): ScenarioChoice {
  const found = SCENARIOS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no built-in scenario ${id}`);
  return found;
}

export function playOptions(overrides: Partial<PlayOptions> = {}): PlayOptions {
  return { scenarios: SCENARIOS, lang: "en", seed: SEED, ...overrides };
}

/** A game set up from the command line (scenario, party and partner given), on the briefing screen. */
export function briefing(scenarioId: string, party: number, partner: string, overrides: Partial<PlayOptions> = {}): PlayState {
  return initialPlayState(playOptions({ scenarioId, party, partner, ...overrides }));
}

/** The same, past the briefing: on the negotiation screen. */
export function negotiating(scenarioId: string, party: number, partner: string, overrides: Partial<PlayOptions> = {}): PlayState {
  return press(briefing(scenarioId, party, partner, overrides), ENTER);
}

// ---------------------------------------------------------------------------------------------
// Keys as the reducer receives them (Ink's useInput: input plus flags).

export const UP: KeyPress = { input: "", upArrow: true };
export const DOWN: KeyPress = { input: "", downArrow: true };
export const LEFT: KeyPress = { input: "", leftArrow: true };
export const RIGHT: KeyPress = { input: "", rightArrow: true };
export const ENTER: KeyPress = { input: "", return: true };
export const ESC: KeyPress = { input: "", escape: true };
export const PAGE_DOWN: KeyPress = { input: "", pageDown: true };
export const PAGE_UP: KeyPress = { input: "", pageUp: true };
export const CTRL_C: KeyPress = { input: "c", ctrl: true };

/** A printable key, or a list of them ("k1" is k then 1). */
export function keys(text: string): KeyPress[] {
  return [...text].map((input) => ({ input }));
}

type KeyLike = KeyPress | string;

function toKeys(key: KeyLike): KeyPress[] {
  return typeof key === "string" ? keys(key) : [key];
}

/** Dispatches keys one by one, as the app does. */
export function press(state: PlayState, ...pressed: KeyLike[]): PlayState {
  return pressed.flatMap(toKeys).reduce((current, key) => playReducer(current, { type: "key", key }), state);
}

// ---------------------------------------------------------------------------------------------
// The same keys as a terminal sends them (for ink-testing-library's stdin.write).

export const TERM = {
  up: "\u001B[A",
  down: "\u001B[B",
  right: "\u001B[C",
  left: "\u001B[D",
  enter: "\r",
  escape: "\u001B",
  pageDown: "\u001B[6~",
  pageUp: "\u001B[5~",
  ctrlC: "\u0003",
} as const;

// ---------------------------------------------------------------------------------------------
// Looking at a game

export function session(state: PlayState) {
  return state.game!.driver.session;
}

/** The session's events as plain JSON (comparable with toEqual). */
export function eventsJson(state: PlayState): unknown {
  return JSON.parse(JSON.stringify(session(state).events));
}

export function movesBy(state: PlayState, actor: number): Extract<SessionEvent, { type: "move" }>["move"][] {
  return session(state)
    .events.filter((event): event is Extract<SessionEvent, { type: "move" }> => event.type === "move" && event.actor === actor)
    .map((event) => event.move);
}

export function lastMoveBy(state: PlayState, actor: number) {
  const moves = movesBy(state, actor);
  return moves[moves.length - 1];
}

/** Presses `o` (offer the builder's package) until the partner's standing offer is of the given kind. */
export function offerUntil(state: PlayState, kind: "package" | "meso" | "partial", maxOffers = 20): PlayState {
  let current = state;
  for (let k = 0; k < maxOffers; k++) {
    const standing = session(current).standing;
    if (standing && standing.proposer !== current.game!.trainee && standing.kind === kind) return current;
    if (session(current).ended) break;
    current = press(current, "o");
  }
  throw new Error(`the partner made no ${kind} offer within ${maxOffers} offers`);
}

/** Removes ANSI escape sequences (colours, inverse) from a frame. */
export function plain(frame: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  return (frame ?? "").replace(/\u001B\[[0-9;?]*[A-Za-z]/g, "");
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
