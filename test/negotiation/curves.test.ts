/** The reciprocal curve: it concedes, in its own utility, what the others' offers came towards it, plus goodwill. */
import { describe, expect, test } from "vitest";
import { ReciprocalCurve } from "../../src/negotiation/partners/curves.js";
import type { PartnerContext, PartnerParams } from "../../src/negotiation/partners/types.js";
import { LAB, humanSession, labPackage } from "./support.js";

const PARAMS: PartnerParams = {
  aspiration: 90,
  reservation: 30,
  concession: 1,
  discloseThreshold: 50,
  walkAwayThreshold: 0,
  honesty: 1,
  initialTrust: 50,
};

/** LAB between two humans; party 1's curve is read as a reciprocator's would be. */
function setUp() {
  const session = humanSession(LAB, { deadlineRounds: 10 });
  const context: PartnerContext = { session, self: 1, params: PARAMS, random: () => 0 };
  return { session, context };
}

describe("ReciprocalCurve", () => {
  test("aims at its aspiration until the others move, then gives back what they gave, plus 3 % of its range per round", () => {
    const { session, context } = setUp();
    const curve = new ReciprocalCurve();
    expect(curve.target(context)).toBe(90);
    session.move(0, { type: "offer", package: labPackage(20) });
    expect(curve.target(context)).toBe(90);
    session.move(1, { type: "offer", package: labPackage(90) });
    // Round 2: party 0 comes 25 points towards party 1 (20 → 45); goodwill 0.03 × 100 × 1.
    session.move(0, { type: "offer", package: labPackage(45) });
    expect(curve.target(context)).toBe(90 - 25 - 3);
    session.move(1, { type: "offer", package: labPackage(80) });
    // Round 3: a step back by party 0 takes nothing back (the best offer counts); goodwill 6.
    session.move(0, { type: "offer", package: labPackage(30) });
    expect(curve.target(context)).toBe(90 - 25 - 6);
    // A curve that reads the whole log at once agrees with the one that read it turn by turn.
    expect(new ReciprocalCurve().target(context)).toBe(curve.target(context));
  });

  test("never below its reservation", () => {
    const { session, context } = setUp();
    const curve = new ReciprocalCurve();
    session.move(0, { type: "offer", package: labPackage(0) });
    session.move(1, { type: "offer", package: labPackage(90) });
    session.move(0, { type: "offer", package: labPackage(100) });
    expect(curve.target(context)).toBe(30);
  });

  test("values the offers again when a scripted event changes what they are worth to it", () => {
    const { session, context } = setUp();
    const curve = new ReciprocalCurve();
    session.move(0, { type: "offer", package: labPackage(20) });
    session.move(1, { type: "offer", package: labPackage(90) });
    session.move(0, { type: "offer", package: labPackage(45) });
    const before = curve.target(context);
    // Party 1 now cares three times as much about the price, where party 0 made its concession.
    session.apply({ type: "scripted", round: session.round, change: { kind: "priority", party: 1, issue: 0, weight: 6 } });
    const after = curve.target(context);
    expect(after).not.toBe(before);
    expect(after).toBe(new ReciprocalCurve().target(context));
  });
});
