import { TargetAcceptance } from "../acceptance.js";
import { LadderBidding } from "../bidding.js";
import { TimeDependentCurve } from "../curves.js";
import { BluffDisclosure } from "../disclosure.js";
import { ProbingInquiry } from "../inquiry.js";
import { OpposedPrior } from "../opponent-models.js";
import type { PartnerStyle } from "../types.js";

export const anchorAndBluff: PartnerStyle = {
  id: "anchor-and-bluff",
  family: "win-lose",
  deterministic: true,
  description: {
    en: "Opens with its wish list, overstates its alternative and misleads about its priorities.",
    nl: "Opent met zijn verlanglijst, overdrijft zijn alternatief en misleidt over zijn prioriteiten.",
  },
  defaults: () => ({ concession: 0.3, honesty: 0 }),
  create: () => ({
    curve: new TimeDependentCurve(),
    bidding: new LadderBidding(),
    acceptance: new TargetAcceptance(),
    disclosure: new BluffDisclosure(),
    inquiry: new ProbingInquiry(),
    model: new OpposedPrior(),
  }),
};
