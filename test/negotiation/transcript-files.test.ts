/**
 * Transcripts that are damaged, hand-edited or from elsewhere: each is a located error
 * (line, column, JSON path), never a crash; a byte order mark is fine.
 */
import { describe, expect, test } from "vitest";
import { gameSetup, gameTranscript, playMove, startGame } from "../../src/play/game.js";
import { parseTranscript } from "../../src/negotiation/transcript.js";
import { choice } from "../ui/support.js";

const scenario = choice("hospital-it-platform").scenario;
const game = playMove(startGame(gameSetup({ scenario, trainee: 0, partner: "logroller", seed: "t" })), { type: "walk-away" });
const transcript = gameTranscript(game, { lang: "en", savedAt: new Date(0) });
const text = (value: unknown) => JSON.stringify(value, null, 2);

function problems(source: string) {
  const { read, diagnostics } = parseTranscript(source, "game.json");
  expect(read, "a broken transcript was read").toBeUndefined();
  expect(diagnostics.length).toBeGreaterThan(0);
  for (const d of diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
  }
  return diagnostics;
}

describe("a transcript that is not what it should be", () => {
  test("as saved, it reads and replays; with a byte order mark too", () => {
    expect(parseTranscript(text(transcript), "game.json").read?.session.outcome).toMatchObject({ kind: "walk-away" });
    expect(parseTranscript(`\uFEFF${text(transcript)}`, "game.json").read).toBeDefined();
  });

  test("cut off half-way: a syntax error where it stops", () => {
    const full = text(transcript);
    const [d] = problems(full.slice(0, Math.floor(full.length / 2)));
    expect(d.message).toMatch(/expected|no closing/);
  });

  test("empty, or some other JSON: one message that says what a transcript is", () => {
    expect(problems("")[0].message).toContain("the file is empty; expected a transcript saved by mutual-gains play");
    const [other] = problems(text({ id: "x", issues: [] }));
    expect(other.message).toContain("not a mutual-gains transcript");
  });

  test("another version of the format", () => {
    const [d] = problems(text({ ...transcript, version: 2 }));
    expect(d.path).toBe("version");
    expect(d.message).toContain("reads version 1");
  });

  test('"initialTrust": [50, null] is an error at the null', () => {
    const source = text({ ...transcript, config: { ...transcript.config, initialTrust: [50, null] } });
    const d = problems(source).find((entry) => entry.path === "config.initialTrust[1]")!;
    expect(d.message).toContain("expected a number from 0 to 100, got null");
  });

  test('"config": {} lists what it lacks, at the config', () => {
    const found = problems(text({ ...transcript, config: {} }));
    expect(found.map((d) => d.path)).toEqual(expect.arrayContaining(["config.participants", "config.initialTrust", "config.seed"]));
    expect(found.every((d) => d.message.includes("missing required key"))).toBe(true);
  });

  test("a scenario inside without a weight is refused as the loader refuses it", () => {
    const parties = transcript.scenario.parties.map((party, p) => (p === 0 ? { ...party, weights: { ...party.weights, support: undefined } } : party));
    const d = problems(text({ ...transcript, scenario: { ...transcript.scenario, parties } }))[0];
    expect(d.path).toBe("scenario.parties[0].weights.support");
    expect(d.message).toBe('no weight for issue "support"');
  });

  test("a trainee who is no party, a style that does not exist, an event that does not replay", () => {
    expect(problems(text({ ...transcript, trainee: 7 }))[0].message).toContain("the trainee is party 7, but the scenario has 2 parties");
    const participants = [transcript.config.participants[0], { style: "haggler" }];
    expect(problems(text({ ...transcript, config: { ...transcript.config, participants } }))[0]).toMatchObject({ path: "config.participants[1].style" });
    const events = [{ type: "move", round: 1, actor: 1, move: { type: "accept" } }];
    const [d] = problems(text({ ...transcript, events }));
    expect(d.path).toBe("events[0]");
    expect(d.message).toContain("this event cannot be replayed: Wait for your turn");
  });

  test("a move of a kind the protocol does not know", () => {
    const events = [{ type: "move", round: 1, actor: 0, move: { type: "bribe" } }];
    const [d] = problems(text({ ...transcript, events }));
    expect(d.path).toBe("events[0].move.type");
    expect(d.message).toContain('expected one of "offer", "meso", "partial-offer"');
  });
});
