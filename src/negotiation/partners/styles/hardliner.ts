import { TargetAcceptance } from "../acceptance.js";
import { LadderBidding } from "../bidding.js";
import { TimeDependentCurve } from "../curves.js";
import { ClosedDisclosure } from "../disclosure.js";
import { SilentInquiry } from "../inquiry.js";
import { OpposedPrior } from "../opponent-models.js";
import type { PartnerStyle } from "../types.js";

export const hardliner: PartnerStyle = {
  id: "hardliner",
  family: "win-lose",
  deterministic: true,
  description: {
    en: "Hardly concedes and never goes below half of what it stands to gain; reveals nothing.",
    nl: "Geeft nauwelijks toe en zakt nooit onder de helft van wat hij kan winnen; verklapt niets.",
  },
  defaults: ({ batna, best }) => ({ concession: 0.05, reservation: batna + 0.5 * (best - batna) }),
  create: () => ({
    curve: new TimeDependentCurve(),
    bidding: new LadderBidding(),
    acceptance: new TargetAcceptance(),
    disclosure: new ClosedDisclosure(),
    inquiry: new SilentInquiry(),
    model: new OpposedPrior(),
  }),
};
