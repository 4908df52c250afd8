/**
 * A trainee's game, as both the play UI and `play --moves` run it: the setup (scenario,
 * seat, the partners' style, seed) and immutable snapshots of the session after each of
 * the trainee's moves.
 *
 * A `Game` never changes. Playing a move returns a new `Game` whose session is a replay of
 * the events so far, so screens and reducers can hold and compare games freely. The
 * scripted partners need the live driver (their opponent models and random generators);
 * the newest game of a line of play owns it, and playing from an older game (a reducer
 * run twice, a test) rebuilds one by replaying the trainee's moves from the same seed,
 * which gives the same events.
 */
import { type CompiledScenario, compileScenario, isAvailable } from "../engine/model.js";
import { HUMAN, NegotiationDriver, sessionConfig } from "../negotiation/driver.js";
import { PARTNER_STYLES, findStyle } from "../negotiation/partners/registry.js";
import type { Move } from "../negotiation/protocol.js";
import { ProtocolError, type Session, type SessionView, replay } from "../negotiation/session.js";
import { type Transcript, makeTranscript } from "../negotiation/transcript.js";
import type { Language, Scenario } from "../scenario/schema.js";
import {
  type PartnershipProgress,
  PartnershipReplayError,
  abandonPartnership,
  actInPartnership,
  isPartnership,
  partnershipFromTranscript,
  partnershipTranscript,
  startPartnership,
} from "./partnership.js";

/** The partner choice that draws a style from the seed, revealed in the debrief. */
import { SURPRISE } from "../vocabulary.js";

export { SURPRISE, partnerChoices } from "../vocabulary.js";

export interface GameSetup {
  readonly scenario: Scenario;
  /** The party the trainee plays. */
  readonly trainee: number;
  /** The style every other party plays. */
  readonly partnerStyle: string;
  /** The trainee asked to be surprised: the style is revealed only in the debrief. */
  readonly surprise: boolean;
  readonly seed: string;
  /** Deadline in rounds; the scenario's when not given. */
  readonly rounds?: number;
  /** The trainee's name or group, kept in the transcript only. */
  readonly name?: string;
}

export interface Game {
  readonly setup: GameSetup;
  /** The compiled scenario at the start (scripted events may change the session's model later). */
  readonly model: CompiledScenario;
  /** The session after the trainee's latest move: a snapshot that never changes. */
  readonly session: SessionView;
  /** The trainee's moves so far: with the setup they reproduce the game. */
  readonly moves: readonly Move[];
  /** Tips 3, 4 and 7: the partnership this game is the current phase of; absent for a single negotiation. */
  readonly partnership?: PartnershipProgress;
}

/** Whether the game is over: its negotiation, or for a partnership its last phase, has ended. */
export function gameOver(game: Game): boolean {
  return game.partnership ? game.partnership.waiting.kind === "ended" : game.session.ended;
}


/** The style a "surprise me" draws: a win-lose or win-win style picked by the seed, so a transcript replays it. */
export function surpriseStyle(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const styles = PARTNER_STYLES.filter((style) => style.family !== "baseline");
  return styles[hash % styles.length].id;
}

/** The setup for a partner choice: a style id or SURPRISE. */
export function gameSetup(choice: { scenario: Scenario; trainee: number; partner: string; seed: string; rounds?: number; name?: string }): GameSetup {
  const surprise = choice.partner === SURPRISE;
  const partnerStyle = surprise ? surpriseStyle(choice.seed) : choice.partner;
  if (!findStyle(partnerStyle)) throw new ProtocolError("unknown-style", { style: partnerStyle });
  const { scenario, trainee, seed, rounds, name } = choice;
  return { scenario, trainee, partnerStyle, surprise, seed, ...(rounds === undefined ? {} : { rounds }), ...(name === undefined ? {} : { name }) };
}

/** The live driver of the newest game of each line of play. */
const liveDrivers = new WeakMap<Game, NegotiationDriver>();

function newDriver(setup: GameSetup, model: CompiledScenario): NegotiationDriver {
  const { scenario, trainee, partnerStyle, seed, rounds } = setup;
  const participants = scenario.parties.map((_, party) => ({ style: party === trainee ? HUMAN : partnerStyle }));
  const config = sessionConfig({ scenario, participants, seed, deadlineRounds: rounds }, model);
  const driver = new NegotiationDriver(scenario, config, model);
  // The trainee may not move first: the partners seated before it take their turns now.
  driver.advance();
  return driver;
}

function snapshot(setup: GameSetup, model: CompiledScenario, session: Session, moves: readonly Move[]): Game {
  return { setup, model, session: replay(session.initialScenario, session.config, session.events, model), moves };
}

function own(game: Game, driver: NegotiationDriver): Game {
  liveDrivers.set(game, driver);
  return game;
}

export function startGame(setup: GameSetup): Game {
  if (setup.scenario.partnership) return startPartnership(setup);
  const model = compileScenario(setup.scenario);
  const driver = newDriver(setup, model);
  return own(snapshot(setup, model, driver.session, []), driver);
}

/** The driver at `game`: its own live one (taken from it), or one rebuilt by replaying its moves. */
function driverAt(game: Game): NegotiationDriver {
  const live = liveDrivers.get(game);
  if (live) {
    liveDrivers.delete(game);
    return live;
  }
  const driver = newDriver(game.setup, game.model);
  for (const move of game.moves) driver.play(game.setup.trainee, move);
  return driver;
}

/**
 * The game after the trainee's move and the partners' answers and turns. Throws a
 * ProtocolError, leaving `game` as it was, when the protocol refuses the move.
 */
export function playMove(game: Game, move: Move): Game {
  if (isPartnership(game)) return actInPartnership(game, { type: "move", move });
  if (game.session.ended) throw new ProtocolError("ended");
  const driver = driverAt(game);
  // A refused move may leave the driver half-way; it is no longer `game`'s, which rebuilds one if played again.
  driver.play(game.setup.trainee, move);
  return own(snapshot(game.setup, game.model, driver.session, [...game.moves, move]), driver);
}

/** The game stopped by the trainee before its end (quit, Ctrl-C, a signal): the transcript is marked incomplete. */
export function abandonGame(game: Game): Game {
  if (isPartnership(game)) return abandonPartnership(game);
  if (game.session.ended) return game;
  const { session } = game;
  const events = [...session.events, { type: "abandon" as const, round: session.round, actor: game.setup.trainee }];
  return { ...game, session: replay(session.initialScenario, session.config, events, game.model) };
}

/** The package a builder starts on: the party's favourite option of every issue on the table (the first among equals). */
export function favouritePackage(model: CompiledScenario, party: number): number[] {
  return Array.from({ length: model.issueCount }, (_, issue) => {
    let best = 0;
    for (let option = 1; option < model.optionCounts[issue]; option++) {
      if (!isAvailable(model, issue, option)) continue;
      const value = model.contributions[(model.issueOffsets[issue] + option) * model.partyCount + party];
      if (value > model.contributions[(model.issueOffsets[issue] + best) * model.partyCount + party]) best = option;
    }
    return best;
  });
}

/** The game as a transcript file holds it; complete when the negotiation has ended. */
export function gameTranscript(game: Game, details: { lang: Language; savedAt: Date }): Transcript {
  if (isPartnership(game)) return partnershipTranscript(game, details);
  const { trainee, surprise, name } = game.setup;
  return makeTranscript(game.session, { trainee, surprise, name, lang: details.lang, complete: game.session.ended && game.session.outcome?.kind !== "abandoned", savedAt: details.savedAt });
}

/** Why a transcript cannot be resumed. */
export class ResumeError extends Error {
  override readonly name = "ResumeError";
}

/**
 * The game a transcript stopped at, to play on: the setup it was played with (seat, style,
 * seed, deadline, name) and the trainee's moves replayed from the seed, so the partners'
 * opponent models and random generators are where they were. The replay must give the
 * transcript's events exactly (less the final "abandon"), or the game cannot be resumed.
 */
export function resumeGame(transcript: Transcript): Game {
  if (transcript.complete) throw new ResumeError("the game has ended: there is nothing to resume");
  if (transcript.partnership) return resumePartnership(transcript);
  const { config, trainee } = transcript;
  const partnerStyle = config.participants.find((participant) => participant.style !== HUMAN)?.style;
  if (partnerStyle === undefined || config.participants[trainee].style !== HUMAN) throw new ResumeError("it was not a trainee's game against scripted partners");
  const setup: GameSetup = {
    scenario: transcript.scenario,
    trainee,
    partnerStyle,
    surprise: transcript.surprise,
    seed: config.seed,
    rounds: config.deadlineRounds,
    ...(transcript.name === undefined ? {} : { name: transcript.name }),
  };
  const played = transcript.events.filter((event) => event.type !== "abandon");
  let game = startGame(setup);
  for (const [k, event] of played.entries()) {
    if (event.type !== "move" || event.actor !== trainee) continue;
    try {
      game = playMove(game, event.move);
    } catch (error) {
      if (error instanceof ProtocolError) throw new ResumeError(`its move at event ${k} cannot be played again: ${error.message}`);
      throw error;
    }
  }
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(game.session.config, config)) throw new ResumeError("its configuration is not what this version of mutual-gains makes of its scenario");
  const replayed = game.session.events;
  const differs = played.findIndex((event, k) => !same(event, replayed[k]));
  if (differs >= 0 || replayed.length !== played.length) {
    throw new ResumeError(`replaying its moves does not give its events (from event ${differs >= 0 ? differs : Math.min(played.length, replayed.length)} on)`);
  }
  if (game.session.ended) throw new ResumeError("the game has ended: there is nothing to resume");
  return game;
}

/** A partnership stopped before its end, replayed to where it stopped (its "abandon" left out) to play on. */
function resumePartnership(transcript: Transcript): Game {
  let game;
  try {
    const recorded = transcript.partnership!;
    // Played on from where it stopped: without the stop itself (the final "abandon").
    const phases = recorded.phases.map((phase, k) => (k === recorded.phases.length - 1 ? { ...phase, events: phase.events.filter((event) => event.type !== "abandon") } : phase));
    game = partnershipFromTranscript({ ...transcript, partnership: { ...recorded, phases, end: null } });
  } catch (error) {
    if (error instanceof PartnershipReplayError) throw new ResumeError(error.message);
    throw error;
  }
  if (gameOver(game)) throw new ResumeError("the game has ended: there is nothing to resume");
  return game;
}
