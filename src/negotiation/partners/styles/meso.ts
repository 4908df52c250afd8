import { MesoBidding } from "../bidding.js";
import { learningParts } from "../parts.js";
import type { PartnerStyle } from "../types.js";

export const meso: PartnerStyle = {
  id: "meso",
  family: "win-win",
  deterministic: true,
  defaults: () => ({ concession: 0.8, initialTrust: 60 }),
  create: () => learningParts({ bidding: new MesoBidding() }),
};
