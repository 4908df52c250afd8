import { ReciprocalCurve } from "../curves.js";
import { learningParts } from "../parts.js";
import type { PartnerStyle } from "../types.js";

export const reciprocator: PartnerStyle = {
  id: "reciprocator",
  family: "win-win",
  deterministic: true,
  description: {
    en: "Nice tit-for-tat: concedes as much as you do, with a little goodwill each round.",
    nl: "Vriendelijk voor wat hoort wat: geeft evenveel toe als jij, met elke ronde een beetje goodwill.",
  },
  defaults: () => ({ initialTrust: 60 }),
  create: () => learningParts({ curve: new ReciprocalCurve() }),
};
