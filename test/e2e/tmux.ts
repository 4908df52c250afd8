/**
 * Driving the built CLI in a real pseudo-terminal: tmux sessions, their screens, keys, and
 * waiting (with a deadline, never a fixed pause) for text on a screen or for the command to end.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { StopWaiting, waitFor } from "../support/wait.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const CLI = join(root, "dist", "bundle", "main.cjs");
export const HAS_TMUX = spawnSync("tmux", ["-V"]).status === 0;

/** Runs a tmux command and returns its output; a failure carries tmux's message. */
export const tmux = (...args: string[]) => execFileSync("tmux", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** How long a wait on a screen may take before it fails: generous, it only costs time when a test fails. */
export const SCREEN_DEADLINE_MS = 60_000;
/** The timeout of an end-to-end test: room for a few screen waits on a loaded machine. */
export const E2E_TEST_TIMEOUT_MS = 3 * SCREEN_DEADLINE_MS;

export interface SessionOptions {
  /**
   * Keep the pane open after the command ends, under a line with the command's exit status,
   * so that waitForExit can read both; the test appends no `; sleep` of its own.
   */
  keep?: boolean;
}

/** The line a kept session prints after its command. */
const EXIT_LINE = /\n?\[mutual-gains-test: exit (\d+)\]\n?/;
/**
 * How long a kept pane stays open after its command: a bound for a session that a crashed
 * test run leaves behind; tests kill theirs as soon as they are done. The pane must outlive
 * the command: when a pane's process exits, tmux 3.3 closes the pane at once, even with output
 * still unread (a loaded machine loses the end of it), and it does not always learn the
 * exit status (#{pane_dead_status}) either.
 */
const KEPT_FOR_S = 600;

/** Starts `command` in a detached session of `columns` × `rows` in `cwd`. */
export function startSession(name: string, columns: number, rows: number, cwd: string, command: string, options: SessionOptions = {}): void {
  // In a subshell, so that the exit line is printed even after a command that calls `exit`.
  const shell = options.keep ? `(\n${command}\n); printf '\\n[mutual-gains-test: exit %d]\\n' "$?"; exec sleep ${KEPT_FOR_S}` : command;
  tmux("new-session", "-d", "-s", name, "-x", String(columns), "-y", String(rows), "-c", cwd, shell);
}

/**
 * Types keys (tmux key names such as Enter, Down, NPage, C-c, or plain characters) in one go,
 * with no pause between them: they may reach the program in one read. Ink splits a burst of
 * escape sequences (arrows, page keys) into key presses and the play UI splits a burst of
 * letters ("k", "1"); but an Enter that arrives with other keys is lost (Ink hands "o\r" or
 * "\r\r" over as one input that is not a Return, and PlayApp's split into characters does not
 * mark the "\r" as one): send Enter on its own and wait for the screen it leads to.
 */
export function sendKeys(name: string, ...keys: string[]): void {
  if (keys.length > 0) tmux("send-keys", "-t", name, ...keys);
}

/** Types `keys` (see sendKeys) and waits for the screen to show `expected`; returns the screen. */
export function press(name: string, keys: readonly string[], expected: Expected, options?: ScreenWait): Promise<string> {
  sendKeys(name, ...keys);
  return waitForScreen(name, expected, options);
}

/** The session's screen, with `history` lines of scrollback above it. */
export const screenOf = (name: string, history = 0) =>
  history > 0 ? tmux("capture-pane", "-p", "-t", name, "-S", String(-history)) : tmux("capture-pane", "-p", "-t", name);

export interface ScreenWait {
  /** Fail after this long (default SCREEN_DEADLINE_MS). */
  timeoutMs?: number;
  /** Lines of scrollback to read above the screen (default 0). */
  history?: number;
  /**
   * Once the screen shows what is expected, also wait until it has not changed for this long,
   * for a screen that is still being drawn. Default 0: return as soon as it shows.
   */
  settledMs?: number;
}

/** The screen, or StopWaiting when the session is gone: nothing will show on it any more. */
function liveScreenOf(name: string, history = 0): string {
  try {
    return screenOf(name, history);
  } catch (error) {
    throw new StopWaiting(`the session ${name} is gone (${error instanceof Error ? error.message.trim() : String(error)})`);
  }
}

/** What a screen should show: a text it contains, a pattern it matches, or a test of it. */
export type Expected = string | RegExp | ((screen: string) => boolean);

const shows = (screen: string, expected: Expected) =>
  typeof expected === "string" ? screen.includes(expected) : expected instanceof RegExp ? expected.test(screen) : expected(screen);

const describeExpected = (expected: Expected) =>
  typeof expected === "string" ? JSON.stringify(expected) : expected instanceof RegExp ? String(expected) : `a screen that passes ${expected.name || "the test"}`;

/**
 * Waits for the screen (and `history` lines of scrollback) to show `expected`; returns it.
 * The third argument is the options, or (as before) the deadline in milliseconds, then `history`.
 */
export async function waitForScreen(name: string, expected: Expected, options?: ScreenWait | number, history = 0): Promise<string> {
  const wait: ScreenWait = typeof options === "number" ? { timeoutMs: options, history } : { history, ...options };
  const settledMs = wait.settledMs ?? 0;
  let screen = "";
  let changed = Date.now();
  await waitFor(
    () => {
      const now = liveScreenOf(name, wait.history);
      if (now !== screen) {
        screen = now;
        changed = Date.now();
      }
      return shows(screen, expected) && Date.now() - changed >= settledMs;
    },
    {
      timeoutMs: wait.timeoutMs ?? SCREEN_DEADLINE_MS,
      intervalMs: settledMs > 0 ? Math.min(100, Math.max(10, settledMs / 4)) : 100,
      message: () =>
        `the screen of ${name} to show ${describeExpected(expected)}${settledMs > 0 && shows(screen, expected) ? `, then stay unchanged for ${settledMs} ms` : ""}; it showed:\n${screen}`,
    },
  );
  return screen;
}

function screenOrError(name: string, history = 0): string {
  try {
    return screenOf(name, history);
  } catch (error) {
    return `(no screen: ${error instanceof Error ? error.message : String(error)})`;
  }
}

/**
 * The exit status of the command in a session started with `{ keep: true }`, or undefined
 * while it runs. tmux shows a pane's output in order, so once the exit line shows, all of it does.
 */
export function exitStatusOf(name: string): number | undefined {
  const match = EXIT_LINE.exec(liveScreenOf(name));
  return match ? Number(match[1]) : undefined;
}

/**
 * Waits for the command of a session started with `{ keep: true }` to end; returns its exit
 * status and its last screen (with `history` lines of scrollback), without the exit line.
 */
export async function waitForExit(name: string, options: Omit<ScreenWait, "settledMs"> = {}): Promise<{ status: number; screen: string }> {
  const status = await waitFor(
    () => {
      const code = exitStatusOf(name);
      return code === undefined ? undefined : { code };
    },
    {
      timeoutMs: options.timeoutMs ?? SCREEN_DEADLINE_MS,
      intervalMs: 100,
      message: () => `the command in ${name} to end; its screen:\n${screenOrError(name, options.history)}`,
    },
  );
  return { status: status.code, screen: screenOf(name, options.history).replace(EXIT_LINE, "\n") };
}
