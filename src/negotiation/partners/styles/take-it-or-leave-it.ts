import { FixedCurve } from "../curves.js";
import { StrictAcceptance } from "../acceptance.js";
import { timeDependentParts } from "../parts.js";
import type { PartnerStyle } from "../types.js";

export const takeItOrLeaveIt: PartnerStyle = {
  id: "take-it-or-leave-it",
  family: "win-lose",
  deterministic: true,
  defaults: ({ batna, best }) => ({ aspiration: batna + 0.6 * (best - batna) }),
  create: () => timeDependentParts({ curve: new FixedCurve(), acceptance: new StrictAcceptance() }),
};
