/**
 * Resuming: a game stopped after any of the trainee's moves (so in every round it reaches)
 * and resumed from its transcript ends byte for byte as the game played without a stop,
 * the partners' seeded state included; through the library and through the command line.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { classSpecs, playClassGame } from "../../bench/class-games.js";
import { ResumeError, abandonGame, gameTranscript, playMove, resumeGame, startGame } from "../../src/play/game.js";
import { readTranscript } from "../../src/negotiation/transcript.js";
import type { Move } from "../../src/negotiation/protocol.js";
import { SINGLE_SCENARIOS } from "../ui/support.js";
import { CLI_TEST_TIMEOUT_MS, expectUserError, run } from "../cli/run.js";

const SAVED_AT = new Date(Date.UTC(2025, 0, 31));
const text = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Games that go several rounds, against styles whose choices draw random numbers too. */
const LONG_GAMES = classSpecs(SINGLE_SCENARIOS, 48).filter((spec) => spec.kind === "favourite" || spec.kind === "nash").slice(0, 8).map(playClassGame);

describe("resumeGame", () => {
  test.each(LONG_GAMES.map((played) => [`${played.spec.scenarioId} as ${played.spec.trainee} against ${played.spec.style}`, played] as const))(
    "%s: stopped after every move and resumed, it ends byte-identical",
    (_, played) => {
      const moves: Move[] = [...played.game.moves];
      const whole = text(gameTranscript(played.game, { lang: "nl", savedAt: SAVED_AT }));
      expect(played.game.session.round).toBeGreaterThan(2);
      for (let stop = 0; stop < moves.length; stop++) {
        let game = startGame(played.game.setup);
        for (const move of moves.slice(0, stop)) game = playMove(game, move);
        // Stopped: saved as a file holds it, read back, resumed.
        const saved = JSON.parse(text(gameTranscript(abandonGame(game), { lang: "nl", savedAt: SAVED_AT })));
        let resumed = resumeGame(readTranscript(saved).transcript);
        for (const move of moves.slice(stop)) resumed = playMove(resumed, move);
        expect(text(gameTranscript(resumed, { lang: "nl", savedAt: SAVED_AT }))).toBe(whole);
      }
    },
  );

  test("a finished game, or one whose events its moves do not replay, is not resumed", () => {
    const finished = gameTranscript(LONG_GAMES[0].game, { lang: "en", savedAt: SAVED_AT });
    expect(() => resumeGame(finished)).toThrow(ResumeError);
    const { game } = LONG_GAMES[0];
    let prefix = startGame(game.setup);
    for (const move of game.moves.slice(0, 3)) prefix = playMove(prefix, move);
    const stopped = gameTranscript(abandonGame(prefix), { lang: "en", savedAt: SAVED_AT });
    expect(resumeGame(stopped).moves).toHaveLength(3);
    const otherStyle = stopped.config.participants.map((participant) => (participant.style === "human" ? participant : { style: "random" }));
    expect(() => resumeGame({ ...stopped, config: { ...stopped.config, participants: otherStyle } })).toThrow(ResumeError);
  });
});

describe("play --resume", () => {
  test("stopped at each round with --moves and resumed with the rest, it ends as the uninterrupted game", { timeout: CLI_TEST_TIMEOUT_MS }, async () => {
    const folder = mkdtempSync(join(tmpdir(), "mutual-gains-resume-"));
    try {
      const played = LONG_GAMES.find((game) => game.spec.scenario.parties.length === 2)!;
      const { spec, moves } = played;
      const setupArgs = ["play", spec.scenarioId, "--as", spec.scenario.parties[spec.trainee].id, "--partner", spec.style, "--seed", spec.seed];
      const movesFile = (name: string, list: unknown[]) => {
        const file = join(folder, name);
        writeFileSync(file, JSON.stringify(list));
        return file;
      };
      const whole = join(folder, "whole.json");
      expect((await run([...setupArgs, "--moves", movesFile("all.json", moves), "--transcript", whole])).status).toBe(0);
      const withoutTime = (file: string) => ({ ...JSON.parse(readFileSync(file, "utf8")), savedAt: null });
      // Stop where each round starts: after the moves played before it.
      const roundStarts = [...new Set(played.game.session.events.flatMap((event, k) => (event.type === "move" && event.actor === spec.trainee ? [[event.round, k]] : [])).map(([round]) => round))];
      const movesBefore = (round: number) => played.game.session.events.filter((event) => event.type === "move" && event.actor === spec.trainee && event.round < round).length;
      for (const round of roundStarts) {
        const stop = movesBefore(round);
        const partial = join(folder, `stopped-${round}.json`);
        expect((await run([...setupArgs, "--moves", movesFile(`first-${round}.json`, moves.slice(0, stop)), "--transcript", partial])).status).toBe(0);
        expect(JSON.parse(readFileSync(partial, "utf8")).complete).toBe(false);
        const resumed = await run(["play", "--resume", partial, "--moves", movesFile(`rest-${round}.json`, moves.slice(stop))]);
        expect(resumed.status, resumed.output).toBe(0);
        expect(withoutTime(partial)).toEqual(withoutTime(whole));
      }
      expectUserError(await run(["play", "--resume", whole]));
      expectUserError(await run(["play", "--resume", whole, "--seed", "3"]));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
