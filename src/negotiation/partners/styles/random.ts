import { FixedCurve } from "../curves.js";
import { RandomAcceptance } from "../acceptance.js";
import { RandomBidding } from "../bidding.js";
import { timeDependentParts } from "../parts.js";
import type { PartnerStyle } from "../types.js";

export const random: PartnerStyle = {
  id: "random",
  family: "baseline",
  deterministic: false,
  // Its "target" is its floor: it offers anything above it.
  defaults: ({ batna, best }) => ({ aspiration: batna + 0.02 * (best - batna) }),
  create: () => timeDependentParts({ curve: new FixedCurve(), bidding: new RandomBidding(), acceptance: new RandomAcceptance() }),
};
