import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_TEST_TIMEOUT_MS, ROOT, expectUserError, run } from "./run.js";

const EXAMPLE = join(ROOT, "docs", "examples", "hospital-moves.json");
const GAME = ["play", "hospital-it-platform", "--as", "rivierland", "--partner", "logroller", "--seed", "1"];

describe("play --moves (without a terminal)", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it("plays the README's example: conversation, debrief and a complete transcript in transcripts/", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "mutual-gains-play-"));
    const result = await run([...GAME, "--moves", EXAMPLE], { cwd });
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain("You ask Duinzicht Hospital: “What matters most to you?”");
    expect(result.stdout).toContain("You accept the offer by Duinzicht Hospital.");
    expect(result.stdout).toMatch(/Outcome/);
    const files = readdirSync(join(cwd, "transcripts"));
    expect(files).toHaveLength(1);
    const transcript = JSON.parse(readFileSync(join(cwd, "transcripts", files[0]), "utf8"));
    expect(transcript).toMatchObject({ format: "mutual-gains-transcript", complete: true, trainee: 0, lang: "en" });

    const debrief = await run(["debrief", join(cwd, "transcripts", files[0])], { cwd });
    expect(debrief.status, debrief.output).toBe(0);
    expect(debrief.stdout).toMatch(/Outcome/);
  });

  it("saves an incomplete transcript when the moves run out, only where --transcript says", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "mutual-gains-play-"));
    writeFileSync(join(cwd, "moves.json"), JSON.stringify([{ type: "ask", question: "alternative" }]));
    const result = await run([...GAME, "--moves", "moves.json", "--transcript", "mine.json", "--lang", "nl"], { cwd });
    expect(result.status, result.output).toBe(0);
    const transcript = JSON.parse(readFileSync(join(cwd, "mine.json"), "utf8"));
    expect(transcript.complete).toBe(false);
    expect(transcript.lang).toBe("nl");
    expect(transcript.events.at(-1)).toMatchObject({ type: "abandon" });
    // No transcripts/ folder is made when the transcript goes elsewhere.
    expect(existsSync(join(cwd, "transcripts"))).toBe(false);
  });

  it("refuses a move that names an unknown option, with the file and the choices", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "mutual-gains-play-"));
    writeFileSync(join(cwd, "moves.json"), JSON.stringify([{ type: "partial-offer", issue: "support", option: "never" }]));
    const result = await run([...GAME, "--moves", "moves.json"], { cwd });
    expectUserError(result);
    expect(result.stderr).toMatch(/moves\.json:1:\d+: error: \[0\]\.option: issue "support" has no option "never"; options: /);
  });

  it("refuses a move the protocol does not allow now, without a stack trace, keeping the moves before it", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "mutual-gains-play-"));
    writeFileSync(join(cwd, "moves.json"), JSON.stringify([{ type: "ask", question: "alternative" }, { type: "reject" }, { type: "walk-away" }]));
    const result = await run([...GAME, "--moves", "moves.json", "--transcript", "kept.json"], { cwd });
    expectUserError(result);
    expect(result.stderr).toContain("moves.json: move 2 cannot be played now: There is no offer to reject.");
    expect(result.stderr).toContain("the moves before it are saved in kept.json");
    const transcript = JSON.parse(readFileSync(join(cwd, "kept.json"), "utf8"));
    expect(transcript.complete).toBe(false);
    const moves = transcript.events.filter((event: { type: string; actor?: number }) => event.type === "move" && event.actor === 0);
    expect(moves.map((event: { move: { type: string } }) => event.move.type)).toEqual(["ask"]);
  });

  it("asks the party a move names with \"to\", and refuses one that is not another party", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "mutual-gains-play-"));
    const game = ["play", "rd-consortium", "--as", "university", "--partner", "logroller", "--seed", "1", "--moves", "moves.json"];
    writeFileSync(join(cwd, "moves.json"), JSON.stringify([{ type: "ask", question: "most-important", to: "fund" }]));
    const result = await run(game, { cwd });
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain("You ask Oostland Regional Innovation Fund: “What matters most to you?”");
    writeFileSync(join(cwd, "moves.json"), JSON.stringify([{ type: "ask", question: "most-important", to: "university" }]));
    const self = await run(game, { cwd });
    expectUserError(self);
    expect(self.stderr).toContain('a question goes to another organisation, not "university"; organisations: company, fund');
  });

  it("needs the scenario, the organisation and the partner", async () => {
    const result = await run(["play", "hospital-it-platform", "--moves", EXAMPLE]);
    expectUserError(result);
    expect(result.stderr).toContain("--moves needs the scenario, --as <party> and --partner <style>");
  });

  it("without a terminal and without --moves: a user error that says how to play", async () => {
    const result = await run(["play", "hospital-it-platform"]);
    expectUserError(result);
    expect(result.stderr).toContain("play is interactive and needs a terminal");
    expect(result.stderr).toContain("--moves moves.json");
  });

  it("--as needs the scenario", async () => {
    const result = await run(["play", "--as", "rivierland", "--moves", EXAMPLE]);
    expectUserError(result);
    expect(result.stderr).toContain("--as needs the scenario");
  });

  it("names the organisations when --as is unknown", async () => {
    const result = await run(["play", "hospital-it-platform", "--as", "rivierlnd", "--partner", "logroller", "--moves", EXAMPLE]);
    expectUserError(result);
    expect(result.stderr).toContain('did you mean "rivierland"');
  });
});

describe("where the transcript goes", () => {
  it("a --transcript in a folder that cannot be one is refused before the game", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "mutual-gains-play-"));
    writeFileSync(join(cwd, "notes"), "not a folder");
    const result = await run([...GAME, "--moves", EXAMPLE, "--transcript", "notes/game.json"], { cwd });
    expectUserError(result);
    expect(result.stderr).toMatch(/cannot save the transcript in notes: .*notes is a file, not a folder/);
    expect(result.stdout).toBe("");
  });
});
