/**
 * Tip 7, partners change: a scenario's partner definition may script events (a new BATNA, a
 * new interest weight, a change of trust) that the driver applies at the start of their round,
 * logged as "scripted" events; the session recomputes its model, and partners act on it.
 */
import { describe, expect, test } from "vitest";
import { compileScenario } from "../../src/engine/model.js";
import { favouritePackage } from "../../src/engine/reference-packages.js";
import { HUMAN, NegotiationDriver, sessionConfig } from "../../src/negotiation/driver.js";
import { PARTNER_STYLES } from "../../src/negotiation/partners/registry.js";
import type { ScriptedEntry, SessionEvent } from "../../src/negotiation/protocol.js";
import { replay } from "../../src/negotiation/session.js";
import { type Scenario, ScenarioSchema } from "../../src/scenario/schema.js";
import { buildScenario } from "../engine/scenarios.js";
import { acceptedPackage, builtin, runStyles, walk } from "./support.js";

const BASE = builtin("hospital-it-platform"); // parties rivierland (BATNA 38), duinzicht (BATNA 28); issue 2 is go-live
const GO_LIVE = BASE.issues.findIndex((issue) => issue.id === "go-live");

function withPartner(definition: Record<string, unknown>, party = "duinzicht"): Scenario {
  return ScenarioSchema.parse({ ...BASE, partners: { [party]: definition } });
}

const ANOTHER_HOSPITAL = { en: "Another hospital has approached us.", nl: "Een ander ziekenhuis heeft ons benaderd." };

const CHANGING = withPartner({
  style: "logroller",
  params: { walkAwayThreshold: 0 },
  events: [
    { round: 1, trust: 5 },
    { round: 3, batna: 45, message: ANOTHER_HOSPITAL },
    { round: 4, priority: { issue: "go-live", weight: 40 }, trust: -10 },
  ],
});

/** The scenario as it should be after the changes of round 4: duinzicht's BATNA 45, go-live weighing 40. */
function changedScenario(): Scenario {
  return {
    ...BASE,
    parties: BASE.parties.map((party, p) =>
      p === 1 ? { ...party, batna: 45, weights: { ...party.weights, "go-live": 40 } } : party,
    ),
  };
}

const scriptedEvents = (events: readonly SessionEvent[]) =>
  events.flatMap((event, index) => (event.type === "scripted" ? [{ index, round: event.round, change: event.change }] : []));

describe("from partner definition to scripted changes", () => {
  test("sessionConfig turns the definition's events into changes by round, with its parameters", () => {
    const config = sessionConfig({ scenario: CHANGING, participants: [{ style: "boulware" }, { style: "logroller" }], seed: "s" });
    const expected: ScriptedEntry[] = [
      { round: 1, change: { kind: "trust", party: 1, towards: 0, delta: 5 } },
      { round: 3, change: { kind: "batna", party: 1, batna: 45 }, message: ANOTHER_HOSPITAL },
      { round: 4, change: { kind: "priority", party: 1, issue: GO_LIVE, weight: 40 } },
      { round: 4, change: { kind: "trust", party: 1, towards: 0, delta: -10 } },
    ];
    expect(config.scripted).toEqual(expected);
    expect(config.participants[1]).toEqual({ style: "logroller", params: { walkAwayThreshold: 0 } });
    expect(config.participants[0]).toEqual({ style: "boulware" });
  });

  test("the definition applies only when the party plays the defined style", () => {
    for (const participants of [
      [{ style: "boulware" }, { style: "conceder" }],
      [{ style: "boulware" }, { style: HUMAN }],
    ]) {
      const config = sessionConfig({ scenario: CHANGING, participants, seed: "s" });
      expect(config.scripted).toBeUndefined();
    }
  });

  test("an event with only a message is a note that changes nothing; a message goes with the first change of its event", () => {
    const scenario = withPartner({
      style: "linear",
      events: [
        { round: 2, message: "Our new director joins us today." },
        { round: 3, trust: 4, priority: { issue: "go-live", weight: 10 }, message: "We have reconsidered." },
      ],
    });
    const config = sessionConfig({ scenario, participants: [{ style: "linear" }, { style: "linear" }], seed: "s" });
    expect(config.scripted).toEqual([
      { round: 2, change: { kind: "note", party: 1 }, message: "Our new director joins us today." },
      { round: 3, change: { kind: "priority", party: 1, issue: GO_LIVE, weight: 10 }, message: "We have reconsidered." },
      { round: 3, change: { kind: "trust", party: 1, towards: 0, delta: 4 } },
    ]);
    const run = runStyles(scenario, ["linear", "linear"], "note");
    const index = run.session.events.findIndex((event) => event.type === "scripted" && event.change.kind === "note");
    expect(index).toBeGreaterThan(0);
    const session = replay(run.scenario, run.config, run.session.events.slice(0, index));
    const model = session.model;
    const trust = Array.from(session.trust);
    const logged = session.trustLog.length;
    session.apply(run.session.events[index]);
    expect(session.model).toBe(model);
    expect(Array.from(session.trust)).toEqual(trust);
    expect(session.trustLog).toHaveLength(logged);
    expect(session.events.at(-1)).toMatchObject({ type: "scripted", round: 2, message: "Our new director joins us today." });
  });

  test("a trust event scripts a change of the partner's trust in every other party", () => {
    const scenario = ScenarioSchema.parse({ ...builtin("housing-care"), partners: { "care-provider": { style: "meso", events: [{ round: 2, trust: -7 }] } } });
    const config = sessionConfig({ scenario, participants: [{ style: "linear" }, { style: "linear" }, { style: "meso" }], seed: "s" });
    expect(config.scripted).toEqual([
      { round: 2, change: { kind: "trust", party: 2, towards: 0, delta: -7 } },
      { round: 2, change: { kind: "trust", party: 2, towards: 1, delta: -7 } },
    ]);
  });
});

describe("changes apply at the start of their round", () => {
  test("step by step against a human: round-1 changes before any move, later ones as their round starts", () => {
    const driver = new NegotiationDriver(
      CHANGING,
      sessionConfig({ scenario: CHANGING, participants: [{ style: HUMAN }, { style: "logroller" }], seed: "steps" }),
    );
    const session = driver.session;
    driver.advance();
    // Round 1: the trust change is the first event; nothing else has happened.
    expect(session.events).toEqual([{ type: "scripted", round: 1, change: { kind: "trust", party: 1, towards: 0, delta: 5 } }]);
    // A logroller (a win-win style) starts at trust 60: the scripted +5 is already applied.
    expect(session.trustIn(1, 0)).toBe(65);
    expect(session.model.batnas[1]).toBe(28);

    // The human opens with its favourite package (nothing the logroller accepts), then rejects every offer.
    const favourite = Array.from(favouritePackage(compileScenario(BASE), 0));
    driver.play(0, { type: "offer", package: favourite });
    expect(session.round).toBe(2);
    expect(session.model.batnas[1]).toBe(28);
    expect(scriptedEvents(session.events)).toHaveLength(1);

    driver.play(0, { type: "reject" });
    // Round 3 has started: the BATNA change is the last event, logged with round 3, after every move of round 2.
    expect([session.round, session.turn]).toEqual([3, 0]);
    expect(session.events.at(-1)).toEqual({ type: "scripted", round: 3, change: { kind: "batna", party: 1, batna: 45 }, message: ANOTHER_HOSPITAL });
    expect(session.model.batnas[1]).toBe(45);
    expect(session.model.batnas[0]).toBe(38);
    expect(session.scenario.parties[1].batna).toBe(45);
    expect(session.model.weights).toEqual(compileScenario(BASE).weights);

    const trustBefore = session.trustIn(1, 0);
    driver.play(0, { type: "reject" });
    expect([session.round, session.turn]).toEqual([4, 0]);
    expect(session.events.slice(-2).map((event) => event.type === "scripted" && event.change.kind)).toEqual(["priority", "trust"]);
    // The recompiled model is the changed scenario's, BATNA change included.
    const changed = compileScenario(changedScenario());
    expect(session.model.weights).toEqual(changed.weights);
    expect(session.model.contributions).toEqual(changed.contributions);
    expect(Array.from(session.model.batnas)).toEqual([38, 45]);
    expect(session.trustIn(1, 0)).toBe(trustBefore - 10);
    expect(session.trustLog.at(-1)).toMatchObject({ round: 4, truster: 1, trustee: 0, reason: "scripted", delta: -10 });
  });

  test("in a run between scripted partners, each change sits between the last move of the previous round and the first of its own", () => {
    const run = runStyles(CHANGING, ["boulware", "logroller"], "run");
    const events = run.session.events;
    const scripted = scriptedEvents(events);
    expect(scripted.map((s) => [s.round, s.change.kind])).toEqual([
      [1, "trust"],
      [3, "batna"],
      [4, "priority"],
      [4, "trust"],
    ]);
    for (const { index, round } of scripted) {
      for (const event of events.slice(0, index)) if (event.type === "move") expect(event.round).toBeLessThan(round);
      for (const event of events.slice(index + 1)) expect(event.round).toBeGreaterThanOrEqual(round);
    }
    // And the session's model changes exactly there.
    const batnas: number[] = [];
    walk(run.scenario, run.config, events, (session) => batnas.push(session.model.batnas[1]));
    const batnaIndex = scripted[1].index;
    expect(batnas.slice(0, batnaIndex + 1).every((b) => b === 28)).toBe(true);
    expect(batnas.slice(batnaIndex + 1).every((b) => b === 45)).toBe(true);
  });

  test("a partner whose BATNA rose accepts nothing that does not beat the new one", () => {
    let later = 0;
    for (const other of PARTNER_STYLES) {
      for (const seed of ["b0", "b1", "b2"]) {
        const run = runStyles(CHANGING, [other.id, "logroller"], seed);
        walk(run.scenario, run.config, run.session.events, (session, event) => {
          if (event.type !== "move" || event.actor !== 1 || event.move.type !== "accept") return;
          const pkg = acceptedPackage(session, event.move)!;
          const floor = session.round >= 3 ? 45 : 28;
          expect(session.model.batnas[1]).toBe(floor);
          expect(session.utility(1, pkg), `${other.id}, ${seed}, round ${session.round}`).toBeGreaterThan(floor);
          if (session.round >= 3) later++;
        });
      }
    }
    expect(later).toBeGreaterThan(0);
  });

  test("a scripted loss of trust makes the partner walk away on its next turn", () => {
    const scenario = withPartner({ style: "conceder", events: [{ round: 3, trust: -45 }] }, "rivierland");
    const run = runStyles(scenario, ["conceder", "linear"], "walk");
    expect(run.session.outcome).toEqual({ kind: "walk-away", by: 0, round: 3 });
    const last = run.session.events.slice(-2);
    expect(last[0]).toMatchObject({ type: "scripted", round: 3, change: { kind: "trust", party: 0, towards: 1, delta: -45 } });
    expect(last[1]).toMatchObject({ type: "move", round: 3, actor: 0, move: { type: "walk-away" } });
    // Without the event the same pair does not walk away in round 3.
    const calm = runStyles(BASE, ["conceder", "linear"], "walk");
    expect(calm.session.outcome).not.toEqual({ kind: "walk-away", by: 0, round: 3 });
  });

  test("changes scripted for rounds after the end never happen", () => {
    const scenario = withPartner({ style: "hardliner", events: [{ round: 9, batna: 10 }, { round: 40, trust: -50 }] });
    const run = runStyles(scenario, ["hardliner", "hardliner"], "late");
    expect(run.config.scripted).toHaveLength(2);
    expect(run.session.outcome?.round).toBeLessThanOrEqual(8);
    expect(scriptedEvents(run.session.events)).toEqual([]);
    expect(run.session.model.batnas[1]).toBe(28);
  });
});

describe("a scenario of one issue", () => {
  test("a win-win partner discloses that issue once, and the negotiation runs to its end", () => {
    const scenario = buildScenario([3], [
      { weights: [1], values: [[12, 0, 2]], batna: 0 },
      { weights: [1], values: [[0, 0, 100]], batna: 0 },
      { weights: [0.05], values: [[100, 0, 0]], batna: 0 },
    ]);
    const participants = scenario.parties.map((_, p) => ({ style: p === 0 ? "logroller" : "boulware" }));
    const driver = new NegotiationDriver(scenario, sessionConfig({ scenario, participants, seed: "one" }));
    expect(driver.run()).toBeDefined();
    const disclosures = driver.session.events.filter((event) => event.type === "move" && event.move.type === "disclose");
    expect(disclosures).toHaveLength(1);
  });
});
