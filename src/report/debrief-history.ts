/** What happened at the table, read off a session's events and trust log for the debrief. */
import { resolveParams } from "../negotiation/partners/params.js";
import { findStyle } from "../negotiation/partners/registry.js";
import type { SessionConfig, SessionEvent } from "../negotiation/protocol.js";
import { type SessionView, sameQuestion } from "../negotiation/session.js";
import type { TrustReason } from "../negotiation/trust.js";
import { own } from "../records.js";
import type { Scenario } from "../scenario/schema.js";
import type {
  AnswerRecord,
  ClaimRecord,
  DisclosureRecord,
  OfferRecord,
  PartnerReveal,
  QuestionRecord,
  ScriptedRecord,
  TrustMove,
  TrustReview,
} from "./debrief.js";

type MoveEvent = Extract<SessionEvent, { type: "move" }>;

function moves(events: readonly SessionEvent[]): MoveEvent[] {
  return events.filter((event): event is MoveEvent => event.type === "move");
}

/** Every offer of every party, in order. */
export function offerHistory(events: readonly SessionEvent[]): OfferRecord[] {
  return moves(events).flatMap(({ round, actor: party, move }): OfferRecord[] => {
    switch (move.type) {
      case "offer":
        return [{ round, party, kind: "package", packages: [move.package], term: null }];
      case "meso":
        return [{ round, party, kind: "meso", packages: move.packages, term: null }];
      case "partial-offer":
        return [{ round, party, kind: "partial", packages: [], term: { issue: move.issue, option: move.option } }];
      default:
        return [];
    }
  });
}

/** The trainee's questions, each with the answer it got (the first matching answer after it). */
export function traineeQuestions(events: readonly SessionEvent[], trainee: number): QuestionRecord[] {
  const records: { -readonly [K in keyof QuestionRecord]: QuestionRecord[K] }[] = [];
  for (const { round, actor, move } of moves(events)) {
    if (move.type === "ask" && actor === trainee) records.push({ round, to: move.to, question: move.question, answer: null });
    if (move.type === "answer" && move.to === trainee) {
      const asked = records.find((record) => record.answer === null && record.to === actor && sameQuestion(record.question, move.question));
      if (asked) asked.answer = { content: move.answer, honesty: move.honesty };
    }
  }
  return records;
}

/** The trainee's answers to the partners' questions. */
export function traineeAnswers(events: readonly SessionEvent[], trainee: number): AnswerRecord[] {
  return moves(events).flatMap(({ round, actor, move }) =>
    move.type === "answer" && actor === trainee ? [{ round, to: move.to, question: move.question, honesty: move.honesty }] : [],
  );
}

/** What the partners told the trainee: their answers to its questions and their disclosures (made to everyone). */
export function partnerClaims(events: readonly SessionEvent[], trainee: number): ClaimRecord[] {
  return moves(events).flatMap(({ round, actor, move }): ClaimRecord[] => {
    if (actor === trainee) return [];
    if (move.type === "answer" && move.to === trainee) return [{ round, by: actor, source: "answer", honesty: move.honesty, content: move.answer }];
    if (move.type === "disclose") {
      const content = { kind: "issue-importance" as const, issue: move.issue, importance: move.importance };
      return [{ round, by: actor, source: "disclosure", honesty: move.honesty, content }];
    }
    return [];
  });
}

export function traineeDisclosures(events: readonly SessionEvent[], trainee: number): DisclosureRecord[] {
  return moves(events).flatMap(({ round, actor, move }) =>
    move.type === "disclose" && actor === trainee ? [{ round, issue: move.issue, importance: move.importance, honesty: move.honesty }] : [],
  );
}

/** Each partner's trust in the trainee: start, lowest, end and what moved it, largest total change first. */
export function trustReviews(session: SessionView, trainee: number, partners: readonly number[]): TrustReview[] {
  return partners.map((party) => {
    const start = session.config.initialTrust[party];
    let lowest = start;
    const byReason = new Map<TrustReason, TrustMove>();
    for (const change of session.trustLog) {
      if (change.truster !== party || change.trustee !== trainee) continue;
      lowest = Math.min(lowest, change.level);
      // A change clamped away at 0 or 100 moved nothing.
      if (change.delta === 0) continue;
      const known = byReason.get(change.reason);
      byReason.set(
        change.reason,
        known
          ? { ...known, count: known.count + 1, delta: known.delta + change.delta }
          : { reason: change.reason, count: 1, delta: change.delta, firstRound: change.round },
      );
    }
    const moved = [...byReason.values()].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.firstRound - b.firstRound);
    const end = session.trustIn(party, trainee);
    const threshold = walkAwayThreshold(session, party);
    const others = Array.from({ length: session.partyCount }, (_, other) => other).filter((other) => other !== party);
    const distrusts = threshold === null ? [] : others.filter((other) => session.trustIn(party, other) < threshold);
    return { party, start, lowest, end, moves: moved, walkAwayThreshold: threshold, distrusts };
  });
}

function walkAwayThreshold(session: SessionView, party: number): number | null {
  const participant = session.config.participants[party];
  const style = findStyle(participant.style);
  return style ? resolveParams(session, party, style, participant.params).walkAwayThreshold : null;
}

/**
 * The scripted changes, each with the value it changed (tracked from the scenario at the
 * start). Trust changes between partners are left out (the trainee could not see or act on
 * them), except for what the partner said with one, kept as a note.
 */
export function scriptedHistory(events: readonly SessionEvent[], initial: Scenario, trainee: number): ScriptedRecord[] {
  const batnas = initial.parties.map((party) => party.batna);
  const weights = initial.parties.map((party) => initial.issues.map((issue) => own(party.weights, issue.id) ?? 0));
  const records: ScriptedRecord[] = [];
  for (const event of events) {
    if (event.type !== "scripted") continue;
    let { change } = event;
    let before: number | null = null;
    if (change.kind === "batna") {
      before = batnas[change.party];
      batnas[change.party] = change.batna;
    } else if (change.kind === "priority") {
      before = weights[change.party][change.issue];
      weights[change.party][change.issue] = change.weight;
    } else if (change.kind === "trust" && change.towards !== trainee) {
      // What the partner said with it was said to everyone.
      if (!event.message) continue;
      change = { kind: "note", party: change.party };
    }
    records.push({ round: event.round, change, before, message: event.message ?? null });
  }
  return records;
}

export function partnerReveals(config: SessionConfig, partners: readonly number[], surprise: boolean): PartnerReveal[] {
  return partners.map((party) => {
    const style = findStyle(config.participants[party].style);
    return {
      party,
      style: config.participants[party].style,
      family: style?.family ?? null,
      surprise,
    };
  });
}
