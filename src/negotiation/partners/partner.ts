/**
 * A scripted partner: its style's parts put together. A turn has two phases, so that
 * answers to its questions reach its opponent model before it decides: `talk` (questions,
 * disclosures), then `act` (accept the standing offer, or make its own).
 */
import { isAvailable } from "../../engine/model.js";
import { whatElseAnswer } from "../answers.js";
import { termsBroughtOut } from "../hidden-terms.js";
import type { Move, PackageArray, Question } from "../protocol.js";
import type { SessionView } from "../session.js";
import { CONCESSION_THRESHOLD } from "../trust.js";
import type { PartnerContext, PartnerParams, PartnerParts, PartnerStyle, Random } from "./types.js";

export interface PlannedMove {
  readonly move: Move;
  /** Key of the line the partner says with the move (see wording.ts). */
  readonly remark?: string;
}

/** What a win-lose partner wants for itself before it reopens an agreement: points of its own. */
const WIN_LOSE_SETTLEMENT_GAIN = 5;

/** What a turn without talk (or a distrusting partner's) plans: shared, never changed. */
const NO_MOVES: readonly PlannedMove[] = [];

export class ScriptedPartner {
  readonly context: PartnerContext;
  private previousBid = Number.NaN;
  private proposedImprovement = false;
  /** The MESO package valueOfStanding found best, when the standing offer is a MESO not yet chosen from. */
  private standingChoice: number | undefined;
  /** The target the acceptance strategy's `ownBid` bids at: one closure for every turn. */
  private ownBidTarget = 0;
  private readonly ownBid = () => this.bidUtility(this.ownBidTarget);

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

  talk(): readonly PlannedMove[] {
    const { session, self } = this.context;
    this.parts.model.update(this.context);
    // Most turns plan no talk: the list is made for the first planned move.
    let planned: PlannedMove[] | null = null;
    for (const question of this.parts.inquiry.ask(this.context)) {
      for (let other = 0; other < session.partyCount; other++) {
        if (other !== self) (planned ??= []).push({ move: { type: "ask", to: other, question }, remark: "ask" });
      }
    }
    const disclosure = this.parts.disclosure.volunteer(this.context);
    if (disclosure) (planned ??= []).push({ move: disclosure, remark: "disclose" });
    if (session.hidden.length > 0) planned = this.trustedReveals(planned);
    return planned === null || this.distrusts() ? NO_MOVES : planned;
  }

  /** Tip 4: `planned` with the hidden terms it holds whose trust threshold its trust in every other party has reached. */
  private trustedReveals(planned: PlannedMove[] | null): PlannedMove[] | null {
    const { session, self } = this.context;
    const hidden = session.hidden;
    terms: for (let k = 0; k < hidden.length; k++) {
      const term = hidden[k];
      if (term.holder !== self || session.revealed[k] || term.trust === undefined) continue;
      for (let other = 0; other < session.partyCount; other++) if (other !== self && session.trustIn(self, other) < term.trust) continue terms;
      (planned ??= []).push({ move: { type: "reveal", term: k }, remark: "reveal" });
    }
    return planned;
  }

  /** Tip 4: the hidden terms an answer to `question` brings out along with it ("what would make this work?"). */
  revealsOn(question: Question): readonly PlannedMove[] {
    if (question.kind !== "what-would-work") return NO_MOVES;
    const { session, self } = this.context;
    return termsBroughtOut(session.hidden, session.revealed, self, "what-would-work").map((term) => ({ move: { type: "reveal", term }, remark: "reveal" }));
  }

  act(): PlannedMove {
    const { session, self } = this.context;
    if (session.agreed) return this.postSettlement(session.agreed);
    if (this.distrusts()) return { move: { type: "walk-away" }, remark: "walk-away" };
    this.parts.model.update(this.context);
    const target = this.parts.curve.target(this.context);
    const standing = session.standing;
    if (standing && standing.proposer !== self && !standing.acceptedBy.has(self)) {
      const utility = this.valueOfStanding();
      const choice = this.standingChoice;
      this.ownBidTarget = target;
      if (this.parts.acceptance.accepts(this.context, utility, target, this.ownBid)) {
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

  /**
   * Tip 4, after an agreement: a win-win partner accepts a package better for itself and
   * proposes, once, the one its model says is better for everyone; a win-lose partner only
   * takes a clear gain for itself and proposes nothing. Otherwise it keeps the agreement.
   */
  private postSettlement(agreed: readonly number[]): PlannedMove {
    const { session, self } = this.context;
    const floor = session.utility(self, agreed);
    const cooperative = this.style.family !== "win-lose";
    const standing = session.standing;
    if (standing && standing.proposer !== self && !standing.acceptedBy.has(self)) {
      const utility = this.valueOfStanding();
      const choice = this.standingChoice;
      const gain = cooperative ? CONCESSION_THRESHOLD : WIN_LOSE_SETTLEMENT_GAIN;
      if (utility >= floor + gain) return { move: choice === undefined ? { type: "accept" } : { type: "accept", choice }, remark: "accept-improvement" };
      return { move: { type: "reject" }, remark: "reject-improvement" };
    }
    if (cooperative && !this.proposedImprovement) {
      this.proposedImprovement = true;
      this.parts.model.update(this.context);
      const bid = this.parts.bidding.bid(this.context, floor + CONCESSION_THRESHOLD, this.parts.model);
      const pkg = bid.type === "offer" ? bid.package : bid.type === "meso" ? bid.packages[0] : null;
      if (pkg && session.utility(self, pkg) >= floor + CONCESSION_THRESHOLD && this.estimatedGain(pkg, agreed) > 0) {
        return { move: { type: "offer", package: pkg }, remark: "propose-improvement" };
      }
    }
    return { move: { type: "keep" }, remark: "keep" };
  }

  /** What its opponent model believes a package adds for the others over another. */
  private estimatedGain(pkg: readonly number[], over: readonly number[]): number {
    const estimate = this.parts.model.estimate(this.context);
    const { issueOffsets } = this.context.session.model;
    let gain = 0;
    for (let issue = 0; issue < pkg.length; issue++) gain += estimate[issueOffsets[issue] + pkg[issue]] - estimate[issueOffsets[issue] + over[issue]];
    return gain;
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
    if (question.kind === "what-else") {
      return { move: { type: "answer", to: from, question, answer: whatElseAnswer(this.context.session, this.context.self), honesty: "truthful" }, remark: "answer-truthful" };
    }
    const { answer, honesty } = this.parts.disclosure.answer(this.context, from, question, () => this.proposal());
    return { move: { type: "answer", to: from, question, answer, honesty }, remark: `answer-${honesty}` };
  }

  /** What it would offer now: its answer to "what would make this work for you?". */
  private proposal(): PackageArray {
    const move = this.parts.bidding.bid(this.context, this.parts.curve.target(this.context), this.parts.model);
    return move.type === "offer" ? move.package : move.type === "meso" ? move.packages[0] : [];
  }

  /**
   * Its utility of the standing offer; for MESO that of the best package, whose index it leaves in
   * `standingChoice` (undefined otherwise); for a term, the best completion. (A field, not an
   * object returned: this runs on most turns.)
   */
  private valueOfStanding(): number {
    const { session, self } = this.context;
    const standing = session.standing!;
    this.standingChoice = undefined;
    if (standing.kind === "partial") return this.completionUtility(standing.issue!, standing.option!);
    if (standing.chosen !== undefined) return session.utility(self, standing.packages[standing.chosen]);
    const packages = standing.packages;
    let best = 0;
    if (packages.length > 1) {
      let bestUtility = session.utility(self, packages[0]);
      for (let k = 1; k < packages.length; k++) {
        const utility = session.utility(self, packages[k]);
        if (utility > bestUtility) {
          best = k;
          bestUtility = utility;
        }
      }
    }
    if (standing.kind === "meso") this.standingChoice = best;
    return session.utility(self, packages[best]);
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
        if (!isAvailable(model, i, o)) continue;
        const c = model.contributions[(model.issueOffsets[i] + o) * model.partyCount + self];
        if (c > model.contributions[(model.issueOffsets[i] + best) * model.partyCount + self]) best = o;
      }
      return best;
    });
    return session.utility(self, pkg);
  }
}
