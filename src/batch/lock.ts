/**
 * One run at a time per output file: `<out>.lock`, created exclusively, holds the pid and the
 * host of the run writing `<out>`, and is removed when that run ends, by any exit of the process.
 * A second run on the same --out is refused while the holder lives.
 *
 * A run ended by a signal or a crash leaves its lock behind; a lock of this host whose pid no
 * longer runs is stale and taken over, so that running the same command again resumes the file.
 * Taking over moves the stale lock aside (an atomic rename) and checks that what it moved is the
 * stale lock it read: if another run took it over first, what was moved is that run's live lock,
 * which is put back, and this run is refused. A lock of another host, or one without a pid (not
 * ours), cannot be checked and is left to the user to remove.
 */
import { closeSync, linkSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { UserError } from "../errors.js";
import { reason } from "../files.js";

export interface OutputLock {
  readonly path: string;
  /** Removes the lock if it is still this run's; also done at the process's exit. */
  release(): void;
}

/** Takes `<out>.lock` or throws a user error naming the run that holds it. */
export function lockOutput(out: string): OutputLock {
  const path = `${out}.lock`;
  const mine = `${process.pid} ${hostname()}\n`;
  // Each turn either takes the lock, is refused, or finds a stale lock gone: a few suffice.
  for (let turn = 0; turn < 4; turn++) {
    if (create(path, mine)) {
      removeLeftovers(path);
      return held(path, mine);
    }
    const content = readLock(path);
    if (content === undefined) continue; // removed meanwhile
    const holder = parseHolder(content);
    if (holder === undefined || holder.host !== hostname() || running(holder.pid)) throw busy(out, path, holder);
    takeOver(out, path, content);
  }
  throw new UserError(`cannot take the lock ${path}: other runs keep taking and leaving it; try again.`);
}

/** Removes what runs killed while taking the lock left beside it: `<lock>.<pid>.tmp` and `.stale` of pids that have ended. */
function removeLeftovers(path: string): void {
  const name = basename(path);
  let entries: string[];
  try {
    entries = readdirSync(dirname(path));
  } catch {
    return; // tidying is not worth failing a run for
  }
  for (const entry of entries) {
    if (!entry.startsWith(`${name}.`)) continue;
    const match = /^\.(\d+)\.(tmp|stale)$/.exec(entry.slice(name.length));
    if (match && !running(Number(match[1]))) rmSync(join(dirname(path), entry), { force: true });
  }
}

function held(path: string, mine: string): OutputLock {
  const release = () => {
    process.removeListener("exit", release);
    if (readLock(path) === mine) rmSync(path, { force: true });
  };
  process.on("exit", release);
  return { path, release };
}

/**
 * Creates the lock file with `content`, or returns false if it exists. The content is written
 * first and the lock appears with it (a hard link, which fails if the name exists), so a run
 * killed at any moment never leaves a lock without its pid; where the file system has no hard
 * links, the lock is created exclusively and written after.
 */
function create(path: string, content: string): boolean {
  const cannot = (error: unknown) => new UserError(`cannot create the lock ${path}: ${reason(error)}`, { cause: error });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    linkSync(temporary, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code === "EPERM" || code === "ENOTSUP" || code === "ENOSYS") return createExclusively(path, content, cannot);
    throw cannot(error);
  } finally {
    rmSync(temporary, { force: true });
  }
}

function createExclusively(path: string, content: string, cannot: (error: unknown) => UserError): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw cannot(error);
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The lock's content, or undefined when there is no lock. */
function readLock(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new UserError(`cannot read the lock ${path}: ${reason(error)}`, { cause: error });
  }
}

function parseHolder(content: string): { pid: number; host: string } | undefined {
  const match = /^(\d+) (.+)\n$/.exec(content);
  return match ? { pid: Number(match[1]), host: match[2] } : undefined;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Moves a stale lock aside and deletes it, unless what was moved is another run's fresh lock. */
function takeOver(out: string, path: string, stale: string): void {
  const aside = `${path}.${process.pid}.stale`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return; // another run moved it first
    throw new UserError(`cannot take over the stale lock ${path}: ${reason(error)}`, { cause: error });
  }
  const moved = readLock(aside);
  if (moved === stale) {
    rmSync(aside, { force: true });
    return;
  }
  // Another run took the stale lock over and created its own: put that back, and give way to it.
  try {
    linkSync(aside, path);
  } catch {
    // A third run holds the lock now: the moved one's holder runs as well, and is named below.
  } finally {
    rmSync(aside, { force: true });
  }
  throw busy(out, path, moved === undefined ? undefined : parseHolder(moved));
}

function busy(out: string, path: string, holder: { pid: number; host: string } | undefined): UserError {
  const who = holder ? `run ${holder.pid} on ${holder.host === hostname() ? "this machine" : holder.host}` : "another run";
  return new UserError(
    `${out} is being written by ${who} (its lock is ${path}); wait for it to finish. ` +
      `If no batch run is writing it any more, delete ${path} and run again to continue the file.`,
  );
}
