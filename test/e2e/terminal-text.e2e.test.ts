/**
 * End to end: what `batch` and `analyze` print in a real terminal of 80 columns, where their
 * tables are split and their text wrapped to fit instead of being broken by the terminal.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { CLI, E2E_TEST_TIMEOUT_MS, HAS_TMUX, startSession, waitForExit } from "./tmux.js";

const COLUMNS = 80;
const HISTORY = 2000;

describe.skipIf(!HAS_TMUX)("text output in an 80-column terminal", () => {
  const workdir = mkdtempSync(join(tmpdir(), "mutual-gains-e2e-text-"));
  const sessions: string[] = [];

  afterAll(() => {
    for (const name of sessions) spawnSync("tmux", ["kill-session", "-t", name]);
    rmSync(workdir, { recursive: true, force: true });
  });

  /** Runs the command in a fresh terminal and returns everything it printed, once it has ended with exit 0 after `last`. */
  async function printed(command: string, last: string): Promise<string[]> {
    const name = `mutual-gains-e2e-text-${process.pid}-${sessions.length}`;
    sessions.push(name);
    startSession(name, COLUMNS, 40, workdir, `env NO_COLOR=1 TERM=xterm-256color LANG=en_GB.UTF-8 node ${CLI} ${command}`, { keep: true });
    const { status, screen } = await waitForExit(name, { history: HISTORY });
    expect(status, screen).toBe(0);
    expect(screen).toContain(last);
    return screen.split("\n");
  }

  test("batch: the strategy table comes in parts that fit, each headed by rank and strategy", async () => {
    const lines = await printed("batch hospital-it-platform --runs 2 --workers 1", "joint-gain share: of the maximal joint gain");
    for (const line of lines) expect([...line.trimEnd()].length, line).toBeLessThanOrEqual(COLUMNS);
    const strategyHeaders = lines.filter((line) => line.startsWith("rank  strategy"));
    expect(strategyHeaders.length).toBeGreaterThanOrEqual(2);
    expect(strategyHeaders.join(" ")).toMatch(/own utility.*joint-gain share.*agreement.*joint utility.*rounds.*negotiations/);
    expect(lines.some((line) => line.startsWith("batch: ") && line.includes("negotiations in"))).toBe(true);
  }, E2E_TEST_TIMEOUT_MS);

  test("analyze: every line fits, a package's terms one per line", async () => {
    const lines = await printed("analyze rd-consortium", "Everyone gets their way");
    for (const line of lines) expect([...line.trimEnd()].length, line).toBeLessThanOrEqual(COLUMNS);
    const first = lines.findIndex((line) => line.startsWith("1. Ownership of results:"));
    expect(first).toBeGreaterThan(0);
    expect(lines.slice(first + 1).find((line) => line.startsWith("   Publication of results:"))).toBeDefined();
  }, E2E_TEST_TIMEOUT_MS);
});
