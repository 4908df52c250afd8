import { MesoBidding } from "../bidding.js";
import { learningParts } from "../parts.js";
import type { PartnerStyle } from "../types.js";

export const meso: PartnerStyle = {
  id: "meso",
  family: "win-win",
  deterministic: true,
  description: {
    en: "Offers three packages that are equal for itself and learns from the one you pick.",
    nl: "Biedt drie pakketten die voor hem gelijkwaardig zijn en leert van het pakket dat jij kiest.",
  },
  defaults: () => ({ concession: 0.8, initialTrust: 60 }),
  create: () => learningParts({ bidding: new MesoBidding() }),
};
