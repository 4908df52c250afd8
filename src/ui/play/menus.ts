/**
 * The negotiation screen's menus: what each offers (read by the reducer when one is
 * chosen) and how each item reads (drawn by the layout), in one place.
 */
import type { Translator } from "../../i18n/translate.js";
import type { Honesty, Importance, QuestionKind } from "../../negotiation/protocol.js";
import { importanceText, questionKinds, questionOf, questionSubject, questionText, quantityLabel } from "../../negotiation/wording.js";
import { latestOffers, withTerm } from "../../play/table.js";
import { localise } from "../../scenario/localise.js";
import type { ReviewDecision } from "../../negotiation/partners/review.js";
import { heldTerms, termText, visibleIssues } from "./partnership.js";
import type { MenuMode, NegotiateState } from "./state.js";

export const IMPORTANCES: readonly Importance[] = ["low", "medium", "high"];
export const HONESTIES: readonly Honesty[] = ["truthful", "vague", "misleading"];

/** A package another party offered, as the load menu lists it. */
export interface LoadableOffer {
  readonly party: number;
  readonly round: number;
  readonly kind: "package" | "meso" | "partial";
  /** For MESO: which package (0-based) of how many. */
  readonly index: number;
  readonly count: number;
  readonly package: readonly number[];
}

/** Every package on the table from the other parties, a single term put into the trainee's builder. */
export function loadableOffers(state: NegotiateState): LoadableOffer[] {
  const trainee = state.game.setup.trainee;
  return latestOffers(state.game.session)
    .filter((offer) => offer.party !== trainee)
    .flatMap((offer): LoadableOffer[] => {
      const { party, round, kind } = offer;
      if (offer.term) return [{ party, round, kind, index: 0, count: 1, package: withTerm(state.selection, offer.term) }];
      return offer.packages.map((pkg, index) => ({ party, round, kind, index, count: offer.packages.length, package: pkg }));
    });
}

/** The other parties, in seat order: whom a question can go to. */
export function otherParties(state: NegotiateState): number[] {
  const { session, setup } = state.game;
  return Array.from({ length: session.partyCount }, (_, party) => party).filter((party) => party !== setup.trainee);
}


/** The issues (those the trainee sees) or uncertain quantities a question can be about, by index. */
export function subjectsOf(state: NegotiateState, question: QuestionKind): number[] {
  const { scenario } = state.game.setup;
  return questionSubject(question) === "quantity" ? (scenario.uncertainties ?? []).map((_, quantity) => quantity) : visibleIssues(state.game);
}

/** Tip 7: the trainee's review of the agreement between two stages, in the menu's order. */
export const REVIEW_DECISIONS: readonly ReviewDecision[] = ["keep", "adjust", "leave"];

/** How many items the mode's menu has. */
export function menuLength(state: NegotiateState, mode: MenuMode): number {
  switch (mode.kind) {
    case "ask":
      return questionKinds(state.game.setup.scenario).length;
    case "ask-subject":
      return subjectsOf(state, mode.question).length;
    case "ask-whom":
      return otherParties(state).length;
    case "disclose":
      return IMPORTANCES.length;
    case "answer":
      return HONESTIES.length;
    case "accept-meso":
      return state.game.session.standing?.packages.length ?? 0;
    case "load":
      return loadableOffers(state).length;
    case "reveal":
      return heldTerms(state.game).length;
  }
}

/** The title and the items of the mode's menu, in the trainee's language. */
export function menuText(state: NegotiateState, mode: MenuMode, t: Translator): { title: string; items: string[] } {
  const { scenario, trainee } = state.game.setup;
  const session = state.game.session;
  const lang = t.lang;
  const name = (party: number) => localise(scenario.parties[party].name, lang);
  const issueLabel = (issue: number) => localise(scenario.issues[issue].label, lang);
  const points = (pkg: ArrayLike<number>) => session.utility(trainee, pkg);
  switch (mode.kind) {
    case "ask":
      return {
        title: t("play.ask.title", { count: questionKinds(scenario).length }),
        items: questionKinds(scenario).map((kind) => (questionSubject(kind) === "quantity" ? t("play.ask.forecast") : questionText(scenario, questionOf(kind, state.issueCursor), lang))),
      };
    case "ask-subject":
      return questionSubject(mode.question) === "quantity"
        ? { title: t("play.ask.quantity"), items: (scenario.uncertainties ?? []).map((_, quantity) => quantityLabel(scenario, quantity, lang)) }
        : { title: t("play.ask.issue"), items: subjectsOf(state, mode.question).map(issueLabel) };
    case "ask-whom":
      return { title: t("play.ask.whom"), items: otherParties(state).map(name) };
    case "disclose":
      return {
        title: t("play.disclose.title", { issue: issueLabel(state.issueCursor) }),
        items: IMPORTANCES.map((importance) => importanceText(importance, lang)),
      };
    case "answer": {
      const pending = session.pendingQuestions.find((question) => question.to === trainee);
      const question = pending ? questionText(scenario, pending.question, lang) : "";
      return {
        title: t("play.answer.title", { name: pending ? name(pending.from) : "", question }),
        items: HONESTIES.map((honesty) => t("play.answer.honesty", { honesty })),
      };
    }
    case "accept-meso": {
      const packages = session.standing?.packages ?? [];
      return {
        title: t("play.acceptMeso.title", { count: packages.length }),
        items: packages.map((pkg, index) => t("play.acceptMeso.item", { index: index + 1, points: points(pkg) })),
      };
    }
    case "load":
      return {
        title: t("play.load.title"),
        items: loadableOffers(state).map((offer) =>
          t("play.load.item", { name: name(offer.party), kind: offer.kind, round: offer.round, index: offer.index + 1, count: offer.count, points: points(offer.package) }),
        ),
      };
    case "reveal":
      return { title: t("play.reveal.title"), items: heldTerms(state.game).map((term) => termText(state.game, term, t)) };
  }
}
