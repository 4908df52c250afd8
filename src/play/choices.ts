/** The partner choices a game offers: a leaf, so that `play --help` needs no game loaded. */
import { PARTNER_STYLE_IDS } from "../negotiation/partners/style-ids.js";

export const SURPRISE = "surprise";

/** The choices a picker offers for the partners: every registered style, then "surprise me". */
export function partnerChoices(): string[] {
  return [...PARTNER_STYLE_IDS, SURPRISE];
}
