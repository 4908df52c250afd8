import { OpenDisclosure } from "../disclosure.js";
import { timeDependentParts } from "../parts.js";
import type { PartnerStyle } from "../types.js";

export const conceder: PartnerStyle = {
  id: "conceder",
  family: "win-win",
  deterministic: true,
  description: {
    en: "Concedes early (u(t) with e > 1) and answers questions openly.",
    nl: "Geeft vroeg toe (u(t) met e > 1) en beantwoordt vragen open.",
  },
  defaults: () => ({ concession: 2, initialTrust: 60 }),
  create: () => timeDependentParts({ disclosure: new OpenDisclosure() }),
};
