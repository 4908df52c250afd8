import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { analyzeScenario } from "../../src/engine/analysis.js";
import { compileScenario } from "../../src/engine/model.js";
import { BUILTIN_SCENARIO_DIR, DEFAULT_SCENARIO_ID, builtinScenarioIds } from "../../src/scenario/builtin.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { scenarioJsonSchema } from "../../src/scenario/schema.js";

test("the committed JSON Schema is the one the zod schema generates (run `npm run schema` when this fails)", () => {
  const committed = JSON.parse(readFileSync(join(BUILTIN_SCENARIO_DIR, "scenario.schema.json"), "utf8"));
  expect(committed).toEqual(scenarioJsonSchema());
});

test("there are at least four built-in scenarios, the default among them", () => {
  expect(builtinScenarioIds().length).toBeGreaterThanOrEqual(4);
  expect(builtinScenarioIds()).toContain(DEFAULT_SCENARIO_ID);
});

describe.each(builtinScenarioIds())("built-in scenario %s", (id) => {
  const file = join(BUILTIN_SCENARIO_DIR, `${id}.json`);
  const { scenario, warnings } = loadScenarioFile(file);
  const analysis = analyzeScenario(compileScenario(scenario));

  test("loads without warnings, points editors at the schema, and its id is its file name", () => {
    expect(warnings).toEqual([]);
    expect(scenario.$schema).toBe("./scenario.schema.json");
    expect(scenario.id).toBe(id);
  });

  test("every text is in English and Dutch", () => {
    const texts: unknown[] = [scenario.title, scenario.story, scenario.sharedAmbition];
    for (const issue of scenario.issues) texts.push(issue.label, ...issue.options.map((option) => option.label));
    for (const party of scenario.parties) texts.push(party.name, party.briefing);
    for (const text of texts.filter((t) => t !== undefined)) {
      expect(text).toMatchObject({ en: expect.any(String), nl: expect.any(String) });
    }
  });

  test("the naive compromise leaves at least 30 % of the maximal joint gain on the table", () => {
    expect(analysis.maxJointGain).not.toBeNull();
    expect(analysis.valueLeftOnTable! / analysis.maxJointGain!).toBeGreaterThanOrEqual(0.3);
  });

  test("a compatible issue hides in it", () => {
    expect(analysis.issueRelations.some((relation) => relation.kind === "compatible")).toBe(true);
  });
});
