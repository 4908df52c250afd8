import { StrictAcceptance } from "../acceptance.js";
import { LadderBidding } from "../bidding.js";
import { FixedCurve } from "../curves.js";
import { ClosedDisclosure } from "../disclosure.js";
import { SilentInquiry } from "../inquiry.js";
import { OpposedPrior } from "../opponent-models.js";
import type { PartnerStyle } from "../types.js";

export const takeItOrLeaveIt: PartnerStyle = {
  id: "take-it-or-leave-it",
  family: "win-lose",
  deterministic: true,
  description: {
    en: "Makes one firm offer, repeats it every round and accepts nothing less.",
    nl: "Doet één vast bod, herhaalt het elke ronde en accepteert niets minder.",
  },
  defaults: ({ batna, best }) => ({ aspiration: batna + 0.6 * (best - batna) }),
  create: () => ({
    curve: new FixedCurve(),
    bidding: new LadderBidding(),
    acceptance: new StrictAcceptance(),
    disclosure: new ClosedDisclosure(),
    inquiry: new SilentInquiry(),
    model: new OpposedPrior(),
  }),
};
