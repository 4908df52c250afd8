/**
 * End to end: the built CLI in a real pseudo-terminal (tmux), played with key presses from
 * the picker to the debrief, as a trainee would; then the transcript file on disk.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CLI as cli, HAS_TMUX as hasTmux, sleep, startSession, tmux, waitForScreen } from "./tmux.js";

const session = `mutual-gains-e2e-${process.pid}`;

/** Types keys (tmux key names such as Enter, Down) and waits for the screen to show `expected`. */
async function press(keys: string[], expected: string | RegExp): Promise<string> {
  for (const key of keys) {
    tmux("send-keys", "-t", session, key);
    await sleep(60);
  }
  return waitForScreen(session, expected);
}

describe.skipIf(!hasTmux)("play in a real terminal", () => {
  const workdir = mkdtempSync(join(tmpdir(), "mutual-gains-e2e-"));

  beforeAll(() => {
    if (!existsSync(cli)) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
    // CI=true: the play UI must still draw every frame in a terminal (Ink alone would not).
    startSession(session, 80, 24, workdir, `env CI=true NO_COLOR=1 TERM=xterm-256color LANG=en_GB.UTF-8 node ${cli} play --seed 7; sleep 30`);
  });

  afterAll(() => {
    spawnSync("tmux", ["kill-session", "-t", session]);
    rmSync(workdir, { recursive: true, force: true });
  });

  test("from the picker to the debrief, with the transcript saved", async () => {
    await waitForScreen(session, "Pick a scenario");
    await press(["Enter"], "Which organisation do you play?");
    await press(["Enter"], "Who is across the table?");
    // The fifth style is the logroller.
    const picker = await press(["Down", "Down", "Down", "Down"], /› logroller/);
    expect(picker).toContain("Surprise me");
    await press(["Enter"], "Briefing: Rivierland Medical Centre");
    // The briefing scrolls: its last page holds the BATNA, the partner and the deadline.
    const briefing = await press(["NPage", "NPage", "NPage", "NPage", "NPage"], "Without agreement (your BATNA)");
    expect(briefing).toContain("Deadline: 8 rounds.");
    const negotiation = await press(["Enter"], /Round 1\/\d+/);
    expect(negotiation).toContain("Trust");
    expect(negotiation).toContain("Your package");

    await press(["k"], "Ask a question");
    const answered = await press(["1"], /→ What matters most to you\?/);
    expect(answered).toMatch(/Most important to us: /);

    const offered = await press(["o"], /You offer a package/);
    expect(offered).toMatch(/Round 2\/\d+/);

    await press(["w"], "Walk away for good?");
    const debrief = await press(["y"], /Transcript saved to/);
    expect(debrief).not.toContain("Your package:");

    const files = readdirSync(join(workdir, "transcripts"));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^hospital-it-platform-.*\.json$/);
    const transcript = JSON.parse(readFileSync(join(workdir, "transcripts", files[0]), "utf8"));
    expect(transcript.complete).toBe(true);
    const moves = transcript.events.filter((event: { type: string }) => event.type === "move").map((event: { move: { type: string } }) => event.move.type);
    expect(moves).toContain("ask");
    expect(moves).toContain("answer");
    expect(moves).toContain("offer");
    expect(moves.at(-1)).toBe("walk-away");
  }, 60_000);

  test("Ctrl-C mid-game saves what the trainee did, marked incomplete", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mutual-gains-e2e-"));
    const name = `${session}-ctrl-c`;
    try {
      startSession(
        name, 80, 24, dir,
        `env NO_COLOR=1 TERM=xterm-256color node ${cli} play hospital-it-platform --as duinzicht --partner boulware --seed 5 --lang nl; sleep 30`,
      );
      const at = (keys: string[]) => keys.forEach((key) => tmux("send-keys", "-t", name, key));
      const show = (expected: string) => waitForScreen(name, expected);
      await show("Briefing: Ziekenhuis Duinzicht");
      at(["Enter"]);
      await show("Ronde 1/8");
      at(["o"]);
      await show("Je biedt een pakket");
      at(["C-c"]);
      // The terminal says where the moves went and how to reopen them.
      await show("Verslag bewaard in transcripts/hospital-it-platform-");
      await show("De nabespreking, later: mutual-gains debrief transcripts/");
      const files = readdirSync(join(dir, "transcripts"));
      const transcript = JSON.parse(readFileSync(join(dir, "transcripts", files[0]), "utf8"));
      expect(transcript.complete).toBe(false);
      expect(transcript.lang).toBe("nl");
      expect(transcript.events.at(-1)).toMatchObject({ type: "abandon", actor: 1 });
    } finally {
      spawnSync("tmux", ["kill-session", "-t", name]);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
