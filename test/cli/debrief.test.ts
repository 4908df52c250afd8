/**
 * `debrief <transcript>`: the built command on transcripts written to a temporary folder:
 * the text sections (in the transcript's language unless --lang says otherwise), --json,
 * and broken files that must end in a located message without a stack trace.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NegotiationDriver, sessionConfig } from "../../src/negotiation/driver.js";
import { type Transcript, makeTranscript } from "../../src/negotiation/transcript.js";
import { builtin } from "../negotiation/support.js";
import { CLI_TEST_TIMEOUT_MS, expectUserError, run } from "./run.js";
import { DEBRIEF_TITLES_EN } from "../support/debrief-titles.js";

const folder = mkdtempSync(join(tmpdir(), "mutual-gains-debrief-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Rivierland asks what matters most, then offers the Nash package until the logroller takes it. */
function playedGame(lang: "en" | "nl"): Transcript {
  const scenario = builtin("hospital-it-platform");
  const participants = [{ style: "human" }, { style: "logroller" }];
  const driver = new NegotiationDriver(scenario, sessionConfig({ scenario, participants, seed: "cli" }));
  driver.play(0, { type: "ask", to: 1, question: { kind: "most-important" } });
  while (!driver.session.ended) driver.play(0, { type: "offer", package: [1, 2, 0, 2, 2] });
  return makeTranscript(driver.session, { trainee: 0, surprise: true, lang, complete: true, savedAt: new Date("2025-01-31T10:00:00Z") });
}

function write(name: string, content: string): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

const english = write("game-en.json", JSON.stringify(playedGame("en"), null, 2));
const dutch = write("game-nl.json", JSON.stringify(playedGame("nl"), null, 2));

const TITLES_NL = [
  "Uitkomst",
  "Je partner",
  "Punten",
  "Waar het akkoord staat",
  "Het betere pakket",
  "Punten per onderwerp",
  "Pareto-plot",
  "Hoe de biedingen verliepen",
  "Onderwerp voor onderwerp",
  "Coaching aan de hand van de zeven tips",
];

describe.concurrent("debrief", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it("prints every section, in 80 columns, in the transcript's language", async () => {
    const result = await run(["debrief", english]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    const lines = result.stdout.split("\n");
    for (const title of DEBRIEF_TITLES_EN) expect(lines).toContain(title);
    expect(result.stdout).toContain("Agreement in round");
    expect(result.stdout).toContain("Duinzicht Hospital plays logroller (win-win), a surprise, revealed now.");
    expect(result.stdout).toContain("Tip 2 · Ask the right questions — good");
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it("speaks Dutch for a Dutch transcript, and --lang overrides the transcript's language", async () => {
    const [fromTranscript, overridden, toEnglish] = await Promise.all([
      run(["debrief", dutch]),
      run(["debrief", english, "--lang", "nl"]),
      run(["debrief", dutch, "--lang", "en"]),
    ]);
    for (const result of [fromTranscript, overridden]) {
      expect(result.status, result.stderr).toBe(0);
      for (const title of TITLES_NL) expect(result.stdout.split("\n")).toContain(title);
      expect(result.stdout).toContain("Tip 2 · Stel de juiste vragen — goed");
    }
    expect(toEnglish.stdout.split("\n")).toContain("Outcome");
  });

  it("--json prints the structured debrief with ids", async () => {
    const result = await run(["debrief", english, "--json"]);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({
      scenario: "hospital-it-platform",
      trainee: "rivierland",
      partners: ["duinzicht"],
      outcome: {
        kind: "agreement",
        package: { "cost-split": "sixty-forty", "data-standard": "open-throughout", "go-live": "9-months", governance: "equal-board", support: "24-7" },
      },
      parties: { rivierland: { batna: 38, utility: 68, gain: 30 }, duinzicht: { batna: 28, utility: 76, gain: 48 } },
      partnerStyles: [{ party: "duinzicht", style: "logroller", family: "win-win", surprise: true }],
      questions: [{ round: 1, to: "duinzicht", question: { kind: "most-important" }, answer: { honesty: "truthful", kind: "most-important" } }],
    });
    expect(json.coaching.map((item: { tip: number }) => item.tip)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(json.coaching[1]).toMatchObject({ tip: 2, verdict: "good", text: expect.stringContaining("You asked 1 question") });
    expect(json.coaching[6]).toMatchObject({ tip: 7, verdict: "none" });
    expect(json.issues).toContainEqual(
      expect.objectContaining({
        issue: "data-standard",
        kind: "compatible",
        priorities: { rivierland: expect.any(Number), duinzicht: expect.any(Number) },
        commonFavourites: ["open-throughout"],
        deal: "open-throughout",
        verdict: "kept",
        better: null,
      }),
    );
    expect(json.pareto).toEqual([expect.objectContaining({ x: "rivierland", y: "duinzicht", deal: { x: 68, y: 76 }, better: null })]);
    expect(json.position).toMatchObject({ efficient: true, distance: 0, created: 1 });
    expect(json.missedPackage).toBeNull();
    expect(json.pointsPerIssue.rivierland.issues.support).toEqual({ deal: 40, best: 40, missed: null });
    expect(json.pointsPerIssue.duinzicht.total).toEqual({ deal: 76, best: 96, missed: null });
    expect(json.process.paths[0]).toMatchObject({ party: "rivierland", anchor: { round: 1, utilities: { rivierland: 68, duinzicht: 76 } } });
    expect(json.process.counterfactual).toBeNull();
    // The texts in the language asked for, with the messages they are worded from: keys, and ids for parameters.
    expect(json.coaching[1].messages.text[0]).toEqual({ key: "debrief.coaching.asked", params: { count: 1, partners: 1 } });
    expect(json.coaching[1].messages.evidence[0].params.questions.list[0].params).toMatchObject({
      question: { question: { kind: "most-important" } },
      round: 1,
      status: { key: "debrief.coaching.answer.truthful" },
    });
    expect(json.partnerStyles[0].description).toContain("Asks, listens and trades");
    const dutchJson = JSON.parse((await run(["debrief", english, "--json", "--lang", "nl"])).stdout);
    expect(dutchJson.coaching[1].text).toContain("Je stelde 1 vraag");
    expect(dutchJson.coaching[1].messages).toEqual(json.coaching[1].messages);
    expect(dutchJson.partnerStyles[0].description).toContain("Vraagt, luistert en ruilt");
  });

  it("--help shows examples", async () => {
    const result = await run(["debrief", "--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Usage: mutual-gains debrief [options] <transcript>");
    expect(result.stdout).toContain("Examples:\n  $ mutual-gains debrief");
  });

  describe.concurrent("a broken file is a user error without a stack trace", () => {
    it("not JSON", async () => {
      const result = await run(["debrief", write("broken.json", '{ "format": "mutual-gains-transcript", ')]);
      expectUserError(result);
      expect(result.stderr).toMatch(/broken\.json:1:\d+: error: /);
    });

    it("JSON that is not a transcript", async () => {
      const result = await run(["debrief", write("scenario.json", JSON.stringify({ id: "x", issues: [] }))]);
      expectUserError(result);
      expect(result.stderr).toContain("not a mutual-gains transcript");
    });

    it("events that do not replay", async () => {
      const transcript = playedGame("en");
      const tampered = { ...transcript, events: [{ type: "move", round: 1, actor: 1, move: { type: "walk-away" } }] };
      const result = await run(["debrief", write("tampered.json", JSON.stringify(tampered))]);
      expectUserError(result);
      expect(result.stderr).toMatch(/tampered\.json:\d+:\d+: error: events\[0\]: this event cannot be replayed: Wait for your turn/);
    });

    it("a trainee that is not a party", async () => {
      const result = await run(["debrief", write("stranger.json", JSON.stringify({ ...playedGame("en"), trainee: 7 }))]);
      expectUserError(result);
      expect(result.stderr).toContain("the trainee is party 7, but the scenario has 2 parties");
    });

    it("a missing file", async () => {
      const result = await run(["debrief", join(folder, "nowhere.json")]);
      expectUserError(result);
      expect(result.stderr).toContain("cannot read transcript");
    });
  });
});
