import { learningParts } from "../parts.js";
import type { PartnerStyle } from "../types.js";

export const logroller: PartnerStyle = {
  id: "logroller",
  family: "win-win",
  deterministic: true,
  description: {
    en: "Asks, listens and trades: at its target it offers the package best for your interests as it has learnt them.",
    nl: "Vraagt, luistert en ruilt: op zijn doel biedt hij het pakket dat het best past bij jouw belangen zoals hij die leerde kennen.",
  },
  defaults: () => ({ concession: 0.8, initialTrust: 60 }),
  create: () => learningParts(),
};
