/**
 * The play screens' state: one value per screen (a discriminated union), changed only by
 * the pure reducer in reducer.ts. The game inside it is an immutable snapshot
 * (src/play/game.ts), so an old state stays what it was.
 */
import { type Game, type GameSetup, favouritePackage, gameSetup, startGame } from "../../play/game.js";
import type { QuestionKind } from "../../negotiation/protocol.js";
import type { MessageKey, MessageParams } from "../../i18n/translate.js";
import type { Language, Scenario } from "../../scenario/schema.js";
import { playableParties, visibleIssues } from "./partnership.js";

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
  readonly home?: boolean;
  readonly end?: boolean;
  readonly tab?: boolean;
  readonly backspace?: boolean;
  /** What Ink reports for the Backspace key of most terminals (they send DEL). */
  readonly delete?: boolean;
}

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
  /** The trainee's party, by id; needs the scenario. */
  readonly partyId?: string;
  /** A style id, or SURPRISE. */
  readonly partner?: string;
  readonly rounds?: number;
  /** The trainee's name or group (--name); asked in the picker when not given. */
  readonly name?: string;
  /** A game resumed from its transcript: it starts on the briefing, the picker skipped. */
  readonly resumed?: Game;
}

/** How the app is to end: the trainee quit (exit 0), or pressed Ctrl-C (saved, exit 130). */
export type ExitRequest = "quit" | "interrupt";

export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

interface Common {
  readonly options: PlayOptions;
  /** The terminal's size: every screen is laid out for it. */
  readonly size: TerminalSize;
  readonly exit: ExitRequest | null;
}

/** The picker's steps, each knowing what was picked before it. */
export type PickStep =
  | { readonly step: "scenario" }
  | { readonly step: "party"; readonly scenario: ScenarioChoice }
  | { readonly step: "partner"; readonly scenario: ScenarioChoice; readonly party: number }
  | { readonly step: "name"; readonly scenario: ScenarioChoice; readonly party: number; readonly partner: string; readonly name: string };

export type NameStepState = PickState & { readonly step: "name" };

export type PickState = Common & { readonly screen: "pick"; readonly cursor: number } & PickStep;

export interface BriefingState extends Common {
  readonly screen: "briefing";
  readonly game: Game;
  readonly scroll: number;
}

/** A message of the catalogue with its parameters: a notice for the trainee. */
export interface Notice {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

/** What the negotiation screen is waiting for: its main keys, a menu, or a yes/no. */
export type Mode =
  | { readonly kind: "main" }
  | { readonly kind: "help"; readonly scroll: number }
  | { readonly kind: "ask"; readonly cursor: number }
  /** Which issue or uncertain quantity the question is about. */
  | { readonly kind: "ask-subject"; readonly question: QuestionKind; readonly cursor: number }
  | { readonly kind: "ask-whom"; readonly question: QuestionKind; readonly subject: number | null; readonly cursor: number }
  | { readonly kind: "disclose"; readonly cursor: number }
  | { readonly kind: "answer"; readonly cursor: number }
  | { readonly kind: "accept-meso"; readonly cursor: number }
  | { readonly kind: "load"; readonly cursor: number }
  /** Tip 4: which of the trainee's hidden terms to put on the table. */
  | { readonly kind: "reveal"; readonly cursor: number }
  | { readonly kind: "confirm-walk" }
  | { readonly kind: "confirm-quit" };

export type MenuMode = Extract<Mode, { cursor: number }>;

export interface NegotiateState extends Common {
  readonly screen: "negotiate";
  readonly game: Game;
  /** The package builder: the selected issue and one option per issue. */
  readonly issueCursor: number;
  readonly selection: readonly number[];
  readonly mesoTray: readonly (readonly number[])[];
  readonly mode: Mode;
  readonly notice: Notice | null;
  /** Lines scrolled back from the end of the conversation (0: following it). */
  readonly talkScroll: number;
  /** Whether the other parties' talk among themselves is shown in full. */
  readonly talkExpanded: boolean;
  /** The first offer column shown when not all fit. */
  readonly columnOffset: number;
}

export interface DebriefState extends Common {
  readonly screen: "debrief";
  readonly game: Game;
  readonly scroll: number;
  /** Where the transcript was saved, once it was. */
  readonly savedTo: string | null;
}

/**
 * Between two phases of a partnership: how the phase that ended came out, what happened
 * since, and either the next negotiation or the trainee's review of the agreement.
 */
export interface BetweenState extends Common {
  readonly screen: "between";
  readonly game: Game;
  /** The phase that just ended, by its index in the partnership's phases. */
  readonly ended: number;
  readonly scroll: number;
  /** The review menu's cursor: keep, adjust, leave. */
  readonly cursor: number;
}

export type PlayState = PickState | BriefingState | NegotiateState | BetweenState | DebriefState;
export type GameState = BriefingState | NegotiateState | BetweenState | DebriefState;

export function initialPlayState(options: PlayOptions, size: TerminalSize): PlayState {
  if (options.resumed) return { screen: "briefing", options, size, exit: null, game: options.resumed, scroll: 0 };
  const pick: PickState = { screen: "pick", options, size, exit: null, step: "scenario", cursor: 0 };
  // Skip the picker steps the command line already answered; when it answered them all, there is no picker (nor a name to ask).
  const scenario = options.scenarios.find((choice) => choice.id === options.scenarioId);
  const party = scenario ? playableParty(scenario, options.partyId) : -1;
  if (scenario && party >= 0 && options.partner !== undefined) return briefing(pick, scenario, party, options.partner, options.name);
  return scenario ? pickedScenario(pick, scenario) : pick;
}

/** After the scenario: the party, unless the command line named it. */
export function pickedScenario(state: PickState, scenario: ScenarioChoice): PlayState {
  const next: PickState = { ...state, step: "party", scenario, cursor: 0 };
  const party = playableParty(scenario, state.options.partyId);
  return party >= 0 ? pickedParty(next, scenario, party) : next;
}

/** The seat of the party named on the command line, if the trainee may play it; −1 otherwise. */
function playableParty(choice: ScenarioChoice, partyId: string | undefined): number {
  const party = choice.scenario.parties.findIndex((candidate) => candidate.id === partyId);
  return playableParties(choice.scenario).includes(party) ? party : -1;
}

/** After the party: the partner, unless the command line named it. */
export function pickedParty(state: PickState, scenario: ScenarioChoice, party: number): PlayState {
  const partner = state.options.partner;
  if (partner !== undefined) return pickedPartner(state, scenario, party, partner);
  return { ...state, step: "partner", scenario, party, cursor: 0 };
}

/** After the partner: the trainee's name, unless the command line gave it. */
export function pickedPartner(state: PickState, scenario: ScenarioChoice, party: number, partner: string): PlayState {
  if (state.options.name !== undefined) return briefing(state, scenario, party, partner, state.options.name);
  return { ...state, step: "name", scenario, party, partner, name: "", cursor: 0 };
}

/** The game starts on the briefing. */
export function briefing(state: PickState, scenario: ScenarioChoice, party: number, partner: string, name: string | undefined): BriefingState {
  const { options, size } = state;
  const setup: GameSetup = gameSetup({ scenario: scenario.scenario, trainee: party, partner, seed: options.seed, rounds: options.rounds, name });
  return { screen: "briefing", options, size, exit: null, game: startGame(setup), scroll: 0 };
}

/** The negotiation screen, the builder on the trainee's favourite options (of those on the table). */
export function negotiating(state: Common & { readonly game: Game }): NegotiateState {
  const { game } = state;
  return {
    screen: "negotiate",
    options: state.options,
    size: state.size,
    exit: null,
    game,
    issueCursor: visibleIssues(game)[0] ?? 0,
    selection: favouritePackage(game.session.model, game.setup.trainee),
    mesoTray: [],
    mode: { kind: "main" },
    notice: null,
    talkScroll: 0,
    talkExpanded: false,
    columnOffset: 0,
  };
}
