import { timeDependentParts } from "../parts.js";
import type { PartnerStyle } from "../types.js";

export const linear: PartnerStyle = {
  id: "linear",
  family: "baseline",
  deterministic: true,
  defaults: () => ({ concession: 1 }),
  create: () => timeDependentParts(),
};
