import { BluffDisclosure } from "../disclosure.js";
import { ProbingInquiry } from "../inquiry.js";
import { timeDependentParts } from "../parts.js";
import type { PartnerStyle } from "../types.js";

export const anchorAndBluff: PartnerStyle = {
  id: "anchor-and-bluff",
  family: "win-lose",
  deterministic: true,
  description: {
    en: "Opens with its wish list, overstates its alternative and misleads about its priorities.",
    nl: "Opent met zijn verlanglijst, overdrijft zijn alternatief en misleidt over zijn prioriteiten.",
  },
  defaults: () => ({ concession: 0.3, honesty: 0 }),
  create: () => timeDependentParts({ disclosure: new BluffDisclosure(), inquiry: new ProbingInquiry() }),
};
