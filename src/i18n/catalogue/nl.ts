/** De Nederlandse berichtencatalogus: dezelfde sleutels en plaatshouders als en.ts. */
import type { MessageKey } from "./en.js";

export const NL: Record<MessageKey, string> = {
  // ── play: the picker, the briefing, the negotiation and debrief screens ─────────────────
  "play.pick.scenario": "Kies een scenario",
};
