/** Tip 4 at the table: hidden terms off the table until revealed, and post-settlement settlements. */
import { describe, expect, test } from "vitest";
import { computeFrontier } from "../../src/engine/frontier.js";
import { isAvailable, packageUtility } from "../../src/engine/model.js";
import { NegotiationDriver, sessionConfig } from "../../src/negotiation/driver.js";
import { hiddenTerms } from "../../src/negotiation/hidden-terms.js";
import { ProtocolError, Session, replay } from "../../src/negotiation/session.js";
import { answerText } from "../../src/negotiation/wording.js";
import type { Scenario } from "../../src/scenario/schema.js";
import { humanConfig, humanSession, labScenario } from "./support.js";

/** Two parties, three issues: i1's option o2 is held by p1 (brought out by "what else?"), i2 is held by p0 (unasked from trust 60). */
function hiddenLab(): Scenario {
  const base = labScenario(
    [2, 3, 2],
    [
      { weights: [2, 1, 1], values: [[100, 0], [0, 40, 100], [0, 100]], batna: 20 },
      { weights: [2, 1, 1], values: [[0, 100], [100, 40, 80], [0, 100]], batna: 20 },
    ],
  );
  const issues = base.issues.map((issue, i) => {
    if (i === 1) return { ...issue, options: issue.options.map((option, o) => (o === 2 ? { ...option, hidden: { holder: "p1" } } : option)) };
    if (i === 2) return { ...issue, hidden: { holder: "p0", trust: 60 } };
    return issue;
  });
  return { ...base, issues };
}

const refusal = (act: () => void) => {
  try {
    act();
  } catch (error) {
    if (error instanceof ProtocolError) return error.code;
    throw error;
  }
  return null;
};

describe("hidden terms", () => {
  test("are listed issue by issue, a hidden issue before its options", () => {
    expect(hiddenTerms(hiddenLab())).toEqual([
      { issue: 1, option: 2, holder: 1, questions: ["what-else"] },
      { issue: 2, holder: 0, questions: ["what-else"], trust: 60 },
    ]);
  });

  test("are off the table until revealed: offers that use them are refused, the frontier leaves them out", () => {
    const session = humanSession(hiddenLab());
    expect(isAvailable(session.model, 1, 2)).toBe(false);
    expect([0, 1].map((o) => isAvailable(session.model, 2, o))).toEqual([true, false]);
    expect(refusal(() => session.move(0, { type: "offer", package: [0, 2, 0] }))).toBe("hidden-option");
    expect(refusal(() => session.move(0, { type: "offer", package: [0, 1, 1] }))).toBe("hidden-option");
    expect(refusal(() => session.move(0, { type: "partial-offer", issue: 2, option: 1 }))).toBe("hidden-option");
    const frontier = computeFrontier(session.model);
    for (let point = 0; point < frontier.size; point++) {
      const pkg = frontier.package(point);
      expect(pkg[1]).not.toBe(2);
      expect(pkg[2]).toBe(0);
    }
    // The full model knows more: its best joint utility is higher.
    const best = (model: typeof session.model) => {
      const f = computeFrontier(model);
      let top = -Infinity;
      for (let point = 0; point < f.size; point++) top = Math.max(top, f.utility(point, 0) + f.utility(point, 1));
      return top;
    };
    expect(best(session.fullModel)).toBeGreaterThan(best(session.model) + 1);
  });

  test("only the holder reveals a term, once; the others' trust in it rises by 4", () => {
    const session = humanSession(hiddenLab());
    expect(refusal(() => session.move(0, { type: "reveal", term: 0 }))).toBe("not-holder");
    expect(refusal(() => session.move(0, { type: "reveal", term: 7 }))).toBe("no-term");
    session.move(1, { type: "reveal", term: 0 });
    expect(session.revealed).toEqual([true, false]);
    expect(session.trustIn(0, 1)).toBe(54);
    expect(isAvailable(session.model, 1, 2)).toBe(true);
    expect(refusal(() => session.move(1, { type: "reveal", term: 0 }))).toBe("revealed-already");
    session.move(0, { type: "offer", package: [0, 2, 0] });
    expect(session.standing?.packages).toEqual([[0, 2, 0]]);
  });

  test('"what else could we include?" answered by the holder puts its terms on the table, and replays', () => {
    const scenario = hiddenLab();
    const session = humanSession(scenario);
    session.move(0, { type: "ask", to: 1, question: { kind: "what-else" } });
    session.move(1, { type: "answer", to: 0, question: { kind: "what-else" }, answer: { kind: "what-else", terms: [0] }, honesty: "truthful" });
    expect(session.revealed).toEqual([true, false]);
    expect(answerText(scenario, { kind: "what-else", terms: [0] }, "en")).toBe("We could also include: Issue 1: Option 2.");
    expect(answerText(scenario, { kind: "what-else", terms: [1] }, "nl")).toBe("We zouden er ook dit bij kunnen betrekken: Issue 2.");
    const again = replay(scenario, session.config, session.events);
    expect(again.revealed).toEqual([true, false]);
    expect(again.trustLog).toEqual(session.trustLog);
  });

  test("a term named in an answer must be the answerer's", () => {
    const session = humanSession(hiddenLab());
    session.move(0, { type: "ask", to: 1, question: { kind: "what-else" } });
    expect(refusal(() => session.move(1, { type: "answer", to: 0, question: { kind: "what-else" }, answer: { kind: "what-else", terms: [1] }, honesty: "truthful" }))).toBe("not-holder");
    // The refused answer left the question pending.
    expect(session.pendingQuestions).toHaveLength(1);
  });

  test("a scripted holder reveals when asked what else, and unasked once its trust is high enough", () => {
    const scenario = hiddenLab();
    const config = { ...sessionConfig({ scenario, participants: [{ style: "human" }, { style: "logroller" }], seed: "h" }) };
    const driver = new NegotiationDriver(scenario, config);
    driver.play(0, { type: "ask", to: 1, question: { kind: "what-else" } });
    expect(driver.session.revealed[0]).toBe(true);
    // p0's term opens at trust 60 for a scripted p0: a session where p0 is scripted and trusts at 65.
    const trusting = { ...sessionConfig({ scenario, participants: [{ style: "logroller" }, { style: "human" }], seed: "h" }), trust: [100, 65, 65, 100] };
    const second = new NegotiationDriver(scenario, trusting);
    second.advance();
    expect(second.session.revealed[1]).toBe(true);
    const distrusting = new NegotiationDriver(scenario, { ...trusting, trust: [100, 55, 55, 100] });
    distrusting.advance();
    expect(distrusting.session.revealed[1]).toBe(false);
  });
});

describe("post-settlement settlements", () => {
  const scenario = hiddenLab();
  const settled = (rounds: number) => {
    const session = new Session(scenario, { ...humanConfig(scenario), postSettlementRounds: rounds });
    session.move(0, { type: "offer", package: [0, 0, 0] });
    session.move(1, { type: "accept" });
    return session;
  };

  test("without post-settlement rounds an agreement ends the session as before", () => {
    const session = settled(0);
    expect(session.outcome).toEqual({ kind: "agreement", package: [0, 0, 0], round: 1 });
  });

  test("an agreement stands as the fallback; a package all accept replaces it", () => {
    const session = settled(2);
    expect(session.ended).toBe(false);
    expect(session.agreed).toEqual([0, 0, 0]);
    expect(refusal(() => session.move(0, { type: "walk-away" }))).toBe("post-settlement-move");
    expect(refusal(() => session.move(0, { type: "partial-offer", issue: 0, option: 1 }))).toBe("post-settlement-move");
    session.move(0, { type: "offer", package: [0, 1, 0] });
    session.move(1, { type: "accept" });
    expect(session.outcome).toEqual({ kind: "agreement", package: [0, 1, 0], round: 2, improvedFrom: [0, 0, 0] });
  });

  test("keeping it on both sides, or running out of rounds, ends with the agreement as it was", () => {
    const kept = settled(2);
    kept.move(0, { type: "keep" });
    kept.move(1, { type: "keep" });
    expect(kept.outcome).toEqual({ kind: "agreement", package: [0, 0, 0], round: 1 });
    const expired = settled(1);
    expired.move(0, { type: "offer", package: [1, 1, 0] });
    expired.move(1, { type: "reject" });
    expect(expired.outcome).toEqual({ kind: "agreement", package: [0, 0, 0], round: 1 });
  });

  test("keep needs an agreement", () => {
    const session = new Session(scenario, { ...humanConfig(scenario), postSettlementRounds: 2 });
    expect(refusal(() => session.move(0, { type: "keep" }))).toBe("nothing-to-keep");
  });

  /** p1 values i0 only; i1, held by p0 and hidden, gives p1 2 points (o1) or 10 points (o2), and p0 50 either way. */
  const improvable = (): Scenario => {
    const base = labScenario(
      [2, 3],
      [
        { weights: [1, 1], values: [[100, 0], [0, 100, 100]], batna: 0 },
        { weights: [1, 1], values: [[0, 100], [0, 4, 20]], batna: 0 },
      ],
    );
    return { ...base, issues: [base.issues[0], { ...base.issues[1], hidden: { holder: "p0" } }] };
  };

  /** The trainee (p0) accepts p1's opening, reveals i1 after the agreement and proposes `better`. */
  const proposeAfterAgreement = (style: string, better: number[]) => {
    const scenario = improvable();
    const config = { ...sessionConfig({ scenario, participants: [{ style: "human" }, { style }], seed: "p" }), postSettlementRounds: 2 };
    const driver = new NegotiationDriver(scenario, config);
    driver.play(0, { type: "offer", package: [0, 0] });
    expect(driver.session.standing?.packages).toEqual([[1, 0]]);
    driver.play(0, { type: "accept" });
    expect(driver.session.agreed).toEqual([1, 0]);
    expect(driver.session.ended).toBe(false);
    driver.play(0, { type: "reveal", term: 0 });
    driver.play(0, { type: "offer", package: better });
    return driver.session;
  };

  test("a win-win partner accepts a package better for itself (+2 points), a win-lose one only a clear gain (+10, not +2)", () => {
    expect(proposeAfterAgreement("logroller", [1, 1]).outcome).toEqual({ kind: "agreement", package: [1, 1], round: 3, improvedFrom: [1, 0] });
    expect(proposeAfterAgreement("hardliner", [1, 2]).outcome).toEqual({ kind: "agreement", package: [1, 2], round: 3, improvedFrom: [1, 0] });
    const refused = proposeAfterAgreement("hardliner", [1, 1]);
    expect(refused.events.at(-1)).toMatchObject({ actor: 1, move: { type: "reject" } });
    expect(refused.agreed).toEqual([1, 0]);
  });

  test("a package worse for the partner is refused by every style; keeping then ends it with the agreement", () => {
    for (const style of ["logroller", "hardliner", "conceder"]) {
      const session = proposeAfterAgreement(style, [0, 2]);
      expect(session.events.at(-1)).toMatchObject({ actor: 1, move: { type: "reject" } });
    }
  });

  test("the agreement stays once both sides are content: one side's keep leaves the other free to propose", () => {
    const session = settled(2);
    session.move(0, { type: "keep" });
    expect(session.ended).toBe(false);
    session.move(1, { type: "offer", package: [0, 1, 0] });
    session.move(0, { type: "keep" });
    expect(session.ended).toBe(false);
    session.move(1, { type: "keep" });
    expect(session.outcome).toEqual({ kind: "agreement", package: [0, 0, 0], round: 1 });
  });
});
