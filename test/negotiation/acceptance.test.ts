/**
 * When scripted partners accept, checked on every accept move of many runs: no partner
 * accepts a package that does not beat its BATNA; boulware accepts nothing below its
 * concession curve except, as acceptance.ts documents, down to its floor on its very last
 * turn; take-it-or-leave-it repeats one package and accepts nothing below it.
 */
import { describe, expect, test } from "vitest";
import { utilityBounds } from "../../src/engine/model.js";
import { resolveParams } from "../../src/negotiation/partners/params.js";
import { PARTNER_STYLES, findStyle } from "../../src/negotiation/partners/registry.js";
import type { PartnerParams } from "../../src/negotiation/partners/types.js";
import type { PackageArray } from "../../src/negotiation/protocol.js";
import type { Session } from "../../src/negotiation/session.js";
import { SINGLE_BUILTIN_IDS, type Run, acceptedPackage, builtin, runStyles, walk } from "./support.js";

const STYLE_IDS = PARTNER_STYLES.map((style) => style.id);

interface AcceptSeen {
  readonly run: Run;
  readonly actor: number;
  readonly style: string;
  /** The session just before the accept (its time, model and standing offer as the acceptor saw them). */
  readonly round: number;
  readonly time: number;
  readonly turn: number;
  readonly batna: number;
  readonly params: PartnerParams;
  readonly package: PackageArray;
  readonly utility: number;
}

/** Every accept of a full package in a run, with what the acceptor saw. */
function acceptsOf(run: Run): AcceptSeen[] {
  const seen: AcceptSeen[] = [];
  walk(run.scenario, run.config, run.session.events, (session: Session, event) => {
    if (event.type !== "move" || event.move.type !== "accept") return;
    const pkg = acceptedPackage(session, event.move);
    if (!pkg) return;
    const participant = run.config.participants[event.actor];
    seen.push({
      run,
      actor: event.actor,
      style: participant.style,
      round: session.round,
      time: session.time,
      turn: session.turn,
      batna: session.model.batnas[event.actor],
      params: resolveParams(session, event.actor, findStyle(participant.style)!, participant.params),
      package: pkg,
      utility: session.utility(event.actor, pkg),
    });
  });
  return seen;
}

/** Seeds per pairing: one for deterministic pairs, several where the random style plays. */
function seedsFor(pair: readonly string[], count: number): string[] {
  const stochastic = pair.some((id) => !findStyle(id)!.deterministic);
  return Array.from({ length: stochastic ? count : 1 }, (_, k) => `accept-${k}`);
}

/** u(t) = Pmin + (Pmax − Pmin)(1 − t^(1/e)), with Pmin its floor (reservation, never below the BATNA) capped at Pmax. */
function curve(params: PartnerParams, batna: number, time: number): number {
  const high = params.aspiration;
  const low = Math.min(Math.max(params.reservation, batna), high);
  return low + (high - low) * (1 - Math.pow(time, 1 / params.concession));
}

const describeRun = (a: AcceptSeen) =>
  `${a.run.scenario.id}, ${a.run.config.participants.map((p) => p.style).join(" / ")}, seed ${a.run.config.seed}: ` +
  `party ${a.actor} (${a.style}) accepted ${JSON.stringify(a.package)} worth ${a.utility} in round ${a.round} (t = ${a.time.toFixed(3)})`;

describe("no partner ever accepts below its BATNA", () => {
  test.each(SINGLE_BUILTIN_IDS)("every accept of every style pair on %s beats the acceptor's BATNA", (id) => {
    const scenario = builtin(id);
    let accepts = 0;
    for (const a of STYLE_IDS) {
      for (const b of STYLE_IDS) {
        for (const seed of seedsFor([a, b], 6)) {
          for (const seen of acceptsOf(runStyles(scenario, [a, b], seed))) {
            accepts++;
            expect(seen.utility, describeRun(seen)).toBeGreaterThan(seen.batna);
          }
        }
      }
    }
    expect(accepts).toBeGreaterThan(20); // the property was exercised
  });

  test("nor on a shorter or longer deadline, against three different styles at once", () => {
    const scenario = builtin("housing-care");
    let accepts = 0;
    for (const deadline of [2, 4, 20]) {
      for (let k = 0; k < STYLE_IDS.length; k++) {
        const trio = [STYLE_IDS[k], STYLE_IDS[(k + 3) % STYLE_IDS.length], STYLE_IDS[(k + 7) % STYLE_IDS.length]];
        for (const seed of seedsFor(trio, 3)) {
          for (const seen of acceptsOf(runStyles(scenario, trio, seed, deadline))) {
            accepts++;
            expect(seen.utility, describeRun(seen)).toBeGreaterThan(seen.batna);
          }
        }
      }
    }
    expect(accepts).toBeGreaterThan(5);
  });
});

describe("boulware", () => {
  /** Every accept by a boulware, against every style in either seat, on every built-in scenario and several seeds. */
  function boulwareAccepts(): AcceptSeen[] {
    const all: AcceptSeen[] = [];
    for (const id of SINGLE_BUILTIN_IDS) {
      for (const other of STYLE_IDS) {
        for (const pair of [
          ["boulware", other],
          [other, "boulware"],
        ]) {
          for (const seed of seedsFor(pair, 5)) {
            for (const seen of acceptsOf(runStyles(builtin(id), pair, seed))) if (seen.style === "boulware") all.push(seen);
          }
        }
      }
    }
    return all;
  }
  const accepts = boulwareAccepts();
  const isLastTurn = (a: AcceptSeen) => a.round === a.run.config.deadlineRounds;

  test("its resolved parameters are the style's: e = 0.2, aspiration its best, reservation BATNA + 2 % of its surplus", () => {
    expect(accepts.length).toBeGreaterThan(50);
    for (const a of accepts) {
      const model = a.run.session.model;
      const best = utilityBounds(model)[2 * a.actor + 1];
      expect(a.params.concession).toBe(0.2);
      expect(a.params.aspiration).toBe(best);
      expect(a.params.reservation).toBeCloseTo(a.batna + 0.02 * (best - a.batna), 9);
    }
  });

  test("never accepts an offer worth less to it than its curve u(t), except on its very last turn", () => {
    for (const a of accepts.filter((seen) => !isLastTurn(seen))) {
      expect(a.utility, describeRun(a)).toBeGreaterThanOrEqual(curve(a.params, a.batna, a.time) - 1e-9);
    }
    expect(accepts.filter((seen) => !isLastTurn(seen)).length).toBeGreaterThan(10);
  });

  test("on its very last turn it accepts nothing below its floor (the last-turn rule of acceptance.ts)", () => {
    for (const a of accepts.filter(isLastTurn)) {
      expect(a.turn).toBe(a.actor);
      expect(a.utility, describeRun(a)).toBeGreaterThanOrEqual(Math.max(a.params.reservation, a.batna) - 1e-9);
    }
  });

  test("the last-turn rule does let it accept below its curve (documented exception to 'never below its curve')", () => {
    // Not a failure of the code as documented (acceptance.ts and docs/negotiation.md both say
    // "on its last turn, anything above its floor"), but it means the strict property "boulware never
    // accepts below its curve" does not hold. The exception is real (it happens), and every accept below
    // the curve is on its very last turn and still at or above its floor.
    const below = accepts.filter((a) => a.utility < curve(a.params, a.batna, a.time) - 1e-9);
    expect(below.length).toBeGreaterThan(0);
    for (const a of below) {
      expect(isLastTurn(a), describeRun(a)).toBe(true);
      expect(a.utility, describeRun(a)).toBeGreaterThanOrEqual(Math.max(a.params.reservation, a.batna) - 1e-9);
    }
    // Example: hospital-it-platform, boulware (party 0) against anchor-and-bluff, round 8 of 8, t = 0.875:
    // u(t) = 67.84 and its floor is 39.2; it accepts a package worth less than u(t) (53 points at the
    // time of writing; the exact package depends on how anchor-and-bluff bids).
    const example = below.find((a) => a.run.scenario.id === "hospital-it-platform" && a.actor === 0 && a.run.config.participants[1].style === "anchor-and-bluff");
    expect(example).toBeDefined();
    expect([example!.round, example!.run.config.deadlineRounds, example!.time]).toEqual([8, 8, 0.875]);
    expect(curve(example!.params, example!.batna, example!.time)).toBeCloseTo(67.84, 2);
    expect(example!.utility).toBeLessThan(67.84);
    expect(example!.utility).toBeGreaterThanOrEqual(39.2);
  });
});

describe("take-it-or-leave-it", () => {
  interface TakeItSeen {
    readonly run: Run;
    readonly party: number;
    /** Its action moves (offers, accepts, walk-aways…), in order. */
    readonly actions: string[];
    readonly offers: PackageArray[];
    readonly accepts: AcceptSeen[];
  }

  /** Every take-it-or-leave-it seat of runs against every style, in both seats, on every built-in scenario. */
  const seats: TakeItSeen[] = [];
  for (const id of SINGLE_BUILTIN_IDS) {
    for (const other of STYLE_IDS) {
      for (const pair of [
        ["take-it-or-leave-it", other],
        [other, "take-it-or-leave-it"],
      ]) {
        for (const seed of seedsFor(pair, 3)) {
          const run = runStyles(builtin(id), pair, seed);
          const accepts = acceptsOf(run);
          run.config.participants.forEach((participant, party) => {
            if (participant.style !== "take-it-or-leave-it") return;
            const moves = run.session.events.flatMap((event) => (event.type === "move" && event.actor === party ? [event.move] : []));
            const actions = moves.filter((move) => !["ask", "answer", "disclose"].includes(move.type));
            seats.push({
              run,
              party,
              actions: actions.map((move) => move.type),
              offers: actions.flatMap((move) => (move.type === "offer" ? [move.package] : [])),
              accepts: accepts.filter((seen) => seen.actor === party),
            });
          });
        }
      }
    }
  }
  const label = (seat: TakeItSeen) => `${seat.run.scenario.id}, ${seat.run.config.participants.map((p) => p.style).join(" / ")}, party ${seat.party}`;

  test("repeats the same package every turn it does not accept", () => {
    let repeated = 0;
    for (const seat of seats) {
      // Each turn it makes its one offer again or accepts (or walks away): no MESO, no terms, no rejections.
      for (const action of seat.actions) expect(["offer", "accept", "walk-away"], label(seat)).toContain(action);
      for (const pkg of seat.offers) expect(pkg, label(seat)).toEqual(seat.offers[0]);
      if (seat.offers.length > 1) repeated++;
    }
    expect(repeated).toBeGreaterThan(20);
  });

  test("its one offer is worth at least 60 % of its surplus over its BATNA, and it accepts nothing below that target", () => {
    for (const seat of seats) {
      const session = seat.run.session;
      const params = resolveParams(session, seat.party, findStyle("take-it-or-leave-it")!);
      const target = Math.max(params.aspiration, params.reservation, session.model.batnas[seat.party]);
      const batna = session.model.batnas[seat.party];
      expect(params.aspiration).toBeCloseTo(batna + 0.6 * (utilityBounds(session.model)[2 * seat.party + 1] - batna), 9);
      for (const pkg of seat.offers) expect(session.utility(seat.party, pkg), label(seat)).toBeGreaterThanOrEqual(target - 1e-9);
      for (const seen of seat.accepts) expect(seen.utility, describeRun(seen)).toBeGreaterThanOrEqual(target - 1e-9);
    }
  });

  // The style promises "accepts nothing less" than its one firm offer (registry description), and
  // docs/negotiation.md calls strict acceptance "its own terms or better": it compares with what its own
  // offer gives it, which the bid ladder may round up above its target (on housing-care, for instance,
  // its offer is worth about 77 points to it while its target is 72.2).
  test("accepts nothing worth less to it than its own firm offer ('its own terms or better')", () => {
    for (const seat of seats) {
      if (seat.offers.length === 0) continue; // it accepted on every turn and never offered
      const own = seat.run.session.utility(seat.party, seat.offers[0]);
      for (const seen of seat.accepts) expect(seen.utility, `${describeRun(seen)}; its own offer is worth ${own}`).toBeGreaterThanOrEqual(own - 1e-9);
    }
  });
});
