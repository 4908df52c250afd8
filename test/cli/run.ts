/**
 * Runs the BUILT command line (`dist/src/cli/main.js`, made by `npm run build`, which
 * `npm test` runs first) as a child process: stdin and stdout are pipes, never a
 * terminal, and NO_COLOR is set. Every run checks that no output holds ANSI escapes.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BIN = join(ROOT, "dist", "src", "cli", "main.js");
export const FIXTURES = join(ROOT, "test", "fixtures", "cli");
export const SCENARIOS = join(ROOT, "scenarios");

export const fixture = (name: string) => join(FIXTURES, name);

if (!existsSync(BIN)) {
  throw new Error(`${BIN} does not exist: run "npm run build" before the CLI tests (npm test does it for you).`);
}

export interface RunResult {
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
}

export const ANSI = /\u001b\[|\u009b/;
/** A line of a JavaScript stack trace. */
export const STACK_LINE = /^ {4}at /m;

export async function run(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const env: Record<string, string | undefined> = { ...process.env };
  // A predictable environment: English unless a test asks otherwise, no forced colour, no injected loaders.
  for (const name of ["LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "FORCE_COLOR", "NODE_OPTIONS"]) delete env[name];
  env.NO_COLOR = "1";
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  // Asynchronous, so that concurrent tests run several processes at once.
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: env as NodeJS.ProcessEnv,
    stdio: ["pipe", "pipe", "pipe"],
    timeout: 20_000,
  });
  child.stdin.end();
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve(code));
  });
  expect(stdout, `ANSI escape in stdout of ${args.join(" ")}`).not.toMatch(ANSI);
  expect(stderr, `ANSI escape in stderr of ${args.join(" ")}`).not.toMatch(ANSI);
  return { status, stdout, stderr, output: stdout + stderr };
}

/** A user's mistake: exit 1, a message, and no stack trace or "internal error". */
export function expectUserError(result: RunResult): void {
  expect(result.status, result.output).toBe(1);
  expect(result.output).not.toMatch(STACK_LINE);
  expect(result.output).not.toMatch(/internal error/i);
}
