/** The command printed to reopen a debrief works where the trainee is: on PATH, through npx in a project, or with node. */
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { cliInvocation, shellWord } from "../../src/cli/invocation.js";

function project(): { root: string; script: string } {
  const root = mkdtempSync(join(tmpdir(), "mutual-gains-invocation-"));
  mkdirSync(join(root, "dist", "src", "cli"), { recursive: true });
  const script = join(root, "dist", "src", "cli", "main.js");
  writeFileSync(script, "");
  chmodSync(script, 0o755);
  writeFileSync(join(root, "package.json"), JSON.stringify({ name: "mutual-gains", bin: { "mutual-gains": "dist/src/cli/main.js" } }));
  return { root, script };
}

describe("the command that runs this program again", () => {
  test("in its own project folder: npx mutual-gains", () => {
    const { root, script } = project();
    expect(cliInvocation(script, root, "/usr/bin")).toBe("npx mutual-gains");
  });

  test("in a project that has it installed: npx mutual-gains", () => {
    const { script } = project();
    const other = mkdtempSync(join(tmpdir(), "mutual-gains-user-"));
    mkdirSync(join(other, "node_modules", ".bin"), { recursive: true });
    symlinkSync(script, join(other, "node_modules", ".bin", "mutual-gains"));
    expect(cliInvocation(script, other, "")).toBe("npx mutual-gains");
  });

  test("on PATH: mutual-gains", () => {
    const { script } = project();
    const bin = mkdtempSync(join(tmpdir(), "mutual-gains-bin-"));
    symlinkSync(script, join(bin, "mutual-gains"));
    expect(cliInvocation(script, tmpdir(), `/nowhere:${bin}`)).toBe("mutual-gains");
  });

  test("anywhere else: node and the script's path", () => {
    const { root, script } = project();
    const elsewhere = mkdtempSync(join(tmpdir(), "mutual-gains-elsewhere-"));
    expect(cliInvocation(script, elsewhere, "")).toBe(`node ${script}`);
    // In a folder inside the project npx still finds it.
    mkdirSync(join(root, "work"));
    expect(cliInvocation(script, join(root, "work"), "")).toBe("npx mutual-gains");
  });

  test("a path with spaces or quotes is quoted for the shell", () => {
    expect(shellWord("transcripts/a-b_c.json")).toBe("transcripts/a-b_c.json");
    expect(shellWord("my game.json")).toBe("'my game.json'");
    expect(shellWord("it's.json")).toBe("'it'\\''s.json'");
  });
});
