import { BluffDisclosure } from "../disclosure.js";
import { ProbingInquiry } from "../inquiry.js";
import { timeDependentParts } from "../parts.js";
import type { PartnerStyle } from "../types.js";

export const anchorAndBluff: PartnerStyle = {
  id: "anchor-and-bluff",
  family: "win-lose",
  deterministic: true,
  defaults: () => ({ concession: 0.3, honesty: 0 }),
  create: () => timeDependentParts({ disclosure: new BluffDisclosure(), inquiry: new ProbingInquiry() }),
};
