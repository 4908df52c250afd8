import { ReciprocalCurve } from "../curves.js";
import { learningParts } from "../parts.js";
import type { PartnerStyle } from "../types.js";

export const reciprocator: PartnerStyle = {
  id: "reciprocator",
  family: "win-win",
  deterministic: true,
  defaults: () => ({ initialTrust: 60 }),
  create: () => learningParts({ curve: new ReciprocalCurve() }),
};
