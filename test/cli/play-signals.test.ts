/**
 * `play --moves` stopped by a signal half-way through a long game: the moves played so far
 * are saved (marked incomplete) and the exit code is the signal's. The signal is sent once the
 * child has spent a second of CPU time: starting takes about a third of that, the moves more
 * than a second more, whatever the machine's load.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { waitFor } from "../support/wait.js";
import { CLI_TEST_TIMEOUT_MS, exitOf, spawnCli, withCliSlot } from "./run.js";

/** Eight parties, seven of them hardliners that never give in: hundreds of rounds of offers to replay, a second of work and more. */
function longGame(folder: string): string[] {
  const issues = Array.from({ length: 8 }, (_, i) => ({ id: `i${i}`, label: `Issue ${i}`, options: Array.from({ length: 5 }, (_, o) => ({ id: `o${o}`, label: `Option ${o}` })) }));
  const parties = Array.from({ length: 8 }, (_, p) => ({
    id: `p${p}`,
    name: `Party ${p}`,
    briefing: "Generated.",
    weights: Object.fromEntries(issues.map((issue, i) => [issue.id, 1 + ((i * 7 + p * 3) % 5)])),
    values: Object.fromEntries(issues.map((issue, i) => [issue.id, Object.fromEntries(issue.options.map((option, o) => [option.id, (o * (p + 1) * 37 + i * 11) % 101]))])),
    batna: 20,
  }));
  writeFileSync(join(folder, "eight.json"), JSON.stringify({ id: "eight", title: "Eight parties", story: "Generated.", issues, parties }));
  const offer = { type: "offer", package: Object.fromEntries(issues.map((issue) => [issue.id, "o2"])) };
  writeFileSync(join(folder, "moves.json"), JSON.stringify(Array.from({ length: 1000 }, () => offer)));
  return ["play", "eight.json", "--as", "p0", "--partner", "hardliner", "--rounds", "1000", "--moves", "moves.json", "--transcript", "game.json"];
}

/** Seconds of CPU time the process has used (Linux: utime + stime in /proc, in clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

describe.each([
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const)("play --moves stopped by %s", (signal, code) => {
  test(
    `saves the moves played so far, marked incomplete, and exits ${code}`,
    () =>
      withCliSlot(async () => {
        const folder = mkdtempSync(join(tmpdir(), "mutual-gains-signal-"));
        const args = longGame(folder);
        const child = spawnCli(args, { cwd: folder });
        let stderr = "";
        child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
        child.stdout!.resume();
        const exited = exitOf(child, args, { output: () => stderr });
        await waitFor(() => cpuSeconds(child.pid!) >= 1, { intervalMs: 20, message: "the game to be well under way" });
        child.kill(signal);
        expect(await exited).toBe(code);
        expect(stderr).toMatch(new RegExp(`stopped by ${signal} after \\d+ moves; they are saved in game\\.json`));
        const transcript = JSON.parse(readFileSync(join(folder, "game.json"), "utf8"));
        expect(transcript.complete).toBe(false);
        expect(transcript.events.at(-1)).toMatchObject({ type: "abandon" });
        const offers = transcript.events.filter((event: { type: string; actor?: number }) => event.type === "move" && event.actor === 0);
        expect(offers.length).toBeGreaterThan(0);
        expect(offers.length).toBeLessThan(1000);
      }),
    CLI_TEST_TIMEOUT_MS,
  );
});
