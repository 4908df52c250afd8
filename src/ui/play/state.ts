/**
 * The play screens' state and the reducer that interprets every key press. Input handlers
 * only dispatch raw keys; the reducer reads the current state, so keys pressed fast act
 * exactly as keys pressed slowly. The negotiation itself lives in a NegotiationDriver held
 * by the state: moves are applied to it here, deterministically.
 */
import { type CompiledScenario, compileScenario, packageUtility } from "../../engine/model.js";
import { answerMove, disclosureMove } from "../../negotiation/answers.js";
import { HUMAN, NegotiationDriver, sessionConfig } from "../../negotiation/driver.js";
import { ProtocolError } from "../../negotiation/session.js";
import { PARTNER_STYLES } from "../../negotiation/partners/registry.js";
import type { Honesty, Importance, Move, PackageArray, Question, QuestionKind } from "../../negotiation/protocol.js";
import { QUESTION_KINDS, questionNeedsIssue } from "../../negotiation/wording.js";
import type { Language, Scenario } from "../../scenario/schema.js";

export interface KeyPress {
  readonly input: string;
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly leftArrow?: boolean;
  readonly rightArrow?: boolean;
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly ctrl?: boolean;
  readonly pageUp?: boolean;
  readonly pageDown?: boolean;
}

export type Screen = "pick" | "briefing" | "negotiate" | "debrief";

/** What the negotiation screen is waiting for. */
export type Mode =
  | { kind: "main" }
  | { kind: "help" }
  | { kind: "ask" }
  | { kind: "ask-issue"; question: QuestionKind; cursor: number }
  | { kind: "disclose" }
  | { kind: "answer" }
  | { kind: "accept-meso" }
  | { kind: "confirm-walk" }
  | { kind: "confirm-quit" };

export interface ScenarioChoice {
  readonly id: string;
  readonly scenario: Scenario;
}

export interface PlayOptions {
  readonly scenarios: readonly ScenarioChoice[];
  readonly lang: Language;
  readonly seed: string;
  /** Anything given on the command line is not asked on screen. */
  readonly scenarioId?: string;
  readonly party?: number;
  /** A style id, or "surprise". */
  readonly partner?: string;
  readonly rounds?: number;
}

export const SURPRISE = "surprise";

export interface Game {
  readonly scenario: Scenario;
  readonly model: CompiledScenario;
  readonly trainee: number;
  readonly partnerStyle: string;
  readonly surprise: boolean;
  readonly driver: NegotiationDriver;
}

export interface PlayState {
  readonly options: PlayOptions;
  readonly screen: Screen;
  /** Picker step and cursor. */
  readonly pickStep: "scenario" | "party" | "partner";
  readonly cursor: number;
  readonly scenarioChoice?: ScenarioChoice;
  readonly party?: number;
  readonly game?: Game;
  /** Package builder: the selected issue and one option per issue. */
  readonly issueCursor: number;
  readonly selection: readonly number[];
  readonly mesoTray: readonly PackageArray[];
  readonly mode: Mode;
  /** A short notice for the trainee: a key of the play texts, or the protocol's own words. */
  readonly notice?: string;
  /** Bumped on every move, so views re-render after the driver changed. */
  readonly version: number;
  readonly debriefScroll: number;
  readonly briefingScroll: number;
  /** Set when the trainee quits or presses Ctrl-C: the app saves and exits. */
  readonly exitRequested: boolean;
}

export function initialPlayState(options: PlayOptions): PlayState {
  let state: PlayState = {
    options,
    screen: "pick",
    pickStep: "scenario",
    cursor: 0,
    issueCursor: 0,
    selection: [],
    mesoTray: [],
    mode: { kind: "main" },
    version: 0,
    debriefScroll: 0,
    briefingScroll: 0,
    exitRequested: false,
  };
  // Skip the picker steps the command line already answered.
  const given = options.scenarios.find((choice) => choice.id === options.scenarioId);
  if (given) state = { ...state, scenarioChoice: given, pickStep: "party" };
  if (given && options.party !== undefined) state = { ...state, party: options.party, pickStep: "partner" };
  if (given && options.party !== undefined && options.partner !== undefined) state = startGame(state, options.partner);
  return state;
}

/** Partner styles offered in the picker: every registered style, then "surprise me". */
export function partnerChoices(): string[] {
  return [...PARTNER_STYLES.map((style) => style.id), SURPRISE];
}

function pickListLength(state: PlayState): number {
  if (state.pickStep === "scenario") return state.options.scenarios.length;
  if (state.pickStep === "party") return state.scenarioChoice!.scenario.parties.length;
  return partnerChoices().length;
}

/** The style a "surprise me" draws, from the game's seed (so a transcript replays it). */
function surpriseStyle(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const styles = PARTNER_STYLES.filter((style) => style.family !== "baseline");
  return styles[hash % styles.length].id;
}

function startGame(state: PlayState, partner: string): PlayState {
  const scenario = state.scenarioChoice!.scenario;
  const model = compileScenario(scenario);
  const trainee = state.party!;
  const surprise = partner === SURPRISE;
  const partnerStyle = surprise ? surpriseStyle(state.options.seed) : partner;
  const participants = scenario.parties.map((_, p) => ({ style: p === trainee ? HUMAN : partnerStyle }));
  const config = sessionConfig({ scenario, participants, seed: state.options.seed, deadlineRounds: state.options.rounds }, model);
  const driver = new NegotiationDriver(scenario, config, model);
  // The trainee may not move first: scripted partners before it take their turns now.
  driver.advance();
  const selection = favourites(model, trainee);
  return { ...state, screen: "briefing", game: { scenario, model, trainee, partnerStyle, surprise, driver }, selection };
}

/** The builder starts on the trainee's favourite options. */
function favourites(model: CompiledScenario, party: number): number[] {
  return Array.from({ length: model.issueCount }, (_, issue) => {
    let best = 0;
    for (let o = 1; o < model.optionCounts[issue]; o++) {
      const c = model.contributions[(model.issueOffsets[issue] + o) * model.partyCount + party];
      if (c > model.contributions[(model.issueOffsets[issue] + best) * model.partyCount + party]) best = o;
    }
    return best;
  });
}

export type PlayAction = { type: "key"; key: KeyPress };

export function playReducer(state: PlayState, action: PlayAction): PlayState {
  const { key } = action;
  if (key.ctrl && key.input === "c") return requestExit(state);
  const cleared = state.notice ? { ...state, notice: undefined } : state;
  switch (state.screen) {
    case "pick":
      return pickKey(cleared, key);
    case "briefing":
      if (key.return) return { ...cleared, screen: "negotiate" };
      if (key.input === "q") return requestExit(cleared);
      return { ...cleared, briefingScroll: scrolled(cleared.briefingScroll, key) };
    case "negotiate":
      return negotiateKey(cleared, key);
    case "debrief":
      if (key.input === "q" || key.escape) return requestExit(cleared);
      return { ...cleared, debriefScroll: scrolled(cleared.debriefScroll, key) };
  }
}

/** A scroll offset moved by ↑↓ (a line) and PgUp/PgDn (ten); views clamp it to their length. */
function scrolled(offset: number, key: KeyPress): number {
  if (key.downArrow || key.pageDown) return offset + (key.pageDown ? 10 : 1);
  if (key.upArrow || key.pageUp) return Math.max(0, offset - (key.pageUp ? 10 : 1));
  return offset;
}

function requestExit(state: PlayState): PlayState {
  const game = state.game;
  // Quitting mid-game marks the transcript incomplete: the session records the abandonment.
  if (game && !game.driver.session.ended) {
    game.driver.session.apply({ type: "abandon", round: game.driver.session.round, actor: game.trainee });
  }
  return { ...state, exitRequested: true, version: state.version + 1 };
}

function pickKey(state: PlayState, key: KeyPress): PlayState {
  const length = pickListLength(state);
  if (key.input === "q" || key.escape) return requestExit(state);
  if (key.upArrow) return { ...state, cursor: (state.cursor + length - 1) % length };
  if (key.downArrow) return { ...state, cursor: (state.cursor + 1) % length };
  if (!key.return) return state;
  if (state.pickStep === "scenario") {
    return { ...state, scenarioChoice: state.options.scenarios[state.cursor], pickStep: "party", cursor: 0 };
  }
  if (state.pickStep === "party") return { ...state, party: state.cursor, pickStep: "partner", cursor: 0 };
  return startGame(state, partnerChoices()[state.cursor]);
}

/** The confirmation keys of both languages. */
const YES = new Set(["y", "j"]);
const NO = new Set(["n"]);

function negotiateKey(state: PlayState, key: KeyPress): PlayState {
  const game = state.game!;
  const session = game.driver.session;
  const mode = state.mode;
  switch (mode.kind) {
    case "help":
      return { ...state, mode: { kind: "main" } };
    case "confirm-quit":
      if (YES.has(key.input)) return requestExit(state);
      return NO.has(key.input) || key.escape ? { ...state, mode: { kind: "main" } } : state;
    case "confirm-walk":
      if (YES.has(key.input)) return play({ ...state, mode: { kind: "main" } }, { type: "walk-away" });
      return NO.has(key.input) || key.escape ? { ...state, mode: { kind: "main" } } : state;
    case "ask":
      return askKey(state, key);
    case "ask-issue":
      return askIssueKey(state, key, mode);
    case "disclose":
      return discloseKey(state, key);
    case "answer":
      return answerKey(state, key);
    case "accept-meso": {
      if (key.escape) return { ...state, mode: { kind: "main" } };
      const choice = Number(key.input) - 1;
      const standing = session.standing;
      if (!standing || !(choice >= 0 && choice < standing.packages.length)) return state;
      return play({ ...state, mode: { kind: "main" } }, { type: "accept", choice });
    }
    case "main":
      return mainKey(state, key);
  }
}

function mainKey(state: PlayState, key: KeyPress): PlayState {
  const game = state.game!;
  const session = game.driver.session;
  const model = session.model;
  const issues = model.issueCount;
  if (key.upArrow) return { ...state, issueCursor: (state.issueCursor + issues - 1) % issues };
  if (key.downArrow) return { ...state, issueCursor: (state.issueCursor + 1) % issues };
  if (key.leftArrow || key.rightArrow) {
    const options = model.optionCounts[state.issueCursor];
    const step = key.rightArrow ? 1 : options - 1;
    const selection = state.selection.map((option, issue) => (issue === state.issueCursor ? (option + step) % options : option));
    return { ...state, selection };
  }
  switch (key.input) {
    case "?":
      return { ...state, mode: { kind: "help" } };
    case "q":
      return { ...state, mode: { kind: "confirm-quit" } };
  }
  if (session.ended) return state;
  const pendingForMe = session.pendingQuestions.some((pending) => pending.to === game.trainee);
  switch (key.input) {
    case "o":
      return play(state, { type: "offer", package: [...state.selection] });
    case "t":
      return play(state, { type: "partial-offer", issue: state.issueCursor, option: state.selection[state.issueCursor] });
    case "m":
      if (state.mesoTray.length >= 3) return { ...state, notice: "mesoFull" };
      if (state.mesoTray.some((pkg) => pkg.every((option, issue) => option === state.selection[issue]))) return { ...state, notice: "mesoDuplicate" };
      return { ...state, mesoTray: [...state.mesoTray, [...state.selection]] };
    case "s":
      if (state.mesoTray.length < 2) return { ...state, notice: "mesoNeedsTwo" };
      return play({ ...state, mesoTray: [] }, { type: "meso", packages: state.mesoTray.map((pkg) => [...pkg]) });
    case "x":
      return { ...state, mesoTray: [] };
    case "a": {
      const standing = session.standing;
      if (!standing || standing.proposer === game.trainee) return { ...state, notice: "nothingToAccept" };
      if (standing.kind === "meso" && standing.chosen === undefined) return { ...state, mode: { kind: "accept-meso" } };
      return play(state, { type: "accept" });
    }
    case "l": {
      const standing = session.standing;
      if (!standing || standing.packages.length === 0) return { ...state, notice: "nothingToAccept" };
      return { ...state, selection: [...standing.packages[standing.chosen ?? 0]] };
    }
    case "r":
      if (!session.standing || session.standing.proposer === game.trainee) return { ...state, notice: "nothingToAccept" };
      return play(state, { type: "reject", blockingIssue: state.issueCursor });
    case "k":
      return { ...state, mode: { kind: "ask" } };
    case "d":
      return { ...state, mode: { kind: "disclose" } };
    case "n":
      return pendingForMe ? { ...state, mode: { kind: "answer" } } : state;
    case "w":
      return { ...state, mode: { kind: "confirm-walk" } };
  }
  return state;
}

function askKey(state: PlayState, key: KeyPress): PlayState {
  if (key.escape) return { ...state, mode: { kind: "main" } };
  const kind = QUESTION_KINDS[Number(key.input) - 1];
  if (!kind) return state;
  if (questionNeedsIssue(kind)) return { ...state, mode: { kind: "ask-issue", question: kind, cursor: state.issueCursor } };
  return ask(state, { kind } as Question);
}

function askIssueKey(state: PlayState, key: KeyPress, mode: Extract<Mode, { kind: "ask-issue" }>): PlayState {
  const issues = state.game!.model.issueCount;
  if (key.escape) return { ...state, mode: { kind: "ask" } };
  if (key.upArrow) return { ...state, mode: { ...mode, cursor: (mode.cursor + issues - 1) % issues } };
  if (key.downArrow) return { ...state, mode: { ...mode, cursor: (mode.cursor + 1) % issues } };
  if (!key.return) return state;
  return ask(state, { kind: mode.question, issue: mode.cursor } as Question);
}

function ask(state: PlayState, question: Question): PlayState {
  const game = state.game!;
  // Two parties: ask the partner. More: ask whoever made the standing offer, else the next party.
  const session = game.driver.session;
  const to = session.standing && session.standing.proposer !== game.trainee ? session.standing.proposer : (game.trainee + 1) % session.partyCount;
  return play({ ...state, mode: { kind: "main" } }, { type: "ask", to, question });
}

const IMPORTANCE_KEYS: Record<string, Importance> = { "1": "low", "2": "medium", "3": "high" };

function discloseKey(state: PlayState, key: KeyPress): PlayState {
  if (key.escape) return { ...state, mode: { kind: "main" } };
  const importance = IMPORTANCE_KEYS[key.input];
  if (!importance) return state;
  const game = state.game!;
  return play({ ...state, mode: { kind: "main" } }, disclosureMove(game.driver.session.model, game.trainee, state.issueCursor, importance));
}

const HONESTY_KEYS: Record<string, Honesty> = { "1": "truthful", "2": "vague", "3": "misleading" };

function answerKey(state: PlayState, key: KeyPress): PlayState {
  if (key.escape) return { ...state, mode: { kind: "main" } };
  const honesty = HONESTY_KEYS[key.input];
  if (!honesty) return state;
  const game = state.game!;
  const answer = answerMove(game.driver.session, game.trainee, honesty, () => [...state.selection]);
  return answer ? play({ ...state, mode: { kind: "main" } }, answer) : { ...state, mode: { kind: "main" } };
}

/** Applies a trainee's move; the scripted partners answer and take their turns at once. */
function play(state: PlayState, move: Move): PlayState {
  const game = state.game!;
  const session = game.driver.session;
  if (session.turn !== game.trainee && move.type !== "answer") return { ...state, notice: "notYourTurn" };
  try {
    game.driver.play(game.trainee, move);
  } catch (error) {
    // The protocol refuses the move (accepting twice, rejecting nothing): say why, change nothing.
    if (error instanceof ProtocolError) return { ...state, notice: error.message };
    throw error;
  }
  const next = { ...state, version: state.version + 1 };
  return session.ended ? { ...next, screen: "debrief", mode: { kind: "main" } } : next;
}

/** The trainee's utility of the package in the builder. */
export function builderUtility(state: PlayState): number {
  const game = state.game!;
  return packageUtility(game.driver.session.model, game.trainee, state.selection);
}
