/** Tips 3, 4 and 7 in scenario files: each mistake a trainer can make is located (line, column, JSON path) and explained. */
import { describe, expect, test } from "vitest";
import { parseScenario } from "../../src/scenario/load.js";
import type { Scenario } from "../../src/scenario/schema.js";
import { smallPartnership } from "../partnership/fixture.js";

/** The fixture with one planted mistake, as a file's text; the located errors and the line of the mistake's path. */
function planted(change: (scenario: Scenario & Record<string, unknown>) => void) {
  const scenario = structuredClone(smallPartnership()) as Scenario & Record<string, unknown>;
  change(scenario);
  const text = JSON.stringify(scenario, null, 2);
  const { diagnostics } = parseScenario(text, "planted.json");
  return { errors: diagnostics.filter((d) => d.severity === "error"), lines: text.split("\n") };
}

type Stages = NonNullable<NonNullable<Scenario["partnership"]>["stages"]>;
type Ambitions = NonNullable<NonNullable<Scenario["partnership"]>["ambition"]>["options"];
const stages = (scenario: Scenario): Stages => scenario.partnership!.stages!;
const ambitions = (scenario: Scenario): Ambitions => scenario.partnership!.ambition!.options;

type Case = [name: string, change: (scenario: Scenario) => void, path: string, message: RegExp];

const CASES: Case[] = [
    ["a hidden term held by nobody", (s) => {
      s.issues[2].hidden = { holder: "delta" };
    }, "issues[2].hidden.holder", /unknown party "delta"/],
    ["an issue's first option hidden", (s) => {
      s.issues[1].options[0].hidden = { holder: "a" };
    }, "issues[1].options[0].hidden", /first option cannot be hidden/],
    ["a hidden option of a hidden issue", (s) => {
      s.issues[2].options[1].hidden = { holder: "a" };
    }, "issues[2].options[1].hidden", /whole issue "facility" is hidden already/],
    ["an issue owned by nobody", (s) => {
      s.issues[4].owner = "gama";
    }, "issues[4].owner", /unknown party "gama"/],
    ["an ambition a founder gives no value", (s: Scenario) => void delete ambitions(s)[0].values.b, "partnership.ambition.options[0].values", /no value for party "b"/],
    ["an ambition valued by a party that does not exist", (s) => {
      ambitions(s)[1].values.zeta = 5;
    }, "partnership.ambition.options[1].values.zeta", /unknown party "zeta"/],
    ["an ambition unlocking an issue that does not exist", (s) => {
      ambitions(s)[0].unlocks = [{ issue: "dta" }];
    }, "partnership.ambition.options[0].unlocks[0].issue", /unknown issue "dta".*"data"/],
    ["an ambition unlocking an issue's first option", (s) => {
      ambitions(s)[0].unlocks = [{ issue: "budget", option: "low" }];
    }, "partnership.ambition.options[0].unlocks[0].option", /first option is always on the table/],
    ["two ambitions with one id", (s) => {
      ambitions(s)[2].id = "together";
    }, "partnership.ambition.options[2].id", /duplicate ambition id "together"/],
    ["an event in the first stage", (s) => {
      stages(s)[0].events = [{ kind: "batna", party: "a", batna: 10 }];
    }, "partnership.stages[0].events", /first stage starts the partnership/],
    ["a party that joins twice", (s) => {
      stages(s)[2].events = [{ kind: "join", party: "c" }];
    }, "partnership.stages[2].events[0].party", /"c" is in the partnership already/],
    ["a party leaving that is not there", (s) => {
      stages(s)[2].events = [{ kind: "leave", party: "c" }, { kind: "leave", party: "c" }];
    }, "partnership.stages[2].events[1].party", /not in the partnership at this stage/],
    ["a cover by a party that left", (s) => {
      stages(s)[2].events = [{ kind: "leave", party: "c", cover: { c: 3 } }];
    }, "partnership.stages[2].events[0].cover.c", /not left in the partnership to cover it/],
    ["a quantity that does not exist", (s) => {
      stages(s)[2].events = [{ kind: "resolve", quantity: "price" }];
    }, "partnership.stages[2].events[0].quantity", /unknown quantity "price"/],
    ["a priority of an issue that does not exist", (s) => {
      stages(s)[2].events = [{ kind: "priority", party: "b", issue: "budgte", weight: 3 }];
    }, "partnership.stages[2].events[0].issue", /unknown issue "budgte".*"budget"/],
    ["two stages with one id", (s) => {
      stages(s)[2].id = "year-1";
    }, "partnership.stages[2].id", /duplicate stage id "year-1"/],
    ["a probability above 1", (s) => {
      (stages(s)[2].events![1] as { probability: number }).probability = 1.5;
    }, "partnership.stages[2].events[1].probability", /1/],
    ["an unknown event kind", (s) => {
      (stages(s)[1].events![0] as { kind: string }).kind = "merge";
    }, "partnership.stages[1].events[0].kind", /priority|batna|join/],
];

describe("a partnership scenario with a mistake", () => {
  test.each(CASES)("%s", (_name, change, path, message) => {
    const { errors, lines } = planted(change);
    const found = errors.find((error) => error.path === path);
    expect(found, JSON.stringify(errors.map((error) => [error.path, error.message]))).toBeDefined();
    expect(found!.message).toMatch(message);
    expect(found!.file).toBe("planted.json");
    // The place is in the file: the line holds the last key of the path (or the array it is in).
    const key = String(path.split(/[.[\]]/).filter(Boolean).at(-1));
    const nearby = lines.slice(Math.max(0, found!.line - 3), found!.line + 1).join("\n");
    expect(Number.isNaN(Number(key)) ? nearby.includes(`"${key}"`) : found!.line > 1).toBe(true);
  });

  test("a partnership that starts with one party: every other one joins later", () => {
    const { errors } = planted((s) => {
      stages(s)[1].events = [{ kind: "join", party: "b" }, { kind: "join", party: "c" }];
    });
    expect(errors.map((error) => error.message)).toContainEqual(expect.stringMatching(/starts with at least two parties/));
  });
});
