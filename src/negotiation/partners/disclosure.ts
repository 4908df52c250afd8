/** Disclosure strategies: how a partner answers questions and what it reveals unprompted. */
import { importanceOf, issuesByPriority, misleadingAnswer, truthfulAnswer } from "../answers.js";
import type { Move, PackageArray, Question } from "../protocol.js";
import type { Answer, DisclosureStrategy, PartnerContext } from "./types.js";

const VAGUE: Answer = { answer: { kind: "vague" }, honesty: "vague" };

/**
 * Win-win: answers truthfully (with chance `honesty`) when it trusts the asker at least
 * `discloseThreshold`, dodges otherwise; and, trusting everyone that much, discloses its
 * two most important issues unprompted (its only one, in a scenario of one), one per turn,
 * from its second turn on.
 */
export class OpenDisclosure implements DisclosureStrategy {
  private volunteered = 0;
  private turns = 0;

  answer(context: PartnerContext, from: number, question: Question, proposal: () => PackageArray): Answer {
    const { session, self, params } = context;
    if (session.trustIn(self, from) < params.discloseThreshold) return VAGUE;
    // A draw only when there is a chance to draw: most styles are always honest, and a generator is costly to seed.
    const truthful = params.honesty >= 1 || (params.honesty > 0 && context.random() < params.honesty);
    if (truthful) {
      return { answer: truthfulAnswer(session.model, self, question, proposal), honesty: "truthful" };
    }
    return { answer: misleadingAnswer(context.session.model, context.self, question, proposal), honesty: "misleading" };
  }

  volunteer(context: PartnerContext): Move | null {
    const { session, self, params } = context;
    this.turns++;
    if (this.turns < 2 || this.volunteered >= Math.min(2, session.model.issueCount)) return null;
    for (let other = 0; other < session.partyCount; other++) {
      if (other !== self && session.trustIn(self, other) < params.discloseThreshold) return null;
    }
    const issue = issuesByPriority(session.model, self)[this.volunteered++];
    return { type: "disclose", issue, importance: importanceOf(session.model, self, issue), honesty: "truthful" };
  }
}

/**
 * Win-lose: reveals nothing of its interests; asked for a forecast it talks it up (a forecast
 * is a claim in a bet on the future, and it bargains to win it).
 */
export class ClosedDisclosure implements DisclosureStrategy {
  answer(context: PartnerContext, _from: number, question: Question, proposal: () => PackageArray): Answer {
    if (question.kind !== "expectation") return VAGUE;
    return { answer: misleadingAnswer(context.session.model, context.self, question, proposal), honesty: "misleading" };
  }

  volunteer(): Move | null {
    return null;
  }
}

/** Anchor-and-bluff: answers every question, misleadingly where it pays (it names its favourites truthfully). */
export class BluffDisclosure implements DisclosureStrategy {
  answer(context: PartnerContext, _from: number, question: Question, proposal: () => PackageArray): Answer {
    const answer = misleadingAnswer(context.session.model, context.self, question, proposal);
    const honest = question.kind === "preferred-option";
    return { answer, honesty: honest ? "truthful" : "misleading" };
  }

  volunteer(): Move | null {
    return null;
  }
}
