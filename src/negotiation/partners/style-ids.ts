/**
 * The partner styles' ids, in the registry's order: a leaf, so that the CLI's --partner and
 * --strategies choices are known without loading the styles (a test holds it to the registry).
 */
export const PARTNER_STYLE_IDS = [
  "hardliner",
  "boulware",
  "anchor-and-bluff",
  "take-it-or-leave-it",
  "logroller",
  "meso",
  "reciprocator",
  "conceder",
  "linear",
  "random",
] as const;
