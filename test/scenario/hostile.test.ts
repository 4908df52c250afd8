/**
 * Scenario files that are broken on purpose, one test per kind of damage: each is refused
 * with a located message (line, column, JSON path), fast, and nothing throws.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { SCENARIO_LIMITS } from "../../src/scenario/limits.js";
import { type Diagnostic, loadScenarioFile, parseScenario, readScenarioText } from "../../src/scenario/load.js";
import { choice } from "../ui/support.js";

const folder = mkdtempSync(join(tmpdir(), "mutual-gains-hostile-"));
const hospital = choice("hospital-it-platform").scenario;
const valid = JSON.stringify(hospital, null, 2);

function diagnosticsOf(text: string): { diagnostics: Diagnostic[]; omitted: number; ms: number } {
  const started = performance.now();
  const { scenario, diagnostics, omitted } = parseScenario(text, "hostile.json");
  expect(scenario, "a hostile file was accepted").toBeUndefined();
  return { diagnostics, omitted, ms: performance.now() - started };
}

/** The line and column where `needle` starts in `text`, 1-based. */
function at(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

describe("damage that could crash or hang a parser", () => {
  test("ten thousand nested lists, even inside free-form metadata: an error at the first bracket too many", () => {
    const text = valid.replace('"id": "hospital-it-platform",', `"id": "hospital-it-platform", "metadata": { "x": ${"[".repeat(10_000)}1${"]".repeat(10_000)} },`);
    const { diagnostics, ms } = diagnosticsOf(text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].message).toContain(`nested more than ${SCENARIO_LIMITS.depth} levels deep`);
    expect(diagnostics[0].column).toBe(at(text, "[").column + SCENARIO_LIMITS.depth - 2);
    expect(ms).toBeLessThan(2000);
  });

  test("nesting up to the limit is read, one level more is an error; brackets and escapes inside texts do not count", () => {
    const nested = (levels: number, note = "") =>
      valid.replace('"id": "hospital-it-platform",', `"id": "hospital-it-platform", "metadata": { ${note}"x": ${"[".repeat(levels)}1${"]".repeat(levels)} },`);
    // The scenario object and its metadata are two levels.
    const deepest = SCENARIO_LIMITS.depth - 2;
    expect(parseScenario(nested(deepest), "deep.json").scenario).toBeDefined();
    const brackets = String.raw`"note": "a \\ and a \" then ${"[{".repeat(SCENARIO_LIMITS.depth)} \\", `;
    const withNote = parseScenario(nested(deepest, brackets), "deep.json");
    expect(withNote.diagnostics).toEqual([]);
    expect((withNote.scenario?.metadata as Record<string, unknown>).note).toBe(`a \\ and a " then ${"[{".repeat(SCENARIO_LIMITS.depth)} \\`);
    const text = nested(deepest + 1, brackets);
    const { diagnostics } = diagnosticsOf(text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].message).toContain(`nested more than ${SCENARIO_LIMITS.depth} levels deep`);
    expect(diagnostics[0].column).toBe(at(text, '"x": [').column + 5 + deepest);
  });

  test("objects nested five thousand deep", () => {
    const text = `{ "metadata": ${'{ "a": '.repeat(5000)}1${" }".repeat(5000)} }`;
    expect(diagnosticsOf(text).diagnostics[0].message).toContain("nested more than");
  });

  test("forty thousand problems: fifty listed in file order, the rest counted, in linear time", () => {
    const keys = Array.from({ length: 40_000 }, () => '"a": 1');
    const text = valid.replace('"id": "hospital-it-platform",', `"id": "hospital-it-platform", "metadata": {\n${keys.join(",\n")}\n},`);
    const { diagnostics, omitted, ms } = diagnosticsOf(text);
    expect(diagnostics).toHaveLength(SCENARIO_LIMITS.diagnostics);
    expect(omitted).toBeGreaterThan(39_000);
    const lines = diagnostics.map((d) => d.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(ms).toBeLessThan(5000);
  });

  test("a file larger than a scenario can be is refused unread", () => {
    const path = join(folder, "huge.json");
    writeFileSync(path, " ".repeat(SCENARIO_LIMITS.fileBytes + 1));
    expect(() => readScenarioText(path)).toThrow(/at most 5\.0 MB can be read/);
  });

  test("more issues or options than a scenario may have", () => {
    const many = (count: number) => Array.from({ length: count }, (_, k) => ({ id: `o${k}`, label: "O" }));
    const options = diagnosticsOf(JSON.stringify({ ...hospital, issues: [{ ...hospital.issues[0], options: many(SCENARIO_LIMITS.optionsPerIssue + 1) }] }, null, 2));
    expect(options.diagnostics.some((d) => d.path === "issues[0].options" && d.message.includes(`at most ${SCENARIO_LIMITS.optionsPerIssue} options`))).toBe(true);
    const issues = Array.from({ length: SCENARIO_LIMITS.issues + 1 }, (_, k) => ({ ...hospital.issues[0], id: `i${k}` }));
    expect(diagnosticsOf(JSON.stringify({ ...hospital, issues })).diagnostics.some((d) => d.path === "issues" && d.message.includes("at most 100 issues"))).toBe(true);
  });

  test("a minified file of one long line gets no code frame of megabytes", () => {
    const text = JSON.stringify({ ...hospital, story: "x".repeat(19_000), title: 3 });
    const { diagnostics } = diagnosticsOf(text);
    expect(diagnostics[0].frame).toBeUndefined();
    expect(diagnostics[0].path).toBe("title");
  });
});

describe("encoding", () => {
  test("bytes that are not UTF-8: an error at their line and column, not a silent U+FFFD", () => {
    const path = join(folder, "latin1.json");
    const text = valid.replace('"Cost split"', '"Kosten\u00e9split"');
    const bytes = Buffer.from(text, "utf8");
    // é in Latin-1: one byte 0xE9, which UTF-8 reads as the start of a three-byte character.
    const offset = bytes.indexOf(Buffer.from("Kosten", "utf8")) + 6;
    const latin1 = Buffer.concat([bytes.subarray(0, offset), Buffer.from([0xe9]), bytes.subarray(offset + 2)]);
    writeFileSync(path, latin1);
    const { diagnostic } = readScenarioText(path);
    const where = at(text, "Kosten");
    expect(diagnostic).toMatchObject({ line: where.line, column: where.column + 6 });
    expect(diagnostic?.message).toContain("not UTF-8 text: byte 0xe9");
    expect(() => loadScenarioFile(path)).toThrow(/latin1\.json:\d+:\d+: error: not UTF-8/);
  });

  test("a byte order mark is accepted, and columns are counted without it", () => {
    const path = join(folder, "bom.json");
    writeFileSync(path, `\uFEFF${valid}`);
    expect(loadScenarioFile(path).scenario.id).toBe("hospital-it-platform");
    const broken = `\uFEFF${valid.replace('"title"', '"titel"')}`;
    const d = diagnosticsOf(broken).diagnostics.find((entry) => entry.message.startsWith('unknown key "titel"'))!;
    expect(d.column).toBe(at(valid, '"title"').column);
  });

  test("half a UTF-16 character in an id or a text is refused at its place", () => {
    const text = valid.replace('"id": "cost-split"', '"id": "cost-\\ud800split"').replace('"en": "Cost split"', '"en": "Cost \\udfffsplit"');
    const messages = diagnosticsOf(text).diagnostics.filter((d) => d.message.includes("half a character"));
    expect(messages.map((d) => d.path)).toEqual(["issues[0].id", "issues[0].label.en"]);
  });
});

describe("what JSON allows and a scenario must not have", () => {
  test("a stray __proto__ key in weights or values is an error, not silently dropped", () => {
    const text = valid.replace('"weights": {', '"weights": { "__proto__": 5,');
    const d = diagnosticsOf(text).diagnostics.find((entry) => entry.message.includes('"__proto__"'))!;
    expect(d.path).toBe("parties[0].weights.__proto__");
    expect(d).toMatchObject(at(text, '"__proto__"'));
  });

  test("a key twice: the second is pointed at", () => {
    const text = valid.replace('"batna": 38', '"batna": 38, "batna": 40');
    const d = diagnosticsOf(text).diagnostics[0];
    expect(d.message).toContain('duplicate key "batna"');
    expect(d.column).toBe(at(text, '"batna": 40').column);
  });

  test("a missing key points at the object that lacks it; a stray key is unknown, with did you mean", () => {
    const text = valid.replace(/,\s*"batna": 38/, "").replace('"briefing"', '"brefing"');
    const { diagnostics } = diagnosticsOf(text);
    expect(diagnostics.find((d) => d.message.includes('missing required key "batna"'))?.path).toBe("parties[0].batna");
    expect(diagnostics.find((d) => d.message.startsWith('unknown key "brefing"'))?.message).toContain('did you mean "briefing"');
  });
});
