/** Concession curves: the utility a partner aims for as the deadline comes closer. */
import { type CompiledScenario, utilityBounds } from "../../engine/model.js";
import type { ConcessionCurve, PartnerContext } from "./types.js";

/** Its floor: the reservation, and never its BATNA or below. */
export function floorOf({ session, self, params }: PartnerContext): number {
  return Math.max(params.reservation, session.model.batnas[self]);
}

/**
 * u(t) = Pmin + (Pmax − Pmin)(1 − t^(1/e)): boulware (e < 1) holds out and concedes late,
 * conceder (e > 1) concedes early, linear (e = 1) in between, hardliner (e → 0) hardly moves.
 */
export class TimeDependentCurve implements ConcessionCurve {
  target(context: PartnerContext): number {
    const high = context.params.aspiration;
    const low = Math.min(floorOf(context), high);
    const t = context.session.time;
    return low + (high - low) * (1 - Math.pow(t, 1 / context.params.concession));
  }
}

/** Take-it-or-leave-it: one target, from the first round to the last. */
export class FixedCurve implements ConcessionCurve {
  target(context: PartnerContext): number {
    return Math.max(context.params.aspiration, floorOf(context));
  }
}

/** A goodwill step, as a share of the partner's range, that keeps two reciprocators from waiting for each other. */
const GOODWILL_SHARE = 0.03;

/**
 * Nice tit-for-tat: concedes, in its own utility, as much as the others' offers have come
 * towards it so far, plus a small goodwill step per round.
 */
export class ReciprocalCurve implements ConcessionCurve {
  // The others' offers as valued so far: read once each, again from the start when the scenario changes.
  private seenModel: CompiledScenario | null = null;
  private cursor = 0;
  private first = Number.NaN;
  private best = -Infinity;

  target(context: PartnerContext): number {
    const { session, self, params } = context;
    const bounds = utilityBounds(session.model);
    const range = bounds[2 * self + 1] - bounds[2 * self];
    this.catchUp(context);
    const received = Number.isNaN(this.first) ? 0 : this.best - this.first;
    const goodwill = GOODWILL_SHARE * range * (session.round - 1);
    return Math.max(floorOf(context), params.aspiration - received - goodwill);
  }

  private catchUp({ session, self }: PartnerContext): void {
    if (this.seenModel !== session.model) {
      this.seenModel = session.model;
      this.cursor = 0;
      this.first = Number.NaN;
      this.best = -Infinity;
    }
    const events = session.events;
    for (; this.cursor < events.length; this.cursor++) {
      const event = events[this.cursor];
      if (event.type !== "move" || event.actor === self) continue;
      const move = event.move;
      if (move.type === "offer") this.see(session.utility(self, move.package));
      else if (move.type === "meso") for (const pkg of move.packages) this.see(session.utility(self, pkg));
    }
  }

  private see(utility: number): void {
    if (Number.isNaN(this.first)) this.first = utility;
    this.best = Math.max(this.best, utility);
  }
}
