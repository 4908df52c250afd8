/**
 * A game as the UI and `play --moves` run it: immutable snapshots, the live driver handed
 * from game to game, and rebuilt by replay when an older game is played on; what lies on
 * the table, who has accepted, and whom a question goes to.
 */
import { describe, expect, test } from "vitest";
import { PARTNER_STYLES } from "../../src/negotiation/partners/registry.js";
import { ProtocolError, replay } from "../../src/negotiation/session.js";
import { readTranscript } from "../../src/negotiation/transcript.js";
import { type Game, SURPRISE, abandonGame, favouritePackage, gameSetup, gameTranscript, playMove, startGame, surpriseStyle } from "../../src/play/game.js";
import { acceptance, canAccept, latestOffers, questionRecipient, withTerm } from "../../src/play/table.js";
import { choice } from "../ui/support.js";

const hospital = choice("hospital-it-platform").scenario;
const rd = choice("rd-consortium").scenario;

function game(scenario = hospital, trainee = 0, partner = "logroller", seed = "3"): Game {
  return startGame(gameSetup({ scenario, trainee, partner, seed }));
}

const offer = (g: Game): Game => playMove(g, { type: "offer", package: favouritePackage(g.model, g.setup.trainee) });
const eventsOf = (g: Game) => JSON.stringify(g.session.events);

describe("a game", () => {
  test("starts with the partners seated before the trainee having moved", () => {
    expect(game(hospital, 0).session.events).toEqual([]);
    const second = game(hospital, 1);
    expect(second.session.turn).toBe(1);
    expect(second.session.events.some((event) => event.type === "move" && event.actor === 0)).toBe(true);
  });

  test("a move gives a new game; the old one is unchanged, and playing on from it gives the same game again", () => {
    const first = game(rd, 1, "reciprocator");
    const before = eventsOf(first);
    const second = offer(first);
    const third = offer(second);
    expect(eventsOf(first)).toBe(before);
    expect(second.moves).toHaveLength(1);
    expect(third.moves).toHaveLength(2);
    // From an older game the driver is rebuilt by replaying the trainee's moves: the partners answer as before.
    expect(eventsOf(offer(second))).toBe(eventsOf(third));
    expect(eventsOf(offer(offer(first)))).toBe(eventsOf(third));
  });

  test("a refused move throws and leaves the game playable", () => {
    const start = game();
    expect(() => playMove(start, { type: "accept" })).toThrow(ProtocolError);
    expect(() => playMove(start, { type: "offer", package: [0] })).toThrow(/package needs an option for every issue/);
    expect(offer(start).session.round).toBe(2);
  });

  test("its snapshot is the session its events replay to", () => {
    const played = offer(offer(game(rd, 0, "meso")));
    const replayed = replay(played.session.initialScenario, played.session.config, played.session.events);
    expect(replayed.round).toBe(played.session.round);
    expect(Array.from(replayed.trustLog)).toEqual(Array.from(played.session.trustLog));
  });

  test("abandoned, its transcript is incomplete and replays; finished, complete", () => {
    const left = abandonGame(offer(game()));
    expect(left.session.outcome).toMatchObject({ kind: "abandoned" });
    const transcript = gameTranscript(left, { lang: "nl", savedAt: new Date(0) });
    expect(transcript).toMatchObject({ complete: false, trainee: 0, lang: "nl", surprise: false });
    expect(readTranscript(JSON.parse(JSON.stringify(transcript))).session.outcome).toMatchObject({ kind: "abandoned" });
    const walked = playMove(game(), { type: "walk-away" });
    expect(gameTranscript(walked, { lang: "en", savedAt: new Date(0) }).complete).toBe(true);
    expect(abandonGame(walked)).toBe(walked);
  });

  test("a surprise draws the same win-lose or win-win style from the same seed", () => {
    const setup = gameSetup({ scenario: hospital, trainee: 0, partner: SURPRISE, seed: "42" });
    expect(setup).toMatchObject({ surprise: true, partnerStyle: surpriseStyle("42") });
    const drawn = new Set(Array.from({ length: 40 }, (_, k) => surpriseStyle(String(k))));
    for (const style of drawn) expect(PARTNER_STYLES.find((candidate) => candidate.id === style)?.family).not.toBe("baseline");
    expect(drawn.size).toBeGreaterThan(3);
    expect(() => gameSetup({ scenario: hospital, trainee: 0, partner: "nobody", seed: "1" })).toThrow(ProtocolError);
  });
});

describe("the table", () => {
  test("every party's latest offer, and only the proposer's latest stands", () => {
    const played = offer(game(rd, 0, "boulware"));
    const offers = latestOffers(played.session);
    expect(offers.map((entry) => entry.party)).toEqual([0, 1, 2]);
    expect(offers.filter((entry) => entry.standing).map((entry) => entry.party)).toEqual([played.session.standing!.proposer]);
  });

  test("who has accepted the standing offer and who still must", () => {
    let played = offer(game(rd, 0, "logroller"));
    for (let k = 0; k < 10 && !(played.session.standing && played.session.standing.proposer !== 0); k++) played = offer(played);
    const standing = played.session.standing!;
    expect(acceptance(played.session)).toEqual({
      proposer: standing.proposer,
      accepted: [standing.proposer],
      waiting: [0, 1, 2].filter((party) => party !== standing.proposer),
    });
    expect(canAccept(played.session, 0)).toBe(true);
    expect(canAccept(played.session, standing.proposer)).toBe(false);
  });

  test("a question goes to whom it is asked; else to whoever made the standing offer; else the next party", () => {
    const start = game(rd, 0, "boulware");
    expect(questionRecipient(start.session, 0)).toBe(1);
    expect(questionRecipient(start.session, 0, 2)).toBe(2);
    expect(() => questionRecipient(start.session, 0, 0)).toThrow(ProtocolError);
    expect(() => questionRecipient(start.session, 0, 3)).toThrow(ProtocolError);
    const played = offer(start);
    const proposer = played.session.standing!.proposer;
    expect(questionRecipient(played.session, 0)).toBe(proposer);
    // Two parties: always the partner.
    expect(questionRecipient(game(hospital, 1).session, 1)).toBe(0);
  });

  test("a single term put into a package", () => {
    expect(withTerm([0, 1, 2], { issue: 1, option: 0 })).toEqual([0, 0, 2]);
  });
});
