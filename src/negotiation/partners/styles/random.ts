import { FixedCurve } from "../curves.js";
import { RandomAcceptance } from "../acceptance.js";
import { RandomBidding } from "../bidding.js";
import { timeDependentParts } from "../parts.js";
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
  create: () => timeDependentParts({ curve: new FixedCurve(), bidding: new RandomBidding(), acceptance: new RandomAcceptance() }),
};
