import { timeDependentParts } from "../parts.js";
import type { PartnerStyle } from "../types.js";

export const hardliner: PartnerStyle = {
  id: "hardliner",
  family: "win-lose",
  deterministic: true,
  description: {
    en: "Hardly concedes and never goes below half of what it stands to gain; reveals nothing.",
    nl: "Geeft nauwelijks toe en zakt nooit onder de helft van wat hij kan winnen; verklapt niets.",
  },
  defaults: ({ batna, best }) => ({ concession: 0.05, reservation: batna + 0.5 * (best - batna) }),
  create: () => timeDependentParts(),
};
