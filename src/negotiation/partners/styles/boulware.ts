import { timeDependentParts } from "../parts.js";
import type { PartnerStyle } from "../types.js";

export const boulware: PartnerStyle = {
  id: "boulware",
  family: "win-lose",
  deterministic: true,
  description: {
    en: "Holds out and concedes only as the deadline nears (u(t) with e < 1); reveals nothing.",
    nl: "Houdt vast en geeft pas toe als de deadline nadert (u(t) met e < 1); verklapt niets.",
  },
  defaults: () => ({ concession: 0.2 }),
  create: () => timeDependentParts(),
};
