import { timeDependentParts } from "../parts.js";
import type { PartnerStyle } from "../types.js";

export const hardliner: PartnerStyle = {
  id: "hardliner",
  family: "win-lose",
  deterministic: true,
  defaults: ({ batna, best }) => ({ concession: 0.05, reservation: batna + 0.5 * (best - batna) }),
  create: () => timeDependentParts(),
};
