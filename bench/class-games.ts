/**
 * A generated class: games of trainees who play the way trainees do (haggle issue by issue,
 * take the first offer, offer their favourite, ask and offer the Nash package, walk away,
 * stop before the end), against several partner styles, on the built-in scenarios and seats.
 * Each game is played through the moves-file path (`toProtocolMove`, as `play --moves` plays
 * it) and its moves are kept in the moves file's form, so a test can replay any game with the
 * command line. Shared by the class tests and the class benchmark.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeScenario } from "../src/engine/analysis.js";
import { packageToRecord } from "../src/engine/model.js";
import { type ScriptedMove, toProtocolMove } from "../src/cli/moves-file.js";
import { type Game, abandonGame, gameSetup, gameTranscript, playMove, startGame } from "../src/play/game.js";
import { favouritePackage } from "../src/play/game.js";
import type { Scenario } from "../src/scenario/schema.js";

export const CLASS_STYLES = ["logroller", "hardliner", "conceder", "boulware", "meso"] as const;

/** How a generated trainee plays. */
export const TRAINEE_KINDS = ["haggler", "first-offer", "favourite", "nash", "walker", "quitter"] as const;
export type TraineeKind = (typeof TRAINEE_KINDS)[number];

export interface ClassGameSpec {
  readonly scenario: Scenario;
  /** The scenario argument of `play` (a built-in id). */
  readonly scenarioId: string;
  readonly trainee: number;
  readonly style: string;
  readonly kind: TraineeKind;
  readonly seed: string;
  readonly name?: string;
}

export interface PlayedClassGame {
  readonly spec: ClassGameSpec;
  readonly game: Game;
  /** The moves as a moves file holds them. */
  readonly moves: ScriptedMove[];
}

/** The specs of a class of `count` games, cycling through scenarios, seats, styles and kinds of trainee. */
export function classSpecs(scenarios: readonly { id: string; scenario: Scenario }[], count: number): ClassGameSpec[] {
  return Array.from({ length: count }, (_, k) => {
    const { id, scenario } = scenarios[k % scenarios.length];
    const trainee = Math.floor(k / scenarios.length) % scenario.parties.length;
    const style = CLASS_STYLES[Math.floor(k / 3) % CLASS_STYLES.length];
    const kind = TRAINEE_KINDS[k % TRAINEE_KINDS.length];
    // Every third trainee gives no name: those rows are numbered.
    return { scenario, scenarioId: id, trainee, style, kind, seed: String(k), ...(k % 3 === 2 ? {} : { name: `Trainee ${k + 1}` }) };
  });
}

/** The trainee's next move in the moves file's form, or null to stop the game here (a quitter). */
function nextMove(spec: ClassGameSpec, game: Game, nash: Record<string, string> | null, turn: number): ScriptedMove | null {
  const { session, setup, model } = game;
  const trainee = setup.trainee;
  if (session.pendingQuestions.some((question) => question.to === trainee)) return { type: "answer", honesty: turn % 2 === 0 ? "truthful" : "vague" };
  const standing = session.standing;
  const theirs = standing !== null && standing.proposer !== trainee && standing.kind !== "partial";
  const favourite = packageToRecord(model, favouritePackage(model, trainee));
  switch (spec.kind) {
    case "haggler": {
      if (theirs && session.round >= 3) return standing.kind === "meso" ? { type: "accept", choice: 1 } : { type: "accept" };
      const issue = turn % model.issueCount;
      return { type: "partial-offer", issue: model.issueIds[issue], option: favourite[model.issueIds[issue]] };
    }
    case "first-offer":
      if (theirs) return standing.kind === "meso" ? { type: "accept", choice: 1 } : { type: "accept" };
      return { type: "offer", package: favourite };
    case "favourite":
      if (theirs && session.round >= session.config.deadlineRounds - 1) return standing.kind === "meso" ? { type: "accept", choice: 1 } : { type: "accept" };
      return { type: "offer", package: favourite };
    case "nash":
      if (turn === 0) return { type: "ask", question: "most-important" };
      if (turn === 1) return { type: "ask", question: "what-would-work" };
      return { type: "offer", package: nash ?? favourite };
    case "walker":
      return session.round >= 2 ? { type: "walk-away" } : { type: "offer", package: favourite };
    case "quitter":
      return turn >= 3 ? null : { type: "offer", package: favourite };
  }
}

/** A game played to its end (or, for a quitter, stopped after a few moves and marked incomplete). */
export function playClassGame(spec: ClassGameSpec): PlayedClassGame {
  const setup = gameSetup({ scenario: spec.scenario, trainee: spec.trainee, partner: spec.style, seed: spec.seed, name: spec.name });
  let game = startGame(setup);
  const analysis = analyzeScenario(game.model, { top: 0 });
  const nash = analysis.nash === null ? null : packageToRecord(game.model, analysis.frontier.package(analysis.nash));
  const moves: ScriptedMove[] = [];
  for (let turn = 0; !game.session.ended; turn++) {
    const move = nextMove(spec, game, nash, turn);
    if (move === null) break;
    const protocolMove = toProtocolMove(move, game.session, setup.trainee);
    if (protocolMove === null) throw new Error(`move ${turn} of game ${spec.seed} cannot be played`);
    game = playMove(game, protocolMove);
    moves.push(move);
  }
  return { spec, game: game.session.ended ? game : abandonGame(game), moves };
}

/** Writes each game's transcript (as `play` saves it) into `folder`; returns the files. */
export function writeClass(folder: string, games: readonly PlayedClassGame[]): string[] {
  mkdirSync(folder, { recursive: true });
  return games.map((played, k) => {
    const file = join(folder, `${played.spec.scenarioId}-${String(k).padStart(4, "0")}.json`);
    writeFileSync(file, `${JSON.stringify(gameTranscript(played.game, { lang: "en", savedAt: new Date(Date.UTC(2025, 0, 31, 10, 0, k)) }), null, 2)}\n`);
    return file;
  });
}
