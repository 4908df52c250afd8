/**
 * Waiting in tests without fixed sleeps: poll a condition until it holds or a deadline passes.
 * A deadline only costs time when a test fails, so the default is generous enough for a busy
 * machine; the failure says what was awaited, for how long, and what was seen last.
 */
import { inspect } from "node:util";

/** The default deadline of every wait: generous, since it only costs time when something is wrong. */
export const WAIT_DEADLINE_MS = 60_000;

export interface WaitOptions {
  /** How long to wait before failing (default WAIT_DEADLINE_MS). */
  timeoutMs?: number;
  /** How long to pause between two checks (default 50 ms). */
  intervalMs?: number;
  /**
   * What is awaited, for the failure message ("the output file to pass 256 kB"). A function is
   * called only when the wait fails, so it can describe what it observed last.
   */
  message?: string | (() => string);
}

/** Thrown when a wait passes its deadline. */
export class WaitTimeoutError extends Error {
  override name = "WaitTimeoutError";
}

/** Thrown by a condition to end the wait at once: what it awaits can no longer happen. */
export class StopWaiting extends Error {
  override name = "StopWaiting";
}

const MAX_SHOWN = 4000;

function shown(value: unknown): string {
  const text = typeof value === "string" ? value : inspect(value, { depth: 4, breakLength: 100 });
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}… (${text.length - MAX_SHOWN} more characters)` : text;
}

const pause = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Checks `condition` (which may be async) until it returns a truthy value, and returns that value.
 * A condition that throws counts as "not yet"; its last error is part of the failure message.
 * A condition that throws StopWaiting ends the wait at once with that error.
 * Fails with a WaitTimeoutError once `timeoutMs` have passed, even if a check never settles.
 */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  options: WaitOptions = {},
): Promise<Exclude<T, false | 0 | "" | null | undefined>> {
  const timeoutMs = options.timeoutMs ?? WAIT_DEADLINE_MS;
  const intervalMs = options.intervalMs ?? 50;
  const started = Date.now();
  const deadline = started + timeoutMs;
  let checks = 0;
  let last: { value: unknown } | undefined;
  let lastError: unknown;
  for (;;) {
    checks += 1;
    const left = deadline - Date.now();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = Symbol("timed out");
    try {
      const result = await Promise.race([
        Promise.resolve().then(condition),
        new Promise<typeof timedOut>((done) => (timer = setTimeout(() => done(timedOut), Math.max(left, 0)))),
      ]);
      if (result !== timedOut) {
        if (result) return result as Exclude<T, false | 0 | "" | null | undefined>;
        last = { value: result };
        lastError = undefined;
      }
    } catch (error) {
      if (error instanceof StopWaiting) throw error;
      lastError = error;
    } finally {
      clearTimeout(timer);
    }
    if (Date.now() >= deadline) break;
    await pause(Math.min(intervalMs, Math.max(deadline - Date.now(), 0)));
  }
  const what = typeof options.message === "function" ? options.message() : (options.message ?? "a condition");
  const seconds = (Date.now() - started) / 1000;
  const lines = [`timed out after ${seconds.toFixed(1)} s (deadline ${timeoutMs / 1000} s, ${checks} ${checks === 1 ? "check" : "checks"}) waiting for ${what}`];
  if (lastError !== undefined) lines.push(`last error: ${lastError instanceof Error ? lastError.message : shown(lastError)}`);
  else if (last === undefined) lines.push("the condition never returned (its first check did not settle)");
  else if (last.value !== false && last.value !== undefined) lines.push(`last value: ${shown(last.value)}`);
  throw new WaitTimeoutError(lines.join("\n"));
}
