/**
 * Trust (src/negotiation/trust.ts): every documented rule moves the right party's trust in
 * the right other party by the documented amount when its event happens, and only then;
 * levels stay within 0–100; scripted changes move trust too; a partner whose trust falls
 * below its walkAwayThreshold walks away on its turn.
 *
 * The LAB scenario (see support.ts) is fully opposed with exact utilities: labPackage(u)
 * gives p1 u points and p0 100 − u; both range 0–100 and have a BATNA of 30.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { HUMAN } from "../../src/negotiation/driver.js";
import type { AnswerContent, Honesty, Move, Question } from "../../src/negotiation/protocol.js";
import type { Session } from "../../src/negotiation/session.js";
import { TRUST_RULES, type TrustChange, type TrustReason, clampTrust } from "../../src/negotiation/trust.js";
import { LAB, LAB3, driverFor, humanSession, labPackage } from "./support.js";

/** The trust changes a block of moves caused. */
function changes(session: Session, act: () => void): TrustChange[] {
  const from = session.trustLog.length;
  act();
  return session.trustLog.slice(from);
}

function foundOut(log: readonly TrustChange[]): string[] {
  return reasons(log).filter((line) => line.includes("misleading-found-out"));
}

function reasons(log: readonly TrustChange[]): string[] {
  return log.map((change) => `${change.truster}->${change.trustee}:${change.reason}:${change.delta}`);
}

/** Asks `question` of `to` and has it answered at once. */
function askAndAnswer(session: Session, from: number, to: number, question: Question, answer: AnswerContent, honesty: Honesty): void {
  session.move(from, { type: "ask", to, question });
  session.move(to, { type: "answer", to: from, question, answer, honesty });
}

const offer = (u1: number): Move => ({ type: "offer", package: labPackage(u1) });
const reject: Move = { type: "reject" };

describe("the documented rule table", () => {
  test("TRUST_RULES holds exactly the amounts of the table in trust.ts's documentation", () => {
    const source = readFileSync(fileURLToPath(new URL("../../src/negotiation/trust.ts", import.meta.url)), "utf8");
    const rows = [...source.matchAll(/^ \* \| ([a-z-]+)\s*\|[^|]*\|\s*([+−-]\d+)\s*\|$/gm)];
    const documented = Object.fromEntries(rows.map(([, reason, amount]) => [reason, Number(amount.replace("−", "-"))]));
    expect(Object.keys(documented)).toHaveLength(11);
    const { scripted, ...rules } = TRUST_RULES;
    expect(scripted).toBe(0);
    expect(rules).toEqual(documented);
  });

  test("clampTrust keeps levels within 0–100", () => {
    expect([clampTrust(-5), clampTrust(0), clampTrust(42.5), clampTrust(100), clampTrust(130)]).toEqual([0, 0, 42.5, 100, 100]);
  });
});

describe("talk", () => {
  test("question-asked: the addressee's trust in the asker rises by 1", () => {
    const session = humanSession(LAB);
    const log = changes(session, () => session.move(0, { type: "ask", to: 1, question: { kind: "most-important" } }));
    expect(log).toEqual([{ round: 1, truster: 1, trustee: 0, reason: "question-asked", delta: 1, level: 51 }]);
    expect(session.trustIn(1, 0)).toBe(51);
    expect(session.trustIn(0, 1)).toBe(50);
  });

  test("truthful-answer: the asker's trust in the answerer rises by 3", () => {
    const session = humanSession(LAB);
    session.move(0, { type: "ask", to: 1, question: { kind: "alternative" } });
    const log = changes(session, () =>
      session.move(1, { type: "answer", to: 0, question: { kind: "alternative" }, answer: { kind: "alternative", points: 30 }, honesty: "truthful" }),
    );
    expect(log).toEqual([{ round: 1, truster: 0, trustee: 1, reason: "truthful-answer", delta: 3, level: 53 }]);
  });

  test("vague-answer: the asker's trust in the answerer falls by 1", () => {
    const session = humanSession(LAB);
    session.move(0, { type: "ask", to: 1, question: { kind: "most-important" } });
    const log = changes(session, () =>
      session.move(1, { type: "answer", to: 0, question: { kind: "most-important" }, answer: { kind: "vague" }, honesty: "vague" }),
    );
    expect(log).toEqual([{ round: 1, truster: 0, trustee: 1, reason: "vague-answer", delta: -1, level: 49 }]);
  });

  test("a misleading answer changes nothing until it is found out", () => {
    const session = humanSession(LAB);
    session.move(0, { type: "ask", to: 1, question: { kind: "alternative" } });
    const log = changes(session, () =>
      session.move(1, { type: "answer", to: 0, question: { kind: "alternative" }, answer: { kind: "alternative", points: 70 }, honesty: "misleading" }),
    );
    expect(log).toEqual([]);
    expect(session.trustIn(0, 1)).toBe(50);
  });

  test("truthful-disclosure: every other party's trust in the discloser rises by 4", () => {
    const session = humanSession(LAB3);
    const log = changes(session, () => session.move(0, { type: "disclose", issue: 1, importance: "high", honesty: "truthful" }));
    expect(reasons(log)).toEqual(["1->0:truthful-disclosure:4", "2->0:truthful-disclosure:4"]);
    expect([session.trustIn(1, 0), session.trustIn(2, 0), session.trustIn(1, 2), session.trustIn(0, 1)]).toEqual([54, 54, 50, 50]);
  });

  test("misleading or vague disclosures change nothing at once", () => {
    const session = humanSession(LAB3);
    const log = changes(session, () => {
      session.move(0, { type: "disclose", issue: 1, importance: "high", honesty: "misleading" });
      session.move(0, { type: "disclose", issue: 2, importance: "low", honesty: "vague" });
    });
    expect(log).toEqual([]);
  });
});

describe("offers", () => {
  test("concession: an offer giving the receiver more than one point more than the proposer's previous offer: +2", () => {
    const session = humanSession(LAB);
    session.move(0, offer(40));
    session.move(1, reject);
    // Exactly one point more is not a concession ("more" means by more than one point).
    expect(changes(session, () => session.move(0, offer(41)))).toEqual([]);
    session.move(1, reject);
    const log = changes(session, () => session.move(0, offer(42.5)));
    expect(log).toEqual([{ round: 3, truster: 1, trustee: 0, reason: "concession", delta: 2, level: 52 }]);
  });

  test("reciprocated-concession: a concession right after the receiver's own concession: +5", () => {
    const session = humanSession(LAB);
    session.move(0, offer(40)); // p1 gets 40
    session.move(1, offer(60)); // p0 gets 40
    expect(reasons(changes(session, () => session.move(0, offer(45))))).toEqual(["1->0:concession:2"]);
    expect(reasons(changes(session, () => session.move(1, offer(55))))).toEqual(["0->1:reciprocated-concession:5"]);
    expect(reasons(changes(session, () => session.move(0, offer(50))))).toEqual(["1->0:reciprocated-concession:5"]);
    // Party 1 stands firm; party 0's next concession then answers no concession of party 1's.
    expect(changes(session, () => session.move(1, offer(55)))).toEqual([]);
    expect(reasons(changes(session, () => session.move(0, offer(52))))).toEqual(["1->0:concession:2"]);
    expect([session.trustIn(0, 1), session.trustIn(1, 0)]).toEqual([55, 59]);
  });

  test("retracted-concession: an offer giving the receiver more than one point less than the previous one: −6", () => {
    const session = humanSession(LAB);
    session.move(0, offer(50));
    session.move(1, reject);
    expect(changes(session, () => session.move(0, offer(49)))).toEqual([]); // exactly one point less
    session.move(1, reject);
    const log = changes(session, () => session.move(0, offer(47.5)));
    expect(log).toEqual([{ round: 3, truster: 1, trustee: 0, reason: "retracted-concession", delta: -6, level: 44 }]);
  });

  test("extreme-anchor: a first offer giving the receiver less than 10 % up its range: −8, only for the first offer", () => {
    const session = humanSession(LAB);
    // p1's range is 0–100: 9 is an extreme anchor (and below its BATNA of 30).
    expect(reasons(changes(session, () => session.move(0, offer(9))))).toEqual(["1->0:extreme-anchor:-8", "1->0:below-batna:-3"]);
    // p1's first offer gives p0 exactly 10 points: 10 % up its range, not less.
    expect(reasons(changes(session, () => session.move(1, offer(90))))).toEqual(["0->1:below-batna:-3"]);
    // Later offers are no anchors, however low.
    expect(reasons(changes(session, () => session.move(0, offer(9))))).toEqual(["1->0:below-batna:-3"]);
    expect(session.trustIn(1, 0)).toBe(50 - 8 - 3 - 3);
  });

  test("below-batna: every offer giving the receiver less than its BATNA: −3; at the BATNA: nothing", () => {
    const session = humanSession(LAB);
    expect(reasons(changes(session, () => session.move(0, offer(29.5))))).toEqual(["1->0:below-batna:-3"]);
    expect(changes(session, () => session.move(1, offer(70)))).toEqual([]); // p0 gets 30 = its BATNA
    expect(reasons(changes(session, () => session.move(0, offer(29.5))))).toEqual(["1->0:below-batna:-3"]);
    expect(session.trustIn(1, 0)).toBe(44);
  });

  test("a MESO offer counts with its best package for the receiver", () => {
    const session = humanSession(LAB);
    const log = changes(session, () => session.move(0, { type: "meso", packages: [labPackage(5), labPackage(40)] }));
    expect(log).toEqual([]);
    session.move(1, reject);
    // Best now 20: a retraction from 40 and below the BATNA.
    const second = changes(session, () => session.move(0, { type: "meso", packages: [labPackage(20), labPackage(5)] }));
    expect(reasons(second)).toEqual(["1->0:retracted-concession:-6", "1->0:below-batna:-3"]);
  });

  test("with three parties each receiver judges the offer by its own utility", () => {
    const session = humanSession(LAB3);
    // [0, 2, 2] gives p1 nothing (an extreme anchor below its BATNA of 20) and p2 two thirds of its range.
    expect(session.utility(1, [0, 2, 2])).toBe(0);
    expect(session.utility(2, [0, 2, 2])).toBeCloseTo(200 / 3, 9);
    const log = changes(session, () => session.move(0, { type: "offer", package: [0, 2, 2] }));
    expect(reasons(log)).toEqual(["1->0:extreme-anchor:-8", "1->0:below-batna:-3"]);
    expect([session.trustIn(1, 0), session.trustIn(2, 0)]).toEqual([39, 50]);
  });
});

describe("misleading-found-out: −15 when the claimant's own offer or acceptance contradicts its claim", () => {
  const alternative: Question = { kind: "alternative" };

  /** p1 claims an alternative of 70 points (its BATNA is 30) in answer to p0's question. */
  function inflatedAlternative(): Session {
    const session = humanSession(LAB);
    askAndAnswer(session, 0, 1, alternative, { kind: "alternative", points: 70 }, "misleading");
    return session;
  }

  test("an inflated alternative followed by an own offer below the claimed points", () => {
    const session = inflatedAlternative();
    session.move(0, offer(50));
    const log = changes(session, () => session.move(1, offer(68.5)));
    // p0 gets 31.5 from that offer: no other rule fires.
    expect(log).toEqual([{ round: 1, truster: 0, trustee: 1, reason: "misleading-found-out", delta: -15, level: 35 }]);
  });

  test("an inflated alternative followed by accepting an offer below the claimed points", () => {
    const session = inflatedAlternative();
    session.move(0, offer(60));
    const log = changes(session, () => session.move(1, { type: "accept" }));
    expect(log).toEqual([{ round: 1, truster: 0, trustee: 1, reason: "misleading-found-out", delta: -15, level: 35 }]);
    expect(session.outcome).toMatchObject({ kind: "agreement", package: labPackage(60) });
  });

  test("an offer within one point of the claimed alternative does not give the claim away; it is found out once", () => {
    const session = inflatedAlternative();
    session.move(0, offer(50));
    expect(changes(session, () => session.move(1, offer(69)))).toEqual([]); // 69 is not below 70 − 1
    session.move(0, reject);
    // Giving p0 40 instead of 31 is also a concession (+2), applied before the claim is checked.
    expect(reasons(changes(session, () => session.move(1, offer(60))))).toEqual(["0->1:concession:2", "0->1:misleading-found-out:-15"]);
    session.move(0, reject);
    expect(foundOut(changes(session, () => session.move(1, offer(55))))).toEqual([]);
    expect(session.trustIn(0, 1)).toBe(50 + 2 - 15 + 2);
  });

  test("a truthful answer is never found out, whatever the answerer offers", () => {
    const session = humanSession(LAB);
    askAndAnswer(session, 0, 1, alternative, { kind: "alternative", points: 30 }, "truthful");
    session.move(0, offer(50));
    const log = changes(session, () => session.move(1, offer(31)));
    expect(log.filter((change) => change.reason === "misleading-found-out")).toEqual([]);
    expect(session.trustIn(0, 1)).toBe(53);
  });

  test("claiming an issue matters most, then offering its worst option there", () => {
    // p1's most important issue is i0; it claims i1 and then gives up i1 entirely (option 0 is its worst there).
    const session = humanSession(LAB);
    askAndAnswer(session, 0, 1, { kind: "most-important" }, { kind: "most-important", issue: 1 }, "misleading");
    session.move(0, offer(50));
    expect(foundOut(changes(session, () => session.move(1, { type: "offer", package: [40, 1, 0] })))).toEqual([]); // not its worst on i1
    session.move(0, reject);
    expect(foundOut(changes(session, () => session.move(1, { type: "offer", package: [45, 0, 0] })))).toEqual(["0->1:misleading-found-out:-15"]);
  });

  test("calling an option its favourite, then offering another option that is better for it", () => {
    const session = humanSession(LAB);
    // p1's real favourite on i1 is o2 (its real ranking is o2, o1, o0); it claims o0 (and the reverse ranking).
    askAndAnswer(
      session,
      0,
      1,
      { kind: "preferred-option", issue: 1 },
      { kind: "preferred-option", issue: 1, option: 0, ranking: [0, 1, 2] },
      "misleading",
    );
    session.move(0, offer(50));
    // o1 is not its favourite either, but better for p1 than the claimed o0: the claim is given away.
    expect(foundOut(changes(session, () => session.move(1, { type: "offer", package: [40, 1, 1] })))).toEqual([
      "0->1:misleading-found-out:-15",
    ]);
  });

  test("calling an option its favourite, then offering its real favourite", () => {
    const session = humanSession(LAB);
    askAndAnswer(
      session,
      0,
      1,
      { kind: "preferred-option", issue: 1 },
      { kind: "preferred-option", issue: 1, option: 0, ranking: [0, 1, 2] },
      "misleading",
    );
    session.move(0, offer(50));
    expect(foundOut(changes(session, () => session.move(1, { type: "offer", package: [40, 0, 1] })))).toEqual([]); // the claimed option
    session.move(0, reject);
    expect(foundOut(changes(session, () => session.move(1, { type: "offer", package: [40, 2, 1] })))).toEqual([
      "0->1:misleading-found-out:-15",
    ]);
  });

  // docs/negotiation.md: a claim is found out when the claimant "settles for its worst option on an issue it
  // claimed mattered (most)". A (misleading) claim that an issue matters *little* announces giving it up, so
  // giving it up contradicts nothing: here p1 says i1 is of low importance to it (in truth a quarter of its
  // stakes) and then offers its worst option on i1; p0's trust in p1 stays.
  test("claiming an issue matters little and then giving it up contradicts nothing", () => {
    const session = humanSession(LAB);
    askAndAnswer(
      session,
      0,
      1,
      { kind: "issue-importance", issue: 1 },
      { kind: "issue-importance", issue: 1, importance: "low" },
      "misleading",
    );
    session.move(0, offer(50));
    expect(foundOut(changes(session, () => session.move(1, { type: "offer", package: [45, 0, 0] })))).toEqual([]);
  });

  test("claiming an issue matters a lot and then giving it up is found out", () => {
    const session = humanSession(LAB);
    askAndAnswer(
      session,
      0,
      1,
      { kind: "issue-importance", issue: 1 },
      { kind: "issue-importance", issue: 1, importance: "high" },
      "misleading",
    );
    session.move(0, offer(50));
    expect(foundOut(changes(session, () => session.move(1, { type: "offer", package: [45, 0, 0] })))).toEqual([
      "0->1:misleading-found-out:-15",
    ]);
  });

  test("a misleading disclosure is found out by every party it was made to", () => {
    const session = humanSession(LAB3);
    // p0 discloses that i2 matters a lot to it (misleadingly), then accepts its worst option on i2 (o0 for p0).
    session.move(0, { type: "disclose", issue: 2, importance: "high", honesty: "misleading" });
    session.move(0, { type: "offer", package: [0, 0, 1] });
    session.move(1, { type: "offer", package: [1, 1, 0] });
    session.move(2, { type: "reject" });
    const log = changes(session, () => session.move(0, { type: "offer", package: [0, 0, 0] }));
    expect(foundOut(log)).toEqual([
      "2->0:misleading-found-out:-15",
      "1->0:misleading-found-out:-15",
    ]);
  });
});

describe("limits and scripted changes", () => {
  test("trust never rises above 100: the change logged is what was applied", () => {
    const session = humanSession(LAB, { initialTrust: [99, 100] });
    askAndAnswer(session, 0, 1, { kind: "alternative" }, { kind: "alternative", points: 30 }, "truthful");
    expect(session.trustIn(0, 1)).toBe(100);
    expect(session.trustIn(1, 0)).toBe(100);
    expect(reasons(session.trustLog)).toEqual(["1->0:question-asked:0", "0->1:truthful-answer:1"]);
  });

  test("trust never falls below 0", () => {
    const session = humanSession(LAB, { initialTrust: [50, 5] });
    session.move(0, offer(0));
    expect(session.trustIn(1, 0)).toBe(0);
    expect(reasons(session.trustLog)).toEqual(["1->0:extreme-anchor:-5", "1->0:below-batna:0"]);
  });

  test("a scripted trust change moves one party's trust in one other by its delta, clamped, logged as scripted", () => {
    const session = humanSession(LAB3);
    session.apply({ type: "scripted", round: 1, change: { kind: "trust", party: 2, towards: 0, delta: -20 } });
    expect(session.trustIn(2, 0)).toBe(30);
    expect(session.trustIn(2, 1)).toBe(50);
    expect(session.trustIn(0, 2)).toBe(50);
    session.apply({ type: "scripted", round: 1, change: { kind: "trust", party: 2, towards: 0, delta: -45 } });
    session.apply({ type: "scripted", round: 1, change: { kind: "trust", party: 1, towards: 2, delta: 70 } });
    expect([session.trustIn(2, 0), session.trustIn(1, 2)]).toEqual([0, 100]);
    expect(reasons(session.trustLog)).toEqual(["2->0:scripted:-20", "2->0:scripted:-30", "1->2:scripted:50"]);
    expect(session.events.map((event) => event.type)).toEqual(["scripted", "scripted", "scripted"]);
  });

  test("initial trust comes from the config, per truster; everyone trusts itself fully", () => {
    const session = humanSession(LAB3, { initialTrust: [10, 60, 90] });
    expect([0, 1, 2].map((a) => [0, 1, 2].map((b) => session.trustIn(a, b)))).toEqual([
      [100, 10, 10],
      [60, 100, 60],
      [90, 90, 100],
    ]);
  });
});

describe("walking away without trust (tip 5)", () => {
  // A conceder starts at trust 60 by default (a win-win style); these tests count from 50.
  const partner = { style: "conceder", params: { walkAwayThreshold: 45, initialTrust: 50 } };

  test("a partner whose trust falls below its walkAwayThreshold walks away on its turn", () => {
    const driver = driverFor(LAB, [{ style: HUMAN }, partner]);
    driver.advance();
    // An extreme anchor below its BATNA: 50 − 8 − 3 = 39 < 45.
    driver.play(0, offer(5));
    expect(driver.session.trustIn(1, 0)).toBe(39);
    expect(driver.outcome).toEqual({ kind: "walk-away", by: 1, round: 1 });
    const last = driver.session.events.at(-1);
    expect(last).toMatchObject({ type: "move", actor: 1, move: { type: "walk-away" } });
  });

  test("the same partner stays while its trust holds, and leaves when a retraction drops it below the threshold", () => {
    const driver = driverFor(LAB, [{ style: HUMAN }, partner]);
    driver.advance();
    driver.play(0, offer(50)); // no rule fires: trust stays 50
    expect(driver.outcome).toBeNull();
    expect(driver.session.trustIn(1, 0)).toBe(50);
    expect(driver.session.round).toBe(2);
    driver.play(0, offer(43)); // a retracted concession: 50 − 6 = 44 < 45
    expect(driver.outcome).toEqual({ kind: "walk-away", by: 1, round: 2 });
  });

  test("with the default threshold (15) the same anchor does not make it leave", () => {
    const driver = driverFor(LAB, [{ style: HUMAN }, { style: "conceder", params: { initialTrust: 50 } }]);
    driver.advance();
    driver.play(0, offer(5));
    expect(driver.session.trustIn(1, 0)).toBe(39);
    expect(driver.outcome).toBeNull();
  });
});

test("every trust reason in the log is a documented rule and its delta is the rule's amount unless clamped", () => {
  // A consistency check over a busy human session.
  const session = humanSession(LAB3, { initialTrust: [3, 50, 98] });
  session.move(0, { type: "ask", to: 2, question: { kind: "most-important" } });
  session.move(0, { type: "disclose", issue: 0, importance: "high", honesty: "truthful" });
  session.move(0, { type: "offer", package: [0, 0, 0] });
  session.move(1, { type: "offer", package: [2, 2, 2] });
  session.move(2, { type: "offer", package: [1, 1, 1] });
  session.move(0, { type: "offer", package: [1, 1, 0] });
  for (const change of session.trustLog) {
    const rule = TRUST_RULES[change.reason as TrustReason];
    expect(rule).toBeDefined();
    expect(change.level).toBeGreaterThanOrEqual(0);
    expect(change.level).toBeLessThanOrEqual(100);
    if (change.level > 0 && change.level < 100) expect(change.delta).toBe(rule);
    else expect(Math.abs(change.delta)).toBeLessThanOrEqual(Math.abs(rule));
  }
});
