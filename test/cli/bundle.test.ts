/**
 * The bundle (dist/bundle/, what `bin` names and these tests run) prints what the modules
 * print: the analysis text of a scenario whose names hold wide and zero-width characters
 * (CJK, emoji, a ZWJ sequence), which only string-width measures, equals the report made in
 * this process from the sources. scripts/bundle.mjs changes one line of string-width (its
 * emoji expression is made on first use), so this is the check that the widths stayed the same.
 */
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyzeScenario } from "../../src/engine/analysis.js";
import { compileScenario } from "../../src/engine/model.js";
import { analysisToText } from "../../src/report/analysis-text.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { BIN, CLI_TEST_TIMEOUT_MS, SCENARIOS, run } from "./run.js";

const folder = mkdtempSync(join(tmpdir(), "mutual-gains-bundle-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const WIDE = "Rivierland 病院 🏥 Centre 👩‍⚕️ ❤️";

describe.concurrent("the bundle", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it.each(["en", "nl"])("measures wide text as string-width does (%s)", async (lang) => {
    const text = readFileSync(join(SCENARIOS, "hospital-it-platform.json"), "utf8").replaceAll("Rivierland Medical Centre", WIDE).replaceAll("Rivierland Medisch Centrum", WIDE);
    const file = join(folder, `wide-${lang}.json`);
    writeFileSync(file, text);
    const { scenario } = loadScenarioFile(file);
    const analysis = analyzeScenario(compileScenario(scenario), { top: 5, fixedTerms: true });
    const expected = `${analysisToText(scenario, analysis, { lang: lang as "en" | "nl", width: undefined, seed: "0" })}\n`;
    expect(expected).toContain(WIDE);
    const result = await run(["analyze", file, "--lang", lang]);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toBe(expected);
  });

  it("keeps a code cache per command: made by its first run, used by the next, made again when V8 rejects it", async () => {
    const copy = join(folder, "bundle");
    cpSync(dirname(BIN), copy, { recursive: true, filter: (path) => !path.endsWith(".cache") });
    const bin = join(copy, "main.cjs");
    const caches = () => readdirSync(copy).filter((file) => file.endsWith(".cache"));
    const validate = async () => {
      const result = await run(["validate", join(SCENARIOS, "hospital-it-platform.json")], { bin });
      expect(result.status, result.output).toBe(0);
      return result.stdout;
    };
    expect(caches()).toEqual([]);
    const first = await validate();
    expect(first).toMatch(/\S/);
    expect(caches()).toEqual([expect.stringMatching(/^program-[0-9a-f]+\.validate\.cache$/)]);
    const cache = join(copy, caches()[0]);
    const made = readFileSync(cache);
    expect(await validate()).toBe(first);
    expect(readFileSync(cache).equals(made), "a cache V8 took is not written again").toBe(true);
    writeFileSync(cache, "not a code cache");
    expect(await validate()).toBe(first);
    expect(readFileSync(cache).length, "the rejected cache was made again").toBeGreaterThan(1000);
    // Another command, another cache: --version's run compiles too little of the program for validate.
    await run(["--version"], { bin });
    expect(caches().filter((file) => file !== basename(cache))).toEqual([expect.stringMatching(/^program-[0-9a-f]+\.start\.cache$/)]);
  });

  it("keeps the cache in the user's own temporary folder when the program's is not writable, and no one else's", async () => {
    // Root may write anywhere: the runs then go as "nobody", for whom the program's folder is read-only.
    const uid = process.getuid?.() === 0 ? 65534 : process.getuid?.();
    if (uid === undefined) return;
    const user = uid === 65534 ? { uid, gid: 65534 } : undefined;
    const copy = join(folder, "read-only-bundle");
    cpSync(dirname(BIN), copy, { recursive: true, filter: (path) => !path.endsWith(".cache") });
    chmodSync(copy, 0o555);
    chmodSync(folder, 0o755);
    const temporary = join(folder, "tmp");
    mkdirSync(temporary, { mode: 0o777 });
    chmodSync(temporary, 0o777);
    const version = async () => {
      const result = await run(["--version"], { bin: join(copy, "main.cjs"), user, env: { TMPDIR: temporary } });
      expect(result.status, result.output).toBe(0);
      return result.stdout;
    };
    const own = join(temporary, `mutual-gains-${uid}`);
    expect(await version()).toBe("0.1.0\n");
    expect(readdirSync(copy).filter((file) => file.endsWith(".cache"))).toEqual([]);
    expect(statSync(own).mode & 0o777).toBe(0o700);
    expect(readdirSync(own)).toEqual([expect.stringMatching(/^program-[0-9a-f]+\.start\.cache$/)]);
    // A folder of that name that others may write in is neither read nor written.
    const planted = join(own, readdirSync(own)[0]);
    writeFileSync(planted, "not a code cache");
    chmodSync(own, 0o777);
    expect(await version()).toBe("0.1.0\n");
    expect(readFileSync(planted, "utf8")).toBe("not a code cache");
  });
});
