/**
 * Helpers for the play UI tests: the built-in scenarios as picker choices, options with a
 * fixed seed, states on each screen, key presses as Ink hands them to the reducer, the
 * escape sequences a terminal sends for them, and screens as plain text.
 */
import { expect } from "vitest";
import type { Move, SessionEvent } from "../../src/negotiation/protocol.js";
import { DEFAULT_SCENARIO_ID, builtinScenarioIds, resolveScenarioPath } from "../../src/scenario/builtin.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import type { Language } from "../../src/scenario/schema.js";
import { lineText, lineWidth } from "../../src/ui/play/layout/lines.js";
import { screenLines } from "../../src/ui/play/layout/screens.js";
import { playReducer } from "../../src/ui/play/reducer.js";
import {
  type BriefingState,
  type KeyPress,
  type NegotiateState,
  type PlayOptions,
  type PlayState,
  type ScenarioChoice,
  type TerminalSize,
  initialPlayState,
} from "../../src/ui/play/state.js";

export const SEED = "7";
export const SIZE_80x24: TerminalSize = { columns: 80, rows: 24 };
export const SIZES: readonly TerminalSize[] = [SIZE_80x24, { columns: 110, rows: 40 }, { columns: 200, rows: 60 }];
export const LANGUAGES: readonly Language[] = ["en", "nl"];

/** Every built-in scenario in the picker's order: the default (hospital-it-platform) first, then by id. */
export const SCENARIOS: readonly ScenarioChoice[] = [DEFAULT_SCENARIO_ID, ...builtinScenarioIds().filter((id) => id !== DEFAULT_SCENARIO_ID)].map((id) => ({
  id,
  scenario: loadScenarioFile(resolveScenarioPath(id)).scenario,
}));

/** The built-in scenarios of a single negotiation (a partnership's games are tested in test/partnership). */
export const SINGLE_SCENARIOS: readonly ScenarioChoice[] = SCENARIOS.filter((candidate) => candidate.scenario.partnership === undefined);

export function choice(id: string): ScenarioChoice {
  const found = SCENARIOS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no built-in scenario ${id}`);
  return found;
}

export function playOptions(overrides: Partial<PlayOptions> = {}): PlayOptions {
  return { scenarios: SCENARIOS, lang: "en", seed: SEED, ...overrides };
}

export function start(overrides: Partial<PlayOptions> = {}, size: TerminalSize = SIZE_80x24): PlayState {
  return initialPlayState(playOptions(overrides), size);
}

/** A game set up from the command line (scenario, party and partner given), on the briefing screen. */
export function briefing(scenarioId: string, party: number, partner: string, overrides: Partial<PlayOptions> = {}, size = SIZE_80x24): BriefingState {
  const partyId = choice(scenarioId).scenario.parties[party].id;
  const state = start({ scenarioId, partyId, partner, ...overrides }, size);
  if (state.screen !== "briefing") throw new Error(`expected the briefing, got ${state.screen}`);
  return state;
}

/** The same, past the briefing: on the negotiation screen. */
export function negotiating(scenarioId: string, party: number, partner: string, overrides: Partial<PlayOptions> = {}, size = SIZE_80x24): NegotiateState {
  return asNegotiate(press(briefing(scenarioId, party, partner, overrides, size), ENTER));
}

export function asNegotiate(state: PlayState): NegotiateState {
  if (state.screen !== "negotiate") throw new Error(`expected the negotiation screen, got ${state.screen}`);
  return state;
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
export const HOME: KeyPress = { input: "", home: true };
export const END: KeyPress = { input: "", end: true };
export const CTRL_C: KeyPress = { input: "c", ctrl: true };

export type KeyLike = KeyPress | string;

function toKeys(key: KeyLike): KeyPress[] {
  return typeof key === "string" ? [...key].map((input) => ({ input })) : [key];
}

/** Dispatches keys one by one, as the app does. */
export function press<S extends PlayState>(state: S, ...pressed: KeyLike[]): PlayState {
  return pressed.flatMap(toKeys).reduce<PlayState>((current, key) => playReducer(current, { type: "key", key }), state);
}

/** Presses keys on the negotiation screen, expecting to stay on it. */
export function pressOn(state: NegotiateState, ...pressed: KeyLike[]): NegotiateState {
  return asNegotiate(press(state, ...pressed));
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
  backspace: "\u007F",
} as const;

// ---------------------------------------------------------------------------------------------
// Looking at a game

export function movesBy(state: NegotiateState | PlayState, actor: number): Move[] {
  if (state.screen === "pick") return [];
  return state.game.session.events
    .filter((event): event is Extract<SessionEvent, { type: "move" }> => event.type === "move" && event.actor === actor)
    .map((event) => event.move);
}

export function lastMoveBy(state: PlayState, actor: number): Move | undefined {
  return movesBy(state, actor).at(-1);
}

/** The screen as plain text lines (no styles). */
export function screenText(state: PlayState): string[] {
  return screenLines(state).map(lineText);
}

/** Every line within the terminal's content width, and no more lines than the terminal holds less one. */
export function expectFits(state: PlayState): void {
  const lines = screenLines(state);
  const report = `\n${lines.map((line, k) => `${String(k + 1).padStart(2)} |${lineText(line)}|`).join("\n")}`;
  for (const line of lines) expect(lineWidth(line), `a line is wider than ${state.size.columns - 2} columns:${report}`).toBeLessThanOrEqual(state.size.columns - 2);
  expect(lines.length, `more than ${state.size.rows - 1} lines:${report}`).toBeLessThanOrEqual(state.size.rows - 1);
}

/** Removes ANSI escape sequences (colours, inverse) from a frame. */
export function plain(frame: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  return (frame ?? "").replace(/\u001B\[[0-9;?]*[A-Za-z]/g, "");
}
