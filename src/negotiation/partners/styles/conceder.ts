import { OpenDisclosure } from "../disclosure.js";
import { timeDependentParts } from "../parts.js";
import type { PartnerStyle } from "../types.js";

export const conceder: PartnerStyle = {
  id: "conceder",
  family: "win-win",
  deterministic: true,
  defaults: () => ({ concession: 2, initialTrust: 60 }),
  create: () => timeDependentParts({ disclosure: new OpenDisclosure() }),
};
