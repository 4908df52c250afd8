/**
 * Determinism and replay (docs/negotiation.md, "Transcript" and "Randomness"): partner p
 * draws only from seedrandom("<seed>/<p>"), so the same seed gives the same transcript;
 * the session draws nothing, so replaying a transcript's events on a fresh session
 * reproduces its state exactly.
 */
import { describe, expect, test } from "vitest";
import { sessionConfig } from "../../src/negotiation/driver.js";
import { PARTNER_STYLES } from "../../src/negotiation/partners/registry.js";
import type { SessionEvent } from "../../src/negotiation/protocol.js";
import { type Session, replay } from "../../src/negotiation/session.js";
import { SINGLE_BUILTIN_IDS, builtin, runStyles } from "./support.js";

const STYLE_IDS = PARTNER_STYLES.map((style) => style.id);
const PAIRS = STYLE_IDS.flatMap((a) => STYLE_IDS.map((b) => [a, b] as const));

/** Everything replay promises to reproduce, as plain data. */
function state(session: Session) {
  return {
    outcome: session.outcome,
    round: session.round,
    turn: session.turn,
    trust: Array.from(session.trust),
    settled: Array.from(session.settled),
    standing: session.standing && { ...session.standing, acceptedBy: [...session.standing.acceptedBy].sort() },
    lastOffers: session.lastOffers,
    pendingQuestions: session.pendingQuestions,
    trustLog: session.trustLog,
    batnas: Array.from(session.model.batnas),
    weights: Array.from(session.model.weights),
  };
}

test("there are ten registered styles, random the only stochastic one", () => {
  expect(STYLE_IDS).toHaveLength(10);
  expect(new Set(STYLE_IDS).size).toBe(10);
  expect(PARTNER_STYLES.filter((style) => !style.deterministic).map((style) => style.id)).toEqual(["random"]);
});

describe("the same seed gives the same transcript", () => {
  test.each(["hospital-it-platform", "rd-consortium"])("for every ordered pair of styles on %s", (id) => {
    const scenario = builtin(id);
    for (const pair of PAIRS) {
      const first = runStyles(scenario, pair, "same-seed");
      const second = runStyles(scenario, pair, "same-seed");
      expect(second.session.events, pair.join(" vs ")).toEqual(first.session.events);
      expect(second.session.outcome).toEqual(first.session.outcome);
      expect(Array.from(second.session.trust)).toEqual(Array.from(first.session.trust));
    }
  });

  test("including the random style against itself, on every built-in scenario and many seeds", () => {
    for (const id of SINGLE_BUILTIN_IDS) {
      for (let k = 0; k < 10; k++) {
        const first = runStyles(builtin(id), ["random"], `seed-${k}`);
        const second = runStyles(builtin(id), ["random"], `seed-${k}`);
        expect(second.session.events).toEqual(first.session.events);
      }
    }
  });

  test("a transcript survives a JSON round trip (events are plain data)", () => {
    const run = runStyles(builtin("housing-care"), ["meso", "anchor-and-bluff", "random"], "json");
    expect(JSON.parse(JSON.stringify(run.session.events))).toEqual(run.session.events);
  });
});

describe("seeds matter only where chance does", () => {
  test("a different seed changes the random style's transcript", () => {
    for (const id of SINGLE_BUILTIN_IDS) {
      const scenario = builtin(id);
      const transcripts = new Set<string>();
      for (const seed of ["alpha", "beta", "gamma"]) transcripts.add(JSON.stringify(runStyles(scenario, ["random"], seed).session.events));
      // Three seeds, at least two different transcripts on every scenario.
      expect(transcripts.size, id).toBeGreaterThan(1);
    }
    const one = runStyles(builtin("hospital-it-platform"), ["random", "linear"], "alpha").session.events;
    const other = runStyles(builtin("hospital-it-platform"), ["random", "linear"], "beta").session.events;
    expect(other).not.toEqual(one);
  });

  test("deterministic styles give the same transcript whatever the seed", () => {
    const scenario = builtin("sustainable-supply");
    for (const style of PARTNER_STYLES.filter((s) => s.deterministic)) {
      const pair = [style.id, "logroller"];
      const one = runStyles(scenario, pair, "one").session.events;
      expect(runStyles(scenario, pair, "two").session.events, style.id).toEqual(one);
    }
  });
});

describe("replay(scenario, config, events) reproduces the final state", () => {
  test.each(SINGLE_BUILTIN_IDS)("of every pair of styles on %s", (id) => {
    const scenario = builtin(id);
    for (const pair of PAIRS) {
      const run = runStyles(scenario, pair, "replay");
      const replayed = replay(scenario, run.config, run.session.events);
      expect(state(replayed), pair.join(" vs ")).toEqual(state(run.session));
      expect(replayed.events).toEqual(run.session.events);
    }
  });

  test("of a run with scripted events, from a JSON copy of the transcript", () => {
    const base = builtin("hospital-it-platform");
    const scenario = {
      ...base,
      partners: {
        duinzicht: {
          style: "logroller",
          events: [
            { round: 2, batna: 40 },
            { round: 3, priority: { issue: "go-live", weight: 40 }, trust: -10 },
          ],
        },
      },
    };
    const config = sessionConfig({ scenario, participants: [{ style: "boulware" }, { style: "logroller" }], seed: "scripted" });
    expect(config.scripted).toHaveLength(3);
    const run = runStyles(scenario, ["boulware", "logroller"], "scripted");
    expect(run.session.events.filter((event) => event.type === "scripted")).toHaveLength(3);
    const events = JSON.parse(JSON.stringify(run.session.events)) as SessionEvent[];
    expect(state(replay(scenario, run.config, events))).toEqual(state(run.session));
  });

  test("of every prefix of a transcript, replayed again from scratch", () => {
    // Replaying is a pure function of the events: replaying a prefix twice gives the same state,
    // and applying the rest continues where the prefix ended.
    const scenario = builtin("rd-consortium");
    const run = runStyles(scenario, ["reciprocator", "meso", "conceder"], "prefix");
    const events = run.session.events;
    for (let cut = 0; cut <= events.length; cut += Math.max(1, Math.floor(events.length / 7))) {
      const prefix = replay(scenario, run.config, events.slice(0, cut));
      expect(state(prefix)).toEqual(state(replay(scenario, run.config, events.slice(0, cut))));
      for (const event of events.slice(cut)) prefix.apply(event);
      expect(state(prefix)).toEqual(state(run.session));
    }
  });
});
