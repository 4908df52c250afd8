import { timeDependentParts } from "../parts.js";
import type { PartnerStyle } from "../types.js";

export const boulware: PartnerStyle = {
  id: "boulware",
  family: "win-lose",
  deterministic: true,
  defaults: () => ({ concession: 0.2 }),
  create: () => timeDependentParts(),
};
