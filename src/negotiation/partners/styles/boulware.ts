import { TargetAcceptance } from "../acceptance.js";
import { LadderBidding } from "../bidding.js";
import { TimeDependentCurve } from "../curves.js";
import { ClosedDisclosure } from "../disclosure.js";
import { SilentInquiry } from "../inquiry.js";
import { OpposedPrior } from "../opponent-models.js";
import type { PartnerStyle } from "../types.js";

export const boulware: PartnerStyle = {
  id: "boulware",
  family: "win-lose",
  deterministic: true,
  description: {
    en: "Holds out and concedes only as the deadline nears (u(t) with e < 1); reveals nothing.",
    nl: "Houdt vast en geeft pas toe als de deadline nadert (u(t) met e < 1); verklapt niets.",
  },
  defaults: () => ({ concession: 0.2 }),
  create: () => ({
    curve: new TimeDependentCurve(),
    bidding: new LadderBidding(),
    acceptance: new TargetAcceptance(),
    disclosure: new ClosedDisclosure(),
    inquiry: new SilentInquiry(),
    model: new OpposedPrior(),
  }),
};
