/**
 * A trainee's partnership (tips 3, 4 and 7), as both the play UI and `play --moves` run it.
 * A partnership game is a `Game` of its current phase — its setup is the phase's scenario
 * with the trainee's seat in it, so the negotiation screen shows any phase unchanged —
 * plus `partnership`: the whole setup, the trainee's actions so far, the phases played and
 * what the partnership waits for (a move, a review, nothing: it has ended).
 *
 * Like a single game it never changes: an action returns a new game. The live
 * PartnershipRun (its partners' models and generators) belongs to the newest game of a
 * line of play; an older game rebuilds one by replaying the trainee's actions from the seed.
 */
import { compileScenario } from "../engine/model.js";
import { DEFAULT_DEADLINE_ROUNDS, HUMAN } from "../negotiation/driver.js";
import { phaseTranscripts } from "../negotiation/partnership/record.js";
import type { SessionConfig } from "../negotiation/protocol.js";
import { TRANSCRIPT_FORMAT, TRANSCRIPT_VERSION, type Transcript } from "../negotiation/transcript.js";
import { DEFAULT_INITIAL_TRUST } from "../negotiation/trust.js";
import type { Finding } from "../scenario/diagnostics.js";
import type { Language } from "../scenario/schema.js";
import { type PhaseRecord, PartnershipRun, type PartnershipSetup, type Waiting } from "../negotiation/partnership/run.js";
import type { TraineeAction } from "../negotiation/partnership/record.js";
import { ProtocolError, type Session, replay } from "../negotiation/session.js";
import type { Game, GameSetup } from "./game.js";


export interface PartnershipProgress {
  /** The game as set up: the partnership's scenario and the trainee's seat in it. */
  readonly setup: GameSetup;
  readonly actions: readonly TraineeAction[];
  /** Every phase so far, the current one last; sessions are snapshots. */
  readonly phases: readonly PhaseRecord[];
  readonly waiting: Waiting;
  /** The stage the trainee reviews, while it does. */
  readonly reviewing: PartnershipRun["reviewing"];
}

export type PartnershipGame = Game & { readonly partnership: PartnershipProgress };

export function isPartnership(game: Game): game is PartnershipGame {
  return game.partnership !== undefined;
}

const liveRuns = new WeakMap<Game, PartnershipRun>();

function runSetup(setup: GameSetup): PartnershipSetup {
  const styles = setup.scenario.parties.map((_, party) => (party === setup.trainee ? HUMAN : setup.partnerStyle));
  return { scenario: setup.scenario, styles, seed: setup.seed, ...(setup.rounds === undefined ? {} : { rounds: setup.rounds }) };
}

function apply(run: PartnershipRun, action: TraineeAction): void {
  if (action.type === "move") run.play(action.move);
  else run.review(action.decision);
}

const snapshotSession = (session: Session) => replay(session.initialScenario, session.config, session.events, session.fullModel);

/** The game after `actions`, from the run they led to (which it then owns). */
function snapshot(setup: GameSetup, run: PartnershipRun, actions: readonly TraineeAction[]): PartnershipGame {
  const phases = run.phases.map((phase, k) => ({ ...phase, session: phase.session && k === run.phases.length - 1 ? snapshotSession(phase.session) : phase.session }));
  const last = [...phases].reverse().find((phase) => phase.session !== null)!;
  const session = last.session!;
  const trainee = session.scenario.parties.findIndex((party) => party.id === setup.scenario.parties[setup.trainee].id);
  const moves = actions.flatMap((action) => (action.type === "move" ? [action.move] : []));
  const game: PartnershipGame = {
    setup: { ...setup, scenario: session.initialScenario, trainee },
    model: compileScenario(session.initialScenario),
    session,
    moves,
    partnership: { setup, actions, phases, waiting: run.waiting, reviewing: run.reviewing },
  };
  liveRuns.set(game, run);
  return game;
}

export function startPartnership(setup: GameSetup): PartnershipGame {
  return snapshot(setup, new PartnershipRun(runSetup(setup)), []);
}

/** The live run at `game`: its own (taken from it), or one rebuilt by replaying its actions. */
function runAt(game: PartnershipGame): PartnershipRun {
  const live = liveRuns.get(game);
  if (live) {
    liveRuns.delete(game);
    return live;
  }
  const run = new PartnershipRun(runSetup(game.partnership.setup));
  for (const action of game.partnership.actions) apply(run, action);
  return run;
}

/** The partnership after one of the trainee's actions. Throws a ProtocolError, leaving `game` as it was, when it is refused. */
export function actInPartnership(game: PartnershipGame, action: TraineeAction): PartnershipGame {
  const { waiting } = game.partnership;
  if (waiting.kind === "ended" || (action.type === "review") !== (waiting.kind === "review")) throw new ProtocolError(waiting.kind === "ended" ? "ended" : "wrong-phase");
  const run = runAt(game);
  apply(run, action);
  return snapshot(game.partnership.setup, run, [...game.partnership.actions, action]);
}

/** The partnership stopped by the trainee before its end: the current negotiation gets its "abandon". */
export function abandonPartnership(game: PartnershipGame): PartnershipGame {
  if (game.partnership.waiting.kind === "ended") return game;
  const run = new PartnershipRun(runSetup(game.partnership.setup));
  for (const action of game.partnership.actions) apply(run, action);
  run.abandon();
  return snapshot(game.partnership.setup, run, game.partnership.actions);
}

/**
 * The partnership a transcript's actions lead to, replayed from its setup; its phases must be
 * the transcript's exactly. A final "abandon" is not an action: `abandoned` replays it.
 */
export function replayPartnership(setup: GameSetup, actions: readonly TraineeAction[], abandoned: boolean): PartnershipGame {
  let game = startPartnership(setup);
  for (const action of actions) game = actInPartnership(game, action);
  return abandoned ? abandonPartnership(game) : game;
}

/** The seats of a partnership transcript: every party of the scenario, at the styles' start (each phase has its own config). */
function partnershipConfig(setup: GameSetup): SessionConfig {
  const { scenario } = setup;
  return {
    scenarioId: scenario.id,
    deadlineRounds: setup.rounds ?? scenario.deadlineRounds ?? DEFAULT_DEADLINE_ROUNDS,
    seed: setup.seed,
    participants: runSetup(setup).styles.map((style) => ({ style })),
    initialTrust: scenario.parties.map(() => DEFAULT_INITIAL_TRUST),
  };
}

/** The partnership as a transcript file holds it; complete when it has ended (other than by the trainee stopping). */
export function partnershipTranscript(game: PartnershipGame, details: { lang: Language; savedAt: Date }): Transcript {
  const { setup, actions, phases, waiting } = game.partnership;
  const end = waiting.kind === "ended" ? waiting.reason : null;
  return {
    format: TRANSCRIPT_FORMAT,
    version: TRANSCRIPT_VERSION,
    savedAt: details.savedAt.toISOString(),
    complete: end !== null && end !== "abandoned",
    trainee: setup.trainee,
    surprise: setup.surprise,
    ...(setup.name === undefined ? {} : { name: setup.name }),
    lang: details.lang,
    scenario: setup.scenario,
    config: partnershipConfig(setup),
    events: [],
    partnership: { ...(setup.rounds === undefined ? {} : { rounds: setup.rounds }), actions, phases: phaseTranscripts(phases), end },
  };
}

/** The setup a partnership transcript was played with. */
export function transcriptSetup(transcript: Transcript): GameSetup {
  const { config, trainee, partnership } = transcript;
  const partnerStyle = config.participants.find((participant) => participant.style !== HUMAN)?.style ?? HUMAN;
  return {
    scenario: transcript.scenario,
    trainee,
    partnerStyle,
    surprise: transcript.surprise,
    seed: config.seed,
    ...(partnership?.rounds === undefined ? {} : { rounds: partnership.rounds }),
    ...(transcript.name === undefined ? {} : { name: transcript.name }),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The partnership of a transcript, replayed from its setup and the trainee's actions; throws
 * a ResumeError-like message (`PartnershipReplayError`) naming the first action or phase that
 * does not replay as recorded.
 */
export function partnershipFromTranscript(transcript: Transcript): PartnershipGame {
  const recorded = transcript.partnership!;
  const setup = transcriptSetup(transcript);
  if (setup.partnerStyle === HUMAN || transcript.config.participants[setup.trainee]?.style !== HUMAN) {
    throw new PartnershipReplayError(["config", "participants"], "it was not a trainee's partnership with scripted partners");
  }
  let game = startPartnership(setup);
  for (const [k, action] of recorded.actions.entries()) {
    try {
      game = actInPartnership(game, action);
    } catch (error) {
      if (error instanceof ProtocolError) throw new PartnershipReplayError(["partnership", "actions", k], `this action cannot be played again: ${error.message}`);
      throw error;
    }
  }
  if (recorded.end === "abandoned") game = abandonPartnership(game);
  const replayed = phaseTranscripts(game.partnership.phases);
  const differs = recorded.phases.findIndex((phase, k) => !same(phase, replayed[k]));
  if (differs >= 0 || replayed.length !== recorded.phases.length) {
    const at = differs >= 0 ? differs : Math.min(replayed.length, recorded.phases.length);
    throw new PartnershipReplayError(["partnership", "phases", at], "replaying the trainee's actions does not give this phase as recorded");
  }
  const end = game.partnership.waiting.kind === "ended" ? game.partnership.waiting.reason : null;
  if (end !== recorded.end) throw new PartnershipReplayError(["partnership", "end"], `replaying the trainee's actions ends it as ${JSON.stringify(end)}, not ${JSON.stringify(recorded.end)}`);
  return game;
}

export class PartnershipReplayError extends Error {
  override readonly name = "PartnershipReplayError";

  constructor(
    readonly path: (string | number)[],
    message: string,
  ) {
    super(message);
  }
}

/** For the transcript reader: a partnership transcript whose actions do not replay to its phases is located there. */
export function partnershipTranscriptFindings(transcript: Transcript): Finding[] {
  try {
    partnershipFromTranscript(transcript);
    return [];
  } catch (error) {
    if (error instanceof PartnershipReplayError) return [{ severity: "error", path: error.path, message: error.message }];
    throw error;
  }
}
