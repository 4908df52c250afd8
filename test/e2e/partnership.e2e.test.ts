/**
 * A partnership in a real terminal (tmux), as a trainee plays it: the briefing, the shared
 * ambition, every stage's negotiation, the screens between phases and the reviews, to the
 * partnership's debrief — every screen within the terminal — and a transcript that the
 * `debrief` command reads back. The trainee proposes the shared ambition, then accepts what
 * stands, keeps agreements, proposes otherwise, and adjusts at every review.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { translator } from "../../src/i18n/translate.js";
import { resolveScenarioPath } from "../../src/scenario/builtin.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import type { Language } from "../../src/scenario/schema.js";
import { localise } from "../../src/scenario/localise.js";
import { debriefPages } from "./game.js";
import { CLI, E2E_TEST_TIMEOUT_MS, HAS_TMUX, sendKeys, startSession, waitForExit, waitForScreen } from "./tmux.js";

const SCENARIO = loadScenarioFile(resolveScenarioPath("care-network")).scenario;
/** More key presses than any game of four rounds per negotiation needs. */
const MAX_STEPS = 120;

function expectFits(screen: string, columns: number, rows: number): void {
  const lines = screen.replace(/\n+$/, "").split("\n");
  for (const line of lines) expect([...line].length, `wider than ${columns} columns: ${line}`).toBeLessThanOrEqual(columns);
  expect(lines.length).toBeLessThanOrEqual(rows);
}

async function playPartnership(columns: number, rows: number, lang: Language, session: string): Promise<void> {
  const t = translator(lang);
  const workdir = mkdtempSync(join(tmpdir(), "mutual-gains-e2e-partnership-"));
  const key = (label: string, hint: Parameters<typeof t>[0]) => `${label} ${t(hint)}`;
  const saved = t("play.saved", { path: "" }).trim();
  const debriefTitle = t("partnership.debrief.title.summary");
  try {
    startSession(session, columns, rows, workdir, `env CI=true NO_COLOR=1 TERM=xterm-256color LANG=C.UTF-8 node ${CLI} play care-network --as care-group --partner logroller --seed 7 --rounds 4 --name T --lang ${lang}`, { keep: true });
    const briefing = await waitForScreen(session, `Enter ${t("play.key.start.hint")}`, { settledMs: 150 });
    expectFits(briefing, columns, rows);
    sendKeys(session, "Enter");

    // The ambition phase: the shared ambition is the first candidate; the builder starts on the trainee's favourite.
    // The header's first line names the phase (the briefing may mention the ambition too).
    const label = t("play.phase.label", { kind: "ambition", title: "", renegotiation: "no", agreed: "no" });
    const ambition = await waitForScreen(session, (text) => text.split("\n")[0].includes(label), { settledMs: 150 });
    expectFits(ambition, columns, rows);
    const shared = localise(SCENARIO.partnership!.ambition!.options[0].label, lang);
    sendKeys(session, "Left");
    await waitForScreen(session, `◂ ${shared}`.slice(0, Math.min(columns - 30, 20)));
    sendKeys(session, "o");

    const seen = { between: 0, reviews: 0, stages: new Set<string>() };
    let previous = "";
    for (let step = 0; ; step++) {
      expect(step, "the partnership outlasted its moves").toBeLessThan(MAX_STEPS);
      const screen = await waitForScreen(session, (text) => text !== previous, { settledMs: 200 });
      previous = screen;
      expectFits(screen, columns, rows);
      if (screen.includes(debriefTitle) || screen.includes(saved)) break;
      for (const stage of SCENARIO.partnership!.stages!) if (screen.split("\n")[0].includes(localise(stage.title, lang).slice(0, 12))) seen.stages.add(stage.id);
      if (screen.includes(t("play.between.reviewTitle"))) {
        seen.reviews++;
        sendKeys(session, "2");
      } else if (screen.includes(key("Enter", "play.key.continue.hint"))) {
        seen.between++;
        sendKeys(session, "Enter");
      } else if (screen.includes(key("h", "play.key.keep.hint"))) {
        sendKeys(session, "h");
      } else if (screen.includes(key("a", "play.key.accept.hint"))) {
        sendKeys(session, "a");
      } else {
        sendKeys(session, "o");
      }
    }
    expect(seen.reviews).toBeGreaterThanOrEqual(1);
    expect(seen.between).toBeGreaterThanOrEqual(1);
    expect(seen.stages.has("year-1")).toBe(true);

    // The debrief, page by page, every page within the terminal, no line cut.
    const shown = await debriefPages(session, columns, rows, saved);
    expect(shown.join("\n")).toContain(t("partnership.debrief.title.scores"));
    sendKeys(session, "q");
    const { status } = await waitForExit(session);
    expect(status).toBe(0);

    const [file] = readdirSync(join(workdir, "transcripts"));
    const transcript = JSON.parse(readFileSync(join(workdir, "transcripts", file), "utf8"));
    expect(transcript).toMatchObject({ complete: true, lang, name: "T", partnership: { end: expect.stringMatching(/completed|dissolved|trainee-left/) } });
    expect(transcript.partnership.actions.filter((action: { type: string }) => action.type === "review")).toHaveLength(seen.reviews);
    const printed = spawnSync(process.execPath, [CLI, "debrief", join(workdir, "transcripts", file)], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(printed.status, printed.stderr).toBe(0);
    expect(printed.stdout).toContain(debriefTitle);
    expect(printed.stdout).toContain(t("partnership.debrief.title.scores"));
  } finally {
    spawnSync("tmux", ["kill-session", "-t", session]);
    rmSync(workdir, { recursive: true, force: true });
  }
}

describe.skipIf(!HAS_TMUX)("a partnership in a real terminal", () => {
  test.each([
    [80, 24, "nl"],
    [200, 60, "en"],
  ] as const)("%i×%i in %s: from the ambition through the reviews to the debrief", (columns, rows, lang) =>
    playPartnership(columns, rows, lang, `mutual-gains-e2e-partnership-${columns}x${rows}-${process.pid}`), 4 * E2E_TEST_TIMEOUT_MS);
});
