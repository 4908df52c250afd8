/** A trainee's partnership as the play UI and `play --moves` run it: phases, reviews, transcripts that replay exactly, resuming. */
import { describe, expect, it } from "vitest";
import { parseTranscript } from "../../src/negotiation/transcript.js";
import type { Move } from "../../src/negotiation/protocol.js";
import { type Game, abandonGame, gameOver, gameSetup, gameTranscript, playMove, resumeGame, startGame } from "../../src/play/game.js";
import { type PartnershipGame, actInPartnership, isPartnership, partnershipTranscriptFindings } from "../../src/play/partnership.js";
import { smallPartnership } from "./fixture.js";

const setup = (partner = "logroller", seed = "g1") => gameSetup({ scenario: smallPartnership(), trainee: 0, partner, seed });

/** A simple trainee: accepts any standing offer, keeps agreements, keeps the partnership at reviews but adjusts when told. */
function nextAction(game: PartnershipGame, review: "keep" | "adjust"): { move?: Move; review?: "keep" | "adjust" } {
  if (game.partnership.waiting.kind === "review") return { review };
  const session = game.session;
  if (session.agreed) return { move: { type: "keep" } };
  const standing = session.standing;
  if (standing && standing.proposer !== game.setup.trainee && !standing.acceptedBy.has(game.setup.trainee)) {
    return { move: standing.kind === "meso" ? { type: "accept", choice: 0 } : { type: "accept" } };
  }
  const own = session.lastOffers.find((offer, party) => offer !== null && party !== game.setup.trainee);
  return { move: { type: "offer", package: [...(own ?? Array.from({ length: session.model.issueCount }, () => 0))] } };
}

function playThrough(start: Game, review: "keep" | "adjust" = "adjust", limit = 500): PartnershipGame[] {
  const games = [start as PartnershipGame];
  for (let step = 0; step < limit && !gameOver(games.at(-1)!); step++) {
    const game = games.at(-1)!;
    const action = nextAction(game, review);
    games.push(action.review ? actInPartnership(game, { type: "review", decision: action.review }) : (playMove(game, action.move!) as PartnershipGame));
  }
  return games;
}

const transcriptOf = (game: Game) => JSON.parse(JSON.stringify(gameTranscript(game, { lang: "en", savedAt: new Date(0) })));
const read = (transcript: unknown) => parseTranscript(JSON.stringify(transcript, null, 2), "t.json", partnershipTranscriptFindings);

describe("a partnership game", () => {
  it("starts in the ambition phase, as a game of that phase", () => {
    const game = startGame(setup());
    expect(isPartnership(game)).toBe(true);
    expect(game.setup.scenario.issues.map((issue) => issue.id)).toEqual(["ambition"]);
    expect(game.setup.scenario.parties.map((party) => party.id)).toEqual(["a", "b"]);
    expect(game.setup.trainee).toBe(0);
    expect(gameOver(game)).toBe(false);
  });

  it("is played from the ambition to the last stage, with a review at each later stage", () => {
    const games = playThrough(startGame(setup()));
    const last = games.at(-1)!;
    expect(last.partnership.waiting).toEqual({ kind: "ended", reason: "completed" });
    expect(games.filter((game) => game.partnership.waiting.kind === "review").map((game) => game.partnership.reviewing!.stage)).toEqual([1, 2]);
    expect(last.partnership.phases.filter((phase) => phase.kind === "stage").length).toBeGreaterThanOrEqual(3);
  });

  it("never changes: playing on from an older game gives the same as the live line of play", () => {
    const games = playThrough(startGame(setup()));
    const middle = games[Math.floor(games.length / 2)];
    const live = playThrough(middle).at(-1)!;
    const rebuilt = playThrough({ ...middle }).at(-1)!;
    expect(transcriptOf(rebuilt)).toEqual(transcriptOf(live));
    expect(transcriptOf(live)).toEqual(transcriptOf(games.at(-1)!));
  });

  it("its transcript replays exactly, and a changed event or action is located", () => {
    const transcript = transcriptOf(playThrough(startGame(setup())).at(-1)!);
    expect(transcript.complete).toBe(true);
    expect(transcript.events).toEqual([]);
    expect(transcript.partnership.end).toBe("completed");
    expect(read(transcript).read).toBeDefined();

    const tampered = structuredClone(transcript);
    const phase = tampered.partnership.phases.findIndex((candidate: { events: unknown[] }) => candidate.events.length > 2);
    tampered.partnership.phases[phase].events.splice(1, 1);
    const located = read(tampered);
    expect(located.read).toBeUndefined();
    expect(located.diagnostics[0].path).toBe(`partnership.phases[${phase}]`);

    const wrongAction = structuredClone(transcript);
    const review = wrongAction.partnership.actions.findIndex((action: { type: string }) => action.type === "review");
    wrongAction.partnership.actions.splice(review, 1);
    const refused = read(wrongAction);
    expect(refused.read).toBeUndefined();
    expect(refused.diagnostics[0].path).toMatch(/^partnership\.(actions|phases|end)/);
  });

  it("stopped half-way, it is saved incomplete and resumes where it stopped, to the same end", () => {
    const games = playThrough(startGame(setup("conceder", "g2")));
    const stopAt = games.findIndex((game) => game.partnership.phases.length >= 3 && game.partnership.waiting.kind === "session");
    expect(stopAt).toBeGreaterThan(0);
    const stopped = transcriptOf(abandonGame(games[stopAt]));
    expect(stopped.complete).toBe(false);
    expect(stopped.partnership.end).toBe("abandoned");
    expect(read(stopped).read).toBeDefined();
    const resumed = resumeGame(stopped);
    expect(transcriptOf(playThrough(resumed).at(-1)!)).toEqual(transcriptOf(games.at(-1)!));
  });

  it("a review is only taken at a review, a move only at the table", () => {
    const game = startGame(setup()) as PartnershipGame;
    expect(() => actInPartnership(game, { type: "review", decision: "keep" })).toThrow(/not what the partnership waits for/);
    const atReview = playThrough(game).find((candidate) => candidate.partnership.waiting.kind === "review")!;
    expect(() => playMove(atReview, { type: "keep" })).toThrow(/not what the partnership waits for/);
  });

  it("leaving at a review ends the partnership for the trainee", () => {
    const games = [startGame(setup()) as PartnershipGame];
    while (games.at(-1)!.partnership.waiting.kind === "session") {
      const game = games.at(-1)!;
      const action = nextAction(game, "keep");
      games.push(playMove(game, action.move!) as PartnershipGame);
    }
    const left = actInPartnership(games.at(-1)!, { type: "review", decision: "leave" });
    expect(left.partnership.waiting).toEqual({ kind: "ended", reason: "trainee-left" });
  });
});
