/**
 * A partnership through the command line: a moves file written from a game played in process
 * gives the same partnership with `play --moves`, its transcript replays exactly with `debrief`
 * (text and JSON, both languages), a stopped one resumes, and damaged ones are located errors.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { compileScenario } from "../../src/engine/model.js";
import type { Move } from "../../src/negotiation/protocol.js";
import { type Game, gameOver, gameSetup, gameTranscript, playMove, startGame } from "../../src/play/game.js";
import { type PartnershipGame, actInPartnership } from "../../src/play/partnership.js";
import { smallPartnership } from "../partnership/fixture.js";
import { CLI_TEST_TIMEOUT_MS, expectUserError, run } from "./run.js";

const folder = mkdtempSync(join(tmpdir(), "mutual-gains-partnership-"));
const scenarioFile = join(folder, "small.json");
writeFileSync(scenarioFile, JSON.stringify(smallPartnership(), null, 2));

/** A trainee who accepts what stands, keeps agreements, proposes the partner's last package and adjusts at reviews. */
function playedGame(): { game: PartnershipGame; moves: unknown[] } {
  let game = startGame(gameSetup({ scenario: smallPartnership(), trainee: 0, partner: "logroller", seed: "cli" })) as PartnershipGame;
  const moves: unknown[] = [];
  const byIds = (pkg: readonly number[]) => Object.fromEntries(pkg.map((option, issue) => [game.model.issueIds[issue], game.model.optionIds[issue][option]]));
  for (let step = 0; step < 400 && !gameOver(game); step++) {
    if (game.partnership.waiting.kind === "review") {
      moves.push({ type: "review", decision: "adjust" });
      game = actInPartnership(game, { type: "review", decision: "adjust" });
      continue;
    }
    const session = game.session;
    const standing = session.standing;
    let move: Move;
    if (session.agreed && !standing) move = { type: "keep" };
    else if (standing && standing.proposer !== game.setup.trainee) move = { type: "accept" };
    else move = { type: "offer", package: [...(session.lastOffers.find((offer, party) => offer !== null && party !== game.setup.trainee) ?? game.model.optionCounts.map(() => 0))] };
    moves.push(move.type === "offer" ? { type: "offer", package: byIds(move.package) } : { type: move.type });
    game = playMove(game, move) as PartnershipGame;
  }
  return { game, moves };
}

const phasesOf = (file: string) => JSON.parse(readFileSync(file, "utf8")).partnership.phases;

describe.concurrent("a partnership on the command line", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  const { game, moves } = playedGame();
  const movesFile = join(folder, "moves.json");
  writeFileSync(movesFile, JSON.stringify(moves, null, 2));
  const expected = JSON.parse(JSON.stringify(gameTranscript(game as Game, { lang: "en", savedAt: new Date(0) })));

  test("play --moves plays it to the end as in process, and debrief reads it in both languages", async () => {
    expect(expected.partnership.end).toBe("completed");
    const transcript = join(folder, "played.json");
    const played = await run(["play", scenarioFile, "--as", "a", "--partner", "logroller", "--seed", "cli", "--name", "T", "--moves", movesFile, "--transcript", transcript]);
    expect(played.status, played.output).toBe(0);
    expect(played.stdout).toContain("── Shared ambition ──");
    expect(played.stdout).toContain("── Year 2 — renegotiation ──");
    expect(played.stdout).toContain("Score per stage and in total");
    expect(phasesOf(transcript)).toEqual(expected.partnership.phases);
    const english = await run(["debrief", transcript]);
    expect(english.status, english.output).toBe(0);
    expect(english.stdout).toContain("The shared ambition (tip 3)");
    const dutch = await run(["debrief", transcript, "--lang", "nl"]);
    expect(dutch.stdout).toContain("Score per fase en in totaal");
    const json = await run(["debrief", transcript, "--json"]);
    const content = JSON.parse(json.stdout);
    expect(content.end).toBe("completed");
    expect(content.stages.map((stage: { id: string }) => stage.id)).toEqual(["year-1", "year-2", "year-3"]);
    expectUserError(await run(["debrief", transcript, "--html", join(folder, "x.html")]));
    // A class report compares single negotiations: it names the partnership it leaves out.
    const classed = await run(["class", transcript]);
    expectUserError(classed);
    expect(classed.stderr).toContain("a partnership over stages (small-partnership)");
  });

  test("analyze says that a partnership scenario is analysed as a whole", async () => {
    const analysed = await run(["analyze", scenarioFile]);
    expect(analysed.status, analysed.output).toBe(0);
    expect(analysed.stdout).toContain("A partnership over 3 stages, opening with a shared ambition: this analysis is of the scenario as a whole");
    const dutch = await run(["analyze", scenarioFile, "--lang", "nl"]);
    expect(dutch.stdout).toContain("Een samenwerking in 3 fasen, die begint met een gedeelde ambitie");
  });

  test("stopped half-way it is saved incomplete; play --resume --moves plays the rest to the same end", async () => {
    const half = Math.floor(moves.length / 2);
    const first = join(folder, "first.json");
    const rest = join(folder, "rest.json");
    writeFileSync(first, JSON.stringify(moves.slice(0, half)));
    writeFileSync(rest, JSON.stringify(moves.slice(half)));
    const transcript = join(folder, "stopped.json");
    const started = await run(["play", scenarioFile, "--as", "a", "--partner", "logroller", "--seed", "cli", "--name", "T", "--moves", first, "--transcript", transcript]);
    expect(started.status, started.output).toBe(0);
    expect(JSON.parse(readFileSync(transcript, "utf8"))).toMatchObject({ complete: false, partnership: { end: "abandoned" } });
    const resumed = await run(["play", "--resume", transcript, "--moves", rest]);
    expect(resumed.status, resumed.output).toBe(0);
    expect(phasesOf(transcript)).toEqual(expected.partnership.phases);
  });

  test("a transcript whose events were changed is a located error, and so is a package of another phase", async () => {
    const transcript = join(folder, "changed.json");
    const changed = structuredClone(expected);
    const phase = changed.partnership.phases.findIndex((candidate: { events: unknown[] }) => candidate.events.length > 1);
    changed.partnership.phases[phase].events.pop();
    writeFileSync(transcript, JSON.stringify(changed, null, 2));
    const refused = await run(["debrief", transcript]);
    expectUserError(refused);
    expect(refused.stderr).toMatch(new RegExp(`changed\\.json:\\d+:\\d+: error: partnership\\.phases\\[${phase}\\]`));

    const wrong = join(folder, "wrong-moves.json");
    writeFileSync(wrong, JSON.stringify([{ type: "offer", package: { budget: "low", staff: "none", facility: "no", data: "shared" } }]));
    const misplaced = await run(["play", scenarioFile, "--as", "a", "--partner", "logroller", "--moves", wrong, "--transcript", join(folder, "w.json")]);
    expectUserError(misplaced);
    expect(misplaced.stderr).toContain("move 1 cannot be played now");
    expect(misplaced.stderr).toContain('"ambition"');
  });

  test("a moves file naming an issue no phase has is refused before the game starts; a later party cannot be played", async () => {
    const bad = join(folder, "bad-moves.json");
    writeFileSync(bad, '[\n  { "type": "offer", "package": { "budjet": "low" } }\n]\n');
    const refused = await run(["play", scenarioFile, "--as", "a", "--partner", "logroller", "--moves", bad]);
    expectUserError(refused);
    expect(refused.stderr).toMatch(/bad-moves\.json:2:\d+: error: \[0\]\.package\.budjet: no issue "budjet".*did you mean "budget"/);
    const newcomer = await run(["play", scenarioFile, "--as", "c", "--partner", "logroller", "--moves", bad]);
    expectUserError(newcomer);
    expect(newcomer.stderr).toContain('"c" joins the partnership');
    expect(compileScenario(smallPartnership()).partyIds).toContain("c");
  });
});
