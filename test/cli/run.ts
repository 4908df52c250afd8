/**
 * Runs the BUILT command line (`dist/src/cli/main.js`, made by `npm run build`, which
 * `npm test` runs first) as a child process: stdin and stdout are pipes, never a
 * terminal, and NO_COLOR is set. Every run checks that no output holds ANSI escapes.
 *
 * Concurrent tests share a few slots, so that `describe.concurrent` does not start more
 * CLI processes than the machine has cores; and every child has a generous deadline: a
 * child killed for time fails its run with a message that says so, and its output so far.
 */
import { type ChildProcess, type StdioOptions, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The bundle that `bin` names (scripts/bundle.mjs, after tsc): the program users run. */
export const BIN = join(ROOT, "dist", "bundle", "main.cjs");
export const FIXTURES = join(ROOT, "test", "fixtures", "cli");
export const SCENARIOS = join(ROOT, "scenarios");

export const fixture = (name: string) => join(FIXTURES, name);

if (!existsSync(BIN)) {
  throw new Error(`${BIN} does not exist: run "npm run build" before the CLI tests (npm test does it for you).`);
}

/** How long one CLI child may run before it is killed and its run fails (overridable per call). */
export const RUN_DEADLINE_MS = 120_000;

/**
 * The timeout of a test that runs the CLI: room for waiting for a slot behind the other
 * concurrent tests' children, and for a run that hits its deadline (which then fails first,
 * with the clearer message).
 */
export const CLI_TEST_TIMEOUT_MS = 300_000;

export interface RunResult {
  /** The exit code: a child that ends by a signal, or is killed for time, fails the run instead. */
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for checks that do not care which stream a message uses. */
  output: string;
}

export interface RunOptions {
  /** Extra environment variables; `undefined` removes one. */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Kill the child and fail the run after this long (default RUN_DEADLINE_MS). */
  timeoutMs?: number;
  /** Run the child as this user and group (a test running as root can so meet a permission it lacks). */
  user?: { uid: number; gid: number };
  /** Another copy of the built CLI's `bin` (default BIN). */
  bin?: string;
}

export const ANSI = /\u001b\[|\u009b/;
/** A line of a JavaScript stack trace. */
export const STACK_LINE = /^ {4}at /m;

/**
 * How many CLI children may run at once in this test worker. Vitest runs max(cores − 1, 1)
 * workers by default, so this keeps the children near one per core in all (2 on 2 cores).
 * MUTUAL_GAINS_TEST_CLI_SLOTS overrides it.
 */
export const CLI_SLOTS = (() => {
  const override = Number(process.env.MUTUAL_GAINS_TEST_CLI_SLOTS);
  if (Number.isInteger(override) && override > 0) return override;
  const cores = availableParallelism();
  return Math.max(1, Math.round(cores / Math.max(cores - 1, 1)));
})();

let busy = 0;
const queue: Array<() => void> = [];

/** Runs `work` once one of the CLI_SLOTS is free, and frees it afterwards. */
export async function withCliSlot<T>(work: () => Promise<T>): Promise<T> {
  if (busy < CLI_SLOTS) busy += 1;
  else await new Promise<void>((granted) => queue.push(granted)); // the slot is handed over, busy unchanged
  try {
    return await work();
  } finally {
    const next = queue.shift();
    if (next) next();
    else busy -= 1;
  }
}

/** The command as a person would type it, for messages. */
export function commandLine(args: readonly string[]): string {
  const quoted = args.map((arg) => (/^[\w./:=,@%+-]+$/.test(arg) ? arg : JSON.stringify(arg)));
  return ["mutual-gains", ...quoted].join(" ");
}

/** The environment of a CLI child: English unless a test asks otherwise, no colour, no injected loaders. */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of ["LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "FORCE_COLOR", "NODE_OPTIONS"]) delete env[name];
  env.NO_COLOR = "1";
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env as NodeJS.ProcessEnv;
}

/** Starts the built CLI (without a slot or a deadline: see withCliSlot and exitOf). */
export function spawnCli(args: readonly string[], options: RunOptions = {}, stdio: StdioOptions = ["pipe", "pipe", "pipe"]): ChildProcess {
  return spawn(process.execPath, [options.bin ?? BIN, ...args], { cwd: options.cwd ?? ROOT, env: cliEnv(options.env), stdio, ...options.user });
}

/** The end of a stream, for failure messages: what a child printed last is what explains it. */
export function tail(name: string, text: string, limit = 3000): string {
  if (!text) return "";
  return text.length > limit ? `--- ${name} (its last ${limit} of ${text.length} characters) ---\n…${text.slice(-limit)}` : `--- ${name} ---\n${text}`;
}

/**
 * The exit code of `child`, once it has closed its streams. Rejects, with `output()` (what
 * it printed so far), when the child outlives `timeoutMs` (it is then killed) or ends by a signal.
 */
export function exitOf(
  child: ChildProcess,
  args: readonly string[],
  options: { timeoutMs?: number; output?: () => string } = {},
): Promise<number> {
  const timeoutMs = options.timeoutMs ?? RUN_DEADLINE_MS;
  const started = Date.now();
  const failure = (what: string) => {
    const output = options.output?.() ?? "";
    return new Error(`${what}: ${commandLine(args)}\n${output ? `output so far:\n${output}` : "(no output so far)"}`);
  };
  return new Promise<number>((resolve, reject) => {
    let killedForTime = false;
    const timer = setTimeout(() => {
      killedForTime = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(failure(`could not run (${error.message})`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (killedForTime) reject(failure(`killed after ${timeoutMs / 1000} s (deadline)`));
      else if (code === null) reject(failure(`ended by ${signal} after ${((Date.now() - started) / 1000).toFixed(1)} s`));
      else resolve(code);
    });
  });
}

export async function run(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return withCliSlot(async () => {
    const child = spawnCli(args, options);
    child.stdin!.end();
    let stdout = "";
    let stderr = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const output = () => [tail("stdout", stdout), tail("stderr", stderr)].filter(Boolean).join("\n");
    const status = await exitOf(child, args, { timeoutMs: options.timeoutMs, output });
    expect(stdout, `ANSI escape in stdout of ${args.join(" ")}`).not.toMatch(ANSI);
    expect(stderr, `ANSI escape in stderr of ${args.join(" ")}`).not.toMatch(ANSI);
    return { status, stdout, stderr, output: stdout + stderr };
  });
}

/** A user's mistake: exit 1, a message, and no stack trace or "internal error". */
export function expectUserError(result: RunResult): void {
  expect(result.status, result.output).toBe(1);
  expect(result.output).not.toMatch(STACK_LINE);
  expect(result.output).not.toMatch(/internal error/i);
}
