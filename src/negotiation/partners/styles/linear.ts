import { timeDependentParts } from "../parts.js";
import type { PartnerStyle } from "../types.js";

export const linear: PartnerStyle = {
  id: "linear",
  family: "baseline",
  deterministic: true,
  description: {
    en: "Baseline: concedes at a constant rate from its best package to its reservation.",
    nl: "Basislijn: geeft in een vast tempo toe van zijn beste pakket naar zijn ondergrens.",
  },
  defaults: () => ({ concession: 1 }),
  create: () => timeDependentParts(),
};
