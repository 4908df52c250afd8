/**
 * Acceptance strategies. Whatever the strategy, a partner never accepts a package that
 * does not beat its BATNA.
 */
import { utilityBounds } from "../../engine/model.js";
import { UTILITY_EPSILON } from "../../engine/tolerance.js";
import { floorOf } from "./curves.js";
import type { AcceptanceStrategy, PartnerContext } from "./types.js";

function beatsBatna({ session, self }: PartnerContext, utility: number): boolean {
  return utility > session.model.batnas[self] + UTILITY_EPSILON;
}

/** True on the partner's last turn before the deadline. */
function lastTurn({ session, self }: PartnerContext): boolean {
  return session.round === session.config.deadlineRounds && session.turn === self;
}

/**
 * Accepts what meets its current target; on its last turn, anything above its floor
 * (a deal above the reservation beats no deal).
 */
export class TargetAcceptance implements AcceptanceStrategy {
  accepts(context: PartnerContext, utility: number, target: number): boolean {
    if (!beatsBatna(context, utility)) return false;
    return utility >= target - UTILITY_EPSILON || (lastTurn(context) && utility >= floorOf(context) - UTILITY_EPSILON);
  }
}

/**
 * Take-it-or-leave-it: only its own terms (what its firm offer gives it) or better, even at
 * the deadline; before it has offered, what the offer it would make gives it.
 */
export class StrictAcceptance implements AcceptanceStrategy {
  accepts(context: PartnerContext, utility: number, target: number, ownBid: () => number): boolean {
    const own = context.session.lastOffers[context.self];
    const terms = Math.max(target, own ? context.session.utility(context.self, own) : ownBid());
    return beatsBatna(context, utility) && utility >= terms - UTILITY_EPSILON;
  }
}

/** Baseline: the better an offer is for it, the likelier it accepts. */
export class RandomAcceptance implements AcceptanceStrategy {
  accepts(context: PartnerContext, utility: number): boolean {
    if (!beatsBatna(context, utility)) return false;
    const bounds = utilityBounds(context.session.model);
    const floor = context.session.model.batnas[context.self];
    const best = bounds[2 * context.self + 1];
    return context.random() < (utility - floor) / Math.max(UTILITY_EPSILON, best - floor);
  }
}
