/**
 * Helpers for the negotiation tests: built-in scenarios (loaded once), small hand-built
 * scenarios with exactly representable utilities, sessions for humans, runs between
 * scripted partners, and a replay that lets a test look at the session before every event.
 */
import { type CompiledScenario, compileScenario, packageUtility } from "../../src/engine/model.js";
import { HUMAN, NegotiationDriver, sessionConfig } from "../../src/negotiation/driver.js";
import type { Move, PackageArray, ParticipantConfig, SessionConfig, SessionEvent } from "../../src/negotiation/protocol.js";
import { Session } from "../../src/negotiation/session.js";
import { builtinScenarioIds, resolveScenarioPath } from "../../src/scenario/builtin.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { type Scenario, ScenarioSchema } from "../../src/scenario/schema.js";

// ---------------------------------------------------------------------------------------------
// Built-in scenarios

const loaded = new Map<string, Scenario>();

export function builtin(id: string): Scenario {
  let scenario = loaded.get(id);
  if (!scenario) {
    scenario = loadScenarioFile(resolveScenarioPath(id)).scenario;
    loaded.set(id, scenario);
  }
  return scenario;
}

/**
 * The built-in scenarios of a single negotiation. A partnership's phases are each one too,
 * but the partnership as a whole is played by its own run (test/partnership).
 */
export const SINGLE_BUILTIN_IDS: readonly string[] = builtinScenarioIds().filter((id) => builtin(id).partnership === undefined);

// ---------------------------------------------------------------------------------------------
// Hand-built scenarios

export interface LabParty {
  readonly weights: readonly number[];
  /** Points (0–100) per issue, per option. */
  readonly values: readonly (readonly number[])[];
  readonly batna: number;
}

/** A scenario with issues i0, i1, … (options o0, o1, …) and parties p0, p1, …, validated by the schema. */
export function labScenario(optionCounts: readonly number[], parties: readonly LabParty[], deadlineRounds = 10): Scenario {
  return ScenarioSchema.parse({
    id: "lab",
    title: "Negotiation test scenario",
    story: "Built by a test.",
    deadlineRounds,
    issues: optionCounts.map((count, i) => ({
      id: `i${i}`,
      label: `Issue ${i}`,
      options: Array.from({ length: count }, (_, o) => ({ id: `o${o}`, label: `Option ${o}` })),
    })),
    parties: parties.map((party, p) => ({
      id: `p${p}`,
      name: `Party ${p}`,
      briefing: "Test party.",
      weights: Object.fromEntries(party.weights.map((w, i) => [`i${i}`, w])),
      values: Object.fromEntries(party.values.map((values, i) => [`i${i}`, Object.fromEntries(values.map((v, o) => [`o${o}`, v]))])),
      batna: party.batna,
    })),
  });
}

/**
 * Two parties, fully opposed, with utilities that are exact binary fractions:
 *
 * - i0 ("price", weight 2 of 4): 51 options; option k gives p0 50 − k and p1 k points of utility;
 * - i1 (weight 1 of 4): p0 gets 25, 12.5, 0 for o0, o1, o2, p1 the reverse;
 * - i2 (weight 1 of 4): p0 gets 0, 12.5, 25 for o0, o1, o2, p1 the reverse.
 *
 * Both range from 0 to 100; both BATNAs are 30. Issue i0 matters most to both (half their stakes).
 */
export const LAB: Scenario = labScenario(
  [51, 3, 3],
  [
    {
      weights: [2, 1, 1],
      values: [Array.from({ length: 51 }, (_, k) => 100 - 2 * k), [100, 50, 0], [0, 50, 100]],
      batna: 30,
    },
    {
      weights: [2, 1, 1],
      values: [Array.from({ length: 51 }, (_, k) => 2 * k), [0, 50, 100], [100, 50, 0]],
      batna: 30,
    },
  ],
);

/** A LAB package giving p1 exactly `u1` points (0–100, a multiple of 0.5 reachable by the grid); p0 gets 100 − u1. */
export function labPackage(u1: number): PackageArray {
  // i1 and i2 give p1 0, 12.5 or 25 each; the rest comes from the price.
  for (let a = 0; a < 3; a++) {
    for (let b = 0; b < 3; b++) {
      const rest = u1 - 12.5 * a - 12.5 * (2 - b);
      if (Number.isInteger(rest) && rest >= 0 && rest <= 50) return [rest, a, b];
    }
  }
  throw new Error(`no LAB package gives p1 ${u1}`);
}

/** Three parties with 3 issues of 3 options, mildly opposed; used where only the protocol matters. */
export const LAB3: Scenario = labScenario(
  [3, 3, 3],
  [
    { weights: [1, 1, 1], values: [[100, 50, 0], [100, 50, 0], [0, 50, 100]], batna: 20 },
    { weights: [1, 1, 1], values: [[0, 50, 100], [100, 50, 0], [100, 50, 0]], batna: 20 },
    { weights: [1, 1, 1], values: [[50, 100, 0], [0, 50, 100], [100, 0, 50]], batna: 20 },
  ],
);

// ---------------------------------------------------------------------------------------------
// Sessions and runs

/** A session config where every party is a human (no participant ever draws a number). */
export function humanConfig(scenario: Scenario, options: { deadlineRounds?: number; initialTrust?: number[]; seed?: string } = {}): SessionConfig {
  const n = scenario.parties.length;
  return {
    scenarioId: scenario.id,
    deadlineRounds: options.deadlineRounds ?? scenario.deadlineRounds ?? 10,
    seed: options.seed ?? "test",
    participants: Array.from({ length: n }, () => ({ style: HUMAN })),
    initialTrust: options.initialTrust ?? Array.from({ length: n }, () => 50),
  };
}

export function humanSession(scenario: Scenario, options: Parameters<typeof humanConfig>[1] = {}): Session {
  return new Session(scenario, humanConfig(scenario, options));
}

/** Participants for a scenario from a list of styles, repeated cyclically (a pair on three parties: a, b, a). */
export function participantsFor(scenario: Scenario, styles: readonly (string | ParticipantConfig)[]): ParticipantConfig[] {
  return scenario.parties.map((_, p) => {
    const style = styles[p % styles.length];
    return typeof style === "string" ? { style } : style;
  });
}

export interface Run {
  readonly scenario: Scenario;
  readonly config: SessionConfig;
  readonly driver: NegotiationDriver;
  readonly session: Session;
}

/** Runs scripted partners to the end. */
export function runStyles(scenario: Scenario, styles: readonly (string | ParticipantConfig)[], seed: string, deadlineRounds?: number): Run {
  const config = sessionConfig({
    scenario,
    participants: participantsFor(scenario, styles),
    seed,
    ...(deadlineRounds === undefined ? {} : { deadlineRounds }),
  });
  const driver = new NegotiationDriver(scenario, config);
  driver.run();
  return { scenario, config, driver, session: driver.session };
}

/** A driver with scripted partners and humans, not yet advanced. */
export function driverFor(scenario: Scenario, participants: readonly ParticipantConfig[], seed = "test"): NegotiationDriver {
  return new NegotiationDriver(scenario, sessionConfig({ scenario, participants, seed }));
}

/**
 * Replays a transcript on a fresh session, calling `visit` with the session as it was just
 * before each event was applied (so a test sees the standing offer, time and model an actor saw).
 */
export function walk(
  scenario: Scenario,
  config: SessionConfig,
  events: readonly SessionEvent[],
  visit: (session: Session, event: SessionEvent, index: number) => void,
): Session {
  const session = new Session(scenario, config);
  events.forEach((event, index) => {
    visit(session, event, index);
    session.apply(event);
  });
  return session;
}

/** The package an accept move takes, read off the session before the move is applied (null for a term). */
export function acceptedPackage(session: Session, move: Extract<Move, { type: "accept" }>): PackageArray | null {
  const standing = session.standing;
  if (!standing || standing.kind === "partial") return null;
  return standing.packages[standing.chosen ?? move.choice ?? 0] as PackageArray;
}

/** Every package of the scenario (small scenarios only). */
export function allPackages(model: CompiledScenario): PackageArray[] {
  let packages: PackageArray[] = [[]];
  for (let i = 0; i < model.issueCount; i++) {
    const next: PackageArray[] = [];
    for (const prefix of packages) for (let o = 0; o < model.optionCounts[i]; o++) next.push([...prefix, o]);
    packages = next;
  }
  return packages;
}

export function utilities(model: CompiledScenario, pkg: ArrayLike<number>): number[] {
  return Array.from({ length: model.partyCount }, (_, p) => packageUtility(model, p, pkg));
}

export { compileScenario };
