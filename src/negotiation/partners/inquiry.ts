/** Inquiry strategies (tip 2: ask the right questions first): what a partner asks, turn by turn. */
import { issuesByPriority } from "../answers.js";
import type { Question } from "../protocol.js";
import type { InquiryStrategy, PartnerContext } from "./types.js";

/**
 * Win-win: what matters most to you; how important is the issue that matters least to me
 * (a candidate to give away); which option of the issue that matters most to me do you
 * prefer (is it compatible?). One question per turn, in its first three turns.
 */
export class CuriousInquiry implements InquiryStrategy {
  private turns = 0;

  ask({ session, self }: PartnerContext): Question[] {
    const turn = this.turns++;
    const order = issuesByPriority(session.model, self);
    if (turn === 0) return [{ kind: "most-important" }];
    if (turn === 1) return [{ kind: "issue-importance", issue: order[order.length - 1] }];
    if (turn === 2) return [{ kind: "preferred-option", issue: order[0] }];
    return [];
  }
}

/** Win-lose styles do not ask. */
export class SilentInquiry implements InquiryStrategy {
  ask(): Question[] {
    return [];
  }
}

/** Anchor-and-bluff probes the other side's alternative, to know how far it can push. */
export class ProbingInquiry implements InquiryStrategy {
  private asked = false;

  ask(): Question[] {
    if (this.asked) return [];
    this.asked = true;
    return [{ kind: "alternative" }];
  }
}
