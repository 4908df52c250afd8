import { RandomAcceptance } from "../acceptance.js";
import { RandomBidding } from "../bidding.js";
import { FixedCurve } from "../curves.js";
import { ClosedDisclosure } from "../disclosure.js";
import { SilentInquiry } from "../inquiry.js";
import { OpposedPrior } from "../opponent-models.js";
import type { PartnerStyle } from "../types.js";

export const random: PartnerStyle = {
  id: "random",
  family: "baseline",
  deterministic: false,
  description: {
    en: "Baseline: offers random packages above its reservation and accepts at random, the likelier the better the offer.",
    nl: "Basislijn: biedt willekeurige pakketten boven zijn ondergrens en accepteert willekeurig, vaker naarmate het bod beter is.",
  },
  // Its "target" is its floor: it offers anything above it.
  defaults: ({ batna, best }) => ({ aspiration: batna + 0.02 * (best - batna) }),
  create: () => ({
    curve: new FixedCurve(),
    bidding: new RandomBidding(),
    acceptance: new RandomAcceptance(),
    disclosure: new ClosedDisclosure(),
    inquiry: new SilentInquiry(),
    model: new OpposedPrior(),
  }),
};
