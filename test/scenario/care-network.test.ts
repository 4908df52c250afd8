/**
 * The built-in partnership scenario care-network (tips 3, 4 and 7): it validates, it plays
 * through with win-win and win-lose partners, its hidden terms and its shared ambition add
 * joint value that the frontier can measure, and the municipality is at the table from the
 * second year on.
 */
import { describe, expect, test } from "vitest";
import { maxJointPoint, jointUtility } from "../../src/engine/bargaining.js";
import { computeFrontier } from "../../src/engine/frontier.js";
import { compileScenario } from "../../src/engine/model.js";
import { type Conditions, afterEvent, initialConditions, stageScenario, withAmbition } from "../../src/negotiation/partnership/conditions.js";
import { runPartnership } from "../../src/negotiation/partnership/run.js";
import { resolveScenarioPath } from "../../src/scenario/builtin.js";
import { loadScenarioFile, parseScenario } from "../../src/scenario/load.js";
import { foundingParties } from "../../src/scenario/partnership-semantics.js";
import type { Scenario } from "../../src/scenario/schema.js";
import { readFileSync } from "node:fs";

const FILE = resolveScenarioPath("care-network");
const { scenario } = loadScenarioFile(FILE);
const SHARED = "healthy-at-home";
const NEWCOMER = "municipality";
const SEED = "care-network";

/** The largest joint utility of an agreement above every BATNA. */
function maxJoint(stage: Scenario): number {
  const frontier = computeFrontier(compileScenario(stage));
  const point = maxJointPoint(frontier);
  expect(point).not.toBeNull();
  return jointUtility(frontier, point!);
}

/** The scenario with its hidden terms off the table: a hidden issue stays at its first option, hidden options are gone. */
function withoutHiddenTerms(stage: Scenario): Scenario {
  return {
    ...stage,
    issues: stage.issues.map((issue) => ({
      ...issue,
      hidden: undefined,
      options: issue.hidden ? [issue.options[0]] : issue.options.filter((option) => !option.hidden),
    })),
  };
}

const start = (ambition: string | null): Conditions => withAmbition(scenario, initialConditions(scenario, foundingParties(scenario)), ambition);

describe("the built-in scenario care-network", () => {
  test("validates without errors or warnings", () => {
    const parsed = parseScenario(readFileSync(FILE, "utf8"), FILE);
    expect(parsed.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    expect(loadScenarioFile(FILE).warnings).toEqual([]);
    expect(scenario.partnership?.stages?.map((stage) => stage.id)).toEqual(["year-1", "year-2", "year-3"]);
  });

  test("has hidden terms of two holders: an issue brought out by what-else, an option by trust or what-would-work", () => {
    const hiddenIssues = scenario.issues.filter((issue) => issue.hidden);
    const hiddenOptions = scenario.issues.flatMap((issue) => issue.options.filter((option) => option.hidden));
    expect(hiddenIssues).toHaveLength(1);
    expect(hiddenOptions).toHaveLength(1);
    const [issue] = hiddenIssues;
    const [option] = hiddenOptions;
    expect(issue.hidden!.questions ?? ["what-else"]).toContain("what-else");
    expect(option.hidden!.questions).toEqual(["what-would-work"]);
    expect(option.hidden!.trust).toBeDefined();
    expect(issue.hidden!.holder).not.toBe(option.hidden!.holder);
  });

  test("the ambitions: one that serves every founder, and others that serve one founder", () => {
    const founders = foundingParties(scenario);
    expect(founders).not.toContain(NEWCOMER);
    const options = scenario.partnership!.ambition!.options;
    expect(options.length).toBeGreaterThanOrEqual(3);
    expect(options.length).toBeLessThanOrEqual(4);
    for (const candidate of options) {
      const values = founders.map((party) => candidate.values[party]);
      if (candidate.id === SHARED) {
        expect(Math.min(...values)).toBeGreaterThanOrEqual(60);
        expect(candidate.trust).toBeGreaterThan(0);
        expect(candidate.unlocks?.length).toBeGreaterThan(0);
      } else {
        expect(values.filter((value) => value === 100)).toHaveLength(1);
        expect(values.filter((value) => value <= 40)).toHaveLength(founders.length - 1);
      }
    }
  });

  test("the hidden terms add joint value in the first year, with and without the shared ambition", () => {
    for (const ambition of [null, SHARED]) {
      const year1 = stageScenario(scenario, start(ambition), 0);
      const on = maxJoint(year1);
      const off = maxJoint(withoutHiddenTerms(year1));
      expect(on - off, `ambition ${ambition}`).toBeGreaterThan(40);
      // Each hidden term on its own adds value too.
      for (const term of ["gp-care", "hub"]) {
        const one = { ...year1, issues: year1.issues.map((issue) => (issue.id === term ? issue : withoutHiddenTerms({ ...year1, issues: [issue] }).issues[0])) };
        expect(maxJoint(one) - off, `${term}, ambition ${ambition}`).toBeGreaterThan(5);
      }
    }
  });

  test("the shared ambition puts the pooled budget on the table, and it adds joint value", () => {
    const without = stageScenario(scenario, start(null), 0);
    const shared = stageScenario(scenario, start(SHARED), 0);
    const options = (stage: Scenario) => stage.issues.find((issue) => issue.id === "governance")!.options.map((option) => option.id);
    expect(options(without)).not.toContain("pooled-budget");
    expect(options(shared)).toContain("pooled-budget");
    expect(maxJoint(shared) - maxJoint(without)).toBeGreaterThan(10);
    // No other ambition unlocks it.
    expect(options(stageScenario(scenario, start("relieve-gps"), 0))).not.toContain("pooled-budget");
  });

  test("the municipality joins in year 2 with its own table and stays in the conditions of year 3", () => {
    const [, year2, year3] = scenario.partnership!.stages!;
    let conditions = start(SHARED);
    expect(stageScenario(scenario, conditions, 0).parties.map((party) => party.id)).not.toContain(NEWCOMER);
    expect(stageScenario(scenario, conditions, 0).issues.map((issue) => issue.id)).not.toContain("wmo-funding");
    for (const event of year2.events!) conditions = afterEvent(scenario, conditions, event);
    const second = stageScenario(scenario, conditions, 1);
    expect(second.parties.map((party) => party.id)).toContain(NEWCOMER);
    expect(second.issues.map((issue) => issue.id)).toContain("wmo-funding");
    for (const event of year3.events!) conditions = afterEvent(scenario, conditions, event);
    const third = stageScenario(scenario, conditions, 2);
    expect(third.parties.map((party) => party.id)).toContain(NEWCOMER);
    // New management at Woonstede: the homes for care clients weigh more for it.
    const woonstede = (stage: Scenario) => stage.parties.find((party) => party.id === "housing-corporation")!.weights["care-homes"];
    expect(woonstede(third)).toBeGreaterThan(woonstede(second));
    // The new competitor raises the GP cooperative's BATNA, when it comes.
    const gps = (stage: Scenario) => stage.parties.find((party) => party.id === "gp-coop")!.batna;
    expect(gps(third)).toBeGreaterThan(gps(second));
  });

  const STYLES = ["logroller", "hardliner"] as const;
  const assignments = Array.from({ length: 2 ** scenario.parties.length }, (_, mask) => scenario.parties.map((_, p) => STYLES[(mask >> p) & 1]));

  test.each(assignments.map((styles) => [styles.join(" "), styles] as const))("plays through with %s", (_, styles) => {
    const run = runPartnership({ scenario, styles, seed: SEED });
    expect(run.waiting.kind).toBe("ended");
    const reason = run.waiting.kind === "ended" ? run.waiting.reason : null;
    const ambition = run.phases[0];
    expect(ambition.kind).toBe("ambition");
    expect(ambition.scenario.parties.map((party) => party.id)).not.toContain(NEWCOMER);
    const stages = run.phases.filter((phase) => phase.kind === "stage");
    const founders = scenario.parties.filter((party) => party.id !== NEWCOMER).map((party) => styles[scenario.parties.indexOf(party)]);
    if (founders.every((style) => style === "logroller")) {
      // Win-win founders reach an agreement in year 1 and the partnership runs through every year.
      expect(ambition.agreement).toEqual({ ambition: SHARED });
      expect(reason).toBe("completed");
      expect(stages[0].session?.outcome?.kind).toBe("agreement");
      expect(stages[0].session?.revealed).toEqual([true, true]);
      expect([...new Set(stages.map((phase) => phase.stage))]).toEqual([0, 1, 2]);
      for (const phase of stages) {
        expect(phase.scenario.parties.some((party) => party.id === NEWCOMER)).toBe(phase.stage > 0);
      }
    } else {
      // A hardliner among the founders holds out for half its range, hidden terms included, and year 1 ends without agreement.
      expect(reason).toBe("no-agreement");
      expect(stages).toHaveLength(1);
      expect(stages[0].session?.outcome?.kind).not.toBe("agreement");
    }
  });
});
