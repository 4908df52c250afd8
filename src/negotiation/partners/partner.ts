/**
 * A scripted partner: its style's parts put together. A turn has two phases, so that
 * answers to its questions reach its opponent model before it decides: `talk` (questions,
 * disclosures), then `act` (accept the standing offer, or make its own).
 */
import type { Move, PackageArray, Question } from "../protocol.js";
import type { SessionView } from "../session.js";
import type { PartnerContext, PartnerParams, PartnerParts, PartnerStyle, Random } from "./types.js";

export interface PlannedMove {
  readonly move: Move;
  /** Key of the line the partner says with the move (see wording.ts). */
  readonly remark?: string;
}

export class ScriptedPartner {
  readonly context: PartnerContext;
  private previousBid = Number.NaN;

  constructor(
    readonly style: PartnerStyle,
    private readonly parts: PartnerParts,
    session: SessionView,
    self: number,
    params: PartnerParams,
    random: Random,
  ) {
    this.context = { session, self, params, random };
  }

  talk(): PlannedMove[] {
    const { session, self } = this.context;
    this.parts.model.update(this.context);
    const planned: PlannedMove[] = [];
    for (const question of this.parts.inquiry.ask(this.context)) {
      for (let other = 0; other < session.partyCount; other++) {
        if (other !== self) planned.push({ move: { type: "ask", to: other, question }, remark: "ask" });
      }
    }
    const disclosure = this.parts.disclosure.volunteer(this.context);
    if (disclosure) planned.push({ move: disclosure, remark: "disclose" });
    return this.distrusts() ? [] : planned;
  }

  act(): PlannedMove {
    const { session, self } = this.context;
    if (this.distrusts()) return { move: { type: "walk-away" }, remark: "walk-away" };
    this.parts.model.update(this.context);
    const target = this.parts.curve.target(this.context);
    const standing = session.standing;
    if (standing && standing.proposer !== self && !standing.acceptedBy.has(self)) {
      const { utility, choice } = this.valueOfStanding();
      if (this.parts.acceptance.accepts(this.context, utility, target, () => this.bidUtility(target))) {
        const accept: Move = choice === undefined ? { type: "accept" } : { type: "accept", choice };
        // Settling one term is not yet the deal, and the partner's line says so.
        return { move: accept, remark: standing.kind === "partial" ? "accept-term" : "accept" };
      }
    }
    const move = this.parts.bidding.bid(this.context, target, this.parts.model);
    const offered = this.offeredUtility(move, target);
    const remark = move.type === "meso" ? "meso" : Number.isNaN(this.previousBid) ? "opening" : offered < this.previousBid - 1 ? "concede" : "firm";
    this.previousBid = offered;
    return { move, remark };
  }

  /** What a bid gives the partner itself: its offer's utility (a MESO's first package), else the target. */
  private offeredUtility(move: Move, target: number): number {
    const { session, self } = this.context;
    return move.type === "offer" ? session.utility(self, move.package) : move.type === "meso" ? session.utility(self, move.packages[0]) : target;
  }

  /** What the offer it would make at `target` gives it. */
  private bidUtility(target: number): number {
    return this.offeredUtility(this.parts.bidding.bid(this.context, target, this.parts.model), target);
  }

  /** Tip 5: without trust there is no point going on. */
  private distrusts(): boolean {
    const { session, self, params } = this.context;
    for (let other = 0; other < session.partyCount; other++) {
      if (other !== self && session.trustIn(self, other) < params.walkAwayThreshold) return true;
    }
    return false;
  }

  answer(from: number, question: Question): PlannedMove {
    const { answer, honesty } = this.parts.disclosure.answer(this.context, from, question, () => this.proposal());
    return { move: { type: "answer", to: from, question, answer, honesty }, remark: `answer-${honesty}` };
  }

  /** What it would offer now: its answer to "what would make this work for you?". */
  private proposal(): PackageArray {
    const move = this.parts.bidding.bid(this.context, this.parts.curve.target(this.context), this.parts.model);
    return move.type === "offer" ? move.package : move.type === "meso" ? move.packages[0] : [];
  }

  /** Its utility of the standing offer; for MESO the best package and its index; for a term, the best completion. */
  private valueOfStanding(): { utility: number; choice?: number } {
    const { session, self } = this.context;
    const standing = session.standing!;
    if (standing.kind === "partial") return { utility: this.completionUtility(standing.issue!, standing.option!) };
    if (standing.chosen !== undefined) return { utility: session.utility(self, standing.packages[standing.chosen]) };
    let best = 0;
    standing.packages.forEach((pkg, k) => {
      if (session.utility(self, pkg) > session.utility(self, standing.packages[best])) best = k;
    });
    const utility = session.utility(self, standing.packages[best]);
    return standing.kind === "meso" ? { utility, choice: best } : { utility };
  }

  /** Utility if the term is agreed and every unsettled issue went its way. */
  private completionUtility(issue: number, option: number): number {
    const { session, self } = this.context;
    const model = session.model;
    const pkg = Array.from(session.settled, (settled, i) => {
      if (i === issue) return option;
      if (settled >= 0) return settled;
      let best = 0;
      for (let o = 1; o < model.optionCounts[i]; o++) {
        const c = model.contributions[(model.issueOffsets[i] + o) * model.partyCount + self];
        if (c > model.contributions[(model.issueOffsets[i] + best) * model.partyCount + self]) best = o;
      }
      return best;
    });
    return session.utility(self, pkg);
  }
}
