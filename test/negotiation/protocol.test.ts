/**
 * The protocol as the session enforces it (src/negotiation/protocol.ts, session.ts,
 * docs/negotiation.md): whose turn it is, which actions are legal, when an offer becomes
 * an agreement, partial offers, walking away, the deadline and lapsing questions.
 * All parties are humans here: the tests drive the session move by move.
 */
import { describe, expect, test } from "vitest";
import type { Move, Question } from "../../src/negotiation/protocol.js";
import { ProtocolError, Session } from "../../src/negotiation/session.js";
import { LAB, LAB3, humanConfig, humanSession, labPackage } from "./support.js";

const P = labPackage(50); // a fair LAB package: 50 points each
const Q = labPackage(60);

/** Three LAB3 packages. */
const A3 = [0, 0, 0];
const B3 = [1, 1, 1];
const C3 = [2, 2, 2];

function expectProtocolError(action: () => void, message?: RegExp): void {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ProtocolError);
  if (message) expect((caught as Error).message).toMatch(message);
}

/** Applies a move and checks that nothing else happened to the log. */
function move(session: Session, actor: number, m: Move): void {
  const before = session.events.length;
  session.move(actor, m);
  expect(session.events.length).toBe(before + 1);
}

describe("turn order", () => {
  test("parties act in the scenario's order, one action per turn, and a round is one turn of each", () => {
    const session = humanSession(LAB3);
    expect([session.round, session.turn]).toEqual([1, 0]);
    move(session, 0, { type: "offer", package: A3 });
    expect([session.round, session.turn]).toEqual([1, 1]);
    move(session, 1, { type: "offer", package: B3 });
    expect([session.round, session.turn]).toEqual([1, 2]);
    move(session, 2, { type: "reject" });
    expect([session.round, session.turn]).toEqual([2, 0]);
    expect(session.ended).toBe(false);
  });

  test("moving out of turn is a ProtocolError, and the rejected move leaves no trace", () => {
    const session = humanSession(LAB);
    expectProtocolError(() => session.move(1, { type: "offer", package: P }), /Wait for your turn/);
    move(session, 0, { type: "offer", package: P });
    expectProtocolError(() => session.move(0, { type: "offer", package: Q }), /Wait for your turn/);
    expectProtocolError(() => session.move(0, { type: "accept" }));
    expectProtocolError(() => session.move(0, { type: "walk-away" }));
    expectProtocolError(() => session.move(0, { type: "ask", to: 1, question: { kind: "alternative" } }));
    expectProtocolError(() => session.move(0, { type: "disclose", issue: 0, importance: "high", honesty: "truthful" }));
    expect(session.events).toHaveLength(1);
    expect(session.turn).toBe(1);
  });

  test("a party that does not exist cannot move", () => {
    const session = humanSession(LAB);
    expectProtocolError(() => session.move(2, { type: "offer", package: P }));
    expectProtocolError(() => session.move(-1, { type: "offer", package: P }));
  });

  test("talk does not end a turn; every action does", () => {
    const session = humanSession(LAB);
    move(session, 0, { type: "ask", to: 1, question: { kind: "most-important" } });
    move(session, 0, { type: "disclose", issue: 0, importance: "high", honesty: "truthful" });
    expect(session.turn).toBe(0);
    move(session, 0, { type: "offer", package: P });
    expect(session.turn).toBe(1);
  });
});

describe("illegal actions", () => {
  test("accepting your own offer is a ProtocolError", () => {
    // In the protocol the proposer never gets a turn while its own offer stands (every other party
    // must act on it first), so the attempt is out of turn...
    const session = humanSession(LAB3);
    move(session, 0, { type: "offer", package: A3 });
    expectProtocolError(() => session.move(0, { type: "accept" }));
    // ...and the session's own guard rejects it even when the proposer is to move: put the
    // standing offer back in its proposer's turn, as a corrupted state would.
    move(session, 1, { type: "accept" });
    move(session, 2, { type: "offer", package: B3 });
    session.standing = { proposer: 0, kind: "package", packages: [A3], acceptedBy: new Set([0]) };
    expectProtocolError(() => session.move(0, { type: "accept" }), /no offer to accept/);
    expectProtocolError(() => session.move(0, { type: "reject" }), /no offer to reject/);
  });

  test("accepting or rejecting when no offer stands is a ProtocolError", () => {
    const session = humanSession(LAB);
    expectProtocolError(() => session.move(0, { type: "accept" }), /no offer to accept/);
    expectProtocolError(() => session.move(0, { type: "reject" }), /no offer to reject/);
    move(session, 0, { type: "offer", package: P });
    move(session, 1, { type: "reject", blockingIssue: 0 });
    expect(session.standing).toBeNull();
    expectProtocolError(() => session.move(0, { type: "accept" }), /no offer to accept/);
  });

  test.each([1, 4])("a MESO offer with %i package(s) is a ProtocolError", (count) => {
    const session = humanSession(LAB);
    const packages = [labPackage(40), labPackage(45), labPackage(50), labPackage(55)].slice(0, count);
    expectProtocolError(() => session.move(0, { type: "meso", packages }), /2 or 3 packages/);
    expect(session.standing).toBeNull();
    expect(session.turn).toBe(0);
  });

  test("a MESO offer with 2 or 3 packages is legal", () => {
    for (const count of [2, 3]) {
      const session = humanSession(LAB);
      const packages = [labPackage(40), labPackage(45), labPackage(50)].slice(0, count);
      move(session, 0, { type: "meso", packages });
      expect(session.standing?.kind).toBe("meso");
      expect(session.standing?.packages).toEqual(packages);
    }
  });

  test("accepting a MESO offer without choosing one of its packages is a ProtocolError", () => {
    const session = humanSession(LAB);
    move(session, 0, { type: "meso", packages: [labPackage(40), labPackage(45)] });
    expectProtocolError(() => session.move(1, { type: "accept" }), /choosing one of its packages/);
    expectProtocolError(() => session.move(1, { type: "accept", choice: 2 }), /choosing one of its packages/);
    expectProtocolError(() => session.move(1, { type: "accept", choice: -1 }), /choosing one of its packages/);
    expect(session.ended).toBe(false);
    move(session, 1, { type: "accept", choice: 1 });
    expect(session.outcome).toEqual({ kind: "agreement", package: labPackage(45), round: 1 });
  });

  test("with three parties, the first acceptor's MESO choice binds the second", () => {
    const session = humanSession(LAB3);
    move(session, 0, { type: "meso", packages: [A3, B3, C3] });
    move(session, 1, { type: "accept", choice: 2 });
    expect(session.standing?.chosen).toBe(2);
    expectProtocolError(() => session.move(2, { type: "accept", choice: 0 }), /already chose/);
    move(session, 2, { type: "accept" }); // no choice needed any more
    expect(session.outcome).toEqual({ kind: "agreement", package: C3, round: 1 });
  });

  test("answering a question nobody asked is a ProtocolError", () => {
    const session = humanSession(LAB);
    const question: Question = { kind: "most-important" };
    const answer = (actor: number, to: number, q: Question) =>
      session.move(actor, { type: "answer", to, question: q, answer: { kind: "vague" }, honesty: "vague" });
    expectProtocolError(() => answer(1, 0, question), /nobody asked/);
    move(session, 0, { type: "ask", to: 1, question: { kind: "issue-importance", issue: 1 } });
    // Another question, another issue, the wrong direction, the wrong asker: none was asked.
    expectProtocolError(() => answer(1, 0, question), /nobody asked/);
    expectProtocolError(() => answer(1, 0, { kind: "issue-importance", issue: 2 }), /nobody asked/);
    expectProtocolError(() => answer(0, 1, { kind: "issue-importance", issue: 1 }), /nobody asked/);
    // The question that was asked can be answered (out of turn: answers are talk), once.
    answer(1, 0, { kind: "issue-importance", issue: 1 });
    expect(session.pendingQuestions).toEqual([]);
    expectProtocolError(() => answer(1, 0, { kind: "issue-importance", issue: 1 }), /nobody asked/);
  });

  test("questions go to another existing party", () => {
    const session = humanSession(LAB);
    expectProtocolError(() => session.move(0, { type: "ask", to: 0, question: { kind: "alternative" } }), /another party/);
    expectProtocolError(() => session.move(0, { type: "ask", to: 2, question: { kind: "alternative" } }), /another party/);
  });

  test("packages, issues and options must exist", () => {
    const session = humanSession(LAB);
    expectProtocolError(() => session.move(0, { type: "offer", package: [0, 0] }), /an option for every issue/);
    expectProtocolError(() => session.move(0, { type: "offer", package: [0, 0, 0, 0] }), /an option for every issue/);
    expectProtocolError(() => session.move(0, { type: "offer", package: [51, 0, 0] }), /no option 51/);
    expectProtocolError(() => session.move(0, { type: "offer", package: [0, 3, 0] }), /no option 3/);
    expectProtocolError(() => session.move(0, { type: "offer", package: [0, 0.5, 0] }), /no option/);
    expectProtocolError(() => session.move(0, { type: "meso", packages: [P, [0, 0, 9]] }), /no option 9/);
    expectProtocolError(() => session.move(0, { type: "partial-offer", issue: 3, option: 0 }), /no issue 3/);
    expectProtocolError(() => session.move(0, { type: "partial-offer", issue: 1, option: 3 }), /issue 1 has no option 3/);
    expectProtocolError(() => session.move(0, { type: "disclose", issue: -1, importance: "low", honesty: "truthful" }), /no issue/);
    expect(session.events).toEqual([]);
  });

  test("a session needs one participant per party", () => {
    const config = humanConfig(LAB);
    expectProtocolError(() => new Session(LAB, { ...config, participants: [{ style: "human" }] }), /expected 2 participants/);
    expectProtocolError(() => new Session(LAB3, config), /expected 3 participants/);
  });
});

describe("agreements", () => {
  test("two parties: an offer and the other's acceptance make that package the agreement", () => {
    const session = humanSession(LAB);
    move(session, 0, { type: "offer", package: P });
    move(session, 1, { type: "offer", package: Q });
    move(session, 0, { type: "accept" });
    expect(session.outcome).toEqual({ kind: "agreement", package: Q, round: 2 });
    expect(session.ended).toBe(true);
    expect(session.standing).toBeNull();
  });

  test("the agreement is a copy: changing the offered array later does not change it", () => {
    const session = humanSession(LAB);
    const offered = [...P];
    move(session, 0, { type: "offer", package: offered });
    move(session, 1, { type: "accept" });
    offered[0] = 0;
    expect(session.outcome).toMatchObject({ kind: "agreement", package: P });
  });

  test("three parties: an offer accepted by one of the two others is not yet an agreement; by both it is", () => {
    const session = humanSession(LAB3);
    move(session, 0, { type: "offer", package: B3 });
    move(session, 1, { type: "accept" });
    expect(session.outcome).toBeNull();
    expect([...session.standing!.acceptedBy]).toEqual([0, 1]);
    move(session, 2, { type: "accept" });
    expect(session.outcome).toEqual({ kind: "agreement", package: B3, round: 1 });
  });

  test("three parties: a new offer resets the acceptances", () => {
    const session = humanSession(LAB3);
    move(session, 0, { type: "offer", package: B3 });
    move(session, 1, { type: "accept" });
    move(session, 2, { type: "offer", package: C3 });
    expect([...session.standing!.acceptedBy]).toEqual([2]);
    move(session, 0, { type: "accept" });
    expect(session.outcome).toBeNull();
    move(session, 1, { type: "accept" });
    expect(session.outcome).toEqual({ kind: "agreement", package: C3, round: 2 });
  });

  test("three parties: a rejection ends the standing offer", () => {
    const session = humanSession(LAB3);
    move(session, 0, { type: "offer", package: B3 });
    move(session, 1, { type: "accept" });
    move(session, 2, { type: "reject" });
    expect(session.standing).toBeNull();
    expectProtocolError(() => session.move(0, { type: "accept" }));
  });

  test("partial offers settle terms one by one; the last settled term makes the agreement", () => {
    const session = humanSession(LAB);
    move(session, 0, { type: "partial-offer", issue: 1, option: 2 });
    expect(Array.from(session.settled)).toEqual([-1, -1, -1]); // offered, not yet accepted
    move(session, 1, { type: "accept" });
    expect(Array.from(session.settled)).toEqual([-1, 2, -1]);
    expect(session.outcome).toBeNull();
    move(session, 0, { type: "partial-offer", issue: 0, option: 7 });
    move(session, 1, { type: "partial-offer", issue: 0, option: 30 }); // a counter-term replaces it
    move(session, 0, { type: "accept" });
    expect(Array.from(session.settled)).toEqual([30, 2, -1]);
    expect(session.outcome).toBeNull();
    move(session, 1, { type: "partial-offer", issue: 2, option: 0 });
    move(session, 0, { type: "accept" });
    expect(Array.from(session.settled)).toEqual([30, 2, 0]);
    expect(session.outcome).toEqual({ kind: "agreement", package: [30, 2, 0], round: 4 });
  });

  test("three parties: a term is settled only when both others accept it", () => {
    const session = humanSession(LAB3);
    move(session, 0, { type: "partial-offer", issue: 0, option: 1 });
    move(session, 1, { type: "accept" });
    expect(Array.from(session.settled)).toEqual([-1, -1, -1]);
    move(session, 2, { type: "accept" });
    expect(Array.from(session.settled)).toEqual([1, -1, -1]);
  });
});

describe("endings", () => {
  test("walking away ends the negotiation, and nothing can happen after the end", () => {
    const session = humanSession(LAB3);
    move(session, 0, { type: "offer", package: A3 });
    move(session, 1, { type: "walk-away" });
    expect(session.outcome).toEqual({ kind: "walk-away", by: 1, round: 1 });
    expectProtocolError(() => session.move(2, { type: "accept" }), /ended/);
    expectProtocolError(() => session.apply({ type: "scripted", round: 1, change: { kind: "trust", party: 0, towards: 1, delta: 1 } }), /ended/);
  });

  test.each([1, 3, 5])("the deadline ends the negotiation after %i round(s)", (deadlineRounds) => {
    for (const scenario of [LAB, LAB3]) {
      const session = humanSession(scenario, { deadlineRounds });
      const n = scenario.parties.length;
      const pkg = scenario === LAB ? P : B3;
      for (let turn = 0; turn < deadlineRounds * n; turn++) {
        expect(session.outcome).toBeNull();
        expect(session.time).toBeCloseTo(turn / (deadlineRounds * n), 12);
        const actor = session.turn;
        if (session.standing && session.standing.proposer !== actor) move(session, actor, { type: "reject" });
        else move(session, actor, { type: "offer", package: pkg });
      }
      expect(session.outcome).toEqual({ kind: "deadline", round: deadlineRounds });
      expectProtocolError(() => session.move(session.turn, { type: "offer", package: pkg }), /ended/);
    }
  });

  test("an agreement on the very last turn beats the deadline", () => {
    const session = humanSession(LAB, { deadlineRounds: 1 });
    move(session, 0, { type: "offer", package: P });
    move(session, 1, { type: "accept" });
    expect(session.outcome).toEqual({ kind: "agreement", package: P, round: 1 });
  });

  // session.ts promises that `apply` "checks that an event is legal" and docs/negotiation.md that replaying a
  // transcript reproduces its state: an event stamped with another round than the session's (a corrupted
  // transcript, here a "round 7" offer and a "round 9" BATNA change in round 1) is rejected and not applied.
  test("an event stamped with another round than the current one is a ProtocolError", () => {
    const session = humanSession(LAB);
    expectProtocolError(() => session.apply({ type: "move", round: 7, actor: 0, move: { type: "offer", package: P } }));
    expectProtocolError(() => session.apply({ type: "scripted", round: 9, change: { kind: "batna", party: 1, batna: 40 } }));
    expect(session.events).toEqual([]);
  });

  test("abandon ends the session", () => {
    const session = humanSession(LAB);
    session.apply({ type: "abandon", round: 1, actor: 0 });
    expect(session.outcome).toEqual({ kind: "abandoned", round: 1 });
  });
});

describe("pending questions", () => {
  const q: Question = { kind: "alternative" };

  test("a question survives the asker's turn and can be answered in the addressee's turn", () => {
    const session = humanSession(LAB);
    move(session, 0, { type: "ask", to: 1, question: q });
    move(session, 0, { type: "offer", package: P });
    expect(session.pendingQuestions).toEqual([{ from: 0, to: 1, question: q }]);
    move(session, 1, { type: "answer", to: 0, question: q, answer: { kind: "alternative", points: 30 }, honesty: "truthful" });
    expect(session.pendingQuestions).toEqual([]);
  });

  test("an unanswered question lapses at the end of the addressee's turn", () => {
    const session = humanSession(LAB);
    move(session, 0, { type: "ask", to: 1, question: q });
    move(session, 0, { type: "offer", package: P });
    move(session, 1, { type: "offer", package: Q });
    expect(session.pendingQuestions).toEqual([]);
    expectProtocolError(
      () => session.move(1, { type: "answer", to: 0, question: q, answer: { kind: "alternative", points: 30 }, honesty: "truthful" }),
      /nobody asked/,
    );
  });

  test("three parties: each question lapses at the end of its own addressee's turn", () => {
    const session = humanSession(LAB3);
    move(session, 0, { type: "ask", to: 1, question: q });
    move(session, 0, { type: "ask", to: 2, question: q });
    move(session, 0, { type: "offer", package: A3 });
    expect(session.pendingQuestions.map((pending) => pending.to)).toEqual([1, 2]);
    move(session, 1, { type: "reject" });
    expect(session.pendingQuestions.map((pending) => pending.to)).toEqual([2]);
    move(session, 2, { type: "offer", package: B3 });
    expect(session.pendingQuestions).toEqual([]);
  });

  test("a question to a party whose turn comes in the next round waits for that turn", () => {
    const session = humanSession(LAB3);
    move(session, 0, { type: "offer", package: A3 });
    move(session, 1, { type: "offer", package: B3 });
    move(session, 2, { type: "ask", to: 1, question: q });
    move(session, 2, { type: "reject" });
    move(session, 0, { type: "offer", package: C3 }); // round 2: party 0's turn ends, party 1's question stays
    expect(session.pendingQuestions).toEqual([{ from: 2, to: 1, question: q }]);
    move(session, 1, { type: "reject" });
    expect(session.pendingQuestions).toEqual([]);
  });
});
