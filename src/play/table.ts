/**
 * What lies on the table, read off a session for the trainee: every party's latest offer,
 * who has accepted the standing one, and whom a question goes to. The UI and `play
 * --moves` share these rules.
 */
import type { PackageArray } from "../negotiation/protocol.js";
import { ProtocolError, type SessionView } from "../negotiation/session.js";

export interface PartyOffer {
  readonly party: number;
  readonly round: number;
  readonly kind: "package" | "meso" | "partial";
  /** One package, 2–3 for MESO, none for a single term. */
  readonly packages: readonly (readonly number[])[];
  readonly term: { readonly issue: number; readonly option: number } | null;
  /** This is the standing offer, the one that can be accepted now. */
  readonly standing: boolean;
}

/** Each party's latest offer, in seat order; parties that have not offered are left out. */
export function latestOffers(session: SessionView): PartyOffer[] {
  const latest: (PartyOffer | undefined)[] = new Array(session.partyCount);
  for (const event of session.events) {
    if (event.type !== "move") continue;
    const { actor: party, round, move } = event;
    if (move.type === "offer") latest[party] = { party, round, kind: "package", packages: [move.package], term: null, standing: false };
    else if (move.type === "meso") latest[party] = { party, round, kind: "meso", packages: move.packages, term: null, standing: false };
    else if (move.type === "partial-offer") {
      latest[party] = { party, round, kind: "partial", packages: [], term: { issue: move.issue, option: move.option }, standing: false };
    }
  }
  // An offer stands until it is replaced, rejected or agreed; only the proposer's latest can be standing.
  const proposer = session.standing?.proposer;
  return latest.flatMap((offer) => (offer ? [{ ...offer, standing: offer.party === proposer }] : []));
}

export interface Acceptance {
  readonly proposer: number;
  /** Parties that have accepted, the proposer included, in seat order. */
  readonly accepted: readonly number[];
  /** Parties that must still accept before it binds, in seat order. */
  readonly waiting: readonly number[];
}

/** Who has accepted the standing offer and who still must; null when nothing stands. */
export function acceptance(session: SessionView): Acceptance | null {
  const standing = session.standing;
  if (!standing) return null;
  const parties = Array.from({ length: session.partyCount }, (_, party) => party);
  return {
    proposer: standing.proposer,
    accepted: parties.filter((party) => standing.acceptedBy.has(party)),
    waiting: parties.filter((party) => !standing.acceptedBy.has(party)),
  };
}

/** Whether `party` may accept the standing offer now. */
export function canAccept(session: SessionView, party: number): boolean {
  const standing = session.standing;
  return !session.ended && standing !== null && standing.proposer !== party && !standing.acceptedBy.has(party);
}

/**
 * Whom a question goes to: the party asked for; otherwise whoever made the offer on the
 * table, or else the next party in turn. With two parties that is always the partner.
 */
export function questionRecipient(session: SessionView, asker: number, requested?: number): number {
  if (requested !== undefined) {
    if (requested === asker || requested < 0 || requested >= session.partyCount) throw new ProtocolError("question-needs-other");
    return requested;
  }
  const standing = session.standing;
  if (standing && standing.proposer !== asker) return standing.proposer;
  return (asker + 1) % session.partyCount;
}

/** `base` with the term of a single-term offer put in: what loading that offer into a builder gives. */
export function withTerm(base: readonly number[], term: { readonly issue: number; readonly option: number }): PackageArray {
  return base.map((option, issue) => (issue === term.issue ? term.option : option));
}
