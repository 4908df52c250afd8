import { TargetAcceptance } from "../acceptance.js";
import { LadderBidding } from "../bidding.js";
import { TimeDependentCurve } from "../curves.js";
import { ClosedDisclosure } from "../disclosure.js";
import { SilentInquiry } from "../inquiry.js";
import { OpposedPrior } from "../opponent-models.js";
import type { PartnerStyle } from "../types.js";

export const linear: PartnerStyle = {
  id: "linear",
  family: "baseline",
  deterministic: true,
  description: {
    en: "Baseline: concedes at a constant rate from its best package to its reservation.",
    nl: "Basislijn: geeft in een vast tempo toe van zijn beste pakket naar zijn ondergrens.",
  },
  defaults: () => ({ concession: 1 }),
  create: () => ({
    curve: new TimeDependentCurve(),
    bidding: new LadderBidding(),
    acceptance: new TargetAcceptance(),
    disclosure: new ClosedDisclosure(),
    inquiry: new SilentInquiry(),
    model: new OpposedPrior(),
  }),
};
