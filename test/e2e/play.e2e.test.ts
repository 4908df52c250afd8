/**
 * End to end: leaving a game before its end in a real terminal (tmux) — Ctrl-C, and a
 * signal from outside — saves what the trainee did, marked incomplete, exits with 130,
 * and prints a command that reopens the debrief when pasted where the game ran.
 */
import { execSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { CLI, E2E_TEST_TIMEOUT_MS, HAS_TMUX, sendKeys, startSession, tmux, waitForExit, waitForScreen } from "./tmux.js";

describe.skipIf(!HAS_TMUX)("leaving a game early in a real terminal", () => {
  const folders: string[] = [];
  const sessions: string[] = [];
  afterAll(() => {
    for (const name of sessions) spawnSync("tmux", ["kill-session", "-t", name]);
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  /** A game of Duinzicht against a boulware, in Dutch, on its first move. */
  async function started(suffix: string): Promise<{ name: string; dir: string }> {
    const dir = mkdtempSync(join(tmpdir(), "mutual-gains-e2e-"));
    const name = `mutual-gains-e2e-${process.pid}-${suffix}`;
    folders.push(dir);
    sessions.push(name);
    startSession(name, 80, 24, dir, `env NO_COLOR=1 TERM=xterm-256color node ${CLI} play hospital-it-platform --as duinzicht --partner boulware --seed 5 --lang nl`, { keep: true });
    await waitForScreen(name, "briefing: Ziekenhuis Duinzicht");
    sendKeys(name, "Enter");
    await waitForScreen(name, "Ronde 1/8");
    sendKeys(name, "o");
    await waitForScreen(name, "Je biedt een pakket");
    return { name, dir };
  }

  function savedTranscript(dir: string) {
    const files = readdirSync(join(dir, "transcripts"));
    expect(files).toHaveLength(1);
    return JSON.parse(readFileSync(join(dir, "transcripts", files[0]), "utf8"));
  }

  test(
    "Ctrl-C: saved and marked incomplete, exit 130, and the printed command reopens the debrief there",
    async () => {
      const { name, dir } = await started("ctrl-c");
      sendKeys(name, "C-c");
      const { status } = await waitForExit(name);
      expect(status).toBe(130);
      // The lines as printed, not as the terminal wrapped them.
      const screen = tmux("capture-pane", "-p", "-J", "-t", name);
      expect(screen).toContain("Spelverslag bewaard in transcripts/hospital-it-platform-");
      const transcript = savedTranscript(dir);
      expect(transcript).toMatchObject({ complete: false, lang: "nl" });
      expect(transcript.events.at(-1)).toMatchObject({ type: "abandon", actor: 1 });
      // The command as printed, pasted in the folder where the game ran.
      const command = /De nabespreking, later: (.+)$/m.exec(screen)?.[1].trim();
      expect(command).toMatch(/ debrief transcripts\/hospital-it-platform-.*\.json$/);
      const debrief = execSync(command!, { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
      expect(debrief).toContain("Uitkomst");
    },
    E2E_TEST_TIMEOUT_MS,
  );

  test(
    "a SIGINT from outside saves the game too, and exits 130",
    async () => {
      const { name, dir } = await started("sigint");
      // The pane runs a shell around node: signal the node process itself, the one playing in this folder.
      const node = readdirSync("/proc").find((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(`${CLI}\0play`) && realpathSync(`/proc/${pid}/cwd`) === realpathSync(dir);
        } catch {
          return false;
        }
      });
      expect(node, "the game's process").toBeDefined();
      process.kill(Number(node), "SIGINT");
      const { status } = await waitForExit(name);
      expect(status).toBe(130);
      expect(savedTranscript(dir)).toMatchObject({ complete: false });
    },
    E2E_TEST_TIMEOUT_MS,
  );
});
