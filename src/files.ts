/** File access with user-facing errors, and writes that never leave half a file behind. */
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { UserError } from "./errors.js";

function reason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case "ENOENT":
      return "no such file or folder";
    case "EISDIR":
      return "it is a folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    default:
      return (error as Error).message ?? String(error);
  }
}

/** Reads a UTF-8 file; `what` names it in the error ("scenario file", "GENIUS profile"). */
export function readTextFile(path: string, what = "file"): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new UserError(`cannot read ${what} ${path}: ${reason(error)}`, { cause: error });
  }
}

/** Writes to a temporary file beside the target, then renames it over the target. */
export function writeFileAtomic(path: string, content: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UserError(`cannot write ${path}: ${reason(error)}`, { cause: error });
  }
}
