/**
 * The class debrief on a generated class of 200 games (six kinds of trainee against five
 * styles, every built-in scenario and seat): every figure equals what the games' own
 * debriefs say; the generated games are what `play --moves` plays; a batch run is a baseline.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type PlayedClassGame, classSpecs, playClassGame, writeClass } from "../../bench/class-games.js";
import { readTranscript } from "../../src/negotiation/transcript.js";
import { computeDebrief } from "../../src/report/debrief.js";
import { mistakesOf, summary } from "../../src/report/class.js";
import { SINGLE_SCENARIOS } from "../ui/support.js";
import { CLI_TEST_TIMEOUT_MS, expectUserError, run } from "../cli/run.js";

const COUNT = 200;
let folder: string;
let games: PlayedClassGame[];
let files: string[];

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "mutual-gains-class-"));
  games = classSpecs(SINGLE_SCENARIOS, COUNT).map(playClassGame);
  files = writeClass(join(folder, "class"), games);
  // A file in the folder that is no transcript is skipped; a damaged transcript is listed.
  writeFileSync(join(folder, "class", "notes.json"), '{ "not": "a transcript" }\n');
  writeFileSync(join(folder, "class", "damaged.json"), readFileSync(files[0], "utf8").replace('"complete": true', '"complete": "yes"'));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface JsonRow {
  number: number;
  name: string | null;
  file: string;
  outcome: string;
  points: number;
  jointGain: number;
  shareOfMaxJointGain: number | null;
  valueLeftOnTable: number | null;
  mistakes: { tip: number; key: string }[];
}

describe("class on a generated class", () => {
  test(`the figures of ${COUNT} games equal those of their own debriefs`, { timeout: CLI_TEST_TIMEOUT_MS }, async () => {
    const result = await run(["class", join(folder, "class"), "--json"]);
    expect(result.status, result.output).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.unreadable).toEqual([{ file: join(folder, "class", "damaged.json"), reason: expect.stringContaining("complete") }]);
    const rows: JsonRow[] = report.groups.flatMap((group: { rows: JsonRow[] }) => group.rows);
    const incomplete = report.groups.reduce((sum: number, group: { incomplete: number }) => sum + group.incomplete, 0);
    const finished = games.filter((played) => played.game.session.outcome?.kind !== "abandoned");
    expect(rows).toHaveLength(finished.length);
    expect(incomplete).toBe(COUNT - finished.length);
    expect(incomplete).toBeGreaterThan(0);
    for (const group of report.groups) {
      const debriefs = group.rows.map((row: JsonRow) => {
        const { transcript, session } = readTranscript(JSON.parse(readFileSync(row.file, "utf8")));
        const debrief = computeDebrief(transcript, session);
        expect(row).toMatchObject({
          name: transcript.name ?? null,
          outcome: debrief.outcome.kind,
          points: debrief.utilities[transcript.trainee],
          jointGain: debrief.jointGain,
          shareOfMaxJointGain: debrief.shareOfMaxJointGain,
          valueLeftOnTable: debrief.valueLeftOnTable,
          mistakes: mistakesOf(debrief).map((mistake) => expect.objectContaining({ tip: mistake.tip, key: mistake.advice })),
        });
        return debrief;
      });
      expect(group.figures.agreements).toBe(debriefs.filter((debrief: { deal: unknown }) => debrief.deal !== null).length);
      expect(group.figures.share).toEqual(summary(debriefs.map((debrief: { shareOfMaxJointGain: number }) => debrief.shareOfMaxJointGain)));
      expect(group.figures.valueLeft).toEqual(summary(debriefs.map((debrief: { valueLeftOnTable: number }) => debrief.valueLeftOnTable)));
      // One mark per game on every panel; the mistakes per tip count the games the rows name.
      for (const panel of group.frontier) expect(panel.marks).toHaveLength(group.rows.length);
      for (const tip of group.mistakes) {
        expect(tip.games).toBe(group.rows.filter((row: JsonRow) => row.mistakes.some((mistake) => mistake.tip === tip.tip)).length);
      }
      const shares = group.rows.filter((row: JsonRow) => row.outcome === "agreement").map((row: JsonRow) => row.shareOfMaxJointGain!);
      if (shares.length > 0) {
        expect(group.rows[group.best.number - 1].shareOfMaxJointGain).toBe(Math.max(...shares));
        expect(group.rows[group.weakest.number - 1].shareOfMaxJointGain).toBe(Math.min(...shares));
      }
    }
    // Named rows carry their name; the others are numbered.
    expect(rows.some((row) => row.name === null)).toBe(true);
    expect(rows.some((row) => row.name !== null)).toBe(true);
  });

  test("the terminal summary names its sections and rows, in English and Dutch", { timeout: CLI_TEST_TIMEOUT_MS }, async () => {
    const english = await run(["class", join(folder, "class"), "--lang", "en"]);
    expect(english.status, english.output).toBe(0);
    for (const heading of ["Agreement", "Every game on the frontier", "Mistakes per tip, most common first", "The best and the weakest deal", "Per trainee", "The packages that were possible"]) {
      expect(english.stdout).toContain(heading);
    }
    expect(english.stdout).toMatch(/Trainee 1\b/);
    const dutch = await run(["class", join(folder, "class"), "--lang", "nl"]);
    expect(dutch.stdout).toContain("Fouten per tip, de meest gemaakte eerst");
  });

  test("the generated games are what play --moves plays", { timeout: CLI_TEST_TIMEOUT_MS }, async () => {
    for (const k of [0, 7, 13]) {
      const { spec, moves } = games[k];
      const movesFile = join(folder, `moves-${k}.json`);
      const transcript = join(folder, `cli-${k}.json`);
      writeFileSync(movesFile, JSON.stringify(moves));
      const args = ["play", spec.scenarioId, "--as", spec.scenario.parties[spec.trainee].id, "--partner", spec.style, "--seed", spec.seed, "--moves", movesFile, "--transcript", transcript];
      const result = await run(spec.name === undefined ? args : [...args, "--name", spec.name]);
      expect(result.status, result.output).toBe(0);
      const withoutTime = (text: string) => ({ ...JSON.parse(text), savedAt: null });
      expect(withoutTime(readFileSync(transcript, "utf8"))).toEqual(withoutTime(readFileSync(files[k], "utf8")));
    }
  });

  test("--baseline adds the scripted partners of a batch run, per style in the trainees' seat", { timeout: CLI_TEST_TIMEOUT_MS }, async () => {
    const rows = join(folder, "rows.csv");
    const batch = await run(["batch", "hospital-it-platform", "--strategies", "logroller,hardliner", "--vs", "conceder", "--runs", "2", "--out", rows]);
    expect(batch.status, batch.output).toBe(0);
    const result = await run(["class", ...files.filter((file) => file.includes("hospital")), "--baseline", rows, "--json"]);
    expect(result.status, result.output).toBe(0);
    const group = JSON.parse(result.stdout).groups.find((entry: { seat: string }) => entry.seat === "rivierland");
    expect(group.baseline.map((entry: { style: string }) => entry.style).sort()).toEqual(["conceder", "hardliner", "logroller"]);
    const text = await run(["class", ...files.filter((file) => file.includes("hospital")), "--baseline", rows]);
    expect(text.stdout).toContain("Scripted partners in the same seat (batch run)");
  });

  test("no transcript at all is a user error", { timeout: CLI_TEST_TIMEOUT_MS }, async () => {
    const empty = mkdtempSync(join(tmpdir(), "mutual-gains-empty-"));
    try {
      expectUserError(await run(["class", empty]));
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
