import { TargetAcceptance } from "../acceptance.js";
import { LadderBidding } from "../bidding.js";
import { TimeDependentCurve } from "../curves.js";
import { OpenDisclosure } from "../disclosure.js";
import { SilentInquiry } from "../inquiry.js";
import { OpposedPrior } from "../opponent-models.js";
import type { PartnerStyle } from "../types.js";

export const conceder: PartnerStyle = {
  id: "conceder",
  family: "win-win",
  deterministic: true,
  description: {
    en: "Concedes early (u(t) with e > 1) and answers questions openly.",
    nl: "Geeft vroeg toe (u(t) met e > 1) en beantwoordt vragen open.",
  },
  defaults: () => ({ concession: 2, initialTrust: 60 }),
  create: () => ({
    curve: new TimeDependentCurve(),
    bidding: new LadderBidding(),
    acceptance: new TargetAcceptance(),
    disclosure: new OpenDisclosure(),
    inquiry: new SilentInquiry(),
    model: new OpposedPrior(),
  }),
};
