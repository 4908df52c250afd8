/** File access for the commands: user-facing errors, and writes that never leave half a file. */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { UserError } from "../errors.js";

export function readTextFile(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new UserError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
}

/** Writes to a temporary file beside the target, then renames it over the target. */
export function writeFileAtomic(path: string, content: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    throw new UserError(`Cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
}
