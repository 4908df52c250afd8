/**
 * init's template validates and teaches for 2–8 parties, and every warning of the teaching
 * check has a scenario that triggers it, at its JSON path; the README's table of scenario
 * keys is the template's guide.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { teachingCheck } from "../../src/batch/teaching.js";
import { translator } from "../../src/i18n/translate.js";
import { parseScenario } from "../../src/scenario/load.js";
import type { Scenario } from "../../src/scenario/schema.js";
import { EXPLAINED_KEYS, SCENARIO_KEYS, scenarioTemplate } from "../../src/scenario/template.js";
import { CLI_TEST_TIMEOUT_MS, ROOT, expectUserError, run } from "../cli/run.js";
import { SCENARIOS } from "../ui/support.js";

const PARTIES = [2, 3, 4, 5, 6, 7, 8];

describe("init's template", () => {
  test.each(PARTIES)("with %i parties it validates and the teaching check has no warning", (parties) => {
    const template = scenarioTemplate(parties, 4);
    const { scenario, diagnostics } = parseScenario(JSON.stringify(template), "template.json");
    expect(diagnostics).toEqual([]);
    expect(teachingCheck(scenario!).warnings).toEqual([]);
  });

  test("every key of the schema is present and explained in both languages", () => {
    const template = scenarioTemplate(3, 3);
    const guide = template.metadata!.guide as Record<string, { en: string; nl: string }>;
    expect(Object.keys(guide)).toEqual(EXPLAINED_KEYS.map(([path]) => path));
    for (const entry of Object.values(guide)) expect(entry.nl).not.toBe(entry.en);
    const present = (value: unknown, path: string[]): boolean => {
      if (path.length === 0) return value !== undefined;
      const [head, ...rest] = path;
      if (head.endsWith("[]")) return present((value as Record<string, unknown[]>)[head.slice(0, -2)][0], rest);
      if (head === "<party>") return present(Object.values(value as object)[0], rest);
      return present((value as Record<string, unknown>)[head], rest);
    };
    for (const [path] of SCENARIO_KEYS) expect(present(template, path.split(".").flatMap((part) => part.replace(/\[\]/g, "[]").split(/(?<=\[\])/))), path).toBe(true);
  });

  test("the README's table of scenario keys is the template's guide", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("<!-- scenario-keys:start"), readme.indexOf("<!-- scenario-keys:end -->"));
    const rows = section
      .split("\n")
      .filter((line) => line.startsWith("| `"))
      .map((line) => line.split(" | ").map((cell) => cell.replace(/^\| |\s*\|$/g, "").trim()));
    const t = translator("en");
    expect(rows).toEqual(EXPLAINED_KEYS.map(([path, key]) => [`\`${path}\``, t(key)]));
  });

  test("the command writes it, refuses to overwrite, and check passes it", { timeout: CLI_TEST_TIMEOUT_MS }, async () => {
    const folder = mkdtempSync(join(tmpdir(), "mutual-gains-init-"));
    try {
      const file = join(folder, "merger.json");
      expect((await run(["init", file, "--parties", "3", "--issues", "5"])).status).toBe(0);
      expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ id: "merger", issues: { length: 5 }, parties: { length: 3 } });
      expect((await run(["validate", file])).stdout).toContain("ok");
      const check = await run(["check", file]);
      expect(check.status, check.output).toBe(0);
      expect(check.stdout).toContain("No warnings");
      expectUserError(await run(["init", file]));
      expectUserError(await run(["init", join(folder, "nine.json"), "--parties", "9"]));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** A copy of the two-party template changed by `change`. */
function changed(change: (scenario: Scenario) => void): Scenario {
  const scenario = structuredClone(scenarioTemplate(2, 4)) as Scenario;
  change(scenario);
  return scenario;
}

const warningsOf = (scenario: Scenario) => teachingCheck(scenario).warnings.map((warning) => ({ key: warning.key, path: warning.path }));

describe("the teaching check", () => {
  test("no package beats every BATNA", () => {
    expect(warningsOf(changed((s) => s.parties.forEach((party) => (party.batna = 99))))).toContainEqual({ key: "check.warning.noZone", path: ["parties"] });
  });

  test("haggling leaves less than 20 % of the maximal joint gain on the table", () => {
    // Both parties want the same: splitting the difference already gives them all there is.
    const scenario = changed((s) => (s.parties[1].values = structuredClone(s.parties[0].values)));
    expect(warningsOf(scenario)).toContainEqual({ key: "check.warning.naiveEnough", path: ["issues"] });
  });

  test("no compatible issue, no integrative pair", () => {
    // Every issue opposed and weighed alike by both parties: no common favourite, no priority to trade.
    const scenario = changed((s) => {
      const [a, b] = s.parties;
      for (const issue of s.issues) {
        a.weights[issue.id] = b.weights[issue.id] = 1;
        a.values[issue.id] = { "option-1": 100, "option-2": 50, "option-3": 0 };
        b.values[issue.id] = { "option-1": 0, "option-2": 50, "option-3": 100 };
      }
    });
    expect(warningsOf(scenario)).toEqual(expect.arrayContaining([
      { key: "check.warning.noCompatible", path: ["issues"] },
      { key: "check.warning.noIntegrative", path: ["issues"] },
    ]));
  });

  test("a text without both languages, at its path", () => {
    const scenario = changed((s) => {
      s.story = "Only English.";
      s.issues[1].label = { en: "No Dutch" };
    });
    expect(warningsOf(scenario).filter((warning) => warning.key === "check.warning.oneLanguage")).toEqual([
      { key: "check.warning.oneLanguage", path: ["story"] },
      { key: "check.warning.oneLanguage", path: ["issues", 1, "label"] },
    ]);
  });

  test("a partner defined so that it agrees with no style, and a style that agrees with none", () => {
    // A partner that never goes below the points of its favourite package, which no other party accepts.
    const scenario = changed((s) => (s.partners!["organisation-a"] = { style: "hardliner", params: { aspiration: 100, reservation: 100 } }));
    expect(warningsOf(scenario)).toContainEqual({ key: "check.warning.partnerStuck", path: ["partners", "organisation-a"] });
    // In the built-in supply chain, the hardliner meets no other style within its eight rounds.
    const supply = SCENARIOS.find((choice) => choice.id === "sustainable-supply")!.scenario;
    expect(warningsOf(supply)).toContainEqual({ key: "check.warning.styleStuck", path: ["parties"] });
  });

  test("check prints the figures it judged on and exits 0 with warnings, 1 for an invalid file", { timeout: CLI_TEST_TIMEOUT_MS }, async () => {
    const result = await run(["check", "sustainable-supply", "--lang", "nl"]);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain("Beoordeeld op");
    expect(result.stdout).toContain("warning: parties:");
    const json = JSON.parse((await run(["check", "hospital-it-platform", "--json"])).stdout);
    expect(json.figures.compatibleIssues.length).toBeGreaterThan(0);
    const teach = await run(["validate", "--teach", join(ROOT, "scenarios", "sustainable-supply.json")]);
    expect(teach.stdout).toContain("warning: parties:");
    expectUserError(await run(["check", join(ROOT, "test", "fixtures", "cli", "broken-schema.json")]));
  });
});
