/** Inquiry strategies (tip 2: ask the right questions first): what a partner asks, turn by turn. */
import { issuesByPriority } from "../answers.js";
import type { Question } from "../protocol.js";
import type { InquiryStrategy, PartnerContext } from "./types.js";

/** No question this turn, which is most turns: shared, never changed. */
const NO_QUESTIONS: readonly Question[] = [];

/**
 * Win-win: first what matters most to you (and, where the future is uncertain, how you see
 * each uncertain quantity turning out, to find forecasts that differ: the ground for a
 * contingent clause); then, one issue per turn, how important it is to you and which option
 * you prefer (and how you rank the others), starting with the issues that matter most to
 * itself, to find the compatible ones and the trades.
 */
export class CuriousInquiry implements InquiryStrategy {
  private turns = 0;

  ask({ session, self }: PartnerContext): readonly Question[] {
    const turn = this.turns++;
    if (turn === 0) {
      const quantities = session.model.uncertain?.quantityIds.length ?? 0;
      return [{ kind: "most-important" }, ...Array.from({ length: quantities }, (_, quantity): Question => ({ kind: "expectation", quantity }))];
    }
    const order = issuesByPriority(session.model, self);
    // Tip 4: where terms may be hidden, it asks what else could be included once its questions about the issues are done.
    if (turn === order.length + 1 && session.hidden.length > 0) return [{ kind: "what-else" }];
    if (turn > order.length) return NO_QUESTIONS;
    const issue = order[turn - 1];
    return [
      { kind: "issue-importance", issue },
      { kind: "preferred-option", issue },
    ];
  }
}

/** Win-lose styles do not ask. */
export class SilentInquiry implements InquiryStrategy {
  ask(): readonly Question[] {
    return NO_QUESTIONS;
  }
}

/** Anchor-and-bluff probes the other side's alternative, to know how far it can push. */
export class ProbingInquiry implements InquiryStrategy {
  private asked = false;

  ask(): readonly Question[] {
    if (this.asked) return NO_QUESTIONS;
    this.asked = true;
    return [{ kind: "alternative" }];
  }
}
