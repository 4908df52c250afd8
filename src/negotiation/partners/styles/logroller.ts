import { learningParts } from "../parts.js";
import type { PartnerStyle } from "../types.js";

export const logroller: PartnerStyle = {
  id: "logroller",
  family: "win-win",
  deterministic: true,
  defaults: () => ({ concession: 0.8, initialTrust: 60 }),
  create: () => learningParts(),
};
