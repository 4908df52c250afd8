/** Driving the built CLI in a real pseudo-terminal: tmux sessions, their screens, and waiting for text on them. */
import { execFileSync, spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const CLI = join(root, "dist", "src", "cli", "main.js");
export const HAS_TMUX = spawnSync("tmux", ["-V"]).status === 0;

export const tmux = (...args: string[]) => execFileSync("tmux", args, { encoding: "utf8" });
export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Starts `command` in a detached session of `columns` × `rows` in `cwd`. */
export function startSession(name: string, columns: number, rows: number, cwd: string, command: string): void {
  tmux("new-session", "-d", "-s", name, "-x", String(columns), "-y", String(rows), "-c", cwd, command);
}

/** The session's screen, with `history` lines of scrollback above it. */
export const screenOf = (name: string, history = 0) =>
  history > 0 ? tmux("capture-pane", "-p", "-t", name, "-S", String(-history)) : tmux("capture-pane", "-p", "-t", name);

/** Waits for the screen (and `history` lines of scrollback) to show `expected`; returns it. */
export async function waitForScreen(name: string, expected: string | RegExp, timeoutMs = 8000, history = 0): Promise<string> {
  const started = Date.now();
  for (;;) {
    const text = screenOf(name, history);
    if (typeof expected === "string" ? text.includes(expected) : expected.test(text)) return text;
    if (Date.now() - started > timeoutMs) throw new Error(`the screen never showed ${String(expected)}:\n${text}`);
    await sleep(100);
  }
}
