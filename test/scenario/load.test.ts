import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { formatDiagnostic, loadScenarioFile, parseScenario, LocatedError, type Diagnostic } from "../../src/scenario/load.js";

const FILE = "harbour.json";

const VALID = `{
  "id": "harbour",
  "title": "Harbour expansion",
  "story": { "en": "Two organisations share a harbour.", "nl": "Twee organisaties delen een haven." },
  "deadlineRounds": 10,
  "issues": [
    {
      "id": "budget",
      "label": "Budget",
      "options": [
        { "id": "low", "label": "Low" },
        { "id": "high", "label": "High" }
      ]
    },
    {
      "id": "timing",
      "label": "Timing",
      "options": [
        { "id": "now", "label": "Now" },
        { "id": "later", "label": "Later" }
      ]
    }
  ],
  "parties": [
    {
      "id": "city",
      "name": "City",
      "briefing": "You want a cheap deal.",
      "weights": { "budget": 2, "timing": 1 },
      "values": { "budget": { "low": 100, "high": 0 }, "timing": { "now": 30, "later": 70 } },
      "batna": 40
    },
    {
      "id": "port",
      "name": "Port",
      "briefing": "You want to start soon.",
      "weights": { "budget": 1, "timing": 3 },
      "values": { "budget": { "low": 20, "high": 80 }, "timing": { "now": 90, "later": 10 } },
      "autonomyCosts": { "timing": { "now": 5 } },
      "batna": 50
    }
  ],
  "partners": { "city": { "style": "logroller" } }
}
`;

/** The valid scenario with each [from, to] replaced once; fails loudly when `from` is not there. */
function edit(...replacements: [string, string][]): string {
  return replacements.reduce((text, [from, to]) => {
    expect(text, `snippet ${from}`).toContain(from);
    return text.replace(from, to);
  }, VALID);
}

type Case = {
  name: string;
  edits: [string, string][];
  severity?: Diagnostic["severity"];
  line: number;
  column: number;
  path: string;
  /** The gist of the message. */
  message: string;
};

const CASES: Case[] = [
  // JSON syntax
  { name: "missing comma", edits: [['"harbour",', '"harbour"']], line: 3, column: 3, path: "", message: "expected a comma or '}'" },
  { name: "trailing comma", edits: [['"batna": 50\n', '"batna": 50,\n']], line: 40, column: 18, path: "", message: "trailing comma before '}'" },
  { name: "comment", edits: [['"deadlineRounds": 10,', '"deadlineRounds": 10, // ten']], line: 5, column: 25, path: "", message: "comments are not allowed in JSON" },
  { name: "single quotes", edits: [['"id": "harbour"', "'id': \"harbour\""]], line: 2, column: 3, path: "", message: "texts and keys need double quotes" },
  { name: "bare word", edits: [['"batna": 40', '"batna": forty']], line: 31, column: 16, path: "", message: 'unexpected "forty"; expected a value' },
  { name: "duplicate key", edits: [['"batna": 40', '"batna": 40, "batna": 45']], line: 31, column: 20, path: "parties[0].batna", message: 'duplicate key "batna": JSON keeps only the last one' },
  // Schema
  { name: "number out of range", edits: [['"low": 20', '"low": 120']], line: 38, column: 38, path: "parties[1].values.budget.low", message: "expected a number from 0 to 100, got 120" },
  { name: "too few options", edits: [['{ "id": "now", "label": "Now" },', '{ "id": "now", "label": "Now" }'], ['        { "id": "later", "label": "Later" }\n', ""]], line: 18, column: 18, path: "issues[1].options", message: "expected at least 2 options, got 1" },
  { name: "unknown key", edits: [['"weights": { "budget": 2', '"wieghts": { "budget": 2']], line: 29, column: 7, path: "parties[0].wieghts", message: 'unknown key "wieghts" — did you mean "weights"?' },
  { name: "missing key", edits: [['"later": 70 } },\n      "batna": 40', '"later": 70 } }']], line: 25, column: 5, path: "parties[0].batna", message: 'missing required key "batna": expected a number' },
  { name: "wrong type", edits: [['"batna": 40', '"batna": "forty"']], line: 31, column: 16, path: "parties[0].batna", message: 'expected a number, got "forty"' },
  { name: "localised text of the wrong type", edits: [['"title": "Harbour expansion"', '"title": 42']], line: 3, column: 12, path: "title", message: 'expected a text or { "en": …, "nl": … }, got 42' },
  { name: "localised text in an unknown language", edits: [['"title": "Harbour expansion"', '"title": { "en": "Harbour", "fr": "Port" }']], line: 3, column: 31, path: "title.fr", message: 'unknown key "fr"' },
  { name: "empty text", edits: [['"title": "Harbour expansion"', '"title": ""']], line: 3, column: 12, path: "title", message: "expected a non-empty text" },
  { name: "badly formed id", edits: [['"id": "harbour"', '"id": "harbour "']], line: 2, column: 9, path: "id", message: 'expected a non-empty id without leading or trailing spaces, got "harbour "' },
  { name: "fraction where a whole number belongs", edits: [['"deadlineRounds": 10', '"deadlineRounds": 1.5']], line: 5, column: 21, path: "deadlineRounds", message: "expected a whole number from 1 to 1000, got 1.5" },
  // Semantics
  { name: "duplicate issue id", edits: [['"id": "timing"', '"id": "budget"']], line: 16, column: 13, path: "issues[1].id", message: 'duplicate issue id "budget" (also used by issues[0])' },
  { name: "duplicate option id", edits: [['"id": "later"', '"id": "now"']], line: 20, column: 17, path: "issues[1].options[1].id", message: 'duplicate option id "now" in issue "timing"' },
  { name: "duplicate party id", edits: [['"id": "port"', '"id": "city"']], line: 34, column: 13, path: "parties[1].id", message: 'duplicate party id "city"' },
  { name: "weight for an unknown issue", edits: [['{ "budget": 2, "timing": 1 }', '{ "budgte": 2, "timing": 1 }']], line: 29, column: 20, path: "parties[0].weights.budgte", message: 'unknown issue "budgte" — did you mean "budget"?' },
  { name: "missing weight", edits: [['{ "budget": 2, "timing": 1 }', '{ "budget": 2 }']], line: 29, column: 18, path: "parties[0].weights.timing", message: 'no weight for issue "timing"' },
  { name: "all weights zero", edits: [['{ "budget": 2, "timing": 1 }', '{ "budget": 0, "timing": 0 }']], line: 29, column: 18, path: "parties[0].weights", message: 'every weight of party "city" is 0' },
  { name: "value for an unknown option", edits: [['"high": 0 }', '"hihg": 0 }']], line: 30, column: 43, path: "parties[0].values.budget.hihg", message: 'unknown option "hihg" of issue "budget" — did you mean "high"?' },
  { name: "missing option value", edits: [['"timing": { "now": 30, "later": 70 }', '"timing": { "now": 30 }']], line: 30, column: 66, path: "parties[0].values.timing.later", message: 'no value for option "later" of issue "timing"' },
  { name: "missing issue values", edits: [['"high": 0 }, "timing": { "now": 30, "later": 70 } }', '"high": 0 } }']], line: 30, column: 17, path: "parties[0].values.timing", message: 'no values for issue "timing"' },
  { name: "autonomy cost for an unknown option", edits: [['{ "now": 5 }', '{ "noww": 5 }']], line: 39, column: 38, path: "parties[1].autonomyCosts.timing.noww", message: 'unknown option "noww" of issue "timing" — did you mean "now"?' },
  { name: "partner for an unknown party", edits: [['"partners": { "city"', '"partners": { "cty"']], line: 43, column: 17, path: "partners.cty", message: 'unknown party "cty" — did you mean "city"?' },
  { name: "unknown partner style", edits: [['"style": "logroller"', '"style": "logroler"']], line: 43, column: 36, path: "partners.city.style", message: 'unknown partner style "logroler" — did you mean "logroller"?' },
  // Warnings
  { name: "BATNA out of reach", edits: [['"batna": 40', '"batna": 100']], severity: "warning", line: 31, column: 16, path: "parties[0].batna", message: 'no package gives party "city" more than its BATNA of 100; its best package gives 90' },
  { name: "issue nobody weighs", edits: [['"budget": 2, "timing": 1', '"budget": 2, "timing": 0'], ['"budget": 1, "timing": 3', '"budget": 1, "timing": 0']], severity: "warning", line: 15, column: 5, path: "issues[1]", message: 'no party cares about issue "timing": every party gives it weight 0' },
];

describe("parseScenario", () => {
  it("accepts a valid scenario without diagnostics", () => {
    const { scenario, diagnostics } = parseScenario(VALID, FILE);
    expect(diagnostics).toEqual([]);
    expect(scenario?.parties.map((party) => party.id)).toEqual(["city", "port"]);
  });

  it.each(CASES)("reports: $name", ({ edits, severity = "error", line, column, path, message }) => {
    const { scenario, diagnostics } = parseScenario(edit(...edits), FILE);
    const found = diagnostics.find((d) => d.path === path && d.message.includes(message));
    expect(found, diagnostics.map(formatDiagnostic).join("\n")).toMatchObject({ severity, file: FILE, line, column });
    const formatted = formatDiagnostic(found!);
    expect(formatted).toContain(`${FILE}:${line}:${column}: ${severity}: ${path ? `${path}: ` : ""}${message}`);
    expect(found!.frame).toMatch(new RegExp(`^> ${line} \\|`, "m"));
    // Warnings leave the scenario usable; errors do not.
    expect(scenario === undefined).toBe(severity === "error");
  });

  it("reports an empty file", () => {
    expect(parseScenario(" \n", FILE).diagnostics).toMatchObject([{ line: 1, column: 1, path: "", message: expect.stringContaining("empty") }]);
  });

  it("never shows a stack trace", () => {
    for (const { edits } of CASES) {
      for (const d of parseScenario(edit(...edits), FILE).diagnostics) expect(formatDiagnostic(d)).not.toContain("    at ");
    }
  });

  it("never throws, whatever a slip of the keyboard does to the file", () => {
    const slip = fc
      .tuple(fc.nat(VALID.length - 1), fc.nat(3), fc.constantFrom("", ",", "}", "]", '"', ":", "0", "-1", "x", "[]", "{}"))
      .map(([at, cut, insert]) => VALID.slice(0, at) + insert + VALID.slice(at + cut));
    fc.assert(
      fc.property(slip, (text) => {
        const { scenario, diagnostics } = parseScenario(text, FILE);
        expect(scenario !== undefined || diagnostics.some((d) => d.severity === "error")).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("loadScenarioFile", () => {
  const dir = mkdtempSync(join(tmpdir(), "mutual-gains-load-"));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it("loads a valid file", () => {
    const { scenario, warnings } = loadScenarioFile(write("valid.json", VALID));
    expect(scenario.id).toBe("harbour");
    expect(warnings).toEqual([]);
  });

  it("returns warnings with the scenario", () => {
    const { warnings } = loadScenarioFile(write("batna.json", edit(['"batna": 40', '"batna": 100'])));
    expect(warnings).toMatchObject([{ severity: "warning", line: 31, column: 16, path: "parties[0].batna" }]);
  });

  it("throws a LocatedError whose message lists every diagnostic", () => {
    const path = write("broken.json", edit(['"low": 20', '"low": 120'], ['"weights": { "budget": 2', '"wieghts": { "budget": 2']));
    const error = (() => {
      try {
        loadScenarioFile(path);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(LocatedError);
    expect(error).toBeInstanceOf(UserError);
    const { message, diagnostics } = error as LocatedError;
    expect(diagnostics.map((d) => `${d.line}:${d.column}`)).toEqual(["25:5", "29:7", "38:38"]);
    expect(message).toContain(`${path}:29:7: error: parties[0].wieghts: unknown key "wieghts"`);
    expect(message).toContain(`${path}:38:38: error: parties[1].values.budget.low: expected a number from 0 to 100, got 120`);
    expect(message).not.toContain("    at ");
  });

  it("reports a missing file as a UserError", () => {
    const path = join(dir, "nowhere.json");
    expect(() => loadScenarioFile(path)).toThrow(UserError);
    expect(() => loadScenarioFile(path)).toThrow(`cannot read scenario file ${path}: no such file`);
    expect(() => loadScenarioFile(path)).not.toThrow(LocatedError);
  });
});
