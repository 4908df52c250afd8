/**
 * How the trainee can run this program again from where they are, to print a command
 * that works when pasted: `mutual-gains` when that name on PATH is this program,
 * `npx mutual-gains` in a project (or a folder inside one) that is or has it, and
 * otherwise `node <path to this script>`.
 */
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { delimiter, dirname, isAbsolute, join, relative } from "node:path";

const NAME = "mutual-gains";

function real(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/** Whether the project in `folder` (its package.json) is this program, or has it installed. */
function projectHas(folder: string, script: string): boolean {
  if (real(join(folder, "node_modules", ".bin", NAME)) === script) return true;
  try {
    const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as { name?: string; bin?: Record<string, string> };
    const bin = manifest.bin?.[NAME];
    return manifest.name === NAME && bin !== undefined && real(join(folder, bin)) === script;
  } catch {
    return false;
  }
}

export function cliInvocation(scriptPath: string, cwd: string, path: string | undefined): string {
  const script = real(scriptPath) ?? scriptPath;
  for (const folder of (path ?? "").split(delimiter).filter(Boolean)) {
    const candidate = join(folder, NAME);
    if (existsSync(candidate) && real(candidate) === script) return NAME;
  }
  // npx runs the bin of the nearest project up from here.
  for (let folder = cwd; ; folder = dirname(folder)) {
    if (projectHas(folder, script)) return `npx ${NAME}`;
    if (existsSync(join(folder, "package.json")) || dirname(folder) === folder) break;
  }
  const near = relative(cwd, script);
  return `node ${shellWord(near.startsWith(`..`) || isAbsolute(near) ? script : near)}`;
}

/** A word the shell reads as it is: quoted when it holds anything but safe characters. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
