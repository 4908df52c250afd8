/**
 * "Had you stayed…": the seeded partners replayed from the moment the trainee walked away
 * or accepted a deal, with the trainee staying at the table instead. The partners are
 * rebuilt from the transcript's configuration and seed (NegotiationDriver) and the trainee's
 * moves before that moment are played again, which reproduces the game's events exactly
 * (checked: a transcript that does not replay gets no counterfactual). From there the
 * trainee offers `offered` every turn and accepts any offer at least as good for it; the
 * run ends as the protocol ends it. No random number is drawn but the partners' own, from
 * their seeds, so the same transcript gives the same counterfactual.
 */
import { HUMAN, NegotiationDriver } from "../negotiation/driver.js";
import type { Move, PackageArray, SessionEvent } from "../negotiation/protocol.js";
import type { SessionView } from "../negotiation/session.js";
import type { Transcript } from "../negotiation/transcript.js";
import type { Counterfactual } from "./debrief.js";

type MoveEvent = Extract<SessionEvent, { type: "move" }>;

/** The trainee's last move, when it walked away or accepted the standing offer (a deal, not a single term). */
function decisiveMove(events: readonly SessionEvent[], trainee: number): { index: number; event: MoveEvent } | null {
  const index = events.findLastIndex((event) => event.type === "move" && event.actor === trainee);
  if (index < 0) return null;
  const event = events[index] as MoveEvent;
  return event.move.type === "walk-away" || event.move.type === "accept" ? { index, event } : null;
}

export function counterfactual(transcript: Transcript, session: SessionView, offered: PackageArray | null): Counterfactual | null {
  const { trainee, config } = transcript;
  if (!offered || config.participants.some((participant, party) => (participant.style === HUMAN) !== (party === trainee))) return null;
  const decisive = decisiveMove(session.events, trainee);
  if (!decisive) return null;
  const driver = new NegotiationDriver(transcript.scenario, config);
  driver.advance();
  const before = session.events.slice(0, decisive.index);
  for (const event of before) if (event.type === "move" && event.actor === trainee) driver.play(trainee, event.move);
  const replayed = driver.session;
  if (JSON.stringify(replayed.events) !== JSON.stringify(before)) return null;
  if (decisive.event.move.type === "accept" && replayed.standing?.kind === "partial") return null;
  const target = replayed.utility(trainee, offered);
  // Each trainee turn is one move; the deadline ends the run long before this bound.
  for (let turns = 0; !replayed.ended && turns < config.deadlineRounds + 1; turns++) driver.play(trainee, stayingMove(replayed, trainee, offered, target));
  const outcome = replayed.outcome;
  const decision = decisive.event.move.type === "walk-away" ? "walk-away" : "accept";
  const base = { decision, round: decisive.event.round, offered } as const;
  switch (outcome?.kind) {
    case "agreement": {
      const agreed = outcome.package;
      const proposer = agreed.every((option, issue) => option === offered[issue]) ? trainee : lastProposer(replayed.events, trainee);
      const utilities = Array.from({ length: replayed.partyCount }, (_, p) => replayed.utility(p, agreed));
      return { ...base, result: { kind: "accepted", round: outcome.round, package: [...agreed], utilities, proposer } };
    }
    case "walk-away":
      return { ...base, result: { kind: "walk-away", round: outcome.round, by: outcome.by } };
    case "deadline":
      return { ...base, result: { kind: "deadline", round: outcome.round } };
    default:
      return null;
  }
}

/** Accept a standing offer at least as good for the trainee as its own package; otherwise offer that package again. */
function stayingMove(session: SessionView, trainee: number, offered: PackageArray, target: number): Move {
  const standing = session.standing;
  if (standing && standing.kind !== "partial" && standing.proposer !== trainee && !standing.acceptedBy.has(trainee)) {
    const choices = standing.chosen === undefined ? standing.packages.map((_, k) => k) : [standing.chosen];
    const best = choices.reduce((a, b) => (session.utility(trainee, standing.packages[b]) > session.utility(trainee, standing.packages[a]) ? b : a));
    const value = session.utility(trainee, standing.packages[best]);
    if (value >= target && value > session.model.batnas[trainee]) return standing.kind === "meso" ? { type: "accept", choice: best } : { type: "accept" };
  }
  return { type: "offer", package: offered };
}

/** Who made the last full offer other than the trainee. */
function lastProposer(events: readonly SessionEvent[], trainee: number): number {
  const last = events.findLast(
    (event): event is MoveEvent => event.type === "move" && event.actor !== trainee && (event.move.type === "offer" || event.move.type === "meso"),
  );
  return last ? last.actor : trainee;
}
